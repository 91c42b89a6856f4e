/**
 * Questions and answers: everything no other feature claims is a question for the knowledge base.
 * Every answer can get feedback; an answer the bot is unsure of offers a hand-off to a coordinator
 * (their side of it is coordinator-inbox.ts).
 */
import { matchCommand, matchCommandRaw, normalizeCommand, type CommandSpec } from '../../commands.js';
import type { AnsweredQuestion, Answerer, HistoryTurn, QuestionStore } from '../../answering/ports.js';
import type { Language } from '../../language.js';
import type { Button, Reply } from '../../messages.js';
import type { ConversationStore, Outbox } from '../../ports.js';
import type { Feature, TurnContext } from '../../turn.js';
import { shortSource } from '../../knowledge/types.js';
import { at } from './texts.js';

export interface AskFeatureDeps {
  answerer: Answerer;
  questions: QuestionStore;
  conversations: ConversationStore;
  outbox: Outbox;
}

const WORDS = {
  ask: ['vraag', 'ask', 'question'],
  helpful: ['nuttig', 'helpful', 'goed antwoord', 'thanks', 'bedankt', 'dank je', '👍'],
  notHelpful: ['niet nuttig', 'not helpful', 'fout', 'wrong', 'klopt niet', '👎'],
  forward: ['doorsturen', 'stuur door', 'forward', 'vraag coordinator', 'ask a coordinator', 'coordinator'],
  skip: ['overslaan', 'skip', 'nee', 'no'],
};

/** Typed twins of the "Bedoel je…?" buttons. */
const CHOICE_NUMBERS = ['1', '2', '3'];

/** How many recent turns a follow-up question may lean on. */
const HISTORY_TURNS = 6;

export class AskFeature implements Feature {
  readonly name = 'ask';
  readonly commands: readonly CommandSpec[] = [
    // `vraag ...` asks the knowledge base from anywhere, also in the middle of a plan step.
    { id: 'ask', words: WORDS.ask, scope: 'anywhere', argument: true },
    { id: 'helpful', words: WORDS.helpful, scope: 'outside-flow' },
    { id: 'not-helpful', words: WORDS.notHelpful, scope: 'outside-flow' },
    { id: 'forward', words: WORDS.forward, scope: 'outside-flow' },
    { id: 'reason-forward', words: WORDS.forward, scope: 'pending' },
    { id: 'reason-skip', words: WORDS.skip, scope: 'pending' },
    { id: 'did-you-mean', words: CHOICE_NUMBERS, scope: 'pending' },
  ];
  constructor(private readonly deps: AskFeatureDeps) {}

  helpLines(language: Language): string[] {
    return [at(language, 'helpLine')];
  }

  async handle(turn: TurnContext): Promise<Reply[] | null> {
    const action = turn.message.action;
    if (action) return this.handleAction(turn, action);
    const { text } = turn;
    const pending = turn.state.pending;
    if (pending?.feature === 'ask' && pending.kind === 'feedback-reason') {
      turn.state.pending = undefined;
      const feedbackId = textOf(pending.data?.feedbackId);
      if (matchCommand(text, WORDS.forward) === '') return this.forward(turn, turn.state.lastQuestionId);
      if (matchCommand(text, WORDS.skip) !== '' && feedbackId) {
        await this.deps.questions.feedbackReason(feedbackId, text);
        return [
          {
            kind: 'info',
            ephemeral: true,
            text: at(turn.language, 'reasonSaved'),
            buttons: [this.forwardButton(turn.language, turn.state.lastQuestionId)].filter(isButton),
          },
        ];
      }
      return [{ kind: 'info', ephemeral: true, text: at(turn.language, 'thanks') }];
    }
    if (pending?.feature === 'ask' && pending.kind === 'did-you-mean') {
      turn.state.pending = undefined;
      const topics = Array.isArray(pending.data?.topics) ? (pending.data.topics as unknown[]).map(String) : [];
      const picked = CHOICE_NUMBERS.indexOf(normalizeCommand(text));
      const topic = picked >= 0 ? topics[picked] : undefined;
      if (topic) return this.choose(turn, topic, textOf(pending.data?.question));
      // Anything else is a new message: `plan` must start the plan, not become a question. Other
      // features get it first; this feature is asked again at its own place (see the engine's routing).
      return null;
    }
    if (matchCommand(text, WORDS.helpful) === '') return this.feedback(turn, turn.state.lastQuestionId, true);
    if (matchCommand(text, WORDS.notHelpful) === '') return this.feedback(turn, turn.state.lastQuestionId, false);
    if (matchCommand(text, WORDS.forward) === '') return this.forward(turn, turn.state.lastQuestionId);
    const question = matchCommandRaw(text, WORDS.ask) || text;
    return this.answer(turn, question);
  }

  private async handleAction(turn: TurnContext, action: string): Promise<Reply[] | null> {
    const [kind, arg, id] = action.split(':');
    if (kind === 'feedback' && id) return this.feedback(turn, id, arg === 'up');
    if (kind === 'forward' && arg) return this.forward(turn, arg);
    if (kind === 'ask' && arg === 'topic' && id) {
      const pending = turn.state.pending;
      const question = pending?.feature === 'ask' && pending.kind === 'did-you-mean' ? textOf(pending.data?.question) : '';
      if (pending?.feature === 'ask') turn.state.pending = undefined;
      return this.choose(turn, id, question);
    }
    return null;
  }

  private async answer(turn: TurnContext, question: string): Promise<Reply[]> {
    // The transcript holds the earlier turns (this question is written at the end of the turn).
    const history = async (): Promise<HistoryTurn[]> =>
      (await this.deps.conversations.recentMessages(turn.conversationId, HISTORY_TURNS)).map((m) => ({
        role: m.direction === 'in' ? ('user' as const) : ('assistant' as const),
        text: m.text,
      }));
    const result = await this.deps.answerer.answer({
      question,
      language: turn.message.language ?? turn.user.language ?? undefined,
      fallbackLanguage: turn.language,
      history,
      onPartial: turn.onPartial,
    });
    turn.language = result.language;
    return this.present(turn, question, result);
  }

  /** A topic the person picked ("Bedoel je…?" or "Zie ook"): its answer, recorded as the answer to their question. */
  private async choose(turn: TurnContext, topic: string, question: string): Promise<Reply[]> {
    const result = await this.deps.answerer.answerTopic?.(topic, turn.language);
    if (!result) return [{ kind: 'info', text: at(turn.language, 'choiceGone') }];
    return this.present(turn, question || result.citations[0]?.title || topic, result);
  }

  private async present(turn: TurnContext, question: string, result: AnsweredQuestion): Promise<Reply[]> {
    const id = await this.deps.questions.record({
      userId: turn.user.id,
      conversationId: turn.conversationId,
      text: question,
      language: result.language,
      answered: result.answered,
      confidence: result.confidence,
      answer: result.answer,
      topics: result.topics,
      via: result.via,
      offTopic: result.offTopic === true,
      at: turn.clock.now(),
    });
    turn.state.lastQuestionId = id;
    const { language } = turn;
    const alternatives = result.answered ? [] : (result.alternatives ?? []);
    if (alternatives.length) {
      // Close, not certain: ask back instead of giving up. Typed numbers work too.
      turn.state.pending = { feature: 'ask', kind: 'did-you-mean', data: { topics: alternatives.map((a) => a.topic), question } };
    }
    const buttons: Button[] = result.answered
      ? [
          { id: `feedback:up:${id}`, label: `👍 ${at(language, 'helpful')}`, typed: at(language, 'typedHelpful') },
          { id: `feedback:down:${id}`, label: `👎 ${at(language, 'notHelpful')}`, typed: at(language, 'typedNotHelpful') },
          ...(result.related ?? []).map((r) => ({
            id: `ask:topic:${r.topic}`,
            label: `${at(language, 'seeAlso')}: ${r.label}`,
            typed: r.label,
          })),
        ]
      : alternatives.length
        ? [
            ...alternatives.map((a, i) => ({ id: `ask:topic:${a.topic}`, label: `${i + 1}. ${a.label}`, typed: String(i + 1) })),
            { id: `forward:${id}`, label: `📨 ${at(language, 'noneOfThese')}`, typed: at(language, 'typedForward') },
          ]
        : result.offTopic
          ? // Not this bot's subject: a coordinator cannot help either, so no forward; what it can do instead.
            [{ id: 'help', label: at(language, 'whatICanDo'), typed: at(language, 'typedHelp') }]
          : [this.forwardButton(language, id)].filter(isButton);
    let text = result.answer;
    if (turn.state.flow === 'plan') text += `\n\n${at(language, 'backToPlan')}`;
    const citations = result.citations.map((c) => ({ ...c, label: shortSource(c.source) }));
    return [{ kind: result.answered ? 'answer' : 'refusal', text, citations, questionId: id, buttons }];
  }

  private async feedback(turn: TurnContext, questionId: string | undefined, helpful: boolean): Promise<Reply[]> {
    const { language } = turn;
    const question = questionId ? await this.deps.questions.get(questionId) : null;
    if (!question) return [{ kind: 'info', text: at(language, 'nothingToForward') }];
    const feedbackId = await this.deps.questions.feedback(question.id, turn.user.ref, helpful, turn.clock.now());
    // Feedback concerns the person who gave it: in a channel only they see the reply.
    if (helpful) return [{ kind: 'info', ephemeral: true, text: at(language, 'thanks') }];
    turn.state.pending = { feature: 'ask', kind: 'feedback-reason', data: { feedbackId } };
    return [
      {
        kind: 'info',
        ephemeral: true,
        text: at(language, 'whyNot'),
        buttons: [this.forwardButton(language, question.id)].filter(isButton),
      },
    ];
  }

  private async forward(turn: TurnContext, questionId: string | undefined): Promise<Reply[]> {
    const { language } = turn;
    const question = questionId ? await this.deps.questions.get(questionId) : null;
    if (!question) return [{ kind: 'info', text: at(language, 'nothingToForward') }];
    // Only the asker forwards their own question; a button in a shared channel must not leak it.
    if (question.userRef !== turn.user.ref) return [{ kind: 'info', text: at(language, 'nothingToForward') }];
    if (!(await this.deps.questions.forward(question.id, turn.clock.now())))
      return [{ kind: 'info', text: at(language, 'alreadyForwarded') }];
    await this.deps.outbox.toCoordinators([
      {
        kind: 'notice',
        text: at('nl', 'notifyForward', {
          name: turn.user.displayName ?? turn.user.ref,
          language: question.language,
          question: question.text,
          id: shortId(question.id),
        }),
        about: [turn.user.ref],
      },
    ]);
    return [{ kind: 'info', text: at(language, 'forwarded') }];
  }

  private forwardButton(language: Language, questionId: string | undefined): Button | undefined {
    if (!questionId) return undefined;
    return { id: `forward:${questionId}`, label: `📨 ${at(language, 'forward')}`, typed: at(language, 'typedForward'), style: 'primary' };
  }
}

export function shortId(id: string): string {
  return id.slice(-6).toLowerCase();
}

function isButton(b: Button | undefined): b is Button {
  return b !== undefined;
}

/** A value kept in the conversation's pending state, as text (state is JSON: anything else is no text). */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
