/**
 * The model-backed answerer: fluent answers, but only from the knowledge base.
 *
 * 1. Retrieval gate: the offline answerer decides whether the question is in scope. When it would
 *    not answer (nothing relevant, or a documented gap with its who-to-ask text), that refusal is
 *    the answer and the model is not called.
 * 2. The model gets the retrieved passages, the recent turns and the question, and returns JSON.
 * 3. Citation gate (citation-gate.ts): the JSON is validated; an answer that cites an id it was not
 *    given, or nothing, or says it does not know, becomes a refusal. Citing a gap gives the gap's own text.
 * 4. Any failure (timeout, 429 beyond the budget, 5xx, malformed output) gives the offline answer
 *    within boundMs(policy).
 */
import type { Language } from '../language.js';
import { detectLanguage, type Knowledge } from '../knowledge/index.js';
import { CircuitBreaker } from './circuit-breaker.js';
import type { Logger } from '../ports.js';
import { Deadline, boundMs, withRetries, type BudgetPolicy } from './budget.js';
import type { EmbeddingIndex } from './embedding-index.js';
import { isFollowUp, retrievalQueries, type Turn } from './follow-up.js';
import type { UsageMeter } from './meter.js';
import { ModelError, type ChatMessage, type ChatModel } from './model-ports.js';
import { modelAnswerSchema, parseModelJson, partialAnswer, type ModelAnswer } from './model-output.js';
import { escapeQuestion } from './answer-facts.js';
import { judgeAnswer } from './citation-gate.js';
import { formatPassages, type Passage } from './passages.js';
import { showOnlySupported } from './partial-text-guard.js';
import type { AnsweredQuestion, Answerer, AnswerRequest } from './ports.js';
import { promptFor, render, type PromptSet } from './prompts.js';
import { selectPassages } from './retrieval.js';

/** Recent turns sent to the model: enough for "and when is that?", little enough to stay cheap. */
const HISTORY_FOR_MODEL = 4;
const HISTORY_TURN_CHARS = 600;
/** The query embedding gets at most this much of the budget; the chat call needs the rest. */
const QUERY_EMBEDDING_MS = 3000;
/** Keyword topics considered before fusion. */
const LEXICAL_CANDIDATES = 10;

export interface GroundedDeps {
  knowledge: () => Knowledge;
  /** The offline answerer: the retrieval gate, and the fallback when the model fails. */
  offline: Answerer;
  chat: ChatModel;
  prompts: PromptSet;
  meter: UsageMeter;
  policy: BudgetPolicy;
  logger: Logger;
  /** Present with OPENAI_EMBEDDING_MODEL: hybrid retrieval. */
  embeddings?: EmbeddingIndex | undefined;
  /** Answers offline at once while the model keeps failing (default: 3 failures, 30 s between probes). */
  breaker?: CircuitBreaker | undefined;
}

/** What happened to questions since startup (eval and tests read it; the digest reads the database). */
export interface GroundedStats {
  /** Refused by the retrieval gate, without a model call. */
  gated: number;
  /** Answered by the model and accepted. */
  accepted: number;
  /** Model output rejected by the citation gate (or the model said it does not know). */
  rejected: number;
  /** Model failed; the offline answer was given. */
  fellBack: number;
}

export class GroundedAnswerer implements Answerer {
  readonly stats: GroundedStats = { gated: 0, accepted: 0, rejected: 0, fellBack: 0 };

  /** Open while the model keeps failing (see circuit-breaker.ts). */
  readonly breaker: CircuitBreaker;

  constructor(private readonly deps: GroundedDeps) {
    this.breaker = deps.breaker ?? new CircuitBreaker({ threshold: 3, cooldownMs: 30_000 });
  }

  /** The longest an answer waits for the model before answering offline. */
  get boundMs(): number {
    return boundMs(this.deps.policy);
  }

  /** Resolves when the knowledge base is embedded (hybrid retrieval); at once without embeddings. */
  async ready(): Promise<void> {
    await this.deps.embeddings?.sync(this.deps.knowledge().entries);
  }

  async answer(request: AnswerRequest): Promise<AnsweredQuestion> {
    const knowledge = this.deps.knowledge();
    const language = request.language ?? detectLanguage(request.question, request.fallbackLanguage);
    // Start (or join) embedding this version of the knowledge base; questions meanwhile use keywords.
    void this.deps.embeddings?.sync(knowledge.entries);

    // Read the conversation's history once, and only when it is needed (a follow-up, or a model call).
    let loaded: Promise<Turn[]> | undefined;
    const history = (): Promise<Turn[]> => (loaded ??= request.history?.() ?? Promise.resolve([]));
    const { query, gate } = await this.gate(request, language, history);
    if (!gate.answered) {
      this.stats.gated += 1;
      return gate;
    }
    if (!this.breaker.closed) {
      // The model keeps failing: nobody waits for it. Now and then one question probes it in the background.
      this.stats.fellBack += 1;
      if (this.breaker.takeProbe()) void this.viaModel(request, knowledge, query, language, gate, history, true).catch(() => undefined);
      return gate;
    }
    return this.viaModel(request, knowledge, query, language, gate, history, false).catch(() => gate);
  }

  /** A chosen topic is answered from the knowledge base as written: the person picked it, nothing to judge. */
  answerTopic(topic: string, language: Language): Promise<AnsweredQuestion | undefined> {
    return this.deps.offline.answerTopic?.(topic, language) ?? Promise.resolve(undefined);
  }

  /** The model's answer, judged; a failure is logged, counted by the breaker, and rethrown (the caller answers offline). */
  private async viaModel(
    request: AnswerRequest,
    knowledge: Knowledge,
    query: string,
    language: Language,
    gate: AnsweredQuestion,
    history: () => Promise<Turn[]>,
    probe: boolean,
  ): Promise<AnsweredQuestion> {
    const deadline = new Deadline(boundMs(this.deps.policy));
    const started = performance.now();
    try {
      const passages = await this.retrieve(knowledge, query, language, deadline);
      const messages = this.messages(language, passages, request.question, await history());
      const output = await this.ask(
        messages,
        deadline,
        probe ? undefined : showOnlySupported(request.onPartial, passages, request.question),
      );
      if (!this.breaker.closed)
        this.deps.logger.info({ model: this.deps.chat.name }, 'the model answers again; model-backed answers are back on');
      this.breaker.succeeded();
      return judgeAnswer(output, passages, gate, language, request.question, this.deps, this.stats);
    } catch (error) {
      if (!probe) this.stats.fellBack += 1;
      const failure =
        error instanceof ModelError ? error : new ModelError('unknown', error instanceof Error ? error.message : String(error));
      this.deps.logger.warn(
        // The message is the adapter's, with the API key cut out; it says what an admin must fix (e.g. a 401).
        {
          reason: failure.kind,
          status: failure.details.status,
          detail: failure.message.slice(0, 300),
          model: this.deps.chat.name,
          elapsedMs: Math.round(performance.now() - started),
          boundMs: this.boundMs,
          probe,
        },
        probe ? `model probe failed (${failure.kind}); still answering offline` : `model answer failed (${failure.kind}); answered offline`,
      );
      if (this.breaker.failed())
        this.deps.logger.warn(
          { model: this.deps.chat.name },
          'the model failed repeatedly; answering offline at once and probing it in the background',
        );
      throw failure;
    } finally {
      deadline.dispose();
    }
  }

  /** The offline answer for the question (or, for a follow-up, with the previous question). */
  private async gate(
    request: AnswerRequest,
    language: Language,
    history: () => Promise<Turn[]>,
  ): Promise<{ query: string; gate: AnsweredQuestion }> {
    const queries = retrievalQueries(request.question, isFollowUp(request.question) ? await history() : undefined);
    let first: { query: string; gate: AnsweredQuestion } | undefined;
    for (const query of queries) {
      const gate = await this.deps.offline.answer({ question: query, language, fallbackLanguage: request.fallbackLanguage });
      const result = { query, gate };
      if (gate.answered) return result;
      first ??= result;
    }
    return first as { query: string; gate: AnsweredQuestion };
  }

  private async retrieve(knowledge: Knowledge, query: string, language: Language, deadline: Deadline): Promise<Passage[]> {
    const lexical = knowledge.search(query, { language, limit: LEXICAL_CANDIDATES });
    const index = this.deps.embeddings;
    let semantic: string[] | undefined;
    if (index && index.coverage(knowledge.entries) > 0) {
      const vector = await index.embedQuery(query, deadline, QUERY_EMBEDDING_MS);
      if (vector) semantic = index.rankTopics(vector, knowledge.entries, LEXICAL_CANDIDATES).map((t) => t.topic);
    }
    return selectPassages(knowledge, lexical, semantic, language);
  }

  private messages(
    language: Language,
    passages: readonly Passage[],
    question: string,
    history: readonly Turn[] | undefined,
  ): ChatMessage[] {
    const { prompts } = this.deps;
    const recent = (history ?? [])
      .filter((t) => t.text.trim() && !/^\[.*\]$/.test(t.text.trim()))
      .slice(-HISTORY_FOR_MODEL)
      .map((t): ChatMessage => ({ role: t.role, content: t.text.slice(0, HISTORY_TURN_CHARS) }));
    return [
      { role: 'system', content: promptFor(prompts, 'system', language) },
      ...recent,
      {
        role: 'user',
        content: render(promptFor(prompts, 'answer', language), {
          passages: formatPassages(passages),
          question: escapeQuestion(question.trim()),
        }),
      },
    ];
  }

  private ask(messages: ChatMessage[], deadline: Deadline, onPartial: AnswerRequest['onPartial']): Promise<ModelAnswer> {
    const { chat, meter, policy, logger } = this.deps;
    return withRetries(
      policy,
      deadline,
      (signal, timeoutMs) => {
        let shown: string | undefined;
        const onDelta = onPartial
          ? (json: string) => {
              const text = partialAnswer(json);
              if (text !== undefined && text !== shown) {
                shown = text;
                onPartial(text);
              }
            }
          : undefined;
        return meter.track('chat', chat.name, signal, async () => {
          const result = await chat.complete({ messages, signal, timeoutMs, onDelta });
          return { value: parseModelJson(result.text, modelAnswerSchema, result.usage), usage: result.usage };
        });
      },
      ({ attempt, error, waitMs }) =>
        logger.info(
          { attempt, reason: error.kind, status: error.details.status, retryInMs: waitMs },
          waitMs === undefined ? 'model call failed' : 'model call failed; retrying',
        ),
    );
  }
}
