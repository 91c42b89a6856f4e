import type { Command } from 'commander';
import { loadConfig } from '../config/load.js';
import { describeTarget, parseDatabaseUrl } from '../storage/database-url.js';
import { migrate } from '../storage/migrator.js';
import { printJson } from './context.js';

export function registerDb(program: Command): void {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply pending migrations (SQLite or PostgreSQL, from DATABASE_URL)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const config = loadConfig();
      const target = parseDatabaseUrl(config.DATABASE_URL);
      const result = await migrate(target, config.rootDir);
      if (opts.json) printJson({ database: target.kind, applied: result.applied, alreadyApplied: result.alreadyApplied });
      else
        process.stdout.write(
          `${describeTarget(target)}: ${result.applied.length ? `applied ${result.applied.join(', ')}` : 'up to date'} (${result.alreadyApplied} applied before)\n`,
        );
    });
}
