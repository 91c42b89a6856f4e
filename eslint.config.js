// Lint: recommended JS + typescript-eslint rules, and the architecture rule that keeps the core
// platform-neutral (no chat SDK, no ORM, no storage, no file I/O and no cron under src/core), and
// the one that keeps adapters away from storage and the App (they get narrow contexts).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The core imports no chat SDK, no ORM, no storage and no adapter (dictionary.ts keeps this, without the file-I/O rule). */
const NO_PLATFORM_IMPORTS = {
  group: [
    '@slack/*',
    'discord.js',
    'openai',
    '@prisma/*',
    'prisma',
    'pg',
    'better-sqlite3',
    '**/generated/**',
    '**/storage/**',
    '**/adapters/**',
  ],
  message: 'the core is platform-neutral: use a port in src/core/ports.ts instead',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'src/generated/', 'data/', 'coverage/', '**/*.html'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        AbortController: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        structuredClone: 'readonly',
        performance: 'readonly',
        queueMicrotask: 'readonly',
        setImmediate: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-empty-function': 'off',
      // An async method that awaits nothing is how this code implements a promise-returning port
      // (a store, an answerer): the signature is the contract, not a forgotten await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Test matchers (expect.any, expect.objectContaining) are typed `any` by vitest, and fakes read
    // untyped JSON on purpose; the checks that catch real mistakes (floating promises, …) stay on.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_PLATFORM_IMPORTS,
            {
              group: ['fs', 'fs/*', 'node:fs', 'node:fs/*', 'node-cron'],
              message:
                'the core does no file I/O and schedules nothing: content comes through a port (KnowledgeFiles) or a parser (src/content-files.ts), cron lives in src/reminder-scheduler.ts',
            },
          ],
        },
      ],
    },
  },
  {
    // The one exception: the Dutch word list is data shipped inside an npm package (like a stemmer's
    // tables), read once on first use from inside MiniSearch's synchronous term processing.
    files: ['src/core/knowledge/text/dictionary.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [NO_PLATFORM_IMPORTS],
        },
      ],
    },
  },
  {
    // Surfaces reach the app through a narrow context (src/adapters/surface-context.ts, and for the
    // coordinator page src/adapters/web/admin-context.ts), never storage or the whole App.
    files: ['src/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/storage/**', '@prisma/*', 'pg', 'better-sqlite3', '**/generated/**'],
              message: 'adapters do not touch storage: take what you need through a port',
            },
            {
              group: ['**/app.js'],
              message: 'adapters get a narrow context (src/adapters/surface-context.ts, web/admin-context.ts), not the App',
            },
          ],
        },
      ],
    },
  },
);
