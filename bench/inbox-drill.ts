/**
 * The drill of issue 21, "nothing acknowledged is lost": two `buurtbot serve` instances on one
 * PostgreSQL database behind Slack HTTP events. 90 mentions, each in its own channel, each delivered
 * to both instances (as Slack's retries through a load balancer do); instance A is killed with
 * SIGKILL while its turns are in the middle of answering (the model it asks hangs), and every event
 * is retried once more to B. Counted from the fake Slack: events never answered (lost), answered
 * more than once (doubled), and the time from the kill to the last recovered answer. Three runs.
 *
 *   node --import tsx bench/inbox-drill.ts [--events 90] [--runs 3]
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { startFakeOpenAI, type FakeOpenAI } from '../test/support/fake-openai.js';
import { eventEnvelope, FakeSlack, sendToSlackEndpoint } from '../test/support/fake-slack.js';
import { withClusterAdmin } from '../test/support/pg-admin.js';
import { startServe, type ServeProcess } from '../test/support/serve-process.js';
import { emit, numberFlag } from './stats.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SECRET = 'inbox-drill-signing-secret';
const QUESTION = 'Wanneer moet het Plan van Aanpak ingeleverd zijn?';

export interface DrillRun {
  events: number;
  /** Acknowledged (HTTP 200) by A and then by B, before the kill. */
  acknowledged: number;
  lost: number;
  doubled: number;
  /** From SIGKILL to the last answer posted (ms). */
  killToLastAnswerMs: number;
  /** Turns B logged as recovered. */
  recovered: number;
}

export interface InboxDrillResult {
  leaseSeconds: number;
  runs: DrillRun[];
}

async function freshDatabase(): Promise<string> {
  const base = new URL(
    process.env.TEST_DATABASE_URL || execFileSync('bash', [path.join(ROOT, 'scripts/pg-cluster.sh'), 'start'], { encoding: 'utf8' }).trim(),
  );
  // Named after this process, like the tests' databases: the next test run drops it once the drill is over.
  const name = `bb_${process.pid}_drill_${crypto.randomBytes(5).toString('hex')}`;
  await withClusterAdmin(base.toString(), (admin) => admin.query(`CREATE DATABASE ${name}`));
  base.pathname = `/${name}`;
  return base.toString();
}

function env(database: string, slack: FakeSlack, model: FakeOpenAI, leaseSeconds: number): Record<string, string> {
  return {
    DATABASE_URL: database,
    SLACK_BOT_TOKEN: 'xoxb-drill',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    OPENAI_API_KEY: 'sk-test-drill',
    OPENAI_BASE_URL: model.url,
    OPENAI_MODEL: 'gpt-test',
    OPENAI_EMBEDDING_MODEL: 'embed-test',
    OPENAI_TIMEOUT_MS: '120000',
    OPENAI_MAX_RETRIES: '0',
    SCHEDULER_ENABLED: 'false',
    INBOX_LEASE_SECONDS: String(leaseSeconds),
    LOG_LEVEL: 'info',
  };
}

/** Posts one event, retrying while the endpoint says 503 (not connected yet), as Slack would. */
async function deliver(bot: ServeProcess, body: string, retryNum?: number): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const response = await sendToSlackEndpoint(`${bot.url}/slack/events`, body, {
      secret: SECRET,
      ...(retryNum === undefined ? {} : { retryNum }),
    });
    if (response.status !== 503 || attempt > 100) return response.status;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function answersPerChannel(slack: FakeSlack): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of slack.callsTo('chat.postMessage')) {
    const channel = String(call.args.channel);
    counts.set(channel, (counts.get(channel) ?? 0) + 1);
  }
  return counts;
}

async function drill(events: number, leaseSeconds: number): Promise<DrillRun> {
  const slack = await FakeSlack.start();
  const model = await startFakeOpenAI();
  // Every turn is in the middle of answering when A dies: the model does not answer yet.
  model.rule = () => ({ kind: 'stall', ms: 120_000 });
  const database = await freshDatabase();
  const a = await startServe(env(database, slack, model, leaseSeconds));
  const b = await startServe(env(database, slack, model, leaseSeconds));
  try {
    const bodies = Array.from({ length: events }, (_, i) => {
      const ts = `1480000000.${String(i + 1).padStart(6, '0')}`;
      const channel = `C${String(i + 1).padStart(4, '0')}`;
      return JSON.stringify(
        eventEnvelope(
          { type: 'app_mention', user: `U${i + 1}`, text: `<@UBOT> ${QUESTION}`, ts, channel, event_ts: ts },
          `EvDrill${i + 1}`,
        ),
      );
    });
    let acknowledged = 0;
    for (const body of bodies) {
      const [first, second] = [await deliver(a, body), await deliver(b, body, 1)];
      if (first === 200 && second === 200) acknowledged += 1;
    }
    // A has its turns in the model (or queued behind it) when it dies.
    const deadline = Date.now() + 30_000;
    while (model.chatRequests().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const killedAt = performance.now();
    await a.stop('SIGKILL');
    model.rule = undefined;
    for (const body of bodies) await deliver(b, body, 2);
    // Wait for every channel to be answered (or for well past the lease), then a little longer for doubles.
    const until = Date.now() + leaseSeconds * 1000 + 90_000;
    let lastAnswerAt = killedAt;
    let answered = 0;
    while (Date.now() < until) {
      const now = answersPerChannel(slack).size;
      if (now > answered) {
        answered = now;
        lastAnswerAt = performance.now();
      }
      if (answered >= events) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 3000));
    const counts = answersPerChannel(slack);
    let lost = 0;
    let doubled = 0;
    for (let i = 1; i <= events; i++) {
      const n = counts.get(`C${String(i).padStart(4, '0')}`) ?? 0;
      if (n === 0) lost += 1;
      if (n > 1) doubled += 1;
    }
    const recovered = (b.logs().match(/recovered a turn that was accepted but not answered/g) ?? []).length;
    return { events, acknowledged, lost, doubled, killToLastAnswerMs: Math.round(lastAnswerAt - killedAt), recovered };
  } finally {
    await a.stop('SIGKILL');
    await b.stop('SIGTERM');
    await slack.close();
    await model.close();
  }
}

async function main(): Promise<void> {
  const events = numberFlag('--events', 90);
  const runs = numberFlag('--runs', 3);
  const leaseSeconds = numberFlag('--lease', 15);
  const result: InboxDrillResult = { leaseSeconds, runs: [] };
  for (let i = 0; i < runs; i++) {
    const run = await drill(events, leaseSeconds);
    process.stderr.write(`run ${i + 1}: ${JSON.stringify(run)}\n`);
    result.runs.push(run);
  }
  emit(
    result,
    result.runs
      .map(
        (r, i) =>
          `run ${i + 1}: lost ${r.lost}, doubled ${r.doubled} of ${r.events}; kill → last answer ${(r.killToLastAnswerMs / 1000).toFixed(1)} s`,
      )
      .join('\n'),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
