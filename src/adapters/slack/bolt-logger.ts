/**
 * Bolt, its WebClient and the Socket Mode client log through this adapter into our pino logger,
 * so their lines land in the same stream, pass the same secret scrubbing, and carry
 * `surface: "slack"`. Their debug chatter only shows at LOG_LEVEL=debug.
 */
import { format } from 'node:util';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';

const ORDER: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

export function boltLogLevel(level: string): LogLevel {
  if (level === 'debug' || level === 'trace') return LogLevel.DEBUG;
  if (level === 'info') return LogLevel.INFO;
  if (level === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}

export function createBoltLogger(logger: Logger, initial: LogLevel): BoltLogger {
  let level = initial;
  let name = 'bolt';
  const write = (at: LogLevel, method: 'debug' | 'info' | 'warn' | 'error', msg: unknown[]) => {
    if (ORDER[at] < ORDER[level]) return;
    logger[method]({ component: name }, format(...msg.map(summarize)));
  };
  return {
    debug: (...msg: unknown[]) => write(LogLevel.DEBUG, 'debug', msg),
    info: (...msg: unknown[]) => write(LogLevel.INFO, 'info', msg),
    warn: (...msg: unknown[]) => write(LogLevel.WARN, 'warn', msg),
    error: (...msg: unknown[]) => write(LogLevel.ERROR, 'error', msg),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      name = next;
    },
  };
}

/** Errors as their message (Web API errors carry request details we do not want in every line). */
function summarize(value: unknown): unknown {
  return value instanceof Error ? value.message : value;
}
