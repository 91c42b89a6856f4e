/**
 * The conversation engine: loads the person and the conversation, picks the language, lets the
 * features handle the turn, and saves state and transcript. It knows no platform and no database.
 */
import type { Clock } from './clock.js';
import { isCommandOf } from './commands.js';
import { conversationKey } from './conversation-key.js';
import { guardInput, sanitizeText } from './input-guard.js';
import { DEFAULT_LANGUAGE, type Language } from './language.js';
import type { InboundMessage, Reply } from './messages.js';
import type { ConversationStore, Logger, UserRecord, UserStore } from './ports.js';
import type { ConversationState } from './state.js';
import { t } from './texts.js';
import type { TurnReceipt } from './inbox.js';
import type { Feature, TurnContext, TurnOptions } from './turn.js';

/** What the transcript and the inbox keep instead of a one-time code (Reply.secret). */
const SECRET_PLACEHOLDER = '[eenmalige code, niet bewaard]';

export type LanguageDetector = (text: string, fallback: Language) => Language;

export interface EngineDeps {
  users: UserStore;
  conversations: ConversationStore;
  features: Feature[];
  clock: Clock;
  logger: Logger;
  detectLanguage: LanguageDetector;
  maxMessageLength: number;
  /** What opening a chat shows (the help feature's greeting); see open(). */
  opening?: (input: OpeningInput) => Promise<Reply[]>;
}

/** What the greeting on opening a chat may depend on. Nothing here is written back. */
export interface OpeningInput {
  user: UserRecord | null;
  name: string;
  language: Language;
  /** The conversation's saved state, or undefined when this person never wrote here. */
  state: ConversationState | undefined;
}

export class ConversationEngine {
  constructor(private readonly deps: EngineDeps) {}

  get features(): readonly Feature[] {
    return this.deps.features;
  }

  /**
   * Opening the chat (a page load, `buurtbot chat` starting) is not a message from the person: it
   * reads who they are and where they were, and answers with a greeting, but stores nothing (no
   * transcript line, no state, no user row), so it can never become a plan answer.
   */
  async open(message: Pick<InboundMessage, 'surface' | 'userRef' | 'channelId' | 'threadId' | 'userName' | 'language'>): Promise<Reply[]> {
    const user = await this.deps.users.get(message.userRef);
    const conversation = await this.deps.conversations.find<ConversationState>(conversationKey(message), {});
    const language = message.language ?? user?.language ?? conversation?.language ?? DEFAULT_LANGUAGE;
    const name = user?.displayName ?? (message.userName ? sanitizeText(message.userName) : '');
    const replies = (await this.deps.opening?.({ user, name, language, state: conversation?.state })) ?? [];
    return replies.map((reply) => (reply.language ? reply : { ...reply, language }));
  }

  /**
   * The order features are asked in for this turn: the one that asked a question waiting for an
   * answer first (its `ja` beats a flow's), then those with an `anywhere` command in the text (so
   * `mijn gegevens` in the middle of a plan step is never saved as the answer), then the rest in
   * their fixed order. The feature that asked comes again at its own place: when the message was no
   * answer to its question (it passed), it is an ordinary message, and the knowledge base, which
   * asks "Bedoel je…?", is also the one that answers everything nobody claimed.
   */
  private routing(turn: TurnContext): readonly Feature[] {
    const features = this.deps.features;
    const asked = turn.state.pending?.feature;
    const first = [
      ...features.filter((f) => f.name === asked && f.commands?.some((c) => c.scope === 'pending')),
      ...(turn.message.action
        ? []
        : features.filter((f) => f.name !== asked && f.commands?.some((c) => c.scope === 'anywhere' && isCommandOf(c, turn.text)))),
    ];
    return first.length ? [...first, ...features.filter((f) => !first.includes(f) || f.name === asked)] : features;
  }

  async handle(message: InboundMessage, options: TurnOptions & { receipt?: TurnReceipt } = {}): Promise<Reply[]> {
    const { users, conversations, logger } = this.deps;
    const rawText = message.form?.text ?? message.text;
    const guard = guardInput(rawText, this.deps.maxMessageLength);
    // Names come from other systems and browsers: no control or bidi characters into our records.
    const user = await users.touch(message.userRef, message.userName ? sanitizeText(message.userName) : undefined);
    const conversation = await conversations.open<ConversationState>({
      key: conversationKey(message),
      userId: user.id,
      surface: message.surface,
      channelId: message.channelId,
      threadId: message.threadId,
      initial: {},
    });
    const fallback = user.language ?? conversation.language ?? DEFAULT_LANGUAGE;
    if (!guard.ok && !message.action) {
      const language = message.language ?? fallback;
      return [
        guard.reason === 'empty'
          ? { kind: 'info', text: t(language, 'input.empty'), language }
          : { kind: 'info', text: t(language, 'input.tooLong', { length: guard.length, max: this.deps.maxMessageLength }), language },
      ];
    }
    const text = guard.ok ? guard.text : '';
    // A chosen language (user setting) wins; otherwise detect per message, falling back to the conversation's.
    const language = message.language ?? user.language ?? (text ? this.deps.detectLanguage(text, conversation.language) : fallback);
    const inbound = { direction: 'in' as const, text: message.action ? `[${message.action}]` : text };
    const turn: TurnContext = {
      message,
      text,
      user,
      conversationId: conversation.id,
      language,
      state: conversation.state,
      clock: this.deps.clock,
      logger,
      onPartial: options.onPartial,
    };
    let replies: Reply[] | null = null;
    try {
      for (const feature of this.routing(turn)) {
        replies = await feature.handle(turn);
        if (replies) break;
      }
    } catch (error) {
      // The person's message stays in the transcript even when answering it failed.
      await conversations.appendMessage(conversation.id, inbound.direction, inbound.text).catch(() => undefined);
      throw error;
    }
    replies ??= [{ kind: 'info', text: t(turn.language, 'unknown.command') }];
    // The surface labels its own chrome ("Sources", form buttons) in the person's language.
    replies = replies.map((reply) => (reply.language ? reply : { ...reply, language: turn.language }));
    // "Forget me" deleted this person's records during the turn: write nothing back.
    if (turn.forgotten) return replies;
    conversation.state = turn.state;
    conversation.language = turn.language;
    // Message in, replies out, the new state and the inbox's answer in one write at the end (one commit, not three or more).
    // A one-time code (reply.secret) is shown once and stored nowhere: not in the transcript, not in the inbox's answer.
    const stored = replies.map((reply) => (reply.secret ? { ...reply, text: SECRET_PLACEHOLDER, buttons: undefined } : reply));
    const transcript = [inbound, ...stored.map((reply) => ({ direction: 'out' as const, text: reply.text, about: reply.about }))];
    // The inbox row's answer goes into the same commit: a turn is never half done after a crash.
    const receipt = options.receipt ? Object.assign(options.receipt, { replies: JSON.stringify(stored) }) : undefined;
    if (!(await conversations.finishTurn(conversation, transcript, receipt))) {
      logger.warn({ conversation: conversation.id }, 'conversation state changed concurrently; kept the other write');
    }
    return replies;
  }
}
