import type { Command } from 'commander';
import { createApp } from '../app.js';
import { loadConfig } from '../config/load.js';
import { createLogger } from '../logging.js';
import { serve } from '../serve.js';
import { secretsOf } from './context.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the bot: web chat on HOST:PORT (default http://127.0.0.1:3000), plus Slack/Discord when their tokens are set')
    .option('--no-migrate', 'do not apply pending PostgreSQL migrations at startup (embedded SQLite always migrates)')
    .action(async (opts: { migrate: boolean }) => {
      const config = loadConfig();
      const logger = createLogger(config.LOG_LEVEL, process.stderr, secretsOf(config));
      const app = await createApp(config, { logger, migrate: opts.migrate && config.BUURTBOT_AUTO_MIGRATE });
      logger.info({ database: app.database.describe() }, 'database ready');
      let running;
      try {
        running = await serve(app);
      } catch (error) {
        await app.close();
        throw error;
      }
      process.stderr.write(`\nbuurtbot draait: open ${running.url} in je browser (Ctrl+C stopt).\n\n`);
      await new Promise<void>((resolve) => {
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
