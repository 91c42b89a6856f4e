/**
 * The durable inbox on the direct SQLite connection (see connection.ts for why turns use it): one
 * statement to accept a message, one to mark it delivered; the answer is written by the turn's own
 * commit (conversations.ts). Dates are ISO text with an offset, so they compare as text.
 */
import type { Admission, Inbox, InboxItem, NewInboxItem, TurnReceipt } from '../../core/inbox.js';
import type { SqliteTurnConnection } from './connection.js';
import { readDate, sqliteDate } from './values.js';

const COLUMNS = `seq, key, conversationKey, surface, userRef, payload, state, replies, attempts`;
const OPEN = `state IN ('received', 'answered')`;

export class SqliteInbox implements Inbox {
  private readonly insert;
  private readonly byKey;
  private readonly takeOver;
  private readonly expired;
  private readonly earlierRows;
  private readonly answer;
  private readonly done;
  private readonly later;
  private readonly renewAll;
  private readonly waitingCount;
  private readonly deleteOld;
  private readonly recent;
  private readonly claimMany;

  constructor(private readonly sql: SqliteTurnConnection) {
    const db = sql.db;
    this.insert = db.prepare<[string, string, string, string, string, string, string, string, string]>(
      `INSERT INTO "InboxEvent" (key, conversationKey, surface, userRef, payload, state, owner, leaseUntil, attempts, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, 'received', ?, ?, 1, ?, ?) ON CONFLICT(key) DO NOTHING`,
    );
    this.byKey = db.prepare<[string], InboxItem>(`SELECT ${COLUMNS} FROM "InboxEvent" WHERE key = ?`);
    // Only a row whose lease ran out can change hands: two instances never both take it.
    this.takeOver = db.prepare<[string, string, string, string, string]>(
      `UPDATE "InboxEvent" SET owner = ?, leaseUntil = ?, attempts = attempts + 1, updatedAt = ? WHERE key = ? AND ${OPEN} AND leaseUntil < ?`,
    );
    this.expired = db.prepare<[string, number], { key: string }>(
      `SELECT key FROM "InboxEvent" WHERE ${OPEN} AND leaseUntil < ? ORDER BY seq LIMIT ?`,
    );
    this.earlierRows = db.prepare<[string, number], { seq: number; key: string; owner: string | null; leaseUntil: string }>(
      `SELECT seq, key, owner, leaseUntil FROM "InboxEvent" WHERE conversationKey = ? AND seq < ? AND state = 'received' ORDER BY seq`,
    );
    this.answer = db.prepare<[string, string, string, string]>(
      `UPDATE "InboxEvent" SET state = ?, replies = ?, updatedAt = ? WHERE key = ? AND state = 'received'`,
    );
    this.done = db.prepare<[string, string]>(`UPDATE "InboxEvent" SET state = 'delivered', owner = NULL, updatedAt = ? WHERE key = ?`);
    this.later = db.prepare<[string, string, string, string]>(
      `UPDATE "InboxEvent" SET state = ?, leaseUntil = ?, updatedAt = ? WHERE key = ? AND ${OPEN}`,
    );
    this.renewAll = db.prepare<[string, string]>(`UPDATE "InboxEvent" SET leaseUntil = ? WHERE owner = ? AND ${OPEN}`);
    this.waitingCount = db.prepare<[string], { n: number }>(`SELECT COUNT(*) AS n FROM "InboxEvent" WHERE ${OPEN} AND createdAt < ?`);
    this.deleteOld = db.prepare<[string]>(`DELETE FROM "InboxEvent" WHERE state IN ('delivered', 'failed') AND createdAt < ?`);
    this.recent = db.prepare<[string, string, number], { payload: string }>(
      `SELECT payload FROM "InboxEvent" WHERE surface = ? AND createdAt >= ? ORDER BY seq DESC LIMIT ?`,
    );
    this.claimMany = db.transaction((keys: string[], owner: string, now: string, until: string): InboxItem[] => {
      const taken: InboxItem[] = [];
      for (const key of keys) {
        if (this.takeOver.run(owner, until, now, key, now).changes !== 1) continue;
        const row = this.byKey.get(key);
        if (row) taken.push(row);
      }
      return taken;
    });
  }

  admit(item: NewInboxItem, owner: string, now: Date, leaseUntil: Date): Promise<Admission> {
    const at = sqliteDate(now);
    return this.sql.run((): Admission => {
      const inserted = this.insert.run(
        item.key,
        item.conversationKey,
        item.surface,
        item.userRef,
        item.payload,
        owner,
        sqliteDate(leaseUntil),
        at,
        at,
      );
      if (inserted.changes === 1) return { outcome: 'new', seq: Number(inserted.lastInsertRowid) };
      if (this.takeOver.run(owner, sqliteDate(leaseUntil), at, item.key, at).changes === 1) {
        const row = this.byKey.get(item.key);
        if (row) return { outcome: 'takenOver', item: row };
      }
      return { outcome: 'duplicate', item: this.byKey.get(item.key) ?? null };
    });
  }

  claimExpired(owner: string, now: Date, leaseUntil: Date, limit: number): Promise<InboxItem[]> {
    const at = sqliteDate(now);
    return this.sql.run(() => {
      const keys = this.expired.all(at, limit).map((row) => row.key);
      return keys.length ? this.claimMany.immediate(keys, owner, at, sqliteDate(leaseUntil)) : [];
    });
  }

  async claim(key: string, owner: string, now: Date, leaseUntil: Date): Promise<InboxItem | null> {
    const at = sqliteDate(now);
    const taken = await this.sql.run(() => this.claimMany.immediate([key], owner, at, sqliteDate(leaseUntil)));
    return taken[0] ?? null;
  }

  async earlier(conversationKey: string, seq: number) {
    const rows = await this.sql.run(() => this.earlierRows.all(conversationKey, seq));
    return rows.map((row) => ({ seq: row.seq, key: row.key, owner: row.owner, leaseUntil: readDate(row.leaseUntil) }));
  }

  async answered(receipt: TurnReceipt): Promise<void> {
    await this.sql.run(() => this.answer.run(receipt.state, receipt.replies, sqliteDate(new Date()), receipt.key));
  }

  async delivered(key: string): Promise<void> {
    await this.sql.run(() => this.done.run(sqliteDate(new Date()), key));
  }

  async retryLater(key: string, retryAt: Date, giveUp: boolean): Promise<void> {
    await this.sql.run(() => this.later.run(giveUp ? 'failed' : 'answered', sqliteDate(retryAt), sqliteDate(new Date()), key));
  }

  renew(owner: string, leaseUntil: Date): Promise<number> {
    return this.sql.run(() => this.renewAll.run(sqliteDate(leaseUntil), owner).changes);
  }

  release(owner: string, now: Date): Promise<number> {
    // A lease that ended a moment ago: the next sweep anywhere takes the rows.
    return this.sql.run(() => this.renewAll.run(sqliteDate(new Date(now.getTime() - 1)), owner).changes);
  }

  waiting(before: Date): Promise<number> {
    return this.sql.run(() => this.waitingCount.get(sqliteDate(before))?.n ?? 0);
  }

  prune(before: Date): Promise<number> {
    return this.sql.run(() => this.deleteOld.run(sqliteDate(before)).changes);
  }

  recentPayloads(surface: string, since: Date, limit: number): Promise<string[]> {
    return this.sql.run(() => this.recent.all(surface, sqliteDate(since), limit).map((r) => r.payload));
  }
}
