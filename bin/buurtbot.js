#!/usr/bin/env -S node --max-semi-space-size=2
// Entry point for `npx buurtbot` and `npm start`.
//
// --max-semi-space-size=2 (also in package.json's `start`): V8's young generation may grow to 16 MB
// per semi-space, and after start-up (content, index, database) it stays that size, so an idle
// `serve` held ~165 MB. At 2 MB it holds ~135 MB; the bot's turns are short-lived allocations that
// a small young generation collects just as cheaply (the Slack bench's CPU per event did not move). `npm ci` compiles the TypeScript sources to dist/
// (scripts/build.mjs); that build runs on plain node, which starts in a fraction of the time and
// memory tsx needs. When a source file is newer than the build (while developing), the sources run
// through tsx instead, so what runs is always what is in src/.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

function newestUnder(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(file) : fs.statSync(file).mtimeMs);
  }
  return newest;
}

function builtIsCurrent() {
  try {
    return fs.statSync(path.join(root, 'dist/.built')).mtimeMs >= newestUnder(path.join(root, 'src'));
  } catch {
    return false;
  }
}

// `buurtbot … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
let main;
if (process.env.BUURTBOT_FROM_SOURCE !== '1' && builtIsCurrent()) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
