/**
 * Runs once before the test files: makes sure the services the tests use exist on this machine,
 * so `npm test` works on a fresh clone. It starts a throwaway PostgreSQL cluster on 127.0.0.1
 * (installing Debian's postgresql when missing) and installs Debian's chromium for the browser
 * tests when missing. The cluster is left running for the next run; `scripts/pg-cluster.sh stop` ends it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
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

export default function setup(project: TestProject): void {
  ensureChromium();
  const url =
    process.env.TEST_DATABASE_URL || execFileSync('bash', [path.join(ROOT, 'scripts/pg-cluster.sh'), 'start'], { encoding: 'utf8' }).trim();
  project.provide('postgresUrl', url);
}
