/**
 * Follow-up questions ("en wanneer is dat?", "and when is that?") say too little to retrieve on.
 * When a question is short and leans on what came before (a pointing word, or it opens with
 * "en"/"and"), retrieval also gets the previous question; the model gets the recent turns.
 */
import type { HistoryTurn } from './ports.js';

/** A follow-up is short; a long question stands on its own. */
const MAX_FOLLOW_UP_WORDS = 8;

/** Words that point back at something said before. Dutch "het" is left out: it is mostly an article. */
const POINTING = new Set([
  'dat',
  'dit',
  'die',
  'deze',
  'daar',
  'daarvan',
  'daarvoor',
  'daarmee',
  'daarna',
  'ervan',
  'ervoor',
  'hem',
  'hun',
  'zij',
  'ze',
  'it',
  'that',
  'this',
  'these',
  'those',
  'there',
  'they',
  'them',
  'its',
  'then',
]);
const OPENERS = new Set(['en', 'and', 'maar', 'but', 'ook', 'also', 'dus', 'so']);

export type Turn = HistoryTurn;

export function isFollowUp(question: string): boolean {
  const words =
    question
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .match(/[a-z0-9]+/g) ?? [];
  if (words.length === 0 || words.length > MAX_FOLLOW_UP_WORDS) return false;
  return OPENERS.has(words[0] ?? '') || words.some((w) => POINTING.has(w));
}

/** The previous thing the person asked (history is oldest first; button presses are skipped). */
export function previousQuestion(history: readonly Turn[] | undefined): string | undefined {
  if (!history) return undefined;
  for (let i = history.length - 1; i >= 0; i--) {
    const turn = history[i];
    if (turn?.role === 'user' && turn.text.trim() && !/^\[.*\]$/.test(turn.text.trim())) return turn.text.trim();
  }
  return undefined;
}

/** What to retrieve on: the question, or for a follow-up the previous question with it. */
export function retrievalQueries(question: string, history: readonly Turn[] | undefined): string[] {
  const previous = isFollowUp(question) ? previousQuestion(history) : undefined;
  return previous ? [`${previous}\n${question}`, question] : [question];
}
