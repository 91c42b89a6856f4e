// Prisma CLI configuration. Runs the CLI (generate, migrate diff/deploy/status) on the bundled
// WebAssembly schema engine through our driver adapters, so nothing is downloaded (see BRIEF.md).
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { cliAdapterFor } from './src/storage/cli-adapter.js';

const databaseUrl = process.env.DATABASE_URL ?? 'file:./data/buurtbot.db';
const postgres = /^postgres(ql)?:/.test(databaseUrl);

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', postgres ? 'postgres/schema.prisma' : 'schema.prisma'),
  migrations: { path: path.join('prisma', postgres ? 'postgres/migrations' : 'migrations') },
  adapter: cliAdapterFor(databaseUrl),
});
