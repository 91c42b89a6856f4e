import type { Command } from 'commander';
import { loadConfig } from '../config/load.js';
import { createLogger } from '../logging.js';
import { runningClock, secretsOf } from './context.js';
import { isCodedError } from '../core/errors.js';
import type { Logger } from '../core/ports.js';

/**
 * A database that is still starting (a container, a restarted server) is waited for, with a clear
 * line each try; a wrong path or URL fails at once (waiting would not help).
 */
export async function createAppWaitingForDatabase<T>(create: () => Promise<T>, waitMs: number, logger: Logger, delayMs = 3000): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await create();
    } catch (error) {
      if (!isCodedError(error, 'storage-unreachable') || Date.now() + delayMs > deadline) throw error;
      logger.warn({ reason: (error as Error).message }, `database not reachable yet; trying again in ${delayMs / 1000} s`);
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the bot: web chat on HOST:PORT (default http://127.0.0.1:3000), plus Slack/Discord when their tokens are set')
    .option('--no-migrate', 'do not apply pending PostgreSQL migrations at startup (embedded SQLite always migrates)')
    .option('--wait-for-db <seconds>', 'keep retrying an unreachable database this long before giving up', '60')
    .option(
      '--start-at <iso>',
      "run the bot's clock from this moment (e.g. 2016-11-20T10:00:00+01:00); default BUURTBOT_START_AT, else now",
    )
    .action(async (opts: { migrate: boolean; waitForDb: string; startAt?: string }) => {
      const config = loadConfig();
      const clock = runningClock(opts.startAt, config.BUURTBOT_START_AT);
      const logger = createLogger(config.LOG_LEVEL, process.stderr, secretsOf(config));
      const waitMs = Math.max(0, Number(opts.waitForDb) || 0) * 1000;
      // Loaded on use, so `buurtbot --help` and other commands never load every surface's code.
      const [{ createApp }, { serve }] = await Promise.all([import('../app.js'), import('../serve.js')]);
      const app = await createAppWaitingForDatabase(
        () => createApp(config, { logger, migrate: opts.migrate && config.BUURTBOT_AUTO_MIGRATE, ...(clock ? { clock } : {}) }),
        waitMs,
        logger,
      );
      logger.info({ database: app.database.describe(), ...(clock ? { clockStartedAt: clock.now().toISOString() } : {}) }, 'database ready');
      let running;
      try {
        running = await serve(app);
      } catch (error) {
        await app.close();
        throw error;
      }
      process.stderr.write(`\nbuurtbot draait: open ${running.url} in je browser (Ctrl+C stopt).\n\n`);
      await new Promise<void>((resolve) => {
        // SIGTERM drains (serve.ts): no new messages, running turns finish and are answered, what is
        // left is handed back to the inbox for another instance or the next start.
        const shutdown = (signal: string) => {
          logger.info({ signal }, 'shutting down');
          void running.stop().then(resolve, (error: unknown) => {
            logger.error({ err: error }, 'shutdown failed');
            resolve();
          });
        };
        process.once('SIGINT', () => shutdown('SIGINT'));
        process.once('SIGTERM', () => shutdown('SIGTERM'));
      });
    });
}
