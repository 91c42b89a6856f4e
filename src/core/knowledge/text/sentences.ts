import { tokenize } from './normalize.js';
import { isStopword, isWeakWord } from './stopwords.js';

/*
 * Chat messages often wrap the question in context: "Hi! I joined our buurtplatform last
 * month. Everyone talks about the transition - what's the timeline?" The words of the context
 * sentences ("joined", "month") are not what is asked, and no entry matches them, so counting
 * them in full makes a clear question look half off-topic. The question sentences (ending in
 * "?") say what is asked; words that occur only in the other sentences are context. Unless the
 * question sentences say nothing themselves ("… hoeveel bestuursleden we nodig hebben. Weet jij
 * dat?"): then the sentence before them says what is asked.
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
  let asked = new Set(questions.flatMap((sentence) => tokenize(sentence)));
  let isAsked = (sentence: string): boolean => QUESTION_END.test(sentence);
  if ([...asked].every(isFiller)) {
    // "… toen kwam de vraag op hoeveel bestuursleden we nodig hebben. Weet jij dat?": the
    // sentence before the empty question is the one that says what is asked.
    const before = sentences[sentences.indexOf(questions[0] ?? '') - 1];
    if (!before) return NONE;
    asked = new Set([...asked, ...tokenize(before)]);
    isAsked = (sentence) => sentence === before || QUESTION_END.test(sentence);
  }
  const context = new Set<string>();
  for (const sentence of sentences) {
    if (isAsked(sentence)) continue;
    for (const token of tokenize(sentence)) if (!asked.has(token)) context.add(token);
  }
  return context;
}

/** A word that says nothing about what is asked ("weet", "jij", "dat", "any", "idea"), in either language. */
function isFiller(token: string): boolean {
  return isStopword(token) || isWeakWord(token, 'nl') || isWeakWord(token, 'en');
}
