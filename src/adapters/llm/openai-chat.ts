/**
 * The chat port on the openai client (OpenAI or any OpenAI-compatible server). Streams when the
 * caller wants partial text. The client's own retries are off: the core retries within its budget.
 */
import type OpenAI from 'openai';
import type { ChatModel, ChatRequest, ChatResult, TokenUsage } from '../../core/answering/model-ports.js';
import { toModelError, type Scrub } from './openai-errors.js';

export class OpenAiChatModel implements ChatModel {
  constructor(
    private readonly client: OpenAI,
    readonly name: string,
    private readonly scrub: Scrub,
  ) {}

  async complete(request: ChatRequest): Promise<ChatResult> {
    const body = {
      model: this.name,
      messages: request.messages,
      // JSON mode where the server has it; the parser also copes with servers that ignore it.
      response_format: { type: 'json_object' as const },
    };
    const options = { signal: request.signal, timeout: request.timeoutMs, maxRetries: 0 };
    try {
      if (!request.onDelta) {
        const completion = await this.client.chat.completions.create(body, options);
        return { text: completion.choices[0]?.message.content ?? '', usage: usageOf(completion.usage) };
      }
      const stream = await this.client.chat.completions.create({ ...body, stream: true, stream_options: { include_usage: true } }, options);
      let text = '';
      let usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta.content;
        if (delta) {
          text += delta;
          request.onDelta(text);
        }
        if (chunk.usage) usage = usageOf(chunk.usage);
      }
      return { text, usage };
    } catch (error) {
      throw toModelError(error, this.scrub);
    }
  }
}

function usageOf(usage: { prompt_tokens?: number; completion_tokens?: number } | null | undefined): TokenUsage {
  return { promptTokens: usage?.prompt_tokens ?? 0, completionTokens: usage?.completion_tokens ?? 0 };
}
