/**
 * The embedding port on the openai client. The client asks for `encoding_format: "base64"` by
 * default and decodes it to numbers itself; that default is kept (it halves the transfer).
 */
import type OpenAI from 'openai';
import type { EmbeddingModel, EmbeddingResult } from '../../core/answering/model-ports.js';
import { toModelError, type Scrub } from './openai-errors.js';

export class OpenAiEmbeddingModel implements EmbeddingModel {
  constructor(
    private readonly client: OpenAI,
    readonly name: string,
    private readonly scrub: Scrub,
  ) {}

  async embed(texts: string[], options: { signal: AbortSignal; timeoutMs: number }): Promise<EmbeddingResult> {
    try {
      const response = await this.client.embeddings.create(
        { model: this.name, input: texts },
        { signal: options.signal, timeout: options.timeoutMs, maxRetries: 0 },
      );
      // The API may return items out of order; `index` says which input each belongs to.
      const vectors: Float32Array[] = new Array<Float32Array>(texts.length);
      for (const item of response.data) vectors[item.index] = Float32Array.from(item.embedding);
      return {
        vectors: Array.from(vectors, (v) => v ?? new Float32Array(0)),
        usage: { promptTokens: response.usage?.prompt_tokens ?? 0, completionTokens: 0 },
      };
    } catch (error) {
      throw toModelError(error, this.scrub);
    }
  }
}
