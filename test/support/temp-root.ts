/**
 * Runs before the test files of every project: points TMPDIR at one folder for this run
 * (`/tmp/buurtbot-run-<pid>`), so the temp folders the tests make (SQLite files, content copies,
 * Chromium profiles, the child processes' files) are removed together when the run ends. Before
 * this, every full run left about a hundred folders behind: 400 MB on one developer's machine.
 *
 * The three projects each run this setup in the same main process; the folder is made by the first
 * and removed by the last teardown. A run that was killed leaves its folder, which the next run removes.
 * The PostgreSQL cluster lives elsewhere (scripts/pg-cluster.sh) and is kept between runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const NAME = /^buurtbot-run-(\d+)$/;

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeDeadRuns(base: string): void {
  for (const entry of fs.readdirSync(base)) {
    const pid = NAME.exec(entry)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !isRunning(Number(pid))) {
      fs.rmSync(path.join(base, entry), { recursive: true, force: true });
    }
  }
}

/** Kept on globalThis: each project may load this file as a module of its own. */
interface RunFolder {
  root: string;
  users: number;
}
const KEY = Symbol.for('buurtbot.test.run-folder');
const shared = globalThis as { [KEY]?: RunFolder };

export default function setup(): () => void {
  let folder = shared[KEY];
  if (!folder) {
    const base = os.tmpdir();
    removeDeadRuns(base);
    folder = { root: path.join(base, `buurtbot-run-${process.pid}`), users: 0 };
    fs.mkdirSync(folder.root, { recursive: true });
    // Workers are forked after the global setups, so they (and what they spawn) inherit this.
    process.env.TMPDIR = folder.root;
    shared[KEY] = folder;
  }
  folder.users += 1;
  const mine = folder;
  return () => {
    mine.users -= 1;
    if (mine.users > 0) return;
    fs.rmSync(mine.root, { recursive: true, force: true });
    delete shared[KEY];
  };
}
