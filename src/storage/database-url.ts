import path from 'node:path';
import { CodedError } from '../core/errors.js';

/** Where the data lives, resolved from DATABASE_URL. SQLite is the embedded default. */
export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; host: string; port: number; user: string; password: string; database: string; ssl: boolean };

export const DEFAULT_DATABASE_URL = 'file:./data/buurtbot.db';

export class DatabaseUrlError extends CodedError {
  override name = 'DatabaseUrlError';
  constructor(message: string) {
    super('database-url', message);
  }
}

/**
 * Parse DATABASE_URL. `file:<path>` (relative to `cwd`) is SQLite; `postgres://` or `postgresql://`
 * is PostgreSQL. PostgreSQL settings are split into fields on purpose: the pg adapter treats a
 * connection string's database as the shadow database too (see BRIEF.md).
 */
export function parseDatabaseUrl(url: string | undefined, cwd: string = process.cwd()): DatabaseTarget {
  const value = (url ?? '').trim() || DEFAULT_DATABASE_URL;
  if (value.startsWith('file:')) {
    const file = value.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new DatabaseUrlError('DATABASE_URL: "file:" needs a path, for example file:./data/buurtbot.db');
    return { kind: 'sqlite', file: path.resolve(cwd, file) };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw new DatabaseUrlError('DATABASE_URL: not a valid postgres:// URL');
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (!parsed.hostname) throw new DatabaseUrlError('DATABASE_URL: the postgres URL has no host');
    if (!database)
      throw new DatabaseUrlError('DATABASE_URL: the postgres URL has no database name (postgres://user:pass@host:5432/buurtbot)');
    const sslmode = parsed.searchParams.get('sslmode');
    return {
      kind: 'postgres',
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : 5432,
      user: decodeURIComponent(parsed.username) || 'postgres',
      password: decodeURIComponent(parsed.password),
      database,
      ssl: sslmode === 'require' || sslmode === 'verify-full',
    };
  }
  throw new DatabaseUrlError(
    'DATABASE_URL: must start with "file:" (embedded SQLite) or "postgres://" (PostgreSQL); leave it unset for file:./data/buurtbot.db',
  );
}

/** A description safe for logs: never the password. */
export function describeTarget(target: DatabaseTarget): string {
  return target.kind === 'sqlite' ? `sqlite ${target.file}` : `postgres ${target.user}@${target.host}:${target.port}/${target.database}`;
}
