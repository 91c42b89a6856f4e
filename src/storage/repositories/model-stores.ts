/**
 * Model usage rows and the embedding cache on Prisma (ModelUsage, EmbeddingCache). Vectors are
 * stored as base64 of a little-endian Float32Array: compact, exact, and the same on SQLite and
 * PostgreSQL.
 */
import type { EmbeddingCacheStore, UsageRecord, UsageStore } from '../../core/answering/model-ports.js';
import type { Db } from '../prisma-client.js';

export function encodeVector(vector: Float32Array): string {
  const bytes = new Uint8Array(vector.length * 4);
  const view = new DataView(bytes.buffer);
  vector.forEach((x, i) => view.setFloat32(i * 4, x, true));
  return Buffer.from(bytes).toString('base64');
}

export function decodeVector(base64: string): Float32Array {
  const bytes = Buffer.from(base64, 'base64');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(Math.floor(bytes.byteLength / 4));
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

export class PrismaUsageStore implements UsageStore {
  constructor(private readonly db: Db) {}

  async record(row: UsageRecord): Promise<void> {
    await this.db.modelUsage.create({
      data: {
        model: row.model,
        kind: row.kind,
        ok: row.ok,
        error: row.error ?? null,
        promptTokens: row.promptTokens,
        completionTokens: row.completionTokens,
        latencyMs: row.latencyMs,
        createdAt: row.at,
      },
    });
  }
}

/** SQLite caps bound parameters per statement; look hashes up in slices. */
const LOOKUP_SLICE = 200;

export class PrismaEmbeddingCache implements EmbeddingCacheStore {
  constructor(private readonly db: Db) {}

  async get(hashes: readonly string[]): Promise<Map<string, Float32Array>> {
    const found = new Map<string, Float32Array>();
    for (let i = 0; i < hashes.length; i += LOOKUP_SLICE) {
      const rows = await this.db.embeddingCache.findMany({ where: { hash: { in: hashes.slice(i, i + LOOKUP_SLICE) } } });
      for (const row of rows) found.set(row.hash, decodeVector(row.vector));
    }
    return found;
  }

  async put(rows: ReadonlyArray<{ hash: string; model: string; vector: Float32Array }>): Promise<void> {
    for (const row of rows) {
      const vector = encodeVector(row.vector);
      await this.db.embeddingCache.upsert({
        where: { hash: row.hash },
        create: { hash: row.hash, model: row.model, vector },
        update: { model: row.model, vector },
      });
    }
  }
}
