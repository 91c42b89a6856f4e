/**
 * Typo correction against the index's own vocabulary. Volunteers type fast on phones:
 * "aanpka", "deadlien", "startbijenkomst". MiniSearch's fuzzy matching (Levenshtein) misses
 * swapped letters (a swap is two edits) and gives a typo only partial credit, while its
 * compound parts ("start" + "bijenkomst") pull the question towards other entries. A word the
 * index does not know that is one edit (insert, delete, replace or swap of neighbours) away
 * from exactly the words the index does know is read as that word.
 */

/** Shorter words are too often a different real word one letter away (weer/meer, plan/plat). */
export const MIN_CORRECTION_LENGTH = 6;

/*
 * Longer "words" are not typed words but pastes or floods ("aaaa…"): no entry has a word this long,
 * so none is one edit away, and trying every edit of a 4,000-letter string took 0.6 s per message.
 */
export const MAX_CORRECTION_LENGTH = 40;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Calls `visit` with every string one edit away from `word` (Norvig's edits1, a-z), some twice. */
function forEachEdit(word: string, visit: (candidate: string) => void): void {
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) visit(head + tail.slice(1));
    if (tail.length > 1) visit(head + (tail[1] ?? '') + (tail[0] ?? '') + tail.slice(2));
    for (const letter of LETTERS) {
      if (tail) visit(head + letter + tail.slice(1));
      visit(head + letter + tail);
    }
  }
}

/** Every string one edit away from `word`, lowercase a-z only (for tests and debugging). */
export function editsOne(word: string): Set<string> {
  const edits = new Set<string>();
  forEachEdit(word, (candidate) => edits.add(candidate));
  edits.delete(word);
  return edits;
}

/**
 * The known word one edit away from `term`, or undefined. When several are, the most frequent
 * (`frequency`: how many passages have it) wins, then the alphabetically first, so the result
 * does not depend on index order. Candidates are looked up as they are made, without building
 * the set of ~50 × length strings first (this runs on the answer path).
 */
export function correctTerm(term: string, frequency: (candidate: string) => number): string | undefined {
  if (term.length < MIN_CORRECTION_LENGTH || term.length > MAX_CORRECTION_LENGTH || !/^[a-z]+$/.test(term)) return undefined;
  let best: string | undefined;
  let bestCount = 0;
  forEachEdit(term, (candidate) => {
    if (candidate === term) return;
    const count = frequency(candidate);
    if (count > bestCount || (count > 0 && count === bestCount && best !== undefined && candidate < best)) {
      best = candidate;
      bestCount = count;
    }
  });
  return best;
}
