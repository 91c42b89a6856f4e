/**
 * Writes the benchmark content folders (`npx tsx bench/content.ts 500 5000 50000`): the real content
 * plus deterministic filler up to each number of passages, in the temp dir, reused while nothing
 * changed. The parts that measure memory call this in a child process, so generating the filler
 * never counts towards their RSS.
 */
import { prepareContent } from './setup.js';
import { emit, int, ms, runMain } from './stats.js';

runMain(async () => {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const prepared = [];
  for (const size of sizes.length ? sizes : [5000]) prepared.push(await prepareContent(size));
  emit(
    prepared,
    prepared
      .map((p) => `${int(p.passages)} passages in ${p.dir} (${p.preparedMs ? `written in ${ms(p.preparedMs)}` : 'reused'})`)
      .join('\n'),
  );
}, 600_000);
