/**
 * Applies pending Prisma migrations at startup, without spawning the Prisma CLI (which takes seconds
 * and needs its config). Keeps Prisma's own `_prisma_migrations` bookkeeping, so `prisma migrate status`
 * and `prisma migrate deploy` agree with what we did. One migration folder per database kind.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseTarget } from './database-url.js';
import { SQLITE_BUSY_TIMEOUT_MS } from './driver-adapter.js';
import { pgPoolConfig } from './pg-pool-config.js';
import { StorageError } from './errors.js';

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/** Prisma's own advisory-lock id, so our runner and `prisma migrate deploy` never run at once. */
const PRISMA_ADVISORY_LOCK = 72707369;

export function migrationsDir(kind: DatabaseTarget['kind'], root: string): string {
  return kind === 'sqlite' ? path.join(root, 'prisma/migrations') : path.join(root, 'prisma/postgres/migrations');
}

export function readMigrations(dir: string): MigrationFile[] {
  if (!fs.existsSync(dir)) throw new StorageError(`migrations folder not found: ${dir}`);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

export async function migrate(target: DatabaseTarget, root: string): Promise<MigrationResult> {
  const migrations = readMigrations(migrationsDir(target.kind, root));
  return target.kind === 'sqlite' ? migrateSqlite(target.file, migrations) : migratePostgres(target, migrations);
}

/** Opens (creating when needed) the SQLite file, with a clear error naming the path when that fails. */
export function openSqlite(file: string): Database.Database {
  const dir = path.dirname(file);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new StorageError(`cannot create the data folder ${dir}: ${(error as Error).message}`);
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new StorageError(`the data folder ${dir} is not writable; fix its permissions or set DATABASE_URL=file:<another path>`);
  }
  try {
    const db = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
    // WAL lets the CLI read and write while the bot runs; it is a property of the file, so set it once here.
    db.pragma('journal_mode = WAL');
    return db;
  } catch (error) {
    throw new StorageError(`cannot open the database file ${file}: ${(error as Error).message}`);
  }
}

function migrateSqlite(file: string, migrations: MigrationFile[]): MigrationResult {
  const db = openSqlite(file);
  try {
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL,
      "checksum" TEXT NOT NULL,
      "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL,
      "logs" TEXT,
      "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
    )`);
    const applied: string[] = [];
    // IMMEDIATE takes the write lock up front: two processes starting at once apply each migration once.
    const run = db.transaction(() => {
      const done = new Map(
        (
          db
            .prepare('SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL')
            .all() as Array<{ migration_name: string; checksum: string }>
        ).map((r) => [r.migration_name, r.checksum]),
      );
      for (const m of migrations) {
        const known = done.get(m.name);
        if (known !== undefined) {
          if (known !== m.checksum) warnChanged(m.name);
          continue;
        }
        db.exec(m.sql);
        db.prepare(
          'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)',
        ).run(crypto.randomUUID(), m.checksum, Date.now(), m.name, Date.now());
        applied.push(m.name);
      }
      return done.size;
    });
    const alreadyApplied = run.immediate();
    return { applied, alreadyApplied };
  } catch (error) {
    if (error instanceof StorageError) throw error;
    throw new StorageError(`migrating ${file} failed: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

async function migratePostgres(
  target: Extract<DatabaseTarget, { kind: 'postgres' }>,
  migrations: MigrationFile[],
): Promise<MigrationResult> {
  const client = new pg.Client(pgPoolConfig(target));
  try {
    await client.connect();
  } catch (error) {
    throw new StorageError(`cannot reach PostgreSQL at ${target.host}:${target.port} (${(error as Error).message})`, {
      unreachable: true,
      cause: error,
    });
  }
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const rows = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const done = new Map(rows.rows.map((r) => [r.migration_name, r.checksum]));
    const applied: string[] = [];
    for (const m of migrations) {
      const known = done.get(m.name);
      if (known !== undefined) {
        if (known !== m.checksum) warnChanged(m.name);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, now(), 1)',
          [crypto.randomUUID(), m.checksum, m.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new StorageError(`migration ${m.name} failed: ${(error as Error).message}`);
      }
      applied.push(m.name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

function warnChanged(name: string): void {
  // A committed migration was edited after it ran somewhere; never re-run it, but say so.
  process.emitWarning(`migration ${name} was changed after it was applied; create a new migration instead`);
}
