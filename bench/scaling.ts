/**
 * How cost grows with open conversations (`node --expose-gc --import tsx bench/scaling.ts`): one
 * running App (content: 5,000 passages), people talking to it through the real dispatcher and
 * SQLite. In stages, cumulatively as in a bot that keeps running: open conversations until there
 * are K (each a new person asking a first question), then T more questions spread round-robin over
 * those K people, C at a time; per stage: latency, CPU per turn, RSS, database rows and file size.
 * The first stage starts with a warm-up of W questions by its own people (not measured).
 *
 * (How cost grows with passages is bench/core.ts at 500, 5,000 and 50,000 passages.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { answerableQuestions, questionAt } from './questions.js';
import { closeBenchApp, createBenchApp, ensureContent, webMessages } from './setup.js';
import { emit, int, mb, ms, numberFlag, pool, rss, runMain, summarize, type Summary } from './stats.js';

const PASSAGES = numberFlag('--passages', 5000);
const TURNS = numberFlag('--turns', 200);
const CONCURRENCY = numberFlag('--concurrency', 8);
const WARMUP = numberFlag('--warmup', 40);
const STAGE_MAX_MS = numberFlag('--stage-max-ms', 60_000);
const STAGES = (process.argv.includes('--stages') ? (process.argv[process.argv.indexOf('--stages') + 1] ?? '') : '10,100,1000')
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);

export interface ConversationStage {
  conversations: number;
  openMs: number;
  turns: number;
  latency: Summary;
  perSecond: number;
  cpuMsPerTurn: number;
  errors: number;
  rss: number;
  heapUsed: number;
  /** V8 heap reserved from the OS (used or not) and memory outside the V8 heap (native, Wasm). */
  heapTotal: number;
  external: number;
  rowsConversations: number;
  rowsMessages: number;
  dbBytes: number;
}

export interface ScalingBenchResult {
  passages: number;
  concurrency: number;
  rssAfterStart: number;
  stages: ConversationStage[];
}

async function main(): Promise<void> {
  const questions = answerableQuestions();
  const content = ensureContent(PASSAGES);
  const app = await createBenchApp({ env: { BUURTBOT_CONTENT_DIR: content.dir } });
  try {
    const rssAfterStart = rss();
    const message = webMessages('conv');
    const users: string[] = [];
    const stages: ConversationStage[] = [];
    for (const target of STAGES) {
      const openStart = performance.now();
      const fresh: string[] = [];
      while (users.length + fresh.length < target) fresh.push(`person${users.length + fresh.length}`);
      await pool(fresh.length, CONCURRENCY, async (i) => {
        await app.turns.dispatch(message(fresh[i] ?? 'x', questionAt(questions, i)));
      });
      users.push(...fresh);
      const openMs = performance.now() - openStart;
      if (stages.length === 0) {
        // Warm-up (JIT, Prisma) in the first stage, by the same people: no extra conversations.
        await pool(WARMUP, CONCURRENCY, async (i) => {
          await app.turns.dispatch(message(users[i % users.length] ?? 'x', questionAt(questions, i + 40)));
        });
      }

      const latencies: number[] = [];
      let errors = 0;
      const cpu = process.cpuUsage();
      const started = performance.now();
      const turns = await pool(
        TURNS,
        CONCURRENCY,
        async (i) => {
          const t = performance.now();
          const out = await app.turns.dispatch(message(users[i % users.length] ?? 'x', questionAt(questions, i + 11)));
          latencies.push(performance.now() - t);
          if (!out?.length || out.some((r) => r.kind === 'error')) errors += 1;
        },
        Date.now() + STAGE_MAX_MS,
      );
      const elapsed = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const db = app.database.db;
      const dbFile = path.join(app.dir, 'bench.db');
      const stage: ConversationStage = {
        conversations: users.length,
        openMs,
        turns,
        latency: summarize(latencies),
        perSecond: (turns / elapsed) * 1000,
        cpuMsPerTurn: (used.user + used.system) / 1000 / Math.max(1, turns),
        errors,
        rss: rss(),
        heapUsed: process.memoryUsage().heapUsed,
        heapTotal: process.memoryUsage().heapTotal,
        external: process.memoryUsage().external,
        rowsConversations: await db.conversation.count(),
        rowsMessages: await db.message.count(),
        dbBytes: ['', '-wal'].reduce((n, suffix) => n + (fs.existsSync(dbFile + suffix) ? fs.statSync(dbFile + suffix).size : 0), 0),
      };
      stages.push(stage);
      process.stderr.write(
        `${int(stage.conversations)} conversations: p50 ${ms(stage.latency.p50)}, p95 ${ms(stage.latency.p95)}, ${stage.perSecond.toFixed(1)}/s, CPU ${ms(stage.cpuMsPerTurn)}/turn, RSS ${mb(stage.rss)} (heap ${mb(stage.heapUsed)} of ${mb(stage.heapTotal)}, external ${mb(stage.external)}), ${int(stage.rowsMessages)} messages\n`,
      );
    }
    const result: ScalingBenchResult = { passages: content.passages, concurrency: CONCURRENCY, rssAfterStart, stages };
    emit(result, `conversations: ${stages.length} stages done`);
  } finally {
    await closeBenchApp(app);
  }
}

runMain(main, 400_000);
