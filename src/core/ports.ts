/**
 * What the core needs from the outside world, as interfaces. Storage implements them on Prisma
 * (src/storage); tests may use the real storage on a temporary database.
 */
import type { TurnReceipt } from './inbox.js';
import type { Language } from './language.js';

export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * A logger that adds `bindings` to every line (`{ surface: 'slack' }`), like pino's child, for
 * any Logger: an adapter says once which surface it is instead of on every call.
 */
export function childLogger(logger: Logger, bindings: Record<string, unknown>): Logger {
  const bound =
    (level: keyof Logger) =>
    (obj: object | string, msg?: string): void =>
      typeof obj === 'string' ? logger[level](bindings, obj) : logger[level]({ ...bindings, ...obj }, msg);
  return { debug: bound('debug'), info: bound('info'), warn: bound('warn'), error: bound('error') };
}

export interface UserRecord {
  id: string;
  ref: string;
  displayName: string | null;
  language: Language | null;
  role: 'volunteer' | 'coordinator' | 'admin';
  remindersOff: boolean;
}

export interface UserStore {
  /** Create on first contact; remembers the latest display name. */
  touch(ref: string, displayName?: string): Promise<UserRecord>;
  get(ref: string): Promise<UserRecord | null>;
  setLanguage(ref: string, language: Language): Promise<void>;
  setRemindersOff(ref: string, off: boolean): Promise<void>;
  setRole(ref: string, role: UserRecord['role']): Promise<void>;
}

export interface ConversationRecord<S> {
  id: string;
  key: string;
  language: Language;
  state: S;
  version: number;
}

/** One transcript line; `about` names the people it is about (see Reply.about). */
export interface TranscriptLine {
  direction: 'in' | 'out';
  text: string;
  about?: readonly string[] | undefined;
}

/** Where a conversation is and what state a new one starts with. */
export interface ConversationOpening<S extends object> {
  key: string;
  userId: string;
  surface: string;
  channelId: string;
  threadId?: string | undefined;
  initial: S;
}

export interface ConversationStore {
  open<S extends object>(input: ConversationOpening<S>): Promise<ConversationRecord<S>>;
  /** The conversation with this key, without creating it (opening a chat must not write anything). */
  find<S extends object>(key: string, initial: S): Promise<ConversationRecord<S> | null>;
  appendMessage(conversationId: string, direction: 'in' | 'out', text: string): Promise<void>;
  /**
   * The end of a turn in one write: the transcript lines (in order) and the state, saved only if
   * nobody saved it since it was opened (optimistic concurrency: false then, and the other write
   * stays; the lines are kept either way).
   */
  finishTurn<S extends object>(
    record: ConversationRecord<S>,
    transcript: readonly TranscriptLine[],
    /** The inbox row's answer, written in the same commit (the store sets `written`). */
    receipt?: TurnReceipt,
  ): Promise<boolean>;
  recentMessages(conversationId: string, limit: number): Promise<Array<{ direction: 'in' | 'out'; text: string; createdAt: Date }>>;
}

/** The web chat's notice board: channel posts (reminders, announcements) for the embedded surface. */
export interface NoticeStore {
  /** `about`: the user refs the notice names, so forgetting one of them removes it (see Reply.about). */
  post(channel: string, text: string, about?: readonly string[]): Promise<void>;
  since(channel: string, after: Date | undefined, limit: number): Promise<Array<{ text: string; createdAt: Date }>>;
}

/**
 * How the core sends without being asked: reminders, digests, coordinator notifications. Each
 * surface (web, Slack, Discord) provides one; the core never imports their SDKs.
 */
export interface Messenger {
  readonly surface: 'web' | 'cli' | 'slack' | 'discord';
  /** Channel ids configured on this surface (Slack ids/names resolved at startup). */
  readonly channels: { announcements?: string | undefined; coordinators?: string | undefined };
  postToChannel(channelId: string, replies: import('./messages.js').Reply[]): Promise<void>;
  /** Sends a direct message to one person (userRef of this surface). */
  sendDirect(userRef: string, replies: import('./messages.js').Reply[]): Promise<void>;
}

/** Messages the bot starts itself, routed to the right surface by user ref or channel purpose. */
export interface Outbox {
  toUser(userRef: string, replies: import('./messages.js').Reply[]): Promise<void>;
  toCoordinators(replies: import('./messages.js').Reply[]): Promise<void>;
  toAnnouncements(replies: import('./messages.js').Reply[]): Promise<void>;
}

/**
 * Web browser sessions and one-time login codes. Only hashes are stored: the browser (or the
 * person holding a code) has the secret.
 */
export interface WebSessionStore {
  /** A new session for `userRef`; returns the secret for the cookie (never stored). */
  create(userRef: string): Promise<string>;
  /** Who the session with this secret is, or undefined. */
  resolve(secret: string): Promise<string | undefined>;
  end(secret: string): Promise<void>;
  /** A one-time code that signs a browser in as `userRef` until it expires. */
  createLoginCode(userRef: string, ttlMs: number): Promise<{ code: string; expiresAt: Date }>;
  /** The person the code was made for, once; undefined when unknown, used or expired. */
  redeemLoginCode(code: string): Promise<string | undefined>;
}
