/**
 * Posting the stored answer of a turn on a push surface (Slack, Discord messages). Each surface
 * registers how it posts from the address stored with the message, so any instance can deliver a
 * recovered answer. A failed post is tried again after a lease, up to a limit, then given up (logged).
 */
import type { Inbox, InboxItem } from './inbox.js';
import type { InboundMessage, Reply } from './messages.js';
import type { Logger } from './ports.js';

/**
 * Posts replies of one surface from what was stored at accept time. `streamed` is the message an
 * AnswerStream posted for this turn, if any: the final answer replaces it instead of following it.
 */
export type Deliverer = (address: unknown, replies: Reply[], message: InboundMessage, streamed?: unknown) => Promise<void>;

/**
 * An answer shown while a model writes it: the surface posts the first text, edits that message as
 * more arrives (as often as its rate limits allow), and `settle` waits for writes in flight and
 * returns what the deliverer needs to replace the message with the final answer (Slack: channel
 * and ts), or undefined when nothing was posted. Best effort: a failed write is logged by the
 * surface and the final answer is posted as usual.
 */
export interface AnswerStream {
  update(textSoFar: string): void;
  settle(): Promise<unknown>;
}

/** Opens an AnswerStream for a turn's address; undefined where this address cannot show one. */
export type Streamer = (address: unknown, message: InboundMessage) => AnswerStream | undefined;

export class TurnDelivery {
  private readonly deliverers = new Map<string, Deliverer>();
  private readonly streamers = new Map<string, Streamer>();

  constructor(
    private readonly inbox: Inbox,
    private readonly logger: Logger,
    private readonly maxAttempts = 5,
  ) {}

  register(surface: string, deliver: Deliverer, stream?: Streamer): void {
    this.deliverers.set(surface, deliver);
    if (stream) this.streamers.set(surface, stream);
    else this.streamers.delete(surface);
  }

  unregister(surface: string): void {
    this.deliverers.delete(surface);
    this.streamers.delete(surface);
  }

  /** A stream for this turn's answer, when its surface shows answers while they are written. */
  streamFor(surface: string, address: unknown, message: InboundMessage): AnswerStream | undefined {
    return this.streamers.get(surface)?.(address, message);
  }

  /** `retryAt`: when the row may be tried again (by any instance) if this attempt fails. */
  async deliver(
    item: InboxItem,
    address: unknown,
    replies: Reply[],
    message: InboundMessage,
    retryAt: Date,
    streamed?: unknown,
  ): Promise<void> {
    const deliver = this.deliverers.get(item.surface);
    if (!deliver) {
      // This instance does not run that surface (yet): leave it for one that does.
      await this.inbox.retryLater(item.key, retryAt, false);
      return;
    }
    try {
      await deliver(address, replies, message, streamed);
      await this.inbox.delivered(item.key);
    } catch (error) {
      const giveUp = item.attempts >= this.maxAttempts;
      this.logger[giveUp ? 'error' : 'warn'](
        { err: error, key: item.key, attempts: item.attempts },
        giveUp ? 'could not deliver an answer; given up' : 'could not deliver an answer; trying again later',
      );
      await this.inbox.retryLater(item.key, retryAt, giveUp).catch(() => undefined);
    }
  }
}

/** The last `size` keys seen, for dropping fast repeats without asking the database. */
export class RecentKeys {
  private readonly seen = new Set<string>();
  private readonly order: string[] = [];

  constructor(private readonly size = 5000) {}

  has(key: string): boolean {
    return this.seen.has(key);
  }

  add(key: string): void {
    this.seen.add(key);
    this.order.push(key);
    if (this.order.length > this.size) {
      const old = this.order.shift();
      if (old !== undefined) this.seen.delete(old);
    }
  }
}
