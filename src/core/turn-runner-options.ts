/**
 * What a TurnRunner is built from (the engine that answers, the inbox, lease timing) and the error
 * its accept/dispatch throw while it shuts down. Apart from the runner so the turn's helpers
 * (turn-answer.ts) and the surfaces can name them.
 */
import { CodedError } from './errors.js';
import type { Inbox, TurnReceipt } from './inbox.js';
import type { InboundMessage, Reply } from './messages.js';
import type { Logger } from './ports.js';
import type { TurnOptions } from './turn.js';

export interface TurnEngine {
  handle(message: InboundMessage, options?: TurnOptions & { receipt?: TurnReceipt }): Promise<Reply[]>;
}

export interface TurnRunnerOptions {
  engine: TurnEngine;
  inbox: Inbox;
  logger: Logger;
  /** Wall-clock time for leases (never the business clock, which may stand in 2016). */
  now?: () => Date;
  /** How long a claim holds without renewal; the time a dead instance's work waits to be taken over. */
  leaseMs: number;
  /** How many recent keys to remember in memory (fast repeats skip the database). */
  memory?: number;
  /** Deliveries tried this often before a row is given up (state failed, logged). */
  maxDeliveryAttempts?: number;
}

/** Thrown by accept/dispatch while shutting down: the surface answers "try again" and nothing was stored. */
export class DrainingError extends CodedError {
  override name = 'DrainingError';
  constructor() {
    super('shutting-down', 'shutting down: not accepting new messages', { retryable: true });
  }
}
