/**
 * Tuning aid: for every evaluation question, where the right entry ranks and with what
 * confidence, next to what won. `npx tsx eval/diagnose.ts [--all]`
 * An entry is "right" for an answerable question when its first paragraph, in the question's
 * language, contains every expected string.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { createKnowledge } from '../src/core/knowledge/answerer.js';
import { firstParagraph } from '../src/core/knowledge/answer-text.js';
import { loadKnowledgeBase } from '../src/content-files.js';
import { containsText, evalSetSchema, scoreOne } from './score.js';
import { analyzeText } from '../src/core/knowledge/text/analyzer.js';

const all = process.argv.includes('--all');
const { entries, thesaurus } = await loadKnowledgeBase(process.env['KB_DIR'] ?? 'content/kb');
const questions = evalSetSchema.parse(parse(await readFile(process.env['EVAL_QUESTIONS'] ?? 'eval/questions.yaml', 'utf8')));
const knowledge = createKnowledge(entries, {}, thesaurus);

for (const question of questions) {
  const ranked = knowledge.search(question.q, { limit: 20 });
  const fmt = (i: number): string => {
    const r = ranked[i];
    if (!r) return '-';
    const entry = knowledge.entryFor(r.topic, question.lang) ?? knowledge.entryFor(r.topic, question.lang === 'nl' ? 'en' : 'nl');
    return `${r.topic}${entry?.unknown ? '(?)' : ''} ${r.confidence.toFixed(2)} cov=${r.hit.coverage.toFixed(2)} ev=${r.hit.evidence.toFixed(1)}`;
  };
  if (question.expect === 'answer') {
    const right = ranked.findIndex((r) => {
      const entry = knowledge.entryFor(r.topic, question.lang);
      return entry && !entry.unknown && (question.contains ?? []).every((c) => containsText(firstParagraph(entry.body), c));
    });
    const rightAnywhere = entries
      .filter(
        (e) =>
          e.language === question.lang && !e.unknown && (question.contains ?? []).every((c) => containsText(firstParagraph(e.body), c)),
      )
      .map((e) => e.topic);
    if (all || right !== 0)
      console.log(
        `${question.id} A right@${right} | ${question.q}\n    top: ${fmt(0)}\n    2nd: ${fmt(1)}${right > 1 ? `\n    right: ${fmt(right)}` : ''}${right < 0 ? `\n    candidates: ${rightAnywhere.slice(0, 6).join(', ')}` : ''}`,
      );
  } else {
    const top = ranked[0];
    const entry = top && knowledge.entryFor(top.topic, question.lang);
    if (all || (top && !entry?.unknown)) console.log(`${question.id} R | ${question.q}\n    top: ${fmt(0)}\n    2nd: ${fmt(1)}`);
  }
}

// Feature dump for calibration: one TSV row per question.
if (process.argv.includes('--features')) {
  console.log(['id', 'kind', 'conf', 'cov', 'head', 'ev', 'unm', 'margin', 'topic'].join('\t'));
  for (const question of questions) {
    const [top, second] = knowledge.search(question.q, { limit: 5 });
    const entry =
      top && (knowledge.entryFor(top.topic, question.lang) ?? knowledge.entryFor(top.topic, question.lang === 'nl' ? 'en' : 'nl'));
    // Correct as if the threshold were 0: does the answer the bot would give pass?
    const outcome = scoreOne(question, knowledge.answer(question.q, { threshold: 0 }));
    const kind = question.expect === 'answer' ? (outcome.pass ? 'A+' : 'A-') : entry?.unknown ? 'R?' : 'R';
    const h = top?.hit;
    const margin = h && second ? 1 - second.hit.rank / h.rank : 1;
    console.log(
      [
        question.id,
        kind,
        top?.confidence.toFixed(3) ?? 0,
        h?.coverage.toFixed(2),
        h?.headCoverage.toFixed(2),
        h?.evidence.toFixed(2),
        h?.unmatched.toFixed(2),
        margin.toFixed(2),
        top?.topic ?? '-',
      ].join('\t'),
    );
  }
}

// Compact calibration view: top confidence per question, sorted, with whether the top is right.
if (process.argv.includes('--calibration')) {
  const rows: Array<[number, string]> = [];
  for (const question of questions) {
    const top = knowledge.search(question.q, { limit: 5 })[0];
    const entry =
      top && (knowledge.entryFor(top.topic, question.lang) ?? knowledge.entryFor(top.topic, question.lang === 'nl' ? 'en' : 'nl'));
    let verdict: string;
    if (question.expect === 'answer') {
      const ok = entry && !entry.unknown && (question.contains ?? []).every((c) => containsText(firstParagraph(entry.body), c));
      verdict = ok ? 'A+' : 'A-';
    } else {
      verdict = entry?.unknown ? 'R?' : 'R ';
    }
    const terms = analyzeText(question.q, top?.hit.language ?? question.lang).map((t) => t.whole);
    const unmatched = terms.filter((t) => !top?.hit.matched.includes(t));
    rows.push([
      top?.confidence ?? 0,
      `${verdict} ${question.id} ${(top?.confidence ?? 0).toFixed(3)} ${top?.topic ?? '-'} cov=${top?.hit.coverage.toFixed(2)} ev=${top?.hit.evidence.toFixed(1)} matched=${top?.hit.matched.join(',')} unmatched=${unmatched.join(',')}`,
    ]);
  }
  rows.sort((a, b) => a[0] - b[0]);
  console.log(rows.map((r) => r[1]).join('\n'));
}
