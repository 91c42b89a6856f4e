/**
 * A direct better-sqlite3 connection for the statements every chat turn runs (person, conversation,
 * transcript, question, event ledger). Through the Prisma 6 client each of those costs about 1 ms of
 * CPU (it compiles every query again); a prepared statement costs 10–70 µs. A turn runs about eight
 * of them, so this is most of a turn's cost (bench/REPORT.md). Everything else stays on Prisma.
 *
 * Why no busy timeout here: better-sqlite3 is synchronous. When Prisma's connection holds the write
 * lock across awaits (an interactive transaction) and this connection waited for it inside the
 * driver, the event loop would stop and Prisma could never commit. So a busy database is retried
 * asynchronously instead, yielding to the event loop between attempts, up to the same time limit.
 */
import Database from 'better-sqlite3';
import { SQLITE_BUSY_TIMEOUT_MS } from '../driver-adapter.js';

export interface SqliteTurnConnection {
  readonly db: Database.Database;
  /** Runs `work` (synchronous, so never interleaved with other work of this process), retrying while the file is locked. */
  run<T>(work: () => T): Promise<T>;
  close(): void;
}

const BUSY_CODES = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_LOCKED']);

export function isBusy(error: unknown): boolean {
  return typeof error === 'object' && error !== null && BUSY_CODES.has(String((error as { code?: unknown }).code));
}

export function openTurnConnection(file: string, busyLimitMs = SQLITE_BUSY_TIMEOUT_MS): SqliteTurnConnection {
  const db = new Database(file, { timeout: 0 });
  // The migrator set WAL on the file; these are per connection. Prisma's adapter enforces foreign keys too.
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  return {
    db,
    async run<T>(work: () => T): Promise<T> {
      const deadline = Date.now() + busyLimitMs;
      for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
        try {
          return work();
        } catch (error) {
          const remaining = deadline - Date.now();
          if (!isBusy(error) || remaining <= 0) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.min(wait, remaining)));
        }
      }
    },
    close: () => db.close(),
  };
}
