/**
 * The neutral message and reply types. Every surface (web, terminal, Slack, Discord) turns its
 * events into an InboundMessage and renders Replies; the core never sees a platform SDK.
 */
import type { Language } from './language.js';

export type Surface = 'web' | 'cli' | 'slack' | 'discord';

export interface InboundMessage {
  /** Unique per surface (Slack event id, Discord message id, web client id): the dedupe key. */
  id: string;
  surface: Surface;
  /** web:ID, cli:ID, slack:TEAM:USER, discord:ID */
  userRef: string;
  userName?: string;
  /** Where to answer. Direct messages use the DM channel id of the surface. */
  channelId: string;
  threadId?: string;
  text: string;
  /** Set when the surface knows the language (e.g. a user preference). Otherwise detected. */
  language?: Language;
  /** A pressed button (its id), instead of typed text. */
  action?: string;
  /** A submitted form step (e.g. a Slack or Discord modal): the step id and the text. */
  form?: { stepId: string; text: string };
  /** True in a DM or when the bot was addressed (mention); false for overheard channel chatter. */
  direct: boolean;
}

export interface Button {
  /** Machine id handed back in InboundMessage.action when pressed. */
  id: string;
  label: string;
  /** What a user can type instead of pressing (every button has one). */
  typed: string;
  style?: 'primary' | 'danger';
  /**
   * A link button: it opens this address and sends nothing back (its id starts with `link:`, and
   * `typed` is the address itself, for surfaces without buttons).
   */
  url?: string;
}

/** A step that asks for longer text; surfaces with modals may open one, others just take typed text. */
export interface FormStep {
  id: string;
  /** A short name (a modal title, the open-form button); a surface with less room shortens it at a word. */
  title: string;
  /** The whole question: surfaces show all of it (Slack above the input, Discord label + description). */
  label: string;
  /** The draft: shown in full, spread over several inputs where one is too small. */
  initial?: string;
  /** Guidance for the answer; where it does not fit a placeholder, whole sentences or shown beside the input. */
  placeholder?: string;
  maxLength: number;
}

export interface Citation {
  id: string;
  title: string;
  source: string;
  /** The source as shown under an answer: document and first section, short enough for a phone. */
  label?: string;
}

export type ReplyKind = 'answer' | 'refusal' | 'plan' | 'info' | 'error' | 'notice' | 'digest';

export interface Reply {
  text: string;
  kind?: ReplyKind;
  buttons?: Button[];
  form?: FormStep;
  citations?: Citation[];
  /** Only the caller should see it (Slack ephemeral, Discord ephemeral); others ignore. */
  ephemeral?: boolean;
  /** Holds a secret (a one-time login code): the transcript keeps a placeholder, never the text. */
  secret?: boolean;
  /** Set on knowledge answers, so feedback can be attached. */
  questionId?: string;
  /**
   * The language of the person the reply is for (the turn's language), for the words a surface
   * adds itself ("Sources", a form button). Surfaces guess from the text when it is missing.
   */
  language?: Language;
  /**
   * User refs of the people `text` names (who asked, who wants to join). Stored with the line or
   * notice, so `vergeet mij` removes exactly those, never by searching texts for a name.
   */
  about?: readonly string[];
  /**
   * A moment the text is about (a reminder's deadline): surfaces that can show a time in the
   * reader's own zone and as "in 3 days" do so (Slack `<!date^…>`, Discord `<t:…>`); the text
   * already says the date, so others need nothing.
   */
  deadline?: Date;
  /** Set on coordinator digests: the data behind `text`, for surfaces that render tables natively. */
  digest?: import('./digest/digest.js').Digest;
}

/** Plain-text rendering with the typed equivalents of buttons: the fallback for every surface. */
export function renderPlain(reply: Reply): string {
  const parts = [reply.text];
  if (reply.citations?.length) {
    // The short label where there is one, as Slack, Discord and the web chat show it.
    parts.push(reply.citations.map((c) => `— ${c.label ?? `${c.title} (${c.source})`}`).join('\n'));
  }
  if (reply.buttons?.length) {
    parts.push(reply.buttons.map((b) => `[${b.typed}] ${b.label}`).join('  '));
  }
  return parts.join('\n\n');
}
