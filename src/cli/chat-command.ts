import type { Command } from 'commander';
import { runInteractiveChat } from '../adapters/terminal/interactive.js';
import { runJsonlChat } from '../adapters/terminal/jsonl.js';
import { loadConfig } from '../config/load.js';
import { runningClock, withApp } from './context.js';

export function registerChat(program: Command): void {
  program
    .command('chat')
    .description('talk to the bot in this terminal (the same conversations as the web chat)')
    .option('--jsonl', 'for scripts: one JSON line out for every line in: {"replies":[{"text","buttons":[{"id","label"}]}]}')
    .option('--user <id>', 'who you are (user ref cli:<id>); default: your login name')
    .option('--name <name>', 'your display name')
    .option(
      '--start-at <iso>',
      "run the bot's clock from this moment (e.g. 2016-11-20T10:00:00+01:00); default BUURTBOT_START_AT, else now",
    )
    .action(async (opts: { jsonl?: boolean; user?: string; name?: string; startAt?: string }) => {
      const clock = runningClock(opts.startAt, loadConfig().BUURTBOT_START_AT);
      await withApp(
        async (app) => {
          if (opts.jsonl) {
            await runJsonlChat(app.turns, { user: opts.user ?? 'script', name: opts.name, input: process.stdin, output: process.stdout });
          } else {
            await runInteractiveChat(app.turns, {
              user: opts.user,
              name: opts.name,
              input: process.stdin,
              output: process.stdout,
              open: (m) => app.engine.open(m),
            });
          }
        },
        clock ? { clock } : {},
      );
    });
}
