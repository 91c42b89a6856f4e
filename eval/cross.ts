/**
 * Does the matcher understand a way of asking it has not seen? `npm run eval:cross [-- --json] [-- --set name=value]`.
 *
 * Every entry's `questions` are ways people ask it. Split them in five folds; for each fold,
 * build the knowledge base without that fold's questions and ask each of them. A question comes
 * home when the reply is about its own entry's topic (an answer, or for a gap entry the honest
 * "not in the letter" of that gap). Unlike a tuning set this needs no one to write questions and
 * cannot be tuned to: every question asked is out of the index at the time. It measures
 * generalisation to the content authors' phrasings, not to volunteers', so it is a check on a
 * change to the matcher, not a replacement for a set written blind.
 */
import { createKnowledge } from '../src/core/knowledge/answerer.js';
import { loadKnowledgeBase } from '../src/content-files.js';
import type { KbEntry } from '../src/core/knowledge/types.js';
import { tuningOverrides } from './tuning-args.js';

const FOLDS = 5;
const json = process.argv.includes('--json');
const { entries, thesaurus } = await loadKnowledgeBase(process.env['KB_DIR'] ?? 'content/kb');

interface Probe {
  entry: KbEntry;
  q: string;
  fold: number;
}
// Folds by position in each entry's list: every entry keeps four fifths of its questions.
const probes: Probe[] = entries.flatMap((entry) => (entry.questions ?? []).map((q, i) => ({ entry, q, fold: i % FOLDS })));

interface Result {
  id: string;
  q: string;
  got: string;
  home: boolean;
  answered: boolean;
}
const results: Result[] = [];
for (let fold = 0; fold < FOLDS; fold++) {
  const held = probes.filter((probe) => probe.fold === fold);
  const kept = entries.map((entry) => ({ ...entry, questions: (entry.questions ?? []).filter((_, i) => i % FOLDS !== fold) }));
  const knowledge = createKnowledge(kept, tuningOverrides(process.argv.slice(2)), thesaurus);
  for (const { entry, q } of held) {
    const reply = knowledge.answer(q, { language: entry.language });
    const got = reply.topics[0] ?? '';
    // A gap entry comes home as the refusal naming it; an answer entry only as an answer.
    const home = got === entry.topic && (entry.unknown ? reply.unknownTopic === true : reply.answered);
    const how = reply.answered ? '' : reply.unknownTopic ? '(gap) ' : reply.alternatives?.length ? '(asked back) ' : '(refused) ';
    results.push({ id: entry.id, q, got: `${how}${got}`, home, answered: reply.answered });
  }
}

const count = (filter: (r: Result, e: KbEntry) => boolean): string => {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const all = results.filter((r) => filter(r, byId.get(r.id)!));
  return `${all.filter((r) => r.home).length}/${all.length}`;
};
const summary = {
  all: count(() => true),
  answers: count((_, e) => !e.unknown),
  gaps: count((_, e) => e.unknown),
  nl: count((_, e) => e.language === 'nl'),
  en: count((_, e) => e.language === 'en'),
};
if (json) console.log(JSON.stringify({ summary, misses: results.filter((r) => !r.home) }, null, 2));
else {
  console.log(`Held-out example questions that came home (${FOLDS} folds):`);
  for (const [label, value] of Object.entries(summary)) console.log(`  ${label.padEnd(8)} ${value}`);
}
