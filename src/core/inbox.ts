/**
 * The durable inbox, as the core sees it: every message the bot accepted is written here before the
 * surface acknowledges it, and stays until its answer went out. Storage implements it on SQLite
 * (direct statements) and on PostgreSQL (Prisma); the TurnRunner is its only user.
 *
 * A row is worked on under a lease (owner, leaseUntil) that the runner renews while the turn runs.
 * When an instance dies, its leases run out and any instance takes the rows over: a `received` row
 * runs its turn again from the stored payload, an `answered` row only delivers the stored replies.
 */
import type { InboundMessage, Reply } from './messages.js';

/** A message's key in the inbox: the dedupe key across restarts and instances. */
export function inboxKeyOf(message: Pick<InboundMessage, 'surface' | 'id'>): string {
  return `${message.surface}:${message.id}`;
}

/** The stored replies of a row (an unreadable value reads as none). */
export function readReplies(json: string): Reply[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as Reply[]) : [];
  } catch {
    return [];
  }
}

/** received → answered (replies stored with the turn's state) → delivered; failed after too many tries. */
export type InboxState = 'received' | 'answered' | 'delivered' | 'failed';

export interface InboxItem {
  seq: number;
  key: string;
  conversationKey: string;
  surface: string;
  userRef: string;
  /** JSON written by the runner: the message and, for pushed answers, where they go. */
  payload: string;
  state: InboxState;
  /** JSON of the replies once answered. */
  replies: string | null;
  attempts: number;
}

export interface NewInboxItem {
  key: string;
  conversationKey: string;
  surface: string;
  userRef: string;
  payload: string;
}

export type Admission =
  /** First time this key is seen: the row is ours under a lease. */
  | { outcome: 'new'; seq: number }
  /** Seen before, and its holder's lease ran out before it was delivered: the row is now ours. */
  | { outcome: 'takenOver'; item: InboxItem }
  /** Seen before and handled (or being handled) elsewhere. */
  | { outcome: 'duplicate'; item: InboxItem | null };

/** What the end of a turn writes together with the conversation's state: the answer, in the same commit. */
export interface TurnReceipt {
  key: string;
  /** `answered` when a surface still has to post the replies; `delivered` when the caller takes them (web, terminal). */
  state: 'answered' | 'delivered';
  replies: string;
  /** Set by the store when the receipt was written with the state. */
  written?: boolean;
}

export interface Inbox {
  admit(item: NewInboxItem, owner: string, now: Date, leaseUntil: Date): Promise<Admission>;
  /** Takes over up to `limit` rows whose lease ran out before delivery, oldest first. */
  claimExpired(owner: string, now: Date, leaseUntil: Date, limit: number): Promise<InboxItem[]>;
  /** Takes over one row when its lease ran out (a conversation's earlier turn held by a dead instance). */
  claim(key: string, owner: string, now: Date, leaseUntil: Date): Promise<InboxItem | null>;
  /** Unanswered rows of a conversation that came before `seq`: they run first. */
  earlier(conversationKey: string, seq: number): Promise<Array<{ seq: number; key: string; owner: string | null; leaseUntil: Date }>>;
  /** Stores the answer when the turn's own commit could not (a turn that ended early or failed). */
  answered(receipt: TurnReceipt): Promise<void>;
  delivered(key: string): Promise<void>;
  /** A delivery failed: try again after `retryAt`, or give up (state failed). */
  retryLater(key: string, retryAt: Date, giveUp: boolean): Promise<void>;
  /** Extends every lease this owner holds on unfinished rows. */
  renew(owner: string, leaseUntil: Date): Promise<number>;
  /** Hands this owner's unfinished rows back at once (graceful shutdown). */
  release(owner: string, now: Date): Promise<number>;
  /** Unfinished rows accepted before `before`: turns waiting too long (health, digest). */
  waiting(before: Date): Promise<number>;
  /** Deletes finished rows accepted before `before`. */
  prune(before: Date): Promise<number>;
  /** Payloads of a surface's rows accepted since `since`, newest first (for catching up after downtime). */
  recentPayloads(surface: string, since: Date, limit: number): Promise<string[]>;
}

/**
 * The newest message the bot accepted in each channel, from stored payloads (newest first): where
 * a surface that cannot replay what it missed (Discord after a fresh start) resumes reading.
 */
export function lastSeenPerChannel(payloads: readonly string[]): Array<{ channelId: string; messageId: string }> {
  const seen = new Map<string, string>();
  for (const payload of payloads) {
    try {
      const { message } = JSON.parse(payload) as { message?: { id?: unknown; channelId?: unknown } };
      if (typeof message?.channelId === 'string' && typeof message.id === 'string' && !seen.has(message.channelId))
        seen.set(message.channelId, message.id);
    } catch {
      // An unreadable row says nothing about where a channel stands.
    }
  }
  return [...seen].map(([channelId, messageId]) => ({ channelId, messageId }));
}

/** The states a row is still being worked on in. */
export const UNFINISHED: readonly InboxState[] = ['received', 'answered'];
