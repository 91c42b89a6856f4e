/**
 * Runs once before the test files: makes sure the services the tests use exist on this machine,
 * so `npm test` works on a fresh clone. It starts a throwaway PostgreSQL cluster on 127.0.0.1
 * (installing Debian's postgresql when missing) and installs Debian's chromium for the browser
 * tests when missing. The cluster is left running for the next run; `scripts/pg-cluster.sh stop` ends it.
 *
 * Every PostgreSQL test app gets a database of its own (support/databases.ts), named after this run
 * (`bb_<pid>_…`). They are dropped when the run ends, and a run that was killed leaves databases
 * behind that the next run on the same cluster drops: kept, they grew one developer's cluster to 5 GB.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { withClusterAdmin } from './pg-admin.js';
import { isRunning } from './temp-root.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    /** Names of this run's PostgreSQL test databases start with this. */
    databasePrefix: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');

function ensureChromium(): void {
  if (process.env.CHROMIUM_PATH || fs.existsSync('/usr/bin/chromium')) return;
  if (process.getuid?.() !== 0) throw new Error('Chromium is missing: run `sudo apt-get install chromium` (needed by the browser tests)');
  execFileSync('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], {
    stdio: 'inherit',
  });
}

const PREFIX = `bb_${process.pid}_`;

/** The test databases on the cluster whose run is over: this run's at its end, a dead run's at any time. */
async function dropTestDatabases(url: string, isOver: (name: string) => boolean): Promise<void> {
  await withClusterAdmin(url, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'bb\\_%'`);
    for (const { datname } of rows) {
      if (!/^bb_[0-9a-z_]+$/.test(datname) || !isOver(datname)) continue;
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  });
}

/** Databases named by a process that no longer runs (a test run, the inbox drill), or by the older scheme without one. */
function leftOver(name: string): boolean {
  if (/^bb_[0-9a-f]{12}$/.test(name)) return true;
  const pid = /^bb_(\d+)_/.exec(name)?.[1];
  return pid !== undefined && Number(pid) !== process.pid && !isRunning(Number(pid));
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureChromium();
  const url =
    process.env.TEST_DATABASE_URL || execFileSync('bash', [path.join(ROOT, 'scripts/pg-cluster.sh'), 'start'], { encoding: 'utf8' }).trim();
  project.provide('postgresUrl', url);
  project.provide('databasePrefix', PREFIX);
  // Other runs' leftovers only on this checkout's own cluster: on a server given by TEST_DATABASE_URL,
  // a database named after a process id may belong to a run on another machine.
  if (!process.env.TEST_DATABASE_URL) await dropTestDatabases(url, leftOver);
  return () => dropTestDatabases(url, (name) => name.startsWith(PREFIX));
}
