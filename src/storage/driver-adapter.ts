/**
 * The Prisma driver adapter for a database target, loaded on demand: an SQLite deployment never
 * loads PostgreSQL's adapter and driver, nor PostgreSQL's the SQLite ones (each is megabytes of
 * code held in memory for the life of the process).
 */
import type { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type { PrismaPg } from '@prisma/adapter-pg';
import type { DatabaseTarget } from './database-url.js';

/** SQLite waits this long for a lock held by another process (the CLI beside the running bot). */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/** The Prisma driver adapter factory for a target. */
export async function driverAdapterFor(target: DatabaseTarget): Promise<PrismaBetterSQLite3 | PrismaPg> {
  if (target.kind === 'sqlite') {
    const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3');
    return new PrismaBetterSQLite3({ url: `file:${target.file}`, timeout: SQLITE_BUSY_TIMEOUT_MS });
  }
  const [{ PrismaPg }, { pgPoolConfig }] = await Promise.all([import('@prisma/adapter-pg'), import('./pg-pool-config.js')]);
  return new PrismaPg(pgPoolConfig(target));
}
