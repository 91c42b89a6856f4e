import type { EmbeddingCacheStore } from './model-ports.js';

/** For runs without a database (eval): the same contract in memory. */
export class MemoryEmbeddingCache implements EmbeddingCacheStore {
  readonly rows = new Map<string, Float32Array>();

  async get(hashes: readonly string[]): Promise<Map<string, Float32Array>> {
    return new Map(hashes.flatMap((h) => (this.rows.has(h) ? [[h, this.rows.get(h) as Float32Array] as const] : [])));
  }

  async put(rows: ReadonlyArray<{ hash: string; vector: Float32Array }>): Promise<void> {
    for (const row of rows) this.rows.set(row.hash, row.vector);
  }
}
