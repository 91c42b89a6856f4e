// Derives prisma/postgres/schema.prisma from prisma/schema.prisma (the source of truth).
// Prisma allows one provider per schema, so the PostgreSQL twin is generated, never edited by hand.
// Usage: npm run db:derive            (write the file)
//        npm run db:derive -- --check (exit 1 when the committed file is stale; used by a test)
import fs from 'node:fs';
import path from 'node:path';
import { derivePostgresSchema } from '../src/storage/schema-derivation.js';

const root = path.resolve(import.meta.dirname, '..');
const source = fs.readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8');
const target = path.join(root, 'prisma/postgres/schema.prisma');
const derived = derivePostgresSchema(source);

if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== derived) {
    console.error('prisma/postgres/schema.prisma is stale: run `npm run db:derive`');
    process.exit(1);
  }
  console.log('prisma/postgres/schema.prisma is up to date');
} else {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, derived);
  console.log(`wrote ${path.relative(root, target)}`);
}
