/**
 * The one entry point every surface calls. It drops duplicates (Slack retries, double clicks),
 * handles messages of one conversation strictly in order while different conversations run in
 * parallel, and turns any error in a handler into a polite reply: one broken turn never takes
 * the bot down.
 */
import { conversationKey } from './conversation-key.js';
import { DEFAULT_LANGUAGE } from './language.js';
import type { InboundMessage, Reply } from './messages.js';
import type { EventLedger, Logger } from './ports.js';
import { t } from './texts.js';
import type { TurnOptions } from './turn.js';

/** Resolves with the replies, or null for a duplicate the handler found itself (a turn worker checks the ledger). */
export type Handler = (message: InboundMessage, options?: TurnOptions) => Promise<Reply[] | null>;

/** What a message is known by in the in-memory window and in the cross-instance ledger. */
export function dedupeKeyOf(message: Pick<InboundMessage, 'surface' | 'id'>): string {
  return `${message.surface}:${message.id}`;
}

export interface DispatcherOptions {
  handler: Handler;
  logger: Logger;
  /** Cross-instance dedupe; the in-memory window below catches the fast repeats either way. */
  ledger?: EventLedger;
  /** How many recent message ids to remember in memory. */
  memory?: number;
}

export class Dispatcher {
  private readonly seen = new Set<string>();
  private readonly order: string[] = [];
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly memory: number;

  constructor(private readonly options: DispatcherOptions) {
    this.memory = options.memory ?? 5000;
  }

  /** Returns the replies, or null when the message was a duplicate and must not be answered. */
  async dispatch(message: InboundMessage, options: TurnOptions = {}): Promise<Reply[] | null> {
    const dedupeKey = dedupeKeyOf(message);
    if (this.seen.has(dedupeKey)) return null;
    this.remember(dedupeKey);
    const key = conversationKey(message);
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(() => this.handleOnce(message, dedupeKey, options));
    const tail = run.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }

  /** Number of conversations with work queued or running (for tests and graceful shutdown). */
  get busy(): number {
    return this.tails.size;
  }

  async idle(): Promise<void> {
    while (this.tails.size) await Promise.all([...this.tails.values()]);
  }

  private async handleOnce(message: InboundMessage, dedupeKey: string, options: TurnOptions): Promise<Reply[] | null> {
    try {
      if (this.options.ledger && !(await this.options.ledger.firstSeen(dedupeKey))) return null;
      return await this.options.handler(message, options);
    } catch (error) {
      this.options.logger.error(
        { err: error, messageId: message.id, surface: message.surface },
        'handler failed; answered politely',
      );
      const language = message.language ?? DEFAULT_LANGUAGE;
      return [{ kind: 'error', text: t(language, 'error.generic') }];
    }
  }

  private remember(key: string): void {
    this.seen.add(key);
    this.order.push(key);
    if (this.order.length > this.memory) {
      const old = this.order.shift();
      if (old !== undefined) this.seen.delete(old);
    }
  }
}
