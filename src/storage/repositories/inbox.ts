/**
 * The durable inbox on Prisma (PostgreSQL; see src/storage/sqlite/inbox.ts for the embedded
 * default). Every change of hands is a conditional update on the lease, so of two instances that
 * race for an expired row exactly one gets it.
 */
import type { Admission, Inbox, InboxItem, InboxState, NewInboxItem, TurnReceipt } from '../../core/inbox.js';
import type { Db } from '../prisma-client.js';
import { isUniqueViolation } from './unique-violation.js';

const OPEN: InboxState[] = ['received', 'answered'];
const SELECT = {
  seq: true,
  key: true,
  conversationKey: true,
  surface: true,
  userRef: true,
  payload: true,
  state: true,
  replies: true,
  attempts: true,
} as const;

export class PrismaInbox implements Inbox {
  constructor(private readonly db: Db) {}

  async admit(item: NewInboxItem, owner: string, now: Date, leaseUntil: Date): Promise<Admission> {
    try {
      const row = await this.db.inboxEvent.create({
        data: { ...item, owner, leaseUntil, createdAt: now, updatedAt: now },
        select: { seq: true },
      });
      return { outcome: 'new', seq: row.seq };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const taken = await this.claim(item.key, owner, now, leaseUntil);
    if (taken) return { outcome: 'takenOver', item: taken };
    const existing = await this.db.inboxEvent.findUnique({ where: { key: item.key }, select: SELECT });
    return { outcome: 'duplicate', item: existing ? toItem(existing) : null };
  }

  async claimExpired(owner: string, now: Date, leaseUntil: Date, limit: number): Promise<InboxItem[]> {
    const candidates = await this.db.inboxEvent.findMany({
      where: { state: { in: OPEN }, leaseUntil: { lt: now } },
      orderBy: { seq: 'asc' },
      take: limit,
      select: { key: true },
    });
    const taken: InboxItem[] = [];
    for (const { key } of candidates) {
      const item = await this.claim(key, owner, now, leaseUntil);
      if (item) taken.push(item);
    }
    return taken;
  }

  async claim(key: string, owner: string, now: Date, leaseUntil: Date): Promise<InboxItem | null> {
    const { count } = await this.db.inboxEvent.updateMany({
      where: { key, state: { in: OPEN }, leaseUntil: { lt: now } },
      data: { owner, leaseUntil, attempts: { increment: 1 }, updatedAt: now },
    });
    if (count !== 1) return null;
    const row = await this.db.inboxEvent.findUnique({ where: { key }, select: SELECT });
    return row ? toItem(row) : null;
  }

  earlier(conversationKey: string, seq: number) {
    return this.db.inboxEvent.findMany({
      where: { conversationKey, seq: { lt: seq }, state: 'received' },
      orderBy: { seq: 'asc' },
      select: { seq: true, key: true, owner: true, leaseUntil: true },
    });
  }

  async answered(receipt: TurnReceipt): Promise<void> {
    await this.db.inboxEvent.updateMany({
      where: { key: receipt.key, state: 'received' },
      data: { state: receipt.state, replies: receipt.replies, updatedAt: new Date() },
    });
  }

  async delivered(key: string): Promise<void> {
    await this.db.inboxEvent.updateMany({ where: { key }, data: { state: 'delivered', owner: null, updatedAt: new Date() } });
  }

  async retryLater(key: string, retryAt: Date, giveUp: boolean): Promise<void> {
    await this.db.inboxEvent.updateMany({
      where: { key, state: { in: OPEN } },
      data: { state: giveUp ? 'failed' : 'answered', leaseUntil: retryAt, updatedAt: new Date() },
    });
  }

  async renew(owner: string, leaseUntil: Date): Promise<number> {
    return (await this.db.inboxEvent.updateMany({ where: { owner, state: { in: OPEN } }, data: { leaseUntil } })).count;
  }

  async release(owner: string, now: Date): Promise<number> {
    return this.renew(owner, new Date(now.getTime() - 1));
  }

  waiting(before: Date): Promise<number> {
    return this.db.inboxEvent.count({ where: { state: { in: OPEN }, createdAt: { lt: before } } });
  }

  async prune(before: Date): Promise<number> {
    return (await this.db.inboxEvent.deleteMany({ where: { state: { in: ['delivered', 'failed'] }, createdAt: { lt: before } } })).count;
  }

  async recentPayloads(surface: string, since: Date, limit: number): Promise<string[]> {
    const rows = await this.db.inboxEvent.findMany({
      where: { surface, createdAt: { gte: since } },
      orderBy: { seq: 'desc' },
      take: limit,
      select: { payload: true },
    });
    return rows.map((r) => r.payload);
  }
}

function toItem(row: Omit<InboxItem, 'state'> & { state: string }): InboxItem {
  return { ...row, state: row.state as InboxState };
}
