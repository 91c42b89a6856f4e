import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Storage and adapter tests start real servers and databases; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files are type-checked by `npm run typecheck` (tsconfig includes test/), part of `npm run check`.
    typecheck: { enabled: false },
  },
});
