// `npm run build` (and `prepare`, so `npm ci` ends with it): compiles src/ to dist/ with tsc, copies
// the files tsc does not (the web page), and writes dist/.built. bin/buurtbot.js runs dist/ when
// that stamp is newer than every file under src/, else the sources through tsx (development).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // An install without dev dependencies: buurtbot then runs the sources through tsx.
  console.warn('buurtbot build: typescript is not installed; skipped (bin/buurtbot.js runs the sources with tsx)');
  process.exit(0);
}
fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
for (const asset of ['adapters/web/page.html']) {
  fs.copyFileSync(path.join(root, 'src', asset), path.join(root, 'dist', asset));
}
fs.writeFileSync(path.join(root, 'dist/.built'), new Date().toISOString() + '\n');
