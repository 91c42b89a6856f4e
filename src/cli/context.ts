import type { App } from '../app.js';
import { loadConfig, type Config } from '../config/load.js';
import type { Clock } from '../core/clock.js';
import { FixedClock, StartedAtClock } from '../core/clock.js';
import { CodedError } from '../core/errors.js';
import { createLogger } from '../logging.js';

/** Builds the app for a CLI command: config from the environment, logs to stderr. */
export async function withApp<T>(
  fn: (app: App) => Promise<T>,
  options: { clock?: Clock; logLevel?: string; migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  // Loaded on use: `buurtbot --help` and usage errors never pay for the whole app.
  const { createApp } = await import('../app.js');
  const app = await createApp(config, {
    logger: createLogger(options.logLevel ?? (config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL), process.stderr, secretsOf(config)),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.migrate !== undefined ? { migrate: options.migrate } : {}),
    // A one-off command: the search index is built only if this command asks a question.
    prepareKnowledge: false,
  });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

export function secretsOf(config: Config): string[] {
  return [
    config.SLACK_BOT_TOKEN,
    config.SLACK_APP_TOKEN,
    config.SLACK_SIGNING_SECRET,
    config.DISCORD_TOKEN,
    config.OPENAI_API_KEY,
    config.COORDINATOR_TOKEN,
  ].filter((s): s is string => typeof s === 'string');
}

/** `--at <ISO time>`: a clock standing at that moment (reminders and digests "as if it were then"). */
export function clockAt(at: string | undefined): Clock | undefined {
  if (!at) return undefined;
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--at: not a valid ISO date-time: "${at}" (example: 2016-12-24T10:00:00+01:00)`);
  return new FixedClock(date);
}

/** A command used wrongly (a bad flag or argument): exit code 2. */
export class UsageError extends CodedError {
  override name = 'UsageError';
  constructor(message: string) {
    super('usage', message, { exitCode: 2 });
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/**
 * The clock of a running bot (serve, chat): from `--start-at` or BUURTBOT_START_AT when given (the
 * letter's time, running on), else the real time (undefined: the app's default).
 */
export function runningClock(startAt: string | undefined, configured: Date | undefined): Clock | undefined {
  if (startAt) {
    const date = new Date(startAt);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(startAt) || Number.isNaN(date.getTime()))
      throw new UsageError(`--start-at: not a valid ISO date-time: "${startAt}" (example: 2016-11-20T10:00:00+01:00)`);
    return new StartedAtClock(date);
  }
  return configured ? new StartedAtClock(configured) : undefined;
}
