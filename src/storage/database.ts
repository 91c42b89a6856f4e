import { describeTarget, parseDatabaseUrl, type DatabaseTarget } from './database-url.js';
import { StorageError } from './errors.js';
import { migrate, type MigrationResult } from './migrator.js';
import { createPrismaClient, type Db } from './prisma-client.js';
import { openTurnConnection, type SqliteTurnConnection } from './sqlite/connection.js';

export interface Database {
  db: Db;
  target: DatabaseTarget;
  migrations: MigrationResult | undefined;
  /** SQLite only: the direct connection for the per-turn statements (storage/turn-stores.ts). */
  sqlite: SqliteTurnConnection | undefined;
  describe(): string;
  close(): Promise<void>;
}

export interface OpenOptions {
  url: string | undefined;
  rootDir: string;
  /** Apply pending migrations first. Embedded SQLite always migrates; PostgreSQL unless told not to. */
  migrate: boolean;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const target = parseDatabaseUrl(options.url);
  let migrations: MigrationResult | undefined;
  if (options.migrate || target.kind === 'sqlite') {
    migrations = await migrate(target, options.rootDir);
  }
  const db = await createPrismaClient(target);
  try {
    await db.$connect();
    await db.$queryRawUnsafe('SELECT 1');
  } catch (error) {
    await db.$disconnect().catch(() => undefined);
    // A server that refuses or times out may be starting: `serve --wait-for-db` waits for that, not for a wrong password.
    const unreachable = /ECONNREFUSED|ETIMEDOUT|ECONNRESET|the database system is starting up/i.test((error as Error).message);
    throw new StorageError(`cannot use the database (${describeTarget(target)}): ${(error as Error).message}`, {
      unreachable,
      cause: error,
    });
  }
  let sqlite: SqliteTurnConnection | undefined;
  try {
    sqlite = target.kind === 'sqlite' ? openTurnConnection(target.file) : undefined;
  } catch (error) {
    await db.$disconnect().catch(() => undefined);
    throw new StorageError(`cannot open the database file ${describeTarget(target)}: ${(error as Error).message}`);
  }
  return {
    db,
    target,
    migrations,
    sqlite,
    describe: () => describeTarget(target),
    close: async () => {
      sqlite?.close();
      await db.$disconnect();
    },
  };
}
