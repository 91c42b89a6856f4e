/**
 * The core in-process (`node --expose-gc --import tsx bench/core.ts --passages 5000`): the real App
 * started on a content folder with N passages (the real knowledge base + generated filler from
 * bench/filler.ts, loaded from Markdown at start like real content), then
 *
 *  - start time and RSS right after start (after a GC);
 *  - retrieval alone: `knowledge.answer(question)` in a loop (one thread, no I/O), bounded in time
 *    but at least one pass over the questions: answers/s, p50/p95, and CPU time per answer (which
 *    other work on the machine does not inflate);
 *  - the whole core: `app.turns.dispatch(message)` (engine, features, SQLite),
 *    C at a time, each question from a new person: answers/s, p50/p95, CPU per answer; RSS again.
 *
 * The content folder is written beforehand by bench/content.ts in a child process (cached in the
 * temp dir), so generating filler never counts towards this process's memory.
 */
import { Session } from 'node:inspector/promises';
import Database from 'better-sqlite3';
import { answerableQuestions, questionAt } from './questions.js';
import { closeBenchApp, createBenchApp, ensureContent, webMessages } from './setup.js';
import { emit, int, mb, ms, numberFlag, pool, rss, runMain, summarize, type Summary } from './stats.js';

const PASSAGES = numberFlag('--passages', 5000);
const RETRIEVAL_MS = numberFlag('--retrieval-ms', 3000);
const TURNS = numberFlag('--turns', 400);
const TURNS_MAX_MS = numberFlag('--turns-max-ms', 30_000);
const CONCURRENCY = numberFlag('--concurrency', 8);
/** Extra turns run under the V8 sampling profiler after the measurement, to say where the CPU goes. */
const PROFILE_TURNS = numberFlag('--profile', 0);

/**
 * Counts the SQL statements the app runs, at better-sqlite3: Prisma's adapter prepares a statement
 * for every query, the direct per-turn connection (src/storage/sqlite) prepares once and runs many
 * times, so executions are counted (run/get/all/iterate on any statement).
 */
let statements = 0;
/** While set, the statements themselves are kept too (for one sample turn). */
let recording: string[] | undefined;
{
  const probe = new Database(':memory:');
  const statementProto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown> & { source?: string };
  probe.close();
  for (const method of ['run', 'get', 'all', 'iterate'] as const) {
    const original = statementProto[method] as (this: Database.Statement, ...args: unknown[]) => unknown;
    statementProto[method] = function (this: Database.Statement, ...args: unknown[]) {
      statements += 1;
      recording?.push(this.source);
      return original.apply(this, args);
    };
  }
}

/** "INSERT User", "SELECT Conversation", "BEGIN": what a statement does, to which table. */
function describeStatement(sql: string): string {
  const text = sql.trim();
  // Prisma writes `main`.`Table`; the direct per-turn statements "Table".
  const match = /`main`\.`(\w+)`|"(\w+)"/.exec(text);
  const table = match?.[1] ?? match?.[2] ?? '';
  const verb = /^\w+/.exec(text)?.[0]?.toUpperCase() ?? '?';
  const upsert = verb === 'INSERT' && /ON CONFLICT/i.test(text) ? (/DO NOTHING/i.test(text) ? ' (if new)' : ' (upsert)') : '';
  return table ? `${verb} ${table}${upsert}` : verb;
}

/** Where the CPU went, by part of the stack, as shares of the non-idle samples. */
export type CpuShares = Record<string, number>;

function category(url: string, functionName: string): string | undefined {
  if (functionName === '(idle)') return undefined;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (url.startsWith('wasm://') || url.includes('@prisma/client') || url.includes('/src/generated/') || url.includes('@prisma/debug'))
    return 'Prisma client (query compiler + interpreter)';
  if (url.includes('@prisma/adapter-better-sqlite3') || url.includes('better-sqlite3')) return 'SQLite driver (adapter + better-sqlite3)';
  if (url.includes('minisearch') || url.includes('/src/core/knowledge/') || url.includes('@orama') || url.includes('/src/core/answering/'))
    return 'retrieval (knowledge, minisearch)';
  if (url.includes('/node_modules/eld/')) return 'language detection (eld)';
  if (url.includes('/src/storage/')) return 'our repositories (src/storage)';
  // better-sqlite3's statement methods are native functions without a script: SQLite's own C code.
  if (url === '' && SQLITE_NATIVE.has(functionName)) return 'SQLite statements (native run/get/all)';
  if (url.includes('/src/')) return 'other buurtbot code';
  if (url.startsWith('node:')) return 'Node.js internals';
  return 'native / other';
}

const SQLITE_NATIVE: ReadonlySet<string> = new Set(['run', 'get', 'all', 'iterate', 'exec', 'pragma']);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

async function profileTurns(run: () => Promise<void>): Promise<CpuShares> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  await run();
  const { profile } = (await session.post('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  session.disconnect();
  const byId = new Map(profile.nodes.map((n) => [n.id, n] as const));
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const key = node ? category(node.callFrame.url, node.callFrame.functionName) : undefined;
    if (!key) return;
    totals.set(key, (totals.get(key) ?? 0) + dt);
    all += dt;
  });
  const shares: CpuShares = {};
  for (const [key, value] of [...totals].sort((a, b) => b[1] - a[1])) shares[key] = all ? value / all : 0;
  return shares;
}

export interface CoreBenchResult {
  passages: number;
  realEntries: number;
  fillerEntries: number;
  startMs: number;
  startCpuMs: number;
  rssBeforeStart: number;
  rssAfterStart: number;
  heapAfterStart: number;
  retrieval: { answers: number; answered: number; perSecond: number; cpuMsPerAnswer: number; latency: Summary };
  core: {
    turns: number;
    concurrency: number;
    perSecond: number;
    cpuMsPerAnswer: number;
    latency: Summary;
    errors: number;
    /** SQL statements per turn (BEGIN/COMMIT included). */
    statementsPerTurn: number;
    /** The statements of one sample turn: a new person's first question, then their second. */
    sampleTurn: { firstQuestion: string[]; secondQuestion: string[] };
  };
  rssAfterCore: number;
  /** Shares of CPU time by part of the stack during the profiled turns (with --profile). */
  profile?: { turns: number; shares: CpuShares };
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

async function main(): Promise<void> {
  const questions = answerableQuestions();
  const content = ensureContent(PASSAGES);
  const rssBeforeStart = rss();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const app = await createBenchApp({ env: { BUURTBOT_CONTENT_DIR: content.dir } });
  const startMs = performance.now() - t0;
  const startCpuMs = cpuMs(cpu0);
  try {
    const rssAfterStart = rss();
    const heapAfterStart = process.memoryUsage().heapUsed;

    // Retrieval alone, bounded in time.
    const knowledge = app.knowledge.knowledge;
    for (let i = 0; i < 10; i++) knowledge.answer(questionAt(questions, i));
    const retrievalLatencies: number[] = [];
    let answered = 0;
    const retrievalStart = performance.now();
    const retrievalCpu = process.cpuUsage();
    // Bounded in time, but at least one pass over every question, so each size answers the same mix.
    for (let i = 0; (performance.now() - retrievalStart < RETRIEVAL_MS || i < questions.length) && i < 100_000; i++) {
      const t = performance.now();
      const answer = knowledge.answer(questionAt(questions, i));
      retrievalLatencies.push(performance.now() - t);
      if (answer.answered) answered += 1;
    }
    const retrievalElapsed = performance.now() - retrievalStart;
    const retrievalCpuMs = cpuMs(retrievalCpu);

    // The whole core: dispatcher → engine → features → SQLite. Bounded in count and time.
    const message = webMessages('bench');
    for (let i = 0; i < 8; i++) await app.turns.dispatch(message(`warm${i}`, questionAt(questions, i)));
    const coreLatencies: number[] = [];
    let errors = 0;
    const coreStart = performance.now();
    const coreCpu = process.cpuUsage();
    const statementsBefore = statements;
    const turns = await pool(
      TURNS,
      CONCURRENCY,
      async (i) => {
        const t = performance.now();
        const out = await app.turns.dispatch(message(`user${i}`, questionAt(questions, i)));
        coreLatencies.push(performance.now() - t);
        if (!out?.length || out.some((r) => r.kind === 'error')) errors += 1;
      },
      Date.now() + TURNS_MAX_MS,
    );
    const coreElapsed = performance.now() - coreStart;
    const coreCpuMs = cpuMs(coreCpu);
    const statementsPerTurn = (statements - statementsBefore) / Math.max(1, turns);
    const sample = async (text: string): Promise<string[]> => {
      recording = [];
      await app.turns.dispatch(message('sample-person', text));
      const seen = recording;
      recording = undefined;
      return seen.map(describeStatement);
    };
    const sampleTurn = { firstQuestion: await sample(questionAt(questions, 0)), secondQuestion: await sample(questionAt(questions, 1)) };
    const rssAfterCore = rss();
    const profile =
      PROFILE_TURNS > 0
        ? {
            turns: PROFILE_TURNS,
            shares: await profileTurns(async () => {
              await pool(PROFILE_TURNS, CONCURRENCY, async (i) => {
                await app.turns.dispatch(message(`profiled${i}`, questionAt(questions, i + 3)));
              });
            }),
          }
        : undefined;

    const result: CoreBenchResult = {
      passages: content.passages,
      realEntries: content.realEntries,
      fillerEntries: content.fillerEntries,
      startMs,
      startCpuMs,
      rssBeforeStart,
      rssAfterStart,
      heapAfterStart,
      retrieval: {
        answers: retrievalLatencies.length,
        answered,
        perSecond: (retrievalLatencies.length / retrievalElapsed) * 1000,
        cpuMsPerAnswer: retrievalCpuMs / Math.max(1, retrievalLatencies.length),
        latency: summarize(retrievalLatencies),
      },
      core: {
        turns,
        concurrency: CONCURRENCY,
        perSecond: (turns / coreElapsed) * 1000,
        cpuMsPerAnswer: coreCpuMs / Math.max(1, turns),
        latency: summarize(coreLatencies),
        errors,
        statementsPerTurn,
        sampleTurn,
      },
      rssAfterCore,
      ...(profile ? { profile } : {}),
    };
    emit(
      result,
      [
        `${int(result.passages)} passages: start ${ms(startMs)} (CPU ${ms(startCpuMs)}), RSS after start ${mb(rssAfterStart)} (before ${mb(rssBeforeStart)}), heap ${mb(heapAfterStart)}`,
        `retrieval: ${int(result.retrieval.perSecond)} answers/s, p50 ${ms(result.retrieval.latency.p50)}, p95 ${ms(result.retrieval.latency.p95)}, CPU ${ms(result.retrieval.cpuMsPerAnswer)}/answer (${answered}/${result.retrieval.answers} answered)`,
        `core (${turns} turns, ${CONCURRENCY} at a time): ${result.core.perSecond.toFixed(1)} answers/s, p50 ${ms(result.core.latency.p50)}, p95 ${ms(result.core.latency.p95)}, CPU ${ms(result.core.cpuMsPerAnswer)}/answer, errors ${errors}, ${statementsPerTurn.toFixed(1)} SQL statements/turn; RSS ${mb(rssAfterCore)}`,
        ...(profile
          ? [
              `CPU by part (${profile.turns} profiled turns): ${Object.entries(profile.shares)
                .map(([k, v]) => `${k} ${(v * 100).toFixed(0)}%`)
                .join(', ')}`,
            ]
          : []),
      ].join('\n'),
    );
  } finally {
    await closeBenchApp(app);
  }
}

runMain(main, 300_000);
