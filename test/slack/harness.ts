/**
 * A real App (temp SQLite) with the real Bolt-based Slack surface, talking to the fake Slack on
 * 127.0.0.1, served by our own WebServer. Fast settings: no per-channel gap unless asked, short
 * Web API retries.
 */
import { startSlack, type SlackOptions, type SlackSurface } from '../../src/adapters/slack/index.js';
import { WebServer } from '../../src/adapters/web/server.js';
import type { InboundMessage } from '../../src/core/messages.js';
import type { Logger } from '../../src/core/ports.js';
import { FakeSlack, type FakeSlackOptions } from '../support/fake-slack.js';
import { createTestApp, type TestApp } from '../support/app.js';

export const BOT_TOKEN = 'xoxb-test-1234567890-abcdef';
export const APP_TOKEN = 'xapp-1-test-1234567890-abcdef';
export const SIGNING_SECRET = 'test-signing-secret-8f2d';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object | string;
  msg: string | undefined;
}

export function memoryLogger(): Logger & { entries: LogEntry[]; text(): string } {
  const entries: LogEntry[] = [];
  const at = (level: LogEntry['level']) => (obj: object | string, msg?: string) => {
    entries.push({ level, obj, msg });
  };
  return {
    entries,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    text: () => entries.map((e) => `${e.level} ${typeof e.obj === 'string' ? e.obj : JSON.stringify(e.obj)} ${e.msg ?? ''}`).join('\n'),
  };
}

export interface Harness {
  app: TestApp;
  fake: FakeSlack;
  web: WebServer;
  slack: SlackSurface;
  logger: ReturnType<typeof memoryLogger>;
  /** http://127.0.0.1:P/slack/events */
  eventsUrl: string;
  /** Every message the dispatcher was given. */
  inbound: InboundMessage[];
  close(): Promise<void>;
}

export async function startHarness(
  options: {
    mode?: 'http' | 'socket';
    env?: Record<string, string>;
    slack?: SlackOptions;
    fake?: FakeSlackOptions;
    /** Adjust the fake before Slack starts (e.g. make auth.test fail). */
    prepare?: (fake: FakeSlack) => void;
    waitConnected?: boolean;
  } = {},
): Promise<Harness> {
  const fake = await FakeSlack.start(options.fake);
  options.prepare?.(fake);
  const logger = memoryLogger();
  const modeEnv = options.mode === 'socket' ? { SLACK_APP_TOKEN: APP_TOKEN } : { SLACK_SIGNING_SECRET: SIGNING_SECRET };
  const app = await createTestApp({ env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: fake.apiUrl, ...modeEnv, ...options.env }, logger });
  const inbound: InboundMessage[] = [];
  const handle = app.engine.handle.bind(app.engine);
  // Observe what reaches the core without changing it.
  app.engine.handle = (message, turnOptions) => {
    inbound.push(message);
    return handle(message, turnOptions);
  };
  const web = new WebServer(logger);
  const slack = startSlack(app, web, {
    minIntervalMs: 0,
    tuning: { retries: 1, minRetryDelayMs: 10, maxRetryDelayMs: 20, requestTimeoutMs: 2000 },
    retryDelaysMs: [100],
    ...options.slack,
  });
  const address = await web.listen(0, '127.0.0.1');
  if (options.waitConnected !== false) await slack.connected;
  return {
    app,
    fake,
    web,
    slack,
    logger,
    eventsUrl: `http://127.0.0.1:${address.port}/slack/events`,
    inbound,
    async close() {
      await slack.stop();
      await web.close();
      await app.close();
      await fake.close();
    },
  };
}

/** Texts of every chat.postMessage (fallback text), in order. */
export function postedTexts(fake: FakeSlack): string[] {
  return fake.callsTo('chat.postMessage').map((c) => String(c.args.text));
}

/** All mrkdwn of the section blocks of one API call. */
export function sectionTexts(args: Record<string, unknown>): string[] {
  const blocks = (args.blocks ?? []) as Array<{ type: string; text?: { text?: string } }>;
  return blocks.filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');
}
