import { defineConfig } from 'vitest/config';

/**
 * Three projects, so the inner loop is quick and the slow parts are named:
 * - unit: the core with in-memory fakes, no database, no server, no process (`npm run test:unit`, < 60 s);
 * - integration: storage on SQLite and PostgreSQL, the real Bolt / discord.js / openai clients against
 *   fake servers on 127.0.0.1;
 * - e2e: the CLI and `buurtbot serve` as real processes, the fault drills, the web page in Chromium.
 * `npm test` runs all three (CI and the README's command).
 */
const UNIT = ['test/core/**/*.test.ts', 'test/knowledge/**/*.test.ts', 'test/plan/**/*.test.ts', 'test/reminders/**/*.test.ts'];
// First in every project: one temp folder per run, removed when the run ends (support/temp-root.ts).
const TEMP = 'test/support/temp-root.ts';
const E2E = ['test/drills/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/web/**/*.test.ts', 'test/scale/**/*.test.ts'];

export default defineConfig({
  test: {
    // Storage and adapter tests start real servers and databases; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files are type-checked by `npm run typecheck` (tsconfig includes test/), part of `npm run check`.
    typecheck: { enabled: false },
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT, globalSetup: [TEMP] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: [...UNIT, ...E2E],
          globalSetup: [TEMP, 'test/support/global-setup.ts'],
        },
      },
      { extends: true, test: { name: 'e2e', include: E2E, globalSetup: [TEMP, 'test/support/global-setup.ts'] } },
    ],
  },
});
