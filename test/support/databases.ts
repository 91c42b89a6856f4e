/**
 * The storage-facing tests run on both databases: the embedded SQLite default and PostgreSQL.
 * Each PostgreSQL test app gets a database of its own, created on the throwaway cluster.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { inject } from 'vitest';
import { tempDir } from './app.js';
import { withClusterAdmin } from './pg-admin.js';

export type DbKind = 'sqlite' | 'postgres';
export const DB_KINDS: DbKind[] = ['sqlite', 'postgres'];

export async function freshDatabaseUrl(kind: DbKind, dir = tempDir()): Promise<string> {
  if (kind === 'sqlite') return `file:${path.join(dir, 'test.db')}`;
  const base = new URL(inject('postgresUrl'));
  // Named after the run, so the run's end drops it (global-setup.ts).
  const name = `${inject('databasePrefix')}${crypto.randomBytes(6).toString('hex')}`;
  await withClusterAdmin(base.toString(), (admin) => admin.query(`CREATE DATABASE ${name}`));
  base.pathname = `/${name}`;
  return base.toString();
}
