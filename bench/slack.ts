/**
 * Slack reply latency, side by side (`node --import tsx/esm bench/slack.ts`): buurtbot (the real App, the real
 * Bolt-based Slack surface on our WebServer, SQLite) answering knowledge-base questions, against a
 * bare Bolt app (Bolt's own HTTPReceiver) that only echoes, each with its own instance of the fake
 * Slack from test/support on 127.0.0.1. The same load for both: N signed `message.im` events,
 * C at a time, each from its own DM channel and user. Latency = from sending the signed event to
 * the fake receiving the chat.postMessage for that channel.
 *
 * Rounds alternate so background load hits both alike: echo, bot (first contact: every user is new
 * to buurtbot, which creates the user and conversation; as in a real workspace they are members,
 * whose names buurtbot read from users.list at start), echo, bot (returning: the same users again,
 * new questions), repeated (--repeats, 5) with new users each time; the target is judged on the
 * median ratio. Posts are counted per channel afterwards: nothing may be lost and nothing posted
 * twice.
 *
 * Each repeat then adds the channel case, echo then bot: N signed `app_mention` events ("<@UBOT>
 * question"), C at a time, each in a channel of its own, from M members (--mention-users, 50)
 * taken round-robin, new ones each repeat (so each person's first mention is first contact, the
 * rest are returning). buurtbot answers in the thread of the mention, as its Slack surface does
 * (src/adapters/slack/working-reaction.ts: a 👀 on the mention only while a slow answer is on its way), against a
 * bare Bolt echo that replies in the thread (`app.event('app_mention', ({ event, say }) =>
 * say({ text, thread_ts: event.ts }))`). Latency = from sending the event to the fake receiving the
 * chat.postMessage in that channel; each channel must get exactly one post, in the mention's thread.
 * Judged, like the DM pairs, on the median ratio of the repeats.
 *
 * Last, three diagnostic pairs (DMs): first contact with people not in the member list (a
 * users.info call each), one event at a time (no queueing), and
 * the bot with every answer precomputed (everything but retrieval; its answers live in this
 * thread's memory, so its turns always run in-process).
 *
 * buurtbot runs its turns as `buurtbot serve` does: in-process, through the durable inbox (each
 * message stored before it is acknowledged).
 */
import type { AddressInfo } from 'node:net';
import { App as BoltApp, LogLevel } from '@slack/bolt';
import { startSlack } from '../src/adapters/slack/index.js';
import { WebServer } from '../src/adapters/web/server.js';
import { silentLogger } from '../src/core/ports.js';
import { FakeSlack, eventEnvelope, sendToSlackEndpoint } from '../test/support/fake-slack.js';
import type { AnsweredQuestion, Answerer } from '../src/core/answering/ports.js';
import { answerableQuestions, questionAt } from './questions.js';
import { closeBenchApp, createBenchApp } from './setup.js';
import { emit, machineInfo, median, ms, numberFlag, pool, ratio, runMain, sleep, summarize, type Summary } from './stats.js';

const EVENTS = numberFlag('--events', 300);
const CONCURRENCY = numberFlag('--concurrency', 8);
const WARMUP = numberFlag('--warmup', 24);
/** Events in the one-at-a-time diagnostic rounds. */
const UNLOADED = numberFlag('--unloaded', 60);
/** Times the measured pairs (first contact, returning) are repeated; the target uses their median. */
const REPEATS = numberFlag('--repeats', 5);
/** People who write the @mentions of a channel round, taken round-robin (new ones each repeat). */
const MENTION_USERS = Math.max(1, numberFlag('--mention-users', 50));
const EVENT_TIMEOUT_MS = 15_000;
const BOT_TOKEN = 'xoxb-bench-1234567890-abcdef';
const SECRET = 'bench-signing-secret';

export interface LoadResult {
  label: string;
  events: number;
  /** Events in flight at a time (closed loop). */
  concurrency: number;
  /** Events that got at least one post in their channel. */
  answered: number;
  lost: number;
  /** Channels that got more posts than expected (one per event). */
  duplicated: number;
  posts: number;
  /** @mention rounds only: mentions whose answer was not posted in the mention's thread. */
  unthreaded?: number;
  latency: Summary;
  /** How long the HTTP request took to be acknowledged (Slack wants < 3 s). */
  ack: Summary;
  wallMs: number;
  /** CPU time of the whole process (app, fake, load generator) per event: not inflated by other work on the machine. */
  cpuMsPerEvent: number;
}

/** A Slack-facing target: its events URL and the fake it posts to; posts are stamped as they arrive. */
class Target {
  private readonly waiters = new Map<string, (at: number) => void>();
  readonly postsPerChannel = new Map<string, number>();
  /** The thread_ts of the last post in each channel (undefined: not in a thread). */
  readonly threadOf = new Map<string, string | undefined>();
  /** The 👀 reactions buurtbot puts on a mention whose answer takes more than a second, and takes off after. */
  reactionsAdded = 0;
  reactionsRemoved = 0;

  constructor(
    readonly name: string,
    readonly fake: FakeSlack,
    readonly url: string,
    readonly idle: () => Promise<void>,
  ) {
    fake.override('chat.postMessage', (call) => {
      const at = performance.now();
      const channel = String(call.args.channel);
      this.postsPerChannel.set(channel, (this.postsPerChannel.get(channel) ?? 0) + 1);
      this.threadOf.set(channel, typeof call.args.thread_ts === 'string' ? call.args.thread_ts : undefined);
      this.waiters.get(channel)?.(at);
      this.waiters.delete(channel);
      return undefined;
    });
    fake.override('reactions.add', () => {
      this.reactionsAdded += 1;
      return undefined;
    });
    fake.override('reactions.remove', () => {
      this.reactionsRemoved += 1;
      return undefined;
    });
  }

  expectPost(channel: string): Promise<number | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(channel);
        resolve(undefined);
      }, EVENT_TIMEOUT_MS);
      this.waiters.set(channel, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }
}

let tsCounter = 1_480_000_000;

/** What a round sends: event i's channel and the event itself (each event has a channel of its own). */
interface Round {
  events: number;
  channel(i: number): string;
  event(i: number, ts: string, text: string): Record<string, unknown>;
  /** The answer must be posted in the thread of the event (@mentions in a channel). */
  threaded: boolean;
}

/** One `message.im` per user, each in the user's own DM channel. */
function dms(users: readonly string[]): Round {
  const user = (i: number): string => users[i] ?? `U${i}`;
  const channel = (i: number): string => `D${user(i).slice(1)}`;
  return {
    events: users.length,
    channel,
    event: (i, ts, text) => ({ type: 'message', channel_type: 'im', channel: channel(i), user: user(i), text, ts, event_ts: ts }),
    threaded: false,
  };
}

/** `events` @mentions, each in a channel of its own (`prefix` + index), from `users` round-robin. */
function mentions(users: readonly string[], events: number, prefix: string): Round {
  const channel = (i: number): string => `${prefix}${String(i).padStart(5, '0')}`;
  return {
    events,
    channel,
    event: (i, ts, text) => ({
      type: 'app_mention',
      channel: channel(i),
      user: users[i % users.length] ?? `U${i}`,
      text: `<@UBOT> ${text}`,
      ts,
      event_ts: ts,
    }),
    threaded: true,
  };
}

async function load(
  target: Target,
  label: string,
  round: Round,
  questions: readonly string[],
  offset: number,
  concurrency = CONCURRENCY,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const acks: number[] = [];
  const before = new Map(target.postsPerChannel);
  const sentTs: string[] = [];
  const started = performance.now();
  const cpu = process.cpuUsage();
  await pool(round.events, concurrency, async (i) => {
    const channel = round.channel(i);
    tsCounter += 1;
    const ts = `${tsCounter}.000100`;
    sentTs[i] = ts;
    const text = questionAt(questions, i + offset);
    const body = JSON.stringify(eventEnvelope(round.event(i, ts, text), `Ev${target.name}${ts}`));
    const posted = target.expectPost(channel);
    const t0 = performance.now();
    const res = await sendToSlackEndpoint(target.url, body, { secret: SECRET });
    acks.push(performance.now() - t0);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${target.name}: events endpoint answered ${res.status}`);
    const at = await posted;
    if (at !== undefined) latencies.push(at - t0);
  });
  const wallMs = performance.now() - started;
  await target.idle();
  const used = process.cpuUsage(cpu);
  const cpuMsPerEvent = (used.user + used.system) / 1000 / Math.max(1, round.events);
  await sleep(300);
  let answered = 0;
  let duplicated = 0;
  let posts = 0;
  let unthreaded = 0;
  for (let i = 0; i < round.events; i++) {
    const channel = round.channel(i);
    const count = (target.postsPerChannel.get(channel) ?? 0) - (before.get(channel) ?? 0);
    posts += count;
    if (count >= 1) answered += 1;
    if (count > 1) duplicated += 1;
    if (round.threaded && count >= 1 && target.threadOf.get(channel) !== sentTs[i]) unthreaded += 1;
  }
  return {
    label,
    concurrency,
    events: round.events,
    answered,
    lost: round.events - answered,
    duplicated,
    posts,
    ...(round.threaded ? { unthreaded } : {}),
    latency: summarize(latencies),
    ack: summarize(acks),
    wallMs,
    cpuMsPerEvent,
  };
}

/**
 * Diagnostic only: answers computed once per question by the real offline answerer and then
 * served from memory, so a turn costs everything except retrieval. It shows how much of the gap
 * to the echo is retrieval and how much is the rest of a turn.
 */
function precomputedAnswerer(offline: Answerer): Answerer {
  const answers = new Map<string, Promise<AnsweredQuestion>>();
  return {
    answer(input) {
      let result = answers.get(input.question);
      if (!result) {
        result = offline.answer(input);
        answers.set(input.question, result);
      }
      return result;
    },
  };
}

/**
 * The workspace the bench's people are members of: every user of the measured rounds. Users of the
 * "not in the directory" diagnostic (prefix UX) are left out, as someone who joined after start.
 */
function workspaceMembers(): string[] {
  const members: string[] = warmUpUsers();
  for (let run = 1; run <= REPEATS; run++) members.push(...roundUsers(run), ...mentionUsers(run));
  return members;
}

/** Warm-up users: members too, and not used by any measured round. */
function warmUpUsers(): string[] {
  return Array.from({ length: WARMUP }, (_, i) => `UW${String(i).padStart(4, '0')}`);
}

function roundUsers(run: number | string): string[] {
  return Array.from({ length: EVENTS }, (_, i) => `U${run}${String(i).padStart(5, '0')}`);
}

/** The members who write the @mentions of repeat `run` (round-robin over the round's events). */
function mentionUsers(run: number): string[] {
  return Array.from({ length: MENTION_USERS }, (_, i) => `UM${run}${String(i).padStart(4, '0')}`);
}

async function startBot(options: { precomputed?: boolean } = {}): Promise<{ target: Target; close(): Promise<void> }> {
  const fake = await FakeSlack.start({ members: workspaceMembers() });
  const app = await createBenchApp({
    env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl },
    // The precomputed answers live in this thread's memory: that diagnostic always runs turns here.
    ...(options.precomputed ? { answerer: precomputedAnswerer } : {}),
  });
  const web = new WebServer(silentLogger);
  // Production settings (per-channel gap 1.1 s, default Web API tuning): every event has its own DM channel.
  const slack = startSlack(app, web);
  const address = await web.listen(0, '127.0.0.1');
  await slack.connected;
  // A deployed bot has read the member list long before these messages come in.
  await slack.directory;
  const target = new Target('bot', fake, `http://127.0.0.1:${address.port}/slack/events`, async () => {
    await app.turns.idle();
    await slack.idle();
    // A mention's 👀 comes off after its answer is posted: let that finish inside the round too.
    for (let i = 0; target.reactionsRemoved < target.reactionsAdded && i < 500; i++) await sleep(10);
  });
  return {
    target,
    async close() {
      await slack.stop();
      await web.close();
      await closeBenchApp(app);
      await fake.close();
    },
  };
}

async function startEcho(): Promise<{ target: Target; close(): Promise<void> }> {
  const fake = await FakeSlack.start();
  const bolt = new BoltApp({
    token: BOT_TOKEN,
    signingSecret: SECRET,
    clientOptions: { slackApiUrl: fake.apiUrl },
    logLevel: LogLevel.ERROR,
  });
  let pending = 0;
  bolt.message(async ({ message, say }) => {
    const text = 'text' in message && typeof message.text === 'string' ? message.text : '';
    pending += 1;
    try {
      await say(text);
    } finally {
      pending -= 1;
    }
  });
  // The channel case: an @mention, answered in its thread.
  bolt.event('app_mention', async ({ event, say }) => {
    pending += 1;
    try {
      await say({ text: event.text, thread_ts: event.ts });
    } finally {
      pending -= 1;
    }
  });
  const server = await bolt.start({ port: 0, host: '127.0.0.1' });
  const port = (server.address() as AddressInfo).port;
  const target = new Target('echo', fake, `http://127.0.0.1:${port}/slack/events`, async () => {
    for (let i = 0; pending > 0 && i < 500; i++) await sleep(10);
  });
  return {
    target,
    async close() {
      await bolt.stop();
      await fake.close();
    },
  };
}

/** The median of each ratio over repeated pairs (each pair measured side by side). */
function medianPair(
  pairs: ReadonlyArray<SlackBenchResult['pairs'][number]>,
  label: string,
  echo = 'echo beside it',
): SlackBenchResult['pairs'][number] {
  return {
    bot: label,
    echo,
    p50Ratio: median(pairs.map((p) => p.p50Ratio)),
    p95Ratio: median(pairs.map((p) => p.p95Ratio)),
    cpuRatio: median(pairs.map((p) => p.cpuRatio)),
    diagnostic: false,
  };
}

export interface SlackBenchResult {
  events: number;
  concurrency: number;
  warmup: number;
  questions: number;
  runs: LoadResult[];
  pairs: Array<{ bot: string; echo: string; p50Ratio: number; p95Ratio: number; cpuRatio: number; diagnostic: boolean }>;
  /**
   * The channel case: @mentions, each in its own channel, answered in the thread. Its own rounds
   * and pairs (the median pair first, the target; then every repeat). Absent in older results.
   */
  mentions?: {
    events: number;
    users: number;
    concurrency: number;
    runs: LoadResult[];
    pairs: SlackBenchResult['pairs'];
  };
  loadAverage: [number, number, number];
}

async function main(): Promise<void> {
  const questions = answerableQuestions();
  const bot = await startBot();
  const echo = await startEcho();
  try {
    // Warm-up (JIT, connection pools): users not used later.
    const warm = warmUpUsers();
    await load(echo.target, 'warm-up', dms(warm), questions, 0);
    await load(bot.target, 'warm-up', dms(warm), questions, 0);
    // The mention path too (its own listener and replies), in channels not used later.
    await load(echo.target, 'warm-up', mentions(warm, WARMUP, 'CW'), questions, 0);
    await load(bot.target, 'warm-up', mentions(warm, WARMUP, 'CW'), questions, 0);
    const runs: LoadResult[] = [];
    const pairs: SlackBenchResult['pairs'] = [];
    const pair = (b: LoadResult, e: LoadResult, diagnostic: boolean) => ({
      bot: b.label,
      echo: e.label,
      p50Ratio: b.latency.p50 / (e.latency.p50 || 1),
      p95Ratio: b.latency.p95 / (e.latency.p95 || 1),
      cpuRatio: b.cpuMsPerEvent / (e.cpuMsPerEvent || 1),
      diagnostic,
    });
    // The measured pairs, repeated: on a shared machine one pair of rounds can land either side of
    // the target by chance, so the target is judged on the median of the repeats (all are shown).
    const firstContact: Array<ReturnType<typeof pair>> = [];
    const returning: Array<ReturnType<typeof pair>> = [];
    const mentionRuns: LoadResult[] = [];
    const mentioned: Array<ReturnType<typeof pair>> = [];
    let users: string[] = [];
    for (let run = 1; run <= REPEATS; run++) {
      users = roundUsers(run);
      const echoFirst = await load(echo.target, `echo (run ${run}, first)`, dms(users), questions, 0);
      const botFirst = await load(bot.target, `buurtbot, first contact (run ${run})`, dms(users), questions, 0);
      // The same DM channels again: leave more than the per-channel gap (1.1 s) since their last post.
      await sleep(1500);
      const echoAgain = await load(echo.target, `echo (run ${run}, second)`, dms(users), questions, EVENTS);
      const botAgain = await load(bot.target, `buurtbot, returning users (run ${run})`, dms(users), questions, EVENTS);
      runs.push(echoFirst, botFirst, echoAgain, botAgain);
      firstContact.push(pair(botFirst, echoFirst, true));
      returning.push(pair(botAgain, echoAgain, true));
      // The channel case: @mentions, each in a new channel, from a few members round-robin.
      const round = mentions(mentionUsers(run), EVENTS, `CM${run}`);
      const echoMention = await load(echo.target, `echo replying in the thread (run ${run})`, round, questions, 0);
      const botMention = await load(bot.target, `buurtbot, @mention in a channel (run ${run})`, round, questions, 0);
      mentionRuns.push(echoMention, botMention);
      mentioned.push(pair(botMention, echoMention, true));
    }
    pairs.push(
      medianPair(firstContact, `buurtbot, first contact (median of ${REPEATS} runs)`),
      medianPair(returning, `buurtbot, returning users (median of ${REPEATS} runs)`),
    );
    pairs.push(...firstContact, ...returning);
    const mentionPairs: SlackBenchResult['pairs'] = [
      medianPair(mentioned, `buurtbot, @mention in a channel (median of ${REPEATS} runs)`, 'echo replying in the thread'),
      ...mentioned,
    ];
    // Diagnostic: first contact with people who are not in the member list read at start (joined
    // since): buurtbot waits for users.info for each of them.
    const strangers = dms(roundUsers('X'));
    const echoStrangers = await load(echo.target, 'echo (beside the non-members)', strangers, questions, 0);
    const botStrangers = await load(bot.target, 'buurtbot, first contact, not in the member list', strangers, questions, 0);
    runs.push(echoStrangers, botStrangers);
    pairs.push(pair(botStrangers, echoStrangers, true));
    // Diagnostic: without queueing, one event at a time (returning users, the same gap first).
    await sleep(1500);
    const few = dms(users.slice(0, UNLOADED));
    const echoOne = await load(echo.target, 'echo, 1 at a time', few, questions, 2 * EVENTS, 1);
    const botOne = await load(bot.target, 'buurtbot, returning, 1 at a time', few, questions, 2 * EVENTS, 1);
    runs.push(echoOne, botOne);
    pairs.push(pair(botOne, echoOne, true));
    // Diagnostic: the same bot with retrieval taken out (answers precomputed), against another echo round.
    const precomputed = await startBot({ precomputed: true });
    try {
      await load(precomputed.target, 'warm-up', dms(warm), questions, 0);
      // Compute every answer the round will ask for once (fills the memory), then measure.
      await load(precomputed.target, 'precompute', dms(users), questions, 3 * EVENTS);
      await sleep(1500);
      const echoThird = await load(echo.target, 'echo (beside the precomputed bot)', dms(users), questions, 3 * EVENTS);
      const botPrecomputed = await load(precomputed.target, 'buurtbot, retrieval precomputed', dms(users), questions, 3 * EVENTS);
      runs.push(echoThird, botPrecomputed);
      pairs.push(pair(botPrecomputed, echoThird, true));
    } finally {
      await precomputed.close();
    }
    const result: SlackBenchResult = {
      events: EVENTS,
      concurrency: CONCURRENCY,
      warmup: WARMUP,
      questions: questions.length,
      runs,
      pairs,
      mentions: { events: EVENTS, users: MENTION_USERS, concurrency: CONCURRENCY, runs: mentionRuns, pairs: mentionPairs },
      loadAverage: machineInfo().loadAverage,
    };
    const lines = [...runs, ...mentionRuns].map(
      (r) =>
        `${r.label.padEnd(28)} p50 ${ms(r.latency.p50).padStart(9)} p95 ${ms(r.latency.p95).padStart(9)} ack p95 ${ms(r.ack.p95).padStart(9)} answered ${r.answered}/${r.events} posts ${r.posts}${r.unthreaded === undefined ? '' : ` outside the thread ${r.unthreaded}`} CPU ${ms(r.cpuMsPerEvent)}/event (${Math.round(r.wallMs)} ms)`,
    );
    for (const p of [...result.pairs, ...mentionPairs])
      lines.push(`${p.bot} / ${p.echo}: p50 ${ratio(p.p50Ratio, 1)}, p95 ${ratio(p.p95Ratio, 1)}, CPU/event ${ratio(p.cpuRatio, 1)}`);
    emit(result, lines.join('\n'));
  } finally {
    await bot.close();
    await echo.close();
  }
}

runMain(main, 240_000);
