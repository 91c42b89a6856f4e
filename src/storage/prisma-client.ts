import { PrismaClient as SqliteClient } from '../generated/prisma/client.js';
import { PrismaClient as PostgresClient } from '../generated/prisma-pg/client.js';
import type { DatabaseTarget } from './database-url.js';
import { driverAdapterFor } from './driver-adapter.js';

/**
 * The generated clients differ only in their embedded query compiler (one per provider); the model
 * API is identical, so the repositories are typed against the SQLite one and run on either.
 */
export type Db = SqliteClient;

export function createPrismaClient(target: DatabaseTarget): Db {
  const adapter = driverAdapterFor(target);
  if (target.kind === 'sqlite') return new SqliteClient({ adapter });
  return new PostgresClient({ adapter }) as unknown as Db;
}
