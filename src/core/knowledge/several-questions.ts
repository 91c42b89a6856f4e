import { CLEAR_CONFIDENCE } from './thresholds.js';
import type { Answer, Citation } from './types.js';

/**
 * At most this many questions are answered one by one; answerer.ts checks before it reads them.
 * A message of more (a pasted list, or someone making the bot fill a channel) is answered as one,
 * like any message: each answer is a paragraph or two, and ten of them would bury the channel.
 */
export const MAX_SEPARATE_QUESTIONS = 3;

/*
 * A message with two questions ("Wanneer is de deadline? En hoeveel bestuursleden moeten we
 * hebben?", "Who wrote the letter and when was the kick-off?") got the answer to one of them: the
 * best entry for the whole message, or a gap entry that half-matched both. Each question is now
 * answered on its own, the answers in the order asked, when each is clearly answered by its own
 * entry. A question that leans on the one before ("What is 2016 for? Are we expected to be a
 * network by now?") finds something else when read alone, rarely clearly; then, and whenever a
 * part is unsure, the message is answered as one question, as before. Allowing unsure parts
 * answered one tuning question more and put the fact of four others later in the answer.
 */
export function combinedAnswer(whole: Answer, parts: readonly Answer[]): Answer {
  if (parts.length < 2 || !parts.every((part) => part.answered && part.confidence >= CLEAR_CONFIDENCE)) return whole;
  const topics = [...new Set(parts.map((part) => part.topics[0] ?? ''))];
  if (topics.length < parts.length || topics.includes('')) return whole;
  const citations = new Map<string, Citation>();
  for (const citation of parts.flatMap((part) => part.citations)) citations.set(citation.id, citation);
  return {
    answered: true,
    answer: parts.map((part) => part.answer).join('\n\n'),
    citations: [...citations.values()],
    confidence: Math.min(...parts.map((part) => part.confidence)),
    language: whole.language,
    topics,
  };
}
