/**
 * Offline question-answering evaluation: `npm run eval [-- --json] [-- --sweep]`.
 *
 * Loads content/kb and eval/questions.yaml, asks every question, and prints precision on
 * answerable questions, refusal accuracy (unanswerable + off-topic) and overall accuracy, with
 * every miss. Exits 1 when overall accuracy is below the floor (0.95).
 * `--sweep` prints the same numbers for a range of answer thresholds (calibration).
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { ANSWER_THRESHOLD, createKnowledge } from '../src/core/knowledge/answerer.js';
import { tuningOverrides } from './tuning-args.js';
import { formatProblem, hasErrors } from '../src/core/knowledge/loader.js';
import { loadKnowledgeBase } from '../src/content-files.js';
import { EARLY_CHARACTERS, evalSetSchema, percent, scoreOne, summarize, type EvalQuestion, type Summary } from './score.js';

const FLOOR = 0.95;
const argv = process.argv.slice(2);
const args = new Set(argv);

const thresholdArg = argv.indexOf('--threshold');
const threshold = thresholdArg >= 0 ? Number(argv[thresholdArg + 1]) : ANSWER_THRESHOLD;
const json = args.has('--json');
const contentDir = process.env['KB_DIR'] ?? 'content/kb';
const questionsFile = process.env['EVAL_QUESTIONS'] ?? 'eval/questions.yaml';

const { entries, problems, thesaurus } = await loadKnowledgeBase(contentDir);
if (hasErrors(problems) && !json) {
  console.warn(`Knowledge base has problems (entries with errors are left out):`);
  for (const problem of problems) console.warn(`  ${formatProblem(problem)}`);
}
const questions: EvalQuestion[] = evalSetSchema.parse(parse(await readFile(questionsFile, 'utf8')));
const knowledge = createKnowledge(entries, tuningOverrides(argv), thesaurus);

function run(at: number): Summary {
  const outcomes = questions.map((question) =>
    scoreOne(question, knowledge.answer(question.q, { threshold: at }), (topic) => knowledge.answerTopic(topic, question.lang)),
  );
  return summarize(outcomes, at);
}

if (args.has('--sweep')) {
  const rows: string[] = ['| threshold | answerable | refusal | overall |', '| ---: | ---: | ---: | ---: |'];
  for (let t = 0; t <= 0.901; t += 0.025) {
    const s = run(Number(t.toFixed(3)));
    rows.push(`| ${t.toFixed(3)} | ${percent(s.answerable.rate)} | ${percent(s.refusal.rate)} | ${percent(s.overall.rate)} |`);
  }
  console.log(rows.join('\n'));
  process.exit(0);
}

const summary = run(threshold);
if (json) {
  console.log(JSON.stringify({ ...summary, entries: entries.length, questions: questions.length, floor: FLOOR }, null, 2));
} else {
  // A share of nothing (no "Bedoel je…?" in the set) is not 100%: it is not measured.
  const line = (label: string, r: Summary['overall']): string =>
    `| ${label} | ${r.passed}/${r.total} | ${r.total ? percent(r.rate) : '–'} |`;
  console.log(
    `Knowledge base: ${entries.length} entries from ${contentDir}; ${questions.length} questions; threshold ${summary.threshold}\n`,
  );
  console.log('| measure | passed | rate |\n| --- | ---: | ---: |');
  console.log(line('precision on answerable questions', summary.answerable));
  console.log(line('refusal accuracy (unanswerable + off-topic)', summary.refusal));
  console.log(line('overall accuracy', summary.overall));
  console.log(line('answers given that were right', summary.answeredCorrectly));
  console.log(line('right answers with the fact in the first sentence', summary.factInFirstSentence));
  console.log(line(`right answers with the fact in the first ${EARLY_CHARACTERS} characters`, summary.factEarly));
  console.log(line('"Bedoel je…?" offering the right topic (answerable questions)', summary.clarify));
  console.log(`\nAnswered in another language than asked: ${summary.languageMismatches}`);
  if (summary.misses.length > 0) {
    console.log(`\nMisses (${summary.misses.length}):`);
    for (const miss of summary.misses) {
      console.log(
        `- ${miss.id} [${miss.lang}] expect ${miss.expect}, got ${miss.got} (confidence ${miss.confidence}): ${miss.reason}\n    ${miss.q}`,
      );
    }
  }
  console.log(`\n${summary.overall.rate >= FLOOR ? 'PASS' : 'FAIL'}: overall ${percent(summary.overall.rate)} (floor ${percent(FLOOR)})`);
}
process.exitCode = summary.overall.rate >= FLOOR ? 0 : 1;
