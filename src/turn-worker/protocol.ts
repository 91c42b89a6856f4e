/**
 * What the main thread and the turn worker say to each other. Only plain data crosses: the config,
 * messages and replies. Live things are rebuilt on the other side (clock, logger) or bridged by a
 * message (partial answers, outbox deliveries, knowledge reloads, plan links).
 */
import type { Config } from '../config/load.js';
import type { InboundMessage, Reply } from '../core/messages.js';

export interface WorkerSetup {
  config: Config;
  /** A business time that stands still (benchmarks); otherwise the worker uses the system clock. */
  fixedNow?: string;
}

/** What features send on their own (notices to coordinators, answers to askers), done by the main thread's outbox. */
export type OutboxCall =
  | { method: 'toUser'; userRef: string; replies: Reply[] }
  | { method: 'toCoordinators'; replies: Reply[] }
  | { method: 'toAnnouncements'; replies: Reply[] };

export type ToWorker =
  | { type: 'turn'; id: number; message: InboundMessage; streaming: boolean }
  | { type: 'reload-knowledge'; id: number }
  | { type: 'plan-links'; id: number; baseUrl: string }
  | { type: 'done'; id: number; error?: string }
  /** Shut down: close the worker's App (database, model background work), answer, then exit. */
  | { type: 'close'; id: number }
  /** Tests and drills: an uncaught error, exactly as a bug in a turn would throw one. */
  | { type: 'crash' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed-to-start'; error: string }
  /** null: the ledger has seen this message (another instance answered it). */
  | { type: 'replies'; id: number; replies: Reply[] | null }
  | { type: 'partial'; id: number; text: string }
  | { type: 'outbox'; id: number; call: OutboxCall }
  /** The worker reloaded its knowledge base (a coordinator's `kb herladen`): the main thread's copy follows. */
  | { type: 'knowledge-reloaded'; id: number }
  /** The end of a request from the main thread; the error keeps the worker's stack for the log. */
  | { type: 'done'; id: number; error?: { message: string; stack?: string | undefined } };

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
