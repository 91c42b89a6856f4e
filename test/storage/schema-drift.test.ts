/**
 * The two schema files and the two migration histories must not drift: the PostgreSQL schema is
 * derived from the SQLite one, and applying each migration history must give exactly the database
 * that the current schema describes (so a schema change without a migration fails here).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/config/load.js';
import { parseDatabaseUrl } from '../../src/storage/database-url.js';
import { pgPoolConfig } from '../../src/storage/pg-pool-config.js';
import { migrate } from '../../src/storage/migrator.js';
import { derivePostgresSchema } from '../../src/storage/schema-derivation.js';
import { tempDir } from '../support/app.js';
import { freshDatabaseUrl } from '../support/databases.js';

const PRISMA = path.join(ROOT_DIR, 'node_modules/.bin/prisma');

/** What the current schema file says the database should be, as SQL from an empty database. */
function schemaSql(schema: string, databaseUrl: string): string {
  return execFileSync(PRISMA, ['migrate', 'diff', '--from-empty', '--to-schema-datamodel', schema, '--script'], {
    cwd: ROOT_DIR,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function sqliteShape(file: string): unknown {
  const db = new Database(file, { readonly: true });
  const tables = (
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`,
      )
      .all() as Array<{ name: string }>
  ).map((t) => t.name);
  const shape = tables.map((name) => ({
    name,
    columns: db.prepare(`PRAGMA table_info("${name}")`).all(),
    indexes: (db.prepare(`PRAGMA index_list("${name}")`).all() as Array<{ name: string; unique: number }>)
      .map((i) => ({
        unique: i.unique,
        columns: (db.prepare(`PRAGMA index_info("${i.name}")`).all() as Array<{ name: string }>).map((c) => c.name),
      }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    foreignKeys: db
      .prepare(`PRAGMA foreign_key_list("${name}")`)
      .all()
      .map((f) => ({ ...(f as object), id: 0, seq: 0 })),
  }));
  db.close();
  return shape;
}

async function postgresShape(url: string): Promise<unknown> {
  const target = parseDatabaseUrl(url);
  if (target.kind !== 'postgres') throw new Error('not postgres');
  const client = new pg.Client(pgPoolConfig(target));
  await client.connect();
  try {
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema='public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`,
    );
    const indexes = await client.query(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname='public' AND tablename <> '_prisma_migrations' ORDER BY indexname`,
    );
    const constraints = await client.query(
      `SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY conname`,
    );
    return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows };
  } finally {
    await client.end();
  }
}

describe('schema files and migrations', () => {
  it('the PostgreSQL schema is the one derived from the SQLite schema (run `npm run db:derive`)', () => {
    const source = fs.readFileSync(path.join(ROOT_DIR, 'prisma/schema.prisma'), 'utf8');
    const derived = fs.readFileSync(path.join(ROOT_DIR, 'prisma/postgres/schema.prisma'), 'utf8');
    expect(derived).toBe(derivePostgresSchema(source));
  });

  it('both migration histories have the same migrations', () => {
    const names = (dir: string) =>
      fs
        .readdirSync(path.join(ROOT_DIR, dir))
        .filter((n) => fs.existsSync(path.join(ROOT_DIR, dir, n, 'migration.sql')))
        .sort();
    expect(names('prisma/postgres/migrations')).toEqual(names('prisma/migrations'));
  });

  it('SQLite: applying the migrations gives exactly the database the schema describes', async () => {
    const dir = tempDir();
    const migrated = path.join(dir, 'migrated.db');
    await migrate({ kind: 'sqlite', file: migrated }, ROOT_DIR);
    const expected = path.join(dir, 'expected.db');
    const db = new Database(expected);
    db.exec(schemaSql('prisma/schema.prisma', `file:${expected}`));
    db.close();
    expect(sqliteShape(migrated)).toEqual(sqliteShape(expected));
  });

  it('PostgreSQL: applying the migrations gives exactly the database the schema describes', async () => {
    const migratedUrl = await freshDatabaseUrl('postgres');
    const target = parseDatabaseUrl(migratedUrl);
    await migrate(target, ROOT_DIR);
    const expectedUrl = await freshDatabaseUrl('postgres');
    const sql = schemaSql('prisma/postgres/schema.prisma', expectedUrl);
    const expectedTarget = parseDatabaseUrl(expectedUrl);
    if (expectedTarget.kind !== 'postgres') throw new Error('not postgres');
    const client = new pg.Client(pgPoolConfig(expectedTarget));
    await client.connect();
    await client.query(sql);
    await client.end();
    expect(await postgresShape(migratedUrl)).toEqual(await postgresShape(expectedUrl));
  });
});
