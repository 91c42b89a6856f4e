/**
 * The Inbox port in memory, for the turn runner's unit tests. It keeps the same rules as the two
 * database implementations (a row changes hands only when its lease ran out); the storage tests
 * hold those to the same cases on SQLite and PostgreSQL.
 */
import type { Admission, Inbox, InboxItem, NewInboxItem, TurnReceipt } from '../../src/core/inbox.js';

interface Row extends InboxItem {
  owner: string | null;
  leaseUntil: Date;
  createdAt: Date;
}

export class MemoryInbox implements Inbox {
  readonly rows = new Map<string, Row>();
  private seq = 0;

  async admit(item: NewInboxItem, owner: string, now: Date, leaseUntil: Date): Promise<Admission> {
    const existing = this.rows.get(item.key);
    if (!existing) {
      const row: Row = { ...item, seq: ++this.seq, state: 'received', replies: null, attempts: 1, owner, leaseUntil, createdAt: now };
      this.rows.set(item.key, row);
      return { outcome: 'new', seq: row.seq };
    }
    const taken = await this.claim(item.key, owner, now, leaseUntil);
    if (taken) return { outcome: 'takenOver', item: taken };
    return { outcome: 'duplicate', item: copy(existing) };
  }

  async claimExpired(owner: string, now: Date, leaseUntil: Date, limit: number): Promise<InboxItem[]> {
    const open = [...this.rows.values()].filter((r) => isOpen(r) && r.leaseUntil < now).sort((a, b) => a.seq - b.seq);
    const taken: InboxItem[] = [];
    for (const row of open.slice(0, limit)) {
      const item = await this.claim(row.key, owner, now, leaseUntil);
      if (item) taken.push(item);
    }
    return taken;
  }

  async claim(key: string, owner: string, now: Date, leaseUntil: Date): Promise<InboxItem | null> {
    const row = this.rows.get(key);
    if (!row || !isOpen(row) || !(row.leaseUntil < now)) return null;
    Object.assign(row, { owner, leaseUntil, attempts: row.attempts + 1 });
    return copy(row);
  }

  async earlier(conversationKey: string, seq: number) {
    return [...this.rows.values()]
      .filter((r) => r.conversationKey === conversationKey && r.seq < seq && r.state === 'received')
      .sort((a, b) => a.seq - b.seq)
      .map((r) => ({ seq: r.seq, key: r.key, owner: r.owner, leaseUntil: r.leaseUntil }));
  }

  /** What a store's finishTurn does with the receipt, in the same "commit". */
  async answered(receipt: TurnReceipt): Promise<void> {
    const row = this.rows.get(receipt.key);
    if (row?.state === 'received') Object.assign(row, { state: receipt.state, replies: receipt.replies });
  }

  async delivered(key: string): Promise<void> {
    const row = this.rows.get(key);
    if (row) Object.assign(row, { state: 'delivered', owner: null });
  }

  async retryLater(key: string, retryAt: Date, giveUp: boolean): Promise<void> {
    const row = this.rows.get(key);
    if (row && isOpen(row)) Object.assign(row, { state: giveUp ? 'failed' : 'answered', leaseUntil: retryAt });
  }

  async renew(owner: string, leaseUntil: Date): Promise<number> {
    let n = 0;
    for (const row of this.rows.values()) {
      if (row.owner !== owner || !isOpen(row)) continue;
      row.leaseUntil = leaseUntil;
      n++;
    }
    return n;
  }

  release(owner: string, now: Date): Promise<number> {
    return this.renew(owner, new Date(now.getTime() - 1));
  }

  async waiting(before: Date): Promise<number> {
    return [...this.rows.values()].filter((r) => isOpen(r) && r.createdAt < before).length;
  }

  async recentPayloads(surface: string, since: Date, limit: number): Promise<string[]> {
    return [...this.rows.values()]
      .filter((r) => r.surface === surface && !(r.createdAt < since))
      .sort((a, b) => b.seq - a.seq)
      .slice(0, limit)
      .map((r) => r.payload);
  }

  async prune(before: Date): Promise<number> {
    let n = 0;
    for (const [key, row] of this.rows) {
      if (isOpen(row) || !(row.createdAt < before)) continue;
      this.rows.delete(key);
      n++;
    }
    return n;
  }
}

function isOpen(row: Row): boolean {
  return row.state === 'received' || row.state === 'answered';
}

function copy(row: Row): InboxItem {
  const { seq, key, conversationKey, surface, userRef, payload, state, replies, attempts } = row;
  return { seq, key, conversationKey, surface, userRef, payload, state, replies, attempts };
}
