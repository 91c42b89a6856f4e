/**
 * The throwaway cluster's `postgres` database, from which the tests and the inbox drill create
 * (and drop) databases of their own. Parsed like the app parses DATABASE_URL.
 */
import pg from 'pg';
import { parseDatabaseUrl } from '../../src/storage/database-url.js';
import { pgPoolConfig } from '../../src/storage/pg-pool-config.js';

export async function withClusterAdmin<T>(url: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const target = parseDatabaseUrl(url);
  if (target.kind !== 'postgres') throw new Error(`not a PostgreSQL URL: ${url}`);
  const admin = new pg.Client(pgPoolConfig({ ...target, database: 'postgres' }));
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
