/**
 * Starts a fake Discord, a real App on a temp database and the real Discord surface (real
 * discord.js client) pointed at the fake. Tests push gateway events into the fake and read back
 * what the bot sent.
 */
import { vi } from 'vitest';
import type { InboundMessage, Reply } from '../../src/core/messages.js';
import type { Logger } from '../../src/core/ports.js';
import { startDiscord, type DiscordOptions, type DiscordSurface } from '../../src/adapters/discord/surface.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { ANNOUNCE_CHANNEL_ID, APP_ID, FakeDiscord, GUILD_ID, TOKEN, type FakeDiscordOptions, type Sent } from '../support/fake-discord.js';

/** Discord's EPHEMERAL message flag (1 << 6) on something the bot sent. */
export function isEphemeral(sent: Sent | undefined): boolean {
  if (!sent) throw new Error('nothing was sent');
  return (sent.flags & (1 << 6)) !== 0;
}

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: unknown;
  msg: string;
}

/** A logger that keeps every line, so tests can assert what an admin would read. */
export function memoryLogger(): Logger & { entries: LogEntry[]; text(): string } {
  const entries: LogEntry[] = [];
  const log = (level: LogEntry['level']) => (obj: object | string, msg?: string) => {
    entries.push(typeof obj === 'string' ? { level, obj: {}, msg: obj } : { level, obj, msg: msg ?? '' });
  };
  return {
    entries,
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    text: () => entries.map((e) => `${e.level} ${e.msg} ${JSON.stringify(e.obj)}`).join('\n'),
  };
}

export function discordEnv(fake: { apiUrl: string }, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_GUILD_ID: GUILD_ID,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_ANNOUNCE_CHANNEL_ID: ANNOUNCE_CHANNEL_ID,
    ...extra,
  };
}

export interface Harness {
  fake: FakeDiscord;
  app: TestApp;
  surface: DiscordSurface;
  logger: ReturnType<typeof memoryLogger>;
  /** Every InboundMessage the adapter handed to the dispatcher. */
  inbound: InboundMessage[];
  /** Canned core answers for chosen inputs (by text, action or form step); others go to the real core. */
  canned: Map<string, Reply[] | (() => Promise<Reply[]>)>;
  /**
   * Waits for the bot's first message after `from`, then until it has finished answering (no
   * handler running, no "thinking…" placeholder left open); returns everything it sent since.
   */
  settle(from: number): Promise<Sent[]>;
  stop(): Promise<void>;
}

export async function startHarness(
  options: { discord?: DiscordOptions; fake?: FakeDiscordOptions; env?: Record<string, string>; waitReady?: boolean } = {},
): Promise<Harness> {
  const fake = await new FakeDiscord(options.fake).start();
  const logger = memoryLogger();
  const app = await createTestApp({ env: discordEnv(fake, options.env), logger });
  const inbound: InboundMessage[] = [];
  const canned: Harness['canned'] = new Map();
  const real = app.engine.handle.bind(app.engine);
  vi.spyOn(app.engine, 'handle').mockImplementation(async (message, turnOptions) => {
    inbound.push(message);
    const key = message.form ? `form:${message.form.stepId}` : (message.action ?? message.text);
    const reply = canned.get(key);
    if (typeof reply === 'function') return reply();
    return reply ?? real(message, turnOptions);
  });
  // A generous acknowledgement window (the fake has no 3-second limit), so a loaded test machine
  // does not turn a quick answer into a deferred one; tests about deferral set their own.
  const surface = startDiscord(app, { waitGuildTimeout: 200, ackAfterMs: 2500, ...options.discord });
  if (options.waitReady !== false) await surface.ready;
  return {
    fake,
    app,
    surface,
    logger,
    inbound,
    canned,
    async settle(from) {
      await fake.waitForSent(from);
      // The gateway may still be delivering a follow-up event; look twice with a short pause.
      for (let quiet = 0; quiet < 2;) {
        const seen = fake.sent.length;
        await surface.idle();
        await new Promise((resolve) => setTimeout(resolve, 30));
        quiet = seen === fake.sent.length && fake.openDeferrals(from) === 0 ? quiet + 1 : 0;
      }
      return fake.sent.slice(from);
    },
    async stop() {
      await surface.stop();
      await fake.stop();
      await app.close();
    },
  };
}
