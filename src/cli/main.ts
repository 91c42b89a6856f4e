/**
 * The `buurtbot` command line: serve the bot, chat in a terminal, and the admin commands. Every
 * command that prints data for machines has --json. Exit codes: 0 ok, 1 failure, 2 bad usage.
 */
import { Command, CommanderError } from 'commander';
import { CodedError } from '../core/errors.js';
import { registerCommands } from './commands.js';

export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('buurtbot')
    .description(
      'buurtbot — assistent voor buurtplatforms op weg naar buurtnetwerken (Maastricht).\nConfiguration comes from the environment and .env; see README.md and .env.example.',
    )
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
    // Our own errors say what to fix; everything else is a bug and gets its stack.
    if (error instanceof CodedError) {
      process.stderr.write(`buurtbot: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`buurtbot: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
