import { tokenize } from './normalize.js';

/*
 * Chat messages often wrap the question in context: "Hi! I joined our buurtplatform last
 * month. Everyone talks about the transition - what's the timeline?" The words of the context
 * sentences ("joined", "month") are not what is asked, and no entry matches them, so counting
 * them in full makes a clear question look half off-topic. The question sentences (ending in
 * "?") say what is asked; words that occur only in the other sentences are context.
 */
const SENTENCE_END = /(?<=[.!?…])\s+|\n+/u;
const QUESTION_END = /\?[\s"'’”)\]]*$/u;
const NONE: ReadonlySet<string> = new Set();

/**
 * The normalized tokens that occur only in the message's context sentences: empty unless the
 * message has both question sentences and other sentences.
 */
export function contextOnlyTokens(text: string): ReadonlySet<string> {
  if (!text.includes('?')) return NONE;
  const sentences = text.split(SENTENCE_END).map((s) => s.trim()).filter(Boolean);
  const questions = sentences.filter((sentence) => QUESTION_END.test(sentence));
  if (questions.length === 0 || questions.length === sentences.length) return NONE;
  const asked = new Set(questions.flatMap((sentence) => tokenize(sentence)));
  const context = new Set<string>();
  for (const sentence of sentences) {
    if (QUESTION_END.test(sentence)) continue;
    for (const token of tokenize(sentence)) if (!asked.has(token)) context.add(token);
  }
  return context;
}
