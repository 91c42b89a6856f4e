import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { DatabaseTarget } from './database-url.js';

/** SQLite waits this long for a lock held by another process (the CLI beside the running bot). */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * pg returns catalog types `name` and `char` as values the JS schema engine cannot deserialize
 * ("Column type 'name' could not be deserialized", prisma/orm#27403); reading them as text fixes migrate.
 */
const PG_TYPE_NAME = 19;
const PG_TYPE_CHAR = 18;
const PG_TYPE_BPCHAR = 1042;
function pgTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: string) => {
      if (oid === PG_TYPE_NAME || oid === PG_TYPE_CHAR || oid === PG_TYPE_BPCHAR) return (value: string) => value;
      return (pg.types.getTypeParser as (oid: number, format?: string) => unknown)(oid, format);
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

export function pgPoolConfig(target: Extract<DatabaseTarget, { kind: 'postgres' }>): pg.PoolConfig {
  return {
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database,
    ssl: target.ssl ? { rejectUnauthorized: true } : false,
    types: pgTypes(),
    connectionTimeoutMillis: 5_000,
    max: 10,
  };
}

/** The Prisma driver adapter factory for a target. */
export function driverAdapterFor(target: DatabaseTarget): PrismaBetterSQLite3 | PrismaPg {
  if (target.kind === 'sqlite') {
    return new PrismaBetterSQLite3({ url: `file:${target.file}`, timeout: SQLITE_BUSY_TIMEOUT_MS });
  }
  return new PrismaPg(pgPoolConfig(target));
}
