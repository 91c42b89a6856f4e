/**
 * Text folding shared by answer validation and section lookup: volunteers type "coördinator",
 * "Coordinator" and "COÖRDINATOR" for the same thing, so comparisons happen on folded text.
 */

/** Lowercase, strip diacritics, unfold ligatures (NFKD turns the Dutch "ĳ" into "ij"). */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * Folded words: letters and digits only; apostrophes vanish inside words ("don't" → "dont",
 * "z'n" → "zn") so negations and contractions compare predictably.
 */
export function foldedWords(text: string): string[] {
  return fold(text)
    .replace(/['’‘`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Folded text as single-spaced words, for whole-phrase comparisons and regexes. */
export function foldedPhrase(text: string): string {
  return foldedWords(text).join(' ');
}

/** Words as a person counts them: whitespace-separated pieces holding at least one letter or digit. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((piece) => /[\p{L}\p{N}]/u.test(piece)).length;
}

/** Levenshtein distance, capped: we only care whether two short words are within 1 or 2 edits. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? cap) + 1, (current[j - 1] ?? cap) + 1, (previous[j - 1] ?? cap) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= cap) return cap;
    previous = current;
  }
  return Math.min(previous[b.length] ?? cap, cap);
}
