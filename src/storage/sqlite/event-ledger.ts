import type { EventLedger } from '../../core/ports.js';
import type { SqliteTurnConnection } from './connection.js';
import { sqliteDate } from './values.js';

/** Inbound event ids on the direct SQLite connection: one statement, no exception for a repeat. */
export class SqliteEventLedger implements EventLedger {
  private readonly insert;
  private readonly deleteOld;

  constructor(private readonly sql: SqliteTurnConnection, private readonly now: () => Date = () => new Date()) {
    this.insert = sql.db.prepare<[string, string]>(`INSERT INTO "ProcessedEvent" (key, createdAt) VALUES (?, ?) ON CONFLICT(key) DO NOTHING`);
    this.deleteOld = sql.db.prepare<[string]>(`DELETE FROM "ProcessedEvent" WHERE createdAt < ?`);
  }

  async firstSeen(key: string): Promise<boolean> {
    return (await this.sql.run(() => this.insert.run(key, sqliteDate(this.now())).changes)) === 1;
  }

  /** Old keys are only needed while a platform may still retry (minutes); keep a day. */
  prune(olderThan: Date): Promise<number> {
    return this.sql.run(() => this.deleteOld.run(sqliteDate(olderThan)).changes);
  }
}
