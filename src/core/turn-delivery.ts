/**
 * Posting the stored answer of a turn on a push surface (Slack, Discord messages). Each surface
 * registers how it posts from the address stored with the message, so any instance can deliver a
 * recovered answer. A failed post is tried again after a lease, up to a limit, then given up (logged).
 */
import type { Inbox, InboxItem } from './inbox.js';
import type { InboundMessage, Reply } from './messages.js';
import type { Logger } from './ports.js';

/** Posts replies of one surface from what was stored at accept time. */
export type Deliverer = (address: unknown, replies: Reply[], message: InboundMessage) => Promise<void>;

export class TurnDelivery {
  private readonly deliverers = new Map<string, Deliverer>();

  constructor(
    private readonly inbox: Inbox,
    private readonly logger: Logger,
    private readonly maxAttempts = 5,
  ) {}

  register(surface: string, deliver: Deliverer): void {
    this.deliverers.set(surface, deliver);
  }

  unregister(surface: string): void {
    this.deliverers.delete(surface);
  }

  /** `retryAt`: when the row may be tried again (by any instance) if this attempt fails. */
  async deliver(item: InboxItem, address: unknown, replies: Reply[], message: InboundMessage, retryAt: Date): Promise<void> {
    const deliver = this.deliverers.get(item.surface);
    if (!deliver) {
      // This instance does not run that surface (yet): leave it for one that does.
      await this.inbox.retryLater(item.key, retryAt, false);
      return;
    }
    try {
      await deliver(address, replies, message);
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
