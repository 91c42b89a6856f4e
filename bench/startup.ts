/**
 * Start-up and idle memory (`npx tsx bench/startup.ts`), as a person runs the bot: the compiled
 * `node bin/buurtbot.js` with the node flags of its shebang (what `npx buurtbot` and `npm start` run
 * after `npm ci`), each command in a fresh process. The bare Bolt app runs with node's defaults.
 *
 * - `buurtbot --help` and `buurtbot ask "…"`: wall time from spawn to exit, median of the runs.
 * - `buurtbot serve` with no chat tokens (web chat only, embedded SQLite): RSS of the process once
 *   /healthz answers and it has stood idle for a few seconds, median of the runs. Beside it a bare
 *   Bolt app (`new App({ token, signingSecret })`, HTTP receiver listening) for scale.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emit, median, numberFlag, runMain } from './stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = numberFlag('--runs', 5);
const IDLE_MS = numberFlag('--idle-ms', 5000);

export interface StartupBenchResult {
  runs: number;
  helpMs: number[];
  askMs: number[];
  serveIdleRssMb: number[];
  boltIdleRssMb: number[];
}

function timed(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/** Starts a server process, waits until `ready` answers, lets it idle, reads its RSS, stops it. */
async function idleRss(args: string[], env: NodeJS.ProcessEnv, ready: string): Promise<number> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'ignore' });
  try {
    const giveUp = Date.now() + 30_000;
    for (;;) {
      if (Date.now() > giveUp) throw new Error(`${args.join(' ')} did not answer ${ready}`);
      const ok = await fetch(ready).then(
        (r) => r.status < 500,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    return rssMb(child.pid as number);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const BOLT_ECHO = `
const { App } = require('@slack/bolt');
const app = new App({ token: 'xoxb-bench', signingSecret: 'bench-secret', port: Number(process.env.PORT) });
app.message(async ({ message, say }) => { await say(message.text ?? ''); });
app.start().then(() => {});
`;

runMain(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buurtbot-startup-'));
  const base: NodeJS.ProcessEnv = { PATH: process.env['PATH'] ?? '', HOME: dir, LOG_LEVEL: 'error' };
  const bin = path.join(ROOT, 'bin', 'buurtbot.js');
  // The node flags of the bin's shebang (`#!/usr/bin/env -S node …`), as `npx buurtbot` and `npm start` run it.
  const nodeFlags = /^#!.*\bnode((?:\s+--\S+)*)/.exec(fs.readFileSync(bin, 'utf8'))?.[1]?.trim().split(/\s+/) ?? [];
  const cli = [...nodeFlags, bin];
  const result: StartupBenchResult = { runs: RUNS, helpMs: [], askMs: [], serveIdleRssMb: [], boltIdleRssMb: [] };
  const askEnv = { ...base, DATABASE_URL: `file:${path.join(dir, 'ask.db')}` };
  // One ask first: it creates the database, which later runs find ready (as on a machine in use).
  await timed([...cli, 'ask', 'Wanneer moet het plan van aanpak binnen zijn?'], askEnv);
  for (let i = 0; i < RUNS; i++) {
    result.helpMs.push(await timed([...cli, '--help'], base));
    result.askMs.push(await timed([...cli, 'ask', 'Wanneer moet het plan van aanpak binnen zijn?'], askEnv));
  }
  for (let i = 0; i < RUNS; i++) {
    const port = 39_000 + i;
    result.serveIdleRssMb.push(
      await idleRss(
        [...cli, 'serve'],
        { ...base, PORT: String(port), DATABASE_URL: `file:${path.join(dir, 'serve.db')}` },
        `http://127.0.0.1:${port}/healthz`,
      ),
    );
    const boltPort = 39_100 + i;
    result.boltIdleRssMb.push(
      await idleRss(['-e', BOLT_ECHO], { ...base, PORT: String(boltPort) }, `http://127.0.0.1:${boltPort}/slack/events`),
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const round = (n: number) => Math.round(n);
  emit(
    result,
    `--help ${round(median(result.helpMs))} ms, ask ${round(median(result.askMs))} ms, idle serve ${round(median(result.serveIdleRssMb))} MB RSS, bare Bolt ${round(median(result.boltIdleRssMb))} MB (medians of ${RUNS})`,
  );
}, 300_000);
