/**
 * The `buurtbot` command line: serve the bot, chat in a terminal, and the admin commands. Every
 * command that prints data for machines has --json. Exit codes: 0 ok, 1 failure, 2 bad usage.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/load.js';
import { StorageError } from '../storage/errors.js';
import { DatabaseUrlError } from '../storage/database-url.js';
import { registerCommands } from './commands.js';
import { UsageError } from './context.js';
import { ContentError } from '../content-error.js';

export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('buurtbot')
    .description('buurtbot — assistent voor buurtplatforms op weg naar buurtnetwerken (Maastricht).\nConfiguration comes from the environment and .env; see README.md and .env.example.')
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerCommands(program);
  if (argv.length <= 2) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`buurtbot: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ContentError || error instanceof ConfigError || error instanceof StorageError || error instanceof DatabaseUrlError) {
      process.stderr.write(`buurtbot: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`buurtbot: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
