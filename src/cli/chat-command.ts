import type { Command } from 'commander';
import { runInteractiveChat } from '../adapters/terminal/interactive.js';
import { runJsonlChat } from '../adapters/terminal/jsonl.js';
import { withApp } from './context.js';

export function registerChat(program: Command): void {
  program
    .command('chat')
    .description('talk to the bot in this terminal (the same conversations as the web chat)')
    .option('--jsonl', 'for scripts: one JSON line out for every line in: {"replies":[{"text","buttons":[{"id","label"}]}]}')
    .option('--user <id>', 'who you are (user ref cli:<id>); default: your login name')
    .option('--name <name>', 'your display name')
    .action(async (opts: { jsonl?: boolean; user?: string; name?: string }) => {
      await withApp(async (app) => {
        if (opts.jsonl) {
          await runJsonlChat(app.turns, { user: opts.user ?? 'script', name: opts.name, input: process.stdin, output: process.stdout });
        } else {
          await runInteractiveChat(app.turns, { user: opts.user, name: opts.name, input: process.stdin, output: process.stdout });
        }
      });
    });
}
