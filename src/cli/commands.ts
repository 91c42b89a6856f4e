import { Command } from 'commander';
import { registerServe } from './serve-command.js';
import { registerChat } from './chat-command.js';
import { registerDb } from './db-command.js';

/** Each command group lives in its own file; this lists them. */
export function registerCommands(program: Command): void {
  registerServe(program);
  registerChat(program);
  registerDb(program);
}
