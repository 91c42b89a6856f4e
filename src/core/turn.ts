import type { Clock } from './clock.js';
import type { CommandSpec } from './commands.js';
import type { Language } from './language.js';
import type { InboundMessage, Reply } from './messages.js';
import type { Logger, UserRecord } from './ports.js';
import type { ConversationState } from './state.js';

/**
 * What a surface can offer for one turn beyond the message itself. Kept out of InboundMessage
 * because it is a live callback, not data (it is never stored or deduplicated).
 */
export interface TurnOptions {
  /** The surface can show an answer while it is being written (web chat over SSE). */
  onPartial?: ((textSoFar: string) => void) | undefined;
}

/** Everything a feature needs to handle one message. `state` is saved after the turn. */
export interface TurnContext {
  message: InboundMessage;
  /** The cleaned text (control characters removed, trimmed). */
  text: string;
  user: UserRecord;
  conversationId: string;
  language: Language;
  state: ConversationState;
  clock: Clock;
  logger: Logger;
  /** Set when the person was just deleted ("vergeet mij"): the engine then writes nothing back. */
  forgotten?: boolean;
  /** From TurnOptions: where partial answer text goes while it streams in. */
  onPartial?: ((textSoFar: string) => void) | undefined;
}

/**
 * A feature answers the messages it recognises and passes (returns null) on the rest. The engine
 * asks features in a fixed order; the knowledge base comes last and answers everything else.
 */
export interface Feature {
  readonly name: string;
  /**
   * The feature's command table: every word it answers to, and when (see CommandScope). The engine
   * routes `anywhere` commands and answers to a pending question by it; a test checks that no two
   * features claim one word at the same moment.
   */
  readonly commands?: readonly CommandSpec[];
  handle(turn: TurnContext): Promise<Reply[] | null>;
  /** Lines for the `help` overview, in the user's language; coordinator commands only for coordinators. */
  helpLines?(language: Language, audience?: { coordinator: boolean }): string[];
  /**
   * What is wrong with a form answer, checked before it is accepted, so a surface with modals can
   * keep the modal open with the reason inline (Slack). Pure: no storage, no state. Undefined when
   * the answer is fine or the form is not this feature's; the turn itself checks again.
   */
  checkForm?(form: { stepId: string; text: string }, language: Language): string | undefined;
}
