/**
 * What the benchmark parts share: a real App on a fresh SQLite file in a temp folder (the same
 * composition root as `buurtbot serve`, a fixed business clock and a silent logger), and a content
 * folder holding the real knowledge base plus deterministic filler up to N passages, written as
 * ordinary Markdown files so the App loads them at start like a coordinator's content.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App, type AppOptions } from '../src/app.js';
import { loadConfig, ROOT_DIR } from '../src/config/load.js';
import { FixedClock } from '../src/core/clock.js';
import { loadKnowledgeBase } from '../src/content-files.js';
import { splitPassages } from '../src/core/knowledge/passage-split.js';
import type { KbEntry } from '../src/core/knowledge/types.js';
import type { InboundMessage } from '../src/core/messages.js';
import { silentLogger, type Logger } from '../src/core/ports.js';
import { fillerEntries } from './filler.js';

export const BENCH_NOW = '2016-11-28T10:00:00+01:00';

export function tempDir(prefix = 'buurtbot-bench-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface BenchApp extends App {
  clock: FixedClock;
  dir: string;
}

export async function createBenchApp(
  options: { env?: Record<string, string>; now?: string; logger?: Logger; answerer?: AppOptions['answerer'] } = {},
): Promise<BenchApp> {
  const dir = tempDir();
  const clock = new FixedClock(new Date(options.now ?? BENCH_NOW));
  const config = loadConfig(
    { DATABASE_URL: `file:${path.join(dir, 'bench.db')}`, PORT: '0', SCHEDULER_ENABLED: 'false', ...(options.env ?? {}) },
    { readDotEnv: false, cwd: dir },
  );
  const app = await createApp(config, {
    clock,
    logger: options.logger ?? silentLogger,
    ...(options.answerer ? { answerer: options.answerer } : {}),
    // The worker cannot share the clock object: it gets the same fixed business time.
  });
  return Object.assign(app, { clock, dir });
}

export async function closeBenchApp(app: BenchApp): Promise<void> {
  await app.close();
  fs.rmSync(app.dir, { recursive: true, force: true });
}

const countPassages = (list: readonly KbEntry[]): number => list.reduce((n, e) => n + splitPassages(e).length, 0);

export interface PreparedContent {
  dir: string;
  passages: number;
  realEntries: number;
  realPassages: number;
  fillerEntries: number;
  /** How long writing the folder took (0 when it was reused from an earlier run). */
  preparedMs: number;
}

function frontMatterFile(entry: KbEntry): string {
  return [
    '---',
    `id: ${entry.id}`,
    `topic: ${entry.topic}`,
    `language: ${entry.language}`,
    `kind: ${entry.kind}`,
    `title: ${JSON.stringify(entry.title)}`,
    `tags: ${JSON.stringify(entry.tags)}`,
    `source: ${JSON.stringify(entry.source)}`,
    `updated: ${entry.updated}`,
    '---',
    entry.body,
    '',
  ].join('\n');
}

export function contentDirFor(passages: number): string {
  return path.join(os.tmpdir(), `buurtbot-bench-content-${passages}`);
}

/** What the content folder was made from: the real content files, and the filler generator. */
function contentStamps(): { real: string; filler: string } {
  const source = path.join(ROOT_DIR, 'content');
  const files = fs.readdirSync(source, { recursive: true }).map(String).sort();
  const parts = files.map((f) => {
    const stat = fs.statSync(path.join(source, f));
    return stat.isFile() ? `${f}:${stat.size}:${Math.round(stat.mtimeMs)}` : '';
  });
  const filler = fs.statSync(path.join(ROOT_DIR, 'bench', 'filler.ts'));
  return { real: parts.join('|'), filler: `filler:${filler.size}:${Math.round(filler.mtimeMs)}` };
}

interface Meta extends PreparedContent {
  realStamp: string;
  fillerStamp: string;
}

function readMeta(dir: string): Meta | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, '.bench-meta.json'), 'utf8')) as Meta;
  } catch {
    return undefined;
  }
}

/** The prepared folder for `passages`, when it is there and up to date (no parsing: cheap, keeps RSS clean). */
export function readyContent(passages: number): PreparedContent | undefined {
  const dir = contentDirFor(passages);
  const meta = readMeta(dir);
  const stamps = contentStamps();
  if (!meta || meta.realStamp !== stamps.real || meta.fillerStamp !== stamps.filler) return undefined;
  return {
    dir,
    passages: meta.passages,
    realEntries: meta.realEntries,
    realPassages: meta.realPassages,
    fillerEntries: meta.fillerEntries,
    preparedMs: 0,
  };
}

/**
 * A content folder (plan template, deadlines, knowledge base) with filler up to `passages`
 * passages, written as Markdown files under kb/filler/. Filler is deterministic (bench/filler.ts:
 * the first k entries are the same whatever the count), so the folder is kept in the temp dir:
 * when only the real content changed, it is copied again and filler files are added or removed
 * as needed; when the generator changed, everything is written again.
 */
export async function prepareContent(passages: number): Promise<PreparedContent> {
  const ready = readyContent(passages);
  if (ready) return ready;
  const started = performance.now();
  const stamps = contentStamps();
  const source = path.join(ROOT_DIR, 'content');
  const { entries: real } = await loadKnowledgeBase(path.join(source, 'kb'));
  const realPassages = countPassages(real);
  const filler = fillerEntries(Math.max(0, passages - realPassages));
  const total = realPassages + countPassages(filler);
  const dir = contentDirFor(passages);
  const folder = path.join(dir, 'kb', 'filler');
  const meta = readMeta(dir);
  const keepFiller = meta?.fillerStamp === stamps.filler && fs.existsSync(folder);
  if (keepFiller) {
    // Everything but kb/filler goes; the real content is copied again.
    for (const name of fs.readdirSync(dir)) if (name !== 'kb') fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    for (const name of fs.readdirSync(path.join(dir, 'kb')))
      if (name !== 'filler') fs.rmSync(path.join(dir, 'kb', name), { recursive: true, force: true });
  } else {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.cpSync(source, dir, { recursive: true });
  fs.mkdirSync(folder, { recursive: true });
  const wanted = new Map<string, KbEntry>(filler.map((entry) => [`${entry.topic}.${entry.language}.md`, entry] as const));
  const present = new Set(fs.readdirSync(folder));
  for (const name of present) if (!wanted.has(name)) fs.rmSync(path.join(folder, name));
  for (const [name, entry] of wanted) if (!present.has(name)) fs.writeFileSync(path.join(folder, name), frontMatterFile(entry));
  const prepared: PreparedContent = {
    dir,
    passages: total,
    realEntries: real.length,
    realPassages,
    fillerEntries: filler.length,
    preparedMs: performance.now() - started,
  };
  const written: Meta = { ...prepared, realStamp: stamps.real, fillerStamp: stamps.filler };
  fs.writeFileSync(path.join(dir, '.bench-meta.json'), JSON.stringify(written));
  return prepared;
}

/** The prepared folder for `passages`; written first by bench/content.ts in a child process when needed. */
export function ensureContent(passages: number): PreparedContent {
  const ready = readyContent(passages);
  if (ready) return ready;
  const started = performance.now();
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'bench', 'content.ts'), String(passages)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const made = readyContent(passages);
  if (!made) throw new Error(`bench/content.ts did not prepare ${passages} passages`);
  return { ...made, preparedMs: performance.now() - started };
}

/** Web-chat messages for the core benchmarks: each user is a direct chat of its own, ids `<prefix>-1`, `<prefix>-2`, … */
export function webMessages(prefix: string): (user: string, text: string) => InboundMessage {
  let counter = 0;
  return (user, text) => {
    counter += 1;
    return {
      id: `${prefix}-${counter}`,
      surface: 'web',
      userRef: `web:${user}`,
      userName: 'Bench',
      channelId: `web:${user}`,
      text,
      direct: true,
    };
  };
}
