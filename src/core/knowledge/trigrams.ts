import { tokenize } from './text/normalize.js';

/** Three-letter sequences of each word, with a space at either end (" de", "de "): word starts and ends carry most of a language. */
export function trigramsOf(text: string): string[] {
  const grams: string[] = [];
  for (const word of tokenize(text)) {
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  }
  return grams;
}
