/** How buurtbot connects to PostgreSQL: one pool configuration for the Prisma adapter, the migrator and the tests. */
import pg from 'pg';
import type { DatabaseTarget } from './database-url.js';

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
