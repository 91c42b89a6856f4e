/**
 * Model-backed evaluation: `npm run eval:model [-- --json]`.
 *
 * Runs eval/questions.yaml through the grounded answerer with the real openai client against the
 * fake OpenAI-compatible server on 127.0.0.1 (test/support/fake-openai.ts), next to the offline
 * answerer. No network and no real model: this measures the plumbing and the gates, not fluency.
 *
 * The fake answers an in-scope question by quoting the first passage it was given and citing its
 * id. For a question the set marks as unanswerable or off-topic it "hallucinates" a confident
 * answer citing nothing or an invented id: the retrieval gate (no model call) or the citation
 * gate must turn every one of those into a refusal. An adversarial run lets the hallucination cite
 * a passage it was given, which no citation check can catch: that line shows the remaining risk.
 *
 * Last, the fake stalls on every call and the worst fallback latency is compared with the bound
 * timeout × (retries + 1) + margin. Exits 1 when a hallucination got through in the normal runs or
 * a fallback took longer than the bound.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { createModelServices, type ModelConfig } from '../src/adapters/llm/index.js';
import { OfflineAnswererAdapter } from '../src/core/answering/offline.js';
import type { AnsweredQuestion, Answerer } from '../src/core/answering/ports.js';
import { systemClock } from '../src/core/clock.js';
import { loadConfig } from '../src/config/load.js';
import { createKnowledge } from '../src/core/knowledge/index.js';
import { loadKnowledgeBase } from '../src/content-files.js';
import { silentLogger } from '../src/core/ports.js';
import { passagesIn, questionIn, startFakeOpenAI, type ChatBehavior, type ChatBody, type FakeOpenAI } from '../test/support/fake-openai.js';
import { evalSetSchema, percent, scoreOne, summarize, type EvalQuestion, type Summary } from './score.js';

/** The shipped defaults, so the reported bound is the one a fresh install has. */
const DEFAULTS = loadConfig({}, { readDotEnv: false });

const ROOT = path.resolve(import.meta.dirname, '..');
const json = process.argv.includes('--json');
const contentDir = process.env['KB_DIR'] ?? path.join(ROOT, 'content/kb');
const questionsFile = process.env['EVAL_QUESTIONS'] ?? path.join(ROOT, 'eval/questions.yaml');
/** The stall run uses a short timeout so it finishes quickly; the bound formula is the same. */
const STALL_POLICY = { timeoutMs: 500, retries: 2 };
const STALL_QUESTIONS = 5;

const { entries, thesaurus } = await loadKnowledgeBase(contentDir);
const knowledge = createKnowledge(entries, {}, thesaurus);
const questions: EvalQuestion[] = evalSetSchema.parse(parse(await readFile(questionsFile, 'utf8')));
const offline = new OfflineAnswererAdapter(() => knowledge);
const outOfScope = new Set(questions.filter((q) => q.expect === 'refuse').map((q) => q.q.trim()));
const fake = await startFakeOpenAI();

interface RunResult {
  label: string;
  summary: Summary;
  modelCalls: number;
  gated: number;
  rejected: number;
  fellBack: number;
  /** Out-of-scope questions the fake hallucinated on that ended up answered. */
  hallucinationsAccepted: number;
  hallucinated: number;
}

function config(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return {
    OPENAI_API_KEY: 'eval',
    OPENAI_BASE_URL: fake.url,
    OPENAI_MODEL: 'fake-chat',
    OPENAI_EMBEDDING_MODEL: undefined,
    OPENAI_TIMEOUT_MS: DEFAULTS.OPENAI_TIMEOUT_MS,
    OPENAI_MAX_RETRIES: DEFAULTS.OPENAI_MAX_RETRIES,
    rootDir: ROOT,
    ...overrides,
  };
}

/** Out of scope: hallucinate, alternating "no citation" and "an invented id" (or a given id when adversarial). */
function hallucinator(adversarial: boolean): (body: ChatBody) => ChatBehavior | undefined {
  let n = 0;
  return (body) => {
    if (!outOfScope.has(questionIn(body).trim())) return undefined;
    const given = passagesIn(body)[0]?.id;
    const citations = adversarial && given ? [given] : n++ % 2 ? ['made-up-source-nl'] : [];
    return { kind: 'hallucinate', citations, text: 'Ja, dat is geregeld: elk buurtnetwerk krijgt 10.000 euro en een eigen buurthuis.' };
  };
}

async function runModel(label: string, options: { embeddings?: boolean; adversarial?: boolean } = {}): Promise<RunResult> {
  fake.reset();
  fake.rule = hallucinator(options.adversarial ?? false);
  const services = createModelServices(config(options.embeddings ? { OPENAI_EMBEDDING_MODEL: 'fake-embed' } : {}), {
    knowledge: () => knowledge,
    offline,
    logger: silentLogger,
    clock: systemClock,
  });
  await services.answerer.ready();
  const outcomes = [];
  let hallucinationsAccepted = 0;
  let hallucinated = 0;
  for (const question of questions) {
    const before = fake.chatRequests().length;
    const answer = await services.answerer.answer({ question: question.q });
    const called = fake.chatRequests().length > before;
    if (called && question.expect === 'refuse') {
      hallucinated += 1;
      if (answer.answered) hallucinationsAccepted += 1;
    }
    outcomes.push(scoreOne(question, answer));
  }
  await services.close();
  const { stats } = services.answerer;
  return {
    label,
    summary: summarize(outcomes, 0),
    modelCalls: fake.chatRequests().length,
    gated: stats.gated,
    rejected: stats.rejected,
    fellBack: stats.fellBack,
    hallucinationsAccepted,
    hallucinated,
  };
}

async function runOffline(answerer: Answerer): Promise<Summary> {
  const outcomes = [];
  for (const question of questions) outcomes.push(scoreOne(question, await answerer.answer({ question: question.q })));
  return summarize(outcomes, 0);
}

/** Every call stalls: how long until the offline answer comes, against the stated bound. */
async function stallRun(server: FakeOpenAI): Promise<{ boundMs: number; worstMs: number; allOffline: boolean; calls: number }> {
  server.reset();
  server.rule = () => ({ kind: 'stall', ms: 60_000 });
  const services = createModelServices(config({ OPENAI_TIMEOUT_MS: STALL_POLICY.timeoutMs, OPENAI_MAX_RETRIES: STALL_POLICY.retries }), {
    knowledge: () => knowledge,
    offline,
    logger: silentLogger,
    clock: systemClock,
  });
  const answerable = questions.filter((q) => q.expect === 'answer' && knowledge.answer(q.q).answered).slice(0, STALL_QUESTIONS);
  let worstMs = 0;
  let allOffline = true;
  for (const question of answerable) {
    const started = performance.now();
    const answer: AnsweredQuestion = await services.answerer.answer({ question: question.q });
    worstMs = Math.max(worstMs, performance.now() - started);
    allOffline &&= answer.via === 'offline' && answer.answer === knowledge.answer(question.q).answer;
  }
  await services.close();
  return { boundMs: services.boundMs, worstMs: Math.round(worstMs), allOffline, calls: server.chatRequests().length };
}

const offlineSummary = await runOffline(offline);
const runs = [await runModel('model (keyword)'), await runModel('model (hybrid)', { embeddings: true })];
const adversarial = await runModel('model, hallucination cites a given passage', { adversarial: true });
const stall = await stallRun(fake);
const defaultBound = createModelServices(config(), {
  knowledge: () => knowledge,
  offline,
  logger: silentLogger,
  clock: systemClock,
}).boundMs;
await fake.close();

const leaked = runs.reduce((sum, r) => sum + r.hallucinationsAccepted, 0);
const ok = leaked === 0 && stall.allOffline && stall.worstMs <= stall.boundMs;

if (json) {
  console.log(
    JSON.stringify(
      {
        entries: entries.length,
        questions: questions.length,
        offline: offlineSummary,
        runs,
        adversarial,
        stall,
        defaultBoundMs: defaultBound,
        ok,
      },
      null,
      2,
    ),
  );
} else {
  const cell = (r: Summary['overall']) => `${r.passed}/${r.total} (${percent(r.rate)})`;
  const columns = [{ label: 'offline', summary: offlineSummary }, ...runs];
  const row = (name: string, pick: (s: Summary) => Summary['overall']) =>
    `| ${name} | ${columns.map((c) => cell(pick(c.summary))).join(' | ')} |`;
  console.log(
    `Knowledge base: ${entries.length} entries; ${questions.length} questions; fake OpenAI-compatible server on 127.0.0.1 (no real model)\n`,
  );
  console.log(`| measure | ${columns.map((c) => c.label).join(' | ')} |`);
  console.log(`| --- | ${columns.map(() => '---:').join(' | ')} |`);
  console.log(row('precision on answerable questions', (s) => s.answerable));
  console.log(row('refusal accuracy (unanswerable + off-topic)', (s) => s.refusal));
  console.log(row('overall accuracy', (s) => s.overall));
  console.log(row('answers given that were right', (s) => s.answeredCorrectly));
  console.log(`| model calls | - | ${runs.map((r) => r.modelCalls).join(' | ')} |`);
  console.log(`| refused before calling the model (retrieval gate) | - | ${runs.map((r) => r.gated).join(' | ')} |`);
  console.log(`| model output rejected (citation gate) | - | ${runs.map((r) => r.rejected).join(' | ')} |`);
  console.log(
    `| hallucinations accepted / out-of-scope questions that reached the model | - | ${runs.map((r) => `${r.hallucinationsAccepted}/${r.hallucinated}`).join(' | ')} |`,
  );
  console.log(
    `\nAdversarial (the hallucination cites a passage it was given; only the retrieval gate and a real model's honesty stop it):`,
  );
  console.log(
    `  ${adversarial.hallucinationsAccepted}/${adversarial.hallucinated} out-of-scope questions that reached the model were answered; refusal accuracy ${cell(adversarial.summary.refusal)}`,
  );
  console.log(`\nWorst-case fallback latency (every call stalls; timeout ${STALL_POLICY.timeoutMs} ms, ${STALL_POLICY.retries} retries):`);
  console.log(
    `  worst ${stall.worstMs} ms over ${STALL_QUESTIONS} questions (${stall.calls} calls), bound ${stall.boundMs} ms = ${STALL_POLICY.timeoutMs} × ${STALL_POLICY.retries + 1} + margin; offline answer every time: ${stall.allOffline ? 'yes' : 'NO'}`,
  );
  console.log(
    `  with the defaults (OPENAI_TIMEOUT_MS=${DEFAULTS.OPENAI_TIMEOUT_MS}, OPENAI_MAX_RETRIES=${DEFAULTS.OPENAI_MAX_RETRIES}) the bound is ${defaultBound} ms`,
  );
  console.log(
    `\n${ok ? 'PASS' : 'FAIL'}: ${leaked} hallucination(s) accepted in the normal runs; fallback ${stall.worstMs <= stall.boundMs ? 'within' : 'OVER'} the bound`,
  );
}
process.exitCode = ok ? 0 : 1;
