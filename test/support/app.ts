/**
 * Builds a real App (real Prisma, real SQLite file in a temp folder) for tests, with a fixed clock
 * and a silent logger. PostgreSQL runs when TEST_DATABASE_URL is set (see scripts/pg-cluster.sh).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config/load.js';
import { FixedClock } from '../../src/core/clock.js';
import { silentLogger, type Logger } from '../../src/core/ports.js';
import { freshDatabaseUrl, type DbKind } from './databases.js';

export function tempDir(prefix = 'buurtbot-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function testConfig(env: Record<string, string> = {}, dir = tempDir()): Config {
  return loadConfig({ DATABASE_URL: `file:${path.join(dir, 'test.db')}`, PORT: '0', ...env }, { readDotEnv: false, cwd: dir });
}

export interface TestApp extends App {
  clock: FixedClock;
  dir: string;
}

export async function createTestApp(
  options: { env?: Record<string, string>; now?: string; logger?: Logger; dir?: string; db?: DbKind } = {},
): Promise<TestApp> {
  const dir = options.dir ?? tempDir();
  const clock = new FixedClock(new Date(options.now ?? '2016-11-28T10:00:00+01:00'));
  const env = { ...(options.db ? { DATABASE_URL: await freshDatabaseUrl(options.db, dir) } : {}), ...(options.env ?? {}) };
  const config = testConfig(env, dir);
  const app = await createApp(config, { clock, logger: options.logger ?? silentLogger });
  return Object.assign(app, { clock, dir });
}
