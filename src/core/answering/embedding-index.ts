/**
 * Embeddings of the knowledge base, for hybrid retrieval when OPENAI_EMBEDDING_MODEL is set. An
 * entry's vector is cached by a hash of the model name and the text embedded, so a restart embeds
 * nothing and an edited entry is the only one embedded again. Vectors are ranked in memory: the
 * base has hundreds of entries, not millions.
 */
import crypto from 'node:crypto';
import type { KbEntry } from '../knowledge/index.js';
import type { Logger } from '../ports.js';
import { Deadline, boundMs, withRetries, type BudgetPolicy } from './budget.js';
import type { UsageMeter } from './meter.js';
import { ModelError, type EmbeddingCacheStore, type EmbeddingModel } from './model-ports.js';

/** Inputs per embeddings request. */
const BATCH = 64;
/** Enough of an entry to place it; bodies lead with the answer. */
const EMBED_MAX_CHARS = 4000;
/** After a failed sync, try again on a later question at most this often. */
const RETRY_SYNC_MS = 60_000;
/** On close, a batch in flight gets this long to finish before it is aborted. */
const CLOSE_GRACE_MS = 3000;
/** Query vectors kept, so a repeated question costs no call. */
const QUERY_CACHE = 200;

export interface EmbeddingIndexDeps {
  model: EmbeddingModel;
  cache: EmbeddingCacheStore;
  meter: UsageMeter;
  policy: BudgetPolicy;
  logger: Logger;
}

export function embeddingText(entry: KbEntry): string {
  return `${entry.title}\n${entry.tags.join(', ')}\n\n${entry.body}`.slice(0, EMBED_MAX_CHARS);
}

export function contentHash(model: string, text: string): string {
  return crypto.createHash('sha256').update(model).update('\n').update(text).digest('hex');
}

export class EmbeddingIndex {
  /** Vectors by content hash: every version seen since startup (a reload keeps the unchanged). */
  private readonly vectors = new Map<string, Float32Array>();
  private readonly hashes = new WeakMap<KbEntry, string>();
  private readonly syncs = new WeakMap<readonly KbEntry[], Promise<void>>();
  private readonly failedAt = new WeakMap<readonly KbEntry[], number>();
  private readonly queries = new Map<string, Float32Array>();
  private readonly running = new Set<Deadline>();
  private readonly active = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly deps: EmbeddingIndexDeps) {}

  get modelName(): string {
    return this.deps.model.name;
  }

  /**
   * Makes sure every entry has a vector: from memory, else the database cache, else the model.
   * Safe to call on every question: one sync per set of entries runs, the rest share it.
   */
  sync(entries: readonly KbEntry[]): Promise<void> {
    const running = this.syncs.get(entries);
    if (running) return running;
    if (this.closed) return Promise.resolve();
    const failed = this.failedAt.get(entries);
    if (failed !== undefined && performance.now() - failed < RETRY_SYNC_MS) return Promise.resolve();
    const work = this.doSync(entries).catch((error: unknown) => {
      this.failedAt.set(entries, performance.now());
      this.syncs.delete(entries);
      if (!this.closed)
        this.deps.logger.warn(
          { reason: describe(error) },
          'embedding the knowledge base failed; answering with keyword search only for now',
        );
    });
    this.syncs.set(entries, work);
    this.active.add(work);
    void work.finally(() => this.active.delete(work));
    return work;
  }

  /** Topics ranked by similarity to the query vector, best first (entries without a vector are skipped). */
  rankTopics(query: Float32Array, entries: readonly KbEntry[], limit: number): Array<{ topic: string; similarity: number }> {
    const best = new Map<string, number>();
    for (const entry of entries) {
      const vector = this.vectors.get(this.hashOf(entry));
      if (!vector) continue;
      const similarity = cosine(query, vector);
      if (similarity > (best.get(entry.topic) ?? -Infinity)) best.set(entry.topic, similarity);
    }
    return [...best.entries()]
      .map(([topic, similarity]) => ({ topic, similarity }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, limit);
  }

  /** How many of these entries have a vector now. */
  coverage(entries: readonly KbEntry[]): number {
    return entries.filter((entry) => this.vectors.has(this.hashOf(entry))).length;
  }

  /**
   * The query's vector, within the caller's deadline and a short single attempt of its own: a slow
   * embedding must not eat the chat call's time. Undefined when it fails (keyword search only).
   */
  async embedQuery(text: string, deadline: Deadline, maxMs: number): Promise<Float32Array | undefined> {
    const cached = this.queries.get(text);
    if (cached) return cached;
    const policy: BudgetPolicy = { timeoutMs: Math.min(this.deps.policy.timeoutMs, maxMs), maxRetries: 0, marginMs: 0 };
    try {
      const [vector] = await this.embedBatch([text], policy, deadline);
      if (!vector) return undefined;
      if (this.queries.size >= QUERY_CACHE) this.queries.delete(this.queries.keys().next().value as string);
      this.queries.set(text, vector);
      return vector;
    } catch (error) {
      this.deps.logger.info({ reason: describe(error) }, 'query embedding failed; keyword search only for this question');
      return undefined;
    }
  }

  /**
   * Starts no new batch, lets a batch in flight finish for a moment (an aborted request is paid
   * for and lost; a finished one is cached, so a short-lived `buurtbot ask` still makes progress),
   * then aborts what is left and waits for it to settle.
   */
  async close(): Promise<void> {
    this.closed = true;
    const settled = Promise.allSettled([...this.active]);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([settled, new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)))]);
    clearTimeout(timer);
    for (const deadline of this.running) deadline.abort(new ModelError('aborted', 'closing'));
    await settled;
  }

  private hashOf(entry: KbEntry): string {
    let hash = this.hashes.get(entry);
    if (!hash) {
      hash = contentHash(this.deps.model.name, embeddingText(entry));
      this.hashes.set(entry, hash);
    }
    return hash;
  }

  private async doSync(entries: readonly KbEntry[]): Promise<void> {
    const wanted = new Map<string, KbEntry>();
    for (const entry of entries) {
      const hash = this.hashOf(entry);
      if (!this.vectors.has(hash)) wanted.set(hash, entry);
    }
    if (wanted.size === 0) return;
    const stored = await this.deps.cache.get([...wanted.keys()]);
    for (const [hash, vector] of stored) {
      this.vectors.set(hash, vector);
      wanted.delete(hash);
    }
    const missing = [...wanted.entries()];
    for (let i = 0; i < missing.length && !this.closed; i += BATCH) {
      const batch = missing.slice(i, i + BATCH);
      const deadline = new Deadline(boundMs(this.deps.policy));
      this.running.add(deadline);
      try {
        const vectors = await this.embedBatch(
          batch.map(([, entry]) => embeddingText(entry)),
          this.deps.policy,
          deadline,
        );
        const rows = batch.map(([hash], k) => ({ hash, model: this.deps.model.name, vector: vectors[k] as Float32Array }));
        await this.deps.cache.put(rows);
        for (const row of rows) this.vectors.set(row.hash, row.vector);
      } finally {
        deadline.dispose();
        this.running.delete(deadline);
      }
    }
    if (missing.length && !this.closed) this.deps.logger.info({ embedded: missing.length, cached: stored.size }, 'knowledge base embedded');
  }

  private async embedBatch(texts: string[], policy: BudgetPolicy, deadline: Deadline): Promise<Float32Array[]> {
    const { model, meter } = this.deps;
    return withRetries(policy, deadline, (signal, timeoutMs) =>
      meter.track('embedding', model.name, signal, async () => {
        const result = await model.embed(texts, { signal, timeoutMs });
        if (result.vectors.length !== texts.length || result.vectors.some((v) => v.length === 0 || v.some((x) => !Number.isFinite(x)))) {
          throw new ModelError('malformed', `asked for ${texts.length} embeddings, got ${result.vectors.length} usable`, {
            usage: result.usage,
          });
        }
        return { value: result.vectors, usage: result.usage };
      }),
    );
  }
}

export function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

function describe(error: unknown): string {
  return error instanceof ModelError ? error.kind : error instanceof Error ? error.name : 'unknown';
}
