/**
 * Answering questions: the offline answerer and the model-backed one both implement Answerer,
 * and questions, feedback and forwards are stored through QuestionStore (for the digests).
 */
import type { Answer } from '../knowledge/index.js';
import type { Language } from '../language.js';

export interface HistoryTurn {
  role: 'user' | 'assistant';
  text: string;
}

export interface AnswerRequest {
  question: string;
  /** The asker's language when known (a user setting); otherwise detected. */
  language?: Language | undefined;
  fallbackLanguage?: Language | undefined;
  /**
   * Recent turns of this conversation, oldest first, to resolve follow-ups ("and when is that?").
   * Read on demand: only the model-backed answerer uses them, so the offline one costs no read.
   */
  history?: (() => Promise<HistoryTurn[]>) | undefined;
  /** Called with text as it streams in, when the answerer streams and the surface can show it. */
  onPartial?: ((textSoFar: string) => void) | undefined;
}

export interface AnsweredQuestion extends Answer {
  /** Which answerer produced the final text. */
  via: 'offline' | 'model';
}

export interface Answerer {
  answer(request: AnswerRequest): Promise<AnsweredQuestion>;
  /** One topic's answer from the knowledge base, when the person chose it ("Bedoel je…?", "Zie ook"). */
  answerTopic?(topic: string, language: Language): Promise<AnsweredQuestion | undefined>;
}

export interface QuestionRecord {
  id: string;
  userRef: string | null;
  askerName: string | null;
  text: string;
  language: Language;
  answered: boolean;
  confidence: number;
  answer: string;
  topics: string[];
  forwarded: boolean;
  reply: string | null;
  createdAt: Date;
}

export interface QuestionStore {
  record(input: {
    /** The asker's user id (the engine already loaded the user this turn). */
    userId: string;
    conversationId: string;
    text: string;
    language: Language;
    answered: boolean;
    confidence: number;
    answer: string;
    topics: string[];
    via: 'offline' | 'model';
    /** About nothing of this domain: counted, but not listed for coordinators as unanswered. */
    offTopic?: boolean;
    at: Date;
  }): Promise<string>;
  get(id: string): Promise<QuestionRecord | null>;
  feedback(questionId: string, userRef: string, helpful: boolean, at: Date): Promise<string>;
  feedbackReason(feedbackId: string, reason: string): Promise<void>;
  forward(questionId: string, at: Date): Promise<boolean>;
  /** Forwarded questions no coordinator has answered yet, oldest first. */
  waitingForCoordinator(limit: number): Promise<QuestionRecord[]>;
  reply(questionId: string, text: string, by: string, at: Date): Promise<QuestionRecord | null>;
  /** A forwarded question (answered or not) whose id ends with `short`, when exactly one does. */
  findForwardedByShortId(short: string): Promise<QuestionRecord | null>;
}
