/**
 * Model-backed answering, built by the composition root when a model is configured (config.model):
 * the openai client, the grounded answerer over the offline one, hybrid retrieval when an
 * embedding model is set, plan coaching, and usage rows for the digest. Nothing here runs at import.
 */
import path from 'node:path';
import OpenAI from 'openai';
import type { Config } from '../../config/load.js';
import { DEFAULT_MARGIN_MS, boundMs, type BudgetPolicy } from '../../core/answering/budget.js';
import { createCoach, type Coach } from '../../core/answering/coach.js';
import { EmbeddingIndex } from '../../core/answering/embedding-index.js';
import { GroundedAnswerer } from '../../core/answering/grounded.js';
import { UsageMeter } from '../../core/answering/meter.js';
import type { Answerer } from '../../core/answering/ports.js';
import { loadPrompts } from './prompt-files.js';
import type { Clock } from '../../core/clock.js';
import { MemoryEmbeddingCache } from '../../core/answering/memory-embedding-cache.js';
import type { EmbeddingCacheStore, UsageStore } from '../../core/answering/model-ports.js';
import type { Knowledge } from '../../core/knowledge/index.js';
import type { Logger } from '../../core/ports.js';
import { OpenAiChatModel } from './openai-chat.js';
import { OpenAiEmbeddingModel } from './openai-embeddings.js';
import { scrubberFor, type Scrub } from './openai-errors.js';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

export interface ModelServicesDeps {
  knowledge: () => Knowledge;
  offline: Answerer;
  logger: Logger;
  clock: Clock;
  /** Where usage rows and cached embeddings are kept; without them (eval) usage is not stored and embeddings are computed each run. */
  stores?: { usage: UsageStore; embeddings: EmbeddingCacheStore } | undefined;
  /** Defaults to <rootDir>/prompts. */
  promptsDir?: string | undefined;
}

export interface ModelServices {
  answerer: GroundedAnswerer;
  coach: Coach;
  meter: UsageMeter;
  embeddings: EmbeddingIndex | undefined;
  policy: BudgetPolicy;
  /** The longest a question waits for the model before the offline answer is given. */
  boundMs: number;
  close(): Promise<void>;
}

export type ModelConfig = Pick<
  Config,
  'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL' | 'OPENAI_EMBEDDING_MODEL' | 'OPENAI_TIMEOUT_MS' | 'OPENAI_MAX_RETRIES' | 'rootDir'
>;

export function createModelServices(config: ModelConfig, deps: ModelServicesDeps): ModelServices {
  const { logger } = deps;
  // Prompts first: a broken prompt file stops startup with the file's name.
  const prompts = loadPrompts(deps.promptsDir ?? path.join(config.rootDir, 'prompts'));
  if (!config.OPENAI_MODEL) throw new Error('OPENAI_MODEL is required when a model is configured');
  const scrub = scrubberFor([config.OPENAI_API_KEY]);
  const baseURL = config.OPENAI_BASE_URL ?? OPENAI_DEFAULT_BASE_URL;
  const client = new OpenAI({
    // A local OpenAI-compatible server may need no key; the client insists on one.
    apiKey: config.OPENAI_API_KEY ?? 'no-key',
    baseURL,
    timeout: config.OPENAI_TIMEOUT_MS,
    // Retries are the core's (bounded, Retry-After within budget); see core/answering/budget.ts.
    maxRetries: 0,
    logLevel: 'warn',
    logger: clientLogger(logger, scrub),
  });
  const policy: BudgetPolicy = { timeoutMs: config.OPENAI_TIMEOUT_MS, maxRetries: config.OPENAI_MAX_RETRIES, marginMs: DEFAULT_MARGIN_MS };
  const meter = new UsageMeter(deps.stores?.usage, deps.clock, logger);
  const chat = new OpenAiChatModel(client, config.OPENAI_MODEL, scrub);
  const embeddings = config.OPENAI_EMBEDDING_MODEL
    ? new EmbeddingIndex({
        model: new OpenAiEmbeddingModel(client, config.OPENAI_EMBEDDING_MODEL, scrub),
        cache: deps.stores?.embeddings ?? new MemoryEmbeddingCache(),
        meter,
        policy,
        logger,
      })
    : undefined;
  const answerer = new GroundedAnswerer({
    knowledge: deps.knowledge,
    offline: deps.offline,
    chat,
    prompts,
    meter,
    policy,
    logger,
    embeddings,
  });
  const coach = createCoach({ chat, prompts, meter, policy, logger });
  logger.info(
    {
      model: config.OPENAI_MODEL,
      server: new URL(baseURL).host,
      embeddings: config.OPENAI_EMBEDDING_MODEL ?? null,
      prompts: prompts.version,
      fallbackAfterMs: boundMs(policy),
    },
    'model-backed answers on (grounded in the knowledge base; offline answers when the model fails)',
  );
  // Embed the knowledge base in the background; until then retrieval is keyword-only.
  if (embeddings) void embeddings.sync(deps.knowledge().entries);
  return {
    answerer,
    coach,
    meter,
    embeddings,
    policy,
    boundMs: boundMs(policy),
    async close() {
      await embeddings?.close();
      await meter.flush();
    },
  };
}

/** The client's own log lines, through our logger, without the key. */
function clientLogger(logger: Logger, scrub: Scrub): NonNullable<ConstructorParameters<typeof OpenAI>[0]>['logger'] {
  const line = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string) =>
    logger[level]({ component: 'openai' }, scrub(String(message)));
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}
