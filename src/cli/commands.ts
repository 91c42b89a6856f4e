import { Command } from 'commander';
import { registerServe } from './serve-command.js';
import { registerChat } from './chat-command.js';
import { registerDb } from './db-command.js';
import { registerPlatform } from './platform-command.js';
import { registerSchedule } from './schedule-command.js';
import { registerAsk, registerKb } from './kb-command.js';
import { registerUser } from './user-command.js';

/** Each command group lives in its own file; this lists them. */
export function registerCommands(program: Command): void {
  registerServe(program);
  registerChat(program);
  registerAsk(program);
  registerKb(program);
  registerPlatform(program);
  registerUser(program);
  registerSchedule(program);
  registerDb(program);
}
