/**
 * Small helpers shared by the benchmark parts: percentiles, formatting, machine facts, a bounded
 * concurrency pool, and the protocol between a part (a child process) and bench/all.ts.
 */
import fs from 'node:fs';
import os from 'node:os';

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

/** The middle value (the mean of the two middle ones for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? 0,
    mean: sorted.length ? sum / sorted.length : 0,
  };
}

export const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ms`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
export const int = (n: number): string => Math.round(n).toLocaleString('en-US');

export function rss(): number {
  global.gc?.();
  return process.memoryUsage().rss;
}

/** Runs `count` tasks with at most `concurrency` at a time; stops starting new ones after `deadline`. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>, deadline = Infinity): Promise<number> {
  let next = 0;
  let started = 0;
  const worker = async (): Promise<void> => {
    while (next < count && Date.now() < deadline) {
      const i = next++;
      started += 1;
      await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, () => worker()));
  return started;
}

export function sleep(msToWait: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, msToWait));
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memory: string;
  node: string;
  platform: string;
  loadAverage: [number, number, number];
}

export function machineInfo(): MachineInfo {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const line = fs
      .readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':').slice(1).join(':').trim();
  } catch {
    // Not Linux: os.cpus() is good enough.
  }
  const [a = 0, b = 0, c = 0] = os.loadavg();
  return {
    cpu,
    cores: os.cpus().length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: [a, b, c],
  };
}

// ------------------------------------------------------------------ part ⇄ all.ts

export const RESULT_MARKER = 'BENCH_RESULT ';

/** Command-line flags of a part: `--name value`. */
export function flag(name: string, fallback?: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
}

export function numberFlag(name: string, fallback: number): number {
  const raw = flag(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} expects a non-negative number, got ${raw}`);
  return value;
}

/** A part prints its result as one marked JSON line (bench/all.ts reads it) plus a readable summary on stderr. */
export function emit(result: unknown, readable: string): void {
  process.stderr.write(`${readable}\n`);
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
}

/** Ends the process after `main`, even when a library left a handle open (bounded in time). */
export function runMain(main: () => Promise<void>, hardLimitMs: number): void {
  const guard = setTimeout(() => {
    process.stderr.write(`bench part exceeded ${Math.round(hardLimitMs / 1000)} s; stopping\n`);
    process.exit(3);
  }, hardLimitMs);
  guard.unref();
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
