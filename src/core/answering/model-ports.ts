/**
 * The language-model port. The core talks to a chat model and an embedding model through these
 * interfaces only; the OpenAI client lives in src/adapters/llm and is built in the composition
 * root. Without a model the offline answerer answers (its twin behind the Answerer port).
 */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface ChatRequest {
  messages: ChatMessage[];
  /** Called with the whole text received so far, as it streams in; absent means "do not stream". */
  onDelta?: ((textSoFar: string) => void) | undefined;
  /** Aborts the call (attempt timeout or the overall deadline). */
  signal: AbortSignal;
  /** Per-attempt timeout the adapter hands to its client. */
  timeoutMs: number;
}

export interface ChatResult {
  text: string;
  usage: TokenUsage;
}

export interface ChatModel {
  readonly name: string;
  complete(request: ChatRequest): Promise<ChatResult>;
}

export interface EmbeddingResult {
  vectors: Float32Array[];
  usage: TokenUsage;
}

export interface EmbeddingModel {
  readonly name: string;
  embed(texts: string[], options: { signal: AbortSignal; timeoutMs: number }): Promise<EmbeddingResult>;
}

/** Why a model call failed; decides whether a retry can help. */
export type ModelErrorKind = 'timeout' | 'rate-limit' | 'server' | 'network' | 'client' | 'malformed' | 'aborted' | 'unknown';

const RETRYABLE: ReadonlySet<ModelErrorKind> = new Set(['timeout', 'rate-limit', 'server', 'network']);

export class ModelError extends Error {
  override name = 'ModelError';
  constructor(
    readonly kind: ModelErrorKind,
    message: string,
    readonly details: { status?: number | undefined; retryAfterMs?: number | undefined; usage?: TokenUsage | undefined } = {},
  ) {
    super(message);
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

/** One row per model call, for the coordinators' digest (ModelUsage in the database). */
export interface UsageRecord {
  model: string;
  kind: 'chat' | 'embedding';
  ok: boolean;
  error?: string | undefined;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  at: Date;
}

export interface UsageStore {
  record(row: UsageRecord): Promise<void>;
}

/** Embeddings by content hash, so unchanged entries are never embedded twice (EmbeddingCache). */
export interface EmbeddingCacheStore {
  get(hashes: readonly string[]): Promise<Map<string, Float32Array>>;
  put(rows: ReadonlyArray<{ hash: string; model: string; vector: Float32Array }>): Promise<void>;
}
