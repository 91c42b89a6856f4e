/**
 * Turns the SQLite schema (source of truth) into its PostgreSQL twin. Only three things differ:
 * the datasource provider and url, and where the generated client goes (each provider has its own
 * query compiler, so each gets its own generated client).
 */
export function derivePostgresSchema(sqliteSchema: string): string {
  const header = '// GENERATED from prisma/schema.prisma by `npm run db:derive`. Do not edit: change the source and derive again.\n';
  let out = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://buurtbot@127.0.0.1:5432/buurtbot"')
    .replace(/output\s*=\s*"\.\.\/src\/generated\/prisma"/, 'output       = "../../src/generated/prisma-pg"');
  out = out.replace(/^\/\/ buurtbot's data model\. THIS FILE IS THE SOURCE OF TRUTH\.\n/m, '');
  if (out === sqliteSchema || !out.includes('"postgresql"') || !out.includes('prisma-pg')) {
    throw new Error('derivePostgresSchema: the source schema no longer has the expected datasource/generator lines');
  }
  return header + out;
}
