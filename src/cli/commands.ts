import { Command } from 'commander';
import { registerServe } from './serve-command.js';
import { registerChat } from './chat-command.js';
import { registerDb } from './db-command.js';
import { registerPlatform } from './platform-command.js';

/** Each command group lives in its own file; this lists them. */
export function registerCommands(program: Command): void {
  registerServe(program);
  registerChat(program);
  registerPlatform(program);
  registerDb(program);
}
