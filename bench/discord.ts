/**
 * Discord reply latency, side by side (`node --import tsx/esm bench/discord.ts`): buurtbot (the real App and the
 * real Discord surface on discord.js, SQLite) answering knowledge-base questions in DMs, against a
 * bare discord.js client that only echoes (`message.reply(content)`), each with its own instance of
 * the fake Discord from test/support (gateway + REST on 127.0.0.1). The same load for both: N DMs,
 * C at a time, each from its own user (and so its own DM channel). Latency = from the fake pushing
 * MESSAGE_CREATE over the gateway to the fake receiving the POST /channels/:id/messages answer.
 *
 * Rounds: echo, bot (first contact; the target pair), then a second echo that answers with the
 * same reply shape as buurtbot (text content, one embed with title, description and footer, one
 * action row with two buttons; see src/adapters/discord/render.ts), built the usual discord.js way
 * (EmbedBuilder, ActionRowBuilder, ButtonBuilder) and sent with `message.reply`: buurtbot's ratio
 * is reported against both echoes, the bare one being the target. Posts are counted per channel
 * afterwards. discord.js enforces Discord's global limit of 50 REST requests per second on the
 * client side; how often either client waited for it is reported. Diagnostic rounds at the end
 * lift that limit on the bare echo and the bot (returning users), then send one DM at a time.
 *
 * buurtbot runs its turns as `buurtbot serve` does: in-process, through the durable inbox (each
 * message stored before it is acknowledged).
 */
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  Partials,
  type Message,
} from 'discord.js';
import { startDiscord } from '../src/adapters/discord/surface.js';
import { ANNOUNCE_CHANNEL_ID, APP_ID, FakeDiscord, GUILD_ID, TOKEN, type FakeUser, type Sent } from '../test/support/fake-discord.js';
import { answerableQuestions, questionAt } from './questions.js';
import { closeBenchApp, createBenchApp } from './setup.js';
import { emit, machineInfo, ms, numberFlag, pool, ratio, runMain, sleep, summarize, type Summary } from './stats.js';

const EVENTS = numberFlag('--events', 300);
const CONCURRENCY = numberFlag('--concurrency', 8);
const WARMUP = numberFlag('--warmup', 24);
/** DMs in the one-at-a-time diagnostic rounds. */
const UNLOADED = numberFlag('--unloaded', 60);
const EVENT_TIMEOUT_MS = 15_000;

export interface LoadResult {
  label: string;
  events: number;
  /** Events in flight at a time (closed loop). */
  concurrency: number;
  answered: number;
  lost: number;
  duplicated: number;
  posts: number;
  latency: Summary;
  wallMs: number;
  /** CPU time of the whole process (app, fake, load generator) per event: not inflated by other work on the machine. */
  cpuMsPerEvent: number;
  /** Times discord.js held a request back for the (client-side) rate limit during this round. */
  rateLimitWaits: number;
  /** REST requests the client made during this round, by route (ids replaced by :id). */
  requests: Record<string, number>;
}

class Target {
  private readonly waiters = new Map<string, (at: number) => void>();
  readonly postsPerChannel = new Map<string, number>();
  rateLimitWaits = 0;

  constructor(
    readonly name: string,
    readonly fake: FakeDiscord,
    readonly idle: () => Promise<void>,
  ) {
    // The fake records every message the bot sends in `sent`: stamp them as they arrive.
    const sent = fake.sent;
    const push = sent.push.bind(sent);
    sent.push = (...items: Sent[]): number => {
      const at = performance.now();
      for (const item of items) {
        if (item.via !== 'channel' || !item.channelId) continue;
        this.postsPerChannel.set(item.channelId, (this.postsPerChannel.get(item.channelId) ?? 0) + 1);
        this.waiters.get(item.channelId)?.(at);
        this.waiters.delete(item.channelId);
      }
      return push(...items);
    };
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

function person(i: number, prefix: string): FakeUser {
  return { id: `8${prefix}${String(i).padStart(8, '0')}`, username: `user${prefix}${i}`, global_name: `Vrijwilliger ${i}` };
}

async function load(
  target: Target,
  label: string,
  people: FakeUser[],
  questions: readonly string[],
  offset: number,
  concurrency = CONCURRENCY,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const channels = people.map((p) => target.fake.dmChannelOf(p.id));
  const before = new Map(target.postsPerChannel);
  const waitsBefore = target.rateLimitWaits;
  const requestsBefore = target.fake.requests.length;
  const started = performance.now();
  const cpu = process.cpuUsage();
  await pool(people.length, concurrency, async (i) => {
    const author = people[i];
    const channel = channels[i];
    if (!author || !channel) return;
    const posted = target.expectPost(channel);
    const t0 = performance.now();
    target.fake.directMessage(author, questionAt(questions, i + offset));
    const at = await posted;
    if (at !== undefined) latencies.push(at - t0);
  });
  const wallMs = performance.now() - started;
  await target.idle();
  const used = process.cpuUsage(cpu);
  const cpuMsPerEvent = (used.user + used.system) / 1000 / Math.max(1, people.length);
  await sleep(300);
  let answered = 0;
  let duplicated = 0;
  let posts = 0;
  for (const channel of channels) {
    const count = (target.postsPerChannel.get(channel) ?? 0) - (before.get(channel) ?? 0);
    posts += count;
    if (count >= 1) answered += 1;
    if (count > 1) duplicated += 1;
  }
  const requests: Record<string, number> = {};
  for (const r of target.fake.requests.slice(requestsBefore)) {
    const route = `${r.method} ${r.path.replace(/\d{5,}/g, ':id')}`;
    requests[route] = (requests[route] ?? 0) + 1;
  }
  return {
    requests,
    label,
    concurrency,
    events: people.length,
    answered,
    lost: people.length - answered,
    duplicated,
    posts,
    latency: summarize(latencies),
    wallMs,
    cpuMsPerEvent,
    rateLimitWaits: target.rateLimitWaits - waitsBefore,
  };
}

/** A client-side REST limit high enough never to hold a request back (diagnostic rounds only). */
const UNLIMITED = 1_000_000;

interface Started {
  target: Target;
  /** Lifts discord.js's client-side global limit of 50 requests/s (the fake Discord has none). */
  liftGlobalLimit(): void;
  close(): Promise<void>;
}

async function startBot(): Promise<Started> {
  const fake = await new FakeDiscord().start();
  const app = await createBenchApp({
    env: {
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_ANNOUNCE_CHANNEL_ID: ANNOUNCE_CHANNEL_ID,
    },
  });
  const surface = startDiscord(app, { waitGuildTimeout: 200 });
  await surface.ready;
  const target = new Target('bot', fake, async () => {
    await app.turns.idle();
    await surface.messenger.queue.idle();
  });
  // Answers go out through the messenger's REST client; typing and interactions through discord.js's own.
  const rests = [surface.messenger.rest, ...(surface.client ? [surface.client.rest] : [])];
  for (const rest of rests) {
    rest.on('rateLimited', () => {
      target.rateLimitWaits += 1;
    });
  }
  return {
    target,
    liftGlobalLimit() {
      for (const rest of rests) rest.options.globalRequestsPerSecond = UNLIMITED;
    },
    async close() {
      await surface.stop();
      await fake.stop();
      await closeBenchApp(app);
    },
  };
}

/**
 * The same reply shape as buurtbot's knowledge answer (its text, a sources embed, a row of
 * feedback buttons), built the usual discord.js way; only the content is the echoed text.
 */
function shapedReply(message: Message): Parameters<Message['reply']>[0] {
  const content = message.content || '…';
  const embed = new EmbedBuilder().setTitle('Bronnen').setDescription(`• ${content}`).setFooter({ text: 'echo' }).setColor(0x4a7c59);
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(`feedback:up:${message.id}`).setLabel('👍 Nuttig').setStyle(ButtonStyle.Secondary),
    new ButtonBuilder().setCustomId(`feedback:down:${message.id}`).setLabel('👎 Niet nuttig').setStyle(ButtonStyle.Secondary),
  );
  return { content, embeds: [embed], components: [row] };
}

/** A bare discord.js echo: `message.reply(content)`, or (`shaped`) the same reply shape as buurtbot. */
async function startEcho(options: { shaped?: boolean } = {}): Promise<Started> {
  const fake = await new FakeDiscord().start();
  const client = new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
      GatewayIntentBits.MessageContent,
    ],
    partials: [Partials.Channel],
    rest: { api: fake.apiUrl },
    waitGuildTimeout: 200,
  });
  client.on(Events.Error, () => undefined);
  let pending = 0;
  client.on(Events.MessageCreate, (message: Message) => {
    if (message.author.bot) return;
    pending += 1;
    message
      .reply(options.shaped ? shapedReply(message) : { content: message.content || '…' })
      .catch(() => undefined)
      .finally(() => {
        pending -= 1;
      });
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(TOKEN);
  await ready;
  const target = new Target(options.shaped ? 'shaped echo' : 'echo', fake, async () => {
    for (let i = 0; pending > 0 && i < 500; i++) await sleep(10);
  });
  client.rest.on('rateLimited', () => {
    target.rateLimitWaits += 1;
  });
  return {
    target,
    liftGlobalLimit() {
      client.rest.options.globalRequestsPerSecond = UNLIMITED;
    },
    async close() {
      await client.destroy();
      await fake.stop();
    },
  };
}

export interface DiscordBenchResult {
  events: number;
  concurrency: number;
  warmup: number;
  runs: LoadResult[];
  pairs: Array<{ bot: string; echo: string; p50Ratio: number; p95Ratio: number; cpuRatio: number; diagnostic: boolean }>;
  loadAverage: [number, number, number];
}

async function main(): Promise<void> {
  const questions = answerableQuestions();
  const bot = await startBot();
  const echo = await startEcho();
  const shaped = await startEcho({ shaped: true });
  try {
    const people = Array.from({ length: EVENTS }, (_, i) => person(i, '1'));
    const warm = Array.from({ length: WARMUP }, (_, i) => person(i, '2'));
    await load(echo.target, 'warm-up', warm, questions, 0);
    await load(shaped.target, 'warm-up', warm, questions, 0);
    await load(bot.target, 'warm-up', warm, questions, 0);
    // Let the 1-second global REST window of the warm-up pass.
    await sleep(1100);
    const runs: LoadResult[] = [];
    runs.push(await load(echo.target, 'echo', people, questions, 0));
    await sleep(1100);
    runs.push(await load(bot.target, 'buurtbot, first contact', people, questions, 0));
    // The second echo, with buurtbot's reply shape, under the same load and limit.
    await sleep(1100);
    runs.push(await load(shaped.target, 'echo with the same reply shape', people, questions, 0));
    // Diagnostic: the same again with discord.js's client-side 50 requests/s limit lifted on both,
    // to separate the bot's own cost from Discord's request budget.
    echo.liftGlobalLimit();
    bot.liftGlobalLimit();
    await sleep(1100);
    runs.push(await load(echo.target, 'echo, 50/s limit lifted', people, questions, EVENTS));
    await sleep(300);
    runs.push(await load(bot.target, 'buurtbot, returning, limit lifted', people, questions, EVENTS));
    // Diagnostic: without queueing, one DM at a time (limit still lifted).
    const few = people.slice(0, UNLOADED);
    await sleep(300);
    runs.push(await load(echo.target, 'echo, 1 at a time, limit lifted', few, questions, 2 * EVENTS, 1));
    runs.push(await load(bot.target, 'buurtbot, 1 at a time, limit lifted', few, questions, 2 * EVENTS, 1));
    const pairs = [
      { bot: runs[1], echo: runs[0], diagnostic: false },
      // Not the target: how much of the gap is the richer message alone.
      { bot: runs[1], echo: runs[2], diagnostic: true },
      { bot: runs[4], echo: runs[3], diagnostic: true },
      { bot: runs[6], echo: runs[5], diagnostic: true },
    ].map(({ bot: b, echo: e, diagnostic }) => ({
      bot: b?.label ?? '',
      echo: e?.label ?? '',
      p50Ratio: (b?.latency.p50 ?? 0) / (e?.latency.p50 || 1),
      p95Ratio: (b?.latency.p95 ?? 0) / (e?.latency.p95 || 1),
      cpuRatio: (b?.cpuMsPerEvent ?? 0) / (e?.cpuMsPerEvent || 1),
      diagnostic,
    }));
    const result: DiscordBenchResult = {
      events: EVENTS,
      concurrency: CONCURRENCY,
      warmup: WARMUP,
      runs,
      pairs,
      loadAverage: machineInfo().loadAverage,
    };
    const lines = runs.map(
      (r) =>
        `${r.label.padEnd(28)} p50 ${ms(r.latency.p50).padStart(9)} p95 ${ms(r.latency.p95).padStart(9)} answered ${r.answered}/${r.events} posts ${r.posts} rate-limit waits ${r.rateLimitWaits} CPU ${ms(r.cpuMsPerEvent)}/event (${Math.round(r.wallMs)} ms) ${JSON.stringify(r.requests)}`,
    );
    for (const p of pairs)
      lines.push(`${p.bot} / ${p.echo}: p50 ${ratio(p.p50Ratio, 1)}, p95 ${ratio(p.p95Ratio, 1)}, CPU/event ${ratio(p.cpuRatio, 1)}`);
    emit(result, lines.join('\n'));
  } finally {
    await bot.close();
    await echo.close();
    await shaped.close();
  }
}

runMain(main, 240_000);
