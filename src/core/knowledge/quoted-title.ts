/**
 * People quote what they mean: "the session 'Buurtplan, hoe dan?'", "de workshop 'Hoe kom ik aan
 * geld'". Such a title is mostly little words ("hoe", "dan", "ik", "aan"), so the search sees
 * only "buurtplan" or "geld" and may rank another workshop first. A quoted phrase of two words
 * or more that an entry's title holds names that entry: it goes first among the ranked topics.
 */
import { quotations } from './text/quotes.js';

/** Lowercase, no accents, no punctuation, single spaces: how a quote and a title are compared. */
function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** An article before a quoted term is the asker's, not the title's: "'the kick-off'" quotes "kick-off". */
const LEADING_ARTICLE = /^(?:the|a|an|de|het|een|die|dat|that|this)\s+/;

/** Quoted phrases of at least two words. */
export function quotedPhrases(question: string): string[] {
  return quotations(question)
    .map((quote) => plain(quote).replace(LEADING_ARTICLE, ''))
    .filter((phrase) => phrase.includes(' '));
}

/**
 * The topics with the one whose title holds a quoted phrase first (the ranking's order otherwise).
 * It is as sure as the topic it displaced: the question was understood that well, and the quote
 * says which topic it is about.
 */
export function quotedTitleFirst<T extends { confidence: number }>(
  question: string,
  ranked: readonly T[],
  titleOf: (topic: T) => string,
): readonly T[] {
  const phrases = quotedPhrases(question);
  const first = ranked[0];
  if (phrases.length === 0 || first === undefined) return ranked;
  const named = ranked.find((topic) => {
    const title = ` ${plain(titleOf(topic))} `;
    return phrases.some((phrase) => title.includes(` ${phrase} `));
  });
  if (named === undefined || named === first) return ranked;
  return [{ ...named, confidence: Math.max(named.confidence, first.confidence) }, ...ranked.filter((topic) => topic !== named)];
}
