import { dutchWords } from './dictionary.js';
import { singularTail } from './irregular.js';

/** Only words at least this long are worth splitting; shorter ones are rarely compounds. */
export const MIN_COMPOUND_LENGTH = 8;
/** A word the dictionary has as a whole is only split from this length on. */
const MIN_KNOWN_SPLIT_LENGTH = 10;
/** The first part must be a real word of at least 4 letters ("ver", "dec" and "aar" are noise). */
const MIN_HEAD = 4;
/** The last part may be 3 letters: "lid" in bestuurslid. */
const MIN_TAIL = 3;
/** Linking sounds between the parts of a Dutch compound: bestuur-s-lid, gemeente-n-raad. */
const LINKS = ['', 's', 'en', 'e', 'n'] as const;
/** Inflections a dictionary word may carry at the end of a compound (netwerk-en, werker-s). */
const INFLECTIONS = ['', 's', 'en', 'n', 'e', 'es'] as const;

// Bounded so a long-running bot that sees endless new words does not grow without limit.
const MEMO_LIMIT = 100_000;
/*
 * Tails that are dictionary words but, at the end of a longer word, are a derivational suffix:
 * bestuur-lijke is not "bestuur + corpse", norm-ering not "norm + ring".
 */
const SUFFIX_TAILS: ReadonlySet<string> = new Set([
  'lijk',
  'lijke',
  'lijks',
  'lijker',
  'schap',
  'schappen',
  'heid',
  'heden',
  'baar',
  'bare',
  'ring',
  'ringen',
  'achtig',
  'achtige',
  'loos',
  'loze',
  'zaam',
  'zame',
  'ster',
  'sters',
  'tje',
  'tjes',
  'isch',
  'ische',
  'ling',
  'lingen',
  'aard',
  'erd',
  'ernis',
  'nis',
  'sel',
  'sels',
]);

/*
 * Heads that are particles or prepositions: door-ontwikkelen, over-wegen and voor-zitter are
 * verbs and nouns of their own, not compounds about "door" or "voor".
 */
const PARTICLE_HEADS: ReadonlySet<string> = new Set([
  'door',
  'over',
  'voor',
  'onder',
  'tegen',
  'achter',
  'terug',
  'samen',
  'bijeen',
  'binnen',
  'buiten',
  'rond',
  'mede',
  'naar',
  'mits',
  'omdat',
  'maar',
  'toen',
  'weder',
  'voort',
  'verder',
]);

const memo = new Map<string, readonly string[]>();

function isWord(candidate: string, words: ReadonlySet<string>): boolean {
  return candidate.length >= MIN_TAIL && words.has(candidate);
}

/** Is `tail` a dictionary word, possibly inflected or an irregular plural (leden → lid)? */
function isTailWord(tail: string, words: ReadonlySet<string>): boolean {
  if (tail.length < MIN_TAIL || SUFFIX_TAILS.has(tail)) return false;
  if (words.has(tail) || words.has(singularTail(tail, 'nl'))) return true;
  for (const ending of INFLECTIONS) {
    if (ending && tail.endsWith(ending) && isWord(tail.slice(0, -ending.length), words)) return true;
  }
  return false;
}

/**
 * An inflected dictionary word loses its ending before splitting: "bijeenkomsten" is
 * "bijeenkomst" + en, and must not be read as "bijeenkom + sten".
 */
function baseForm(word: string, words: ReadonlySet<string>): string {
  if (words.has(word)) return word;
  for (const ending of INFLECTIONS) {
    if (ending && word.endsWith(ending)) {
      const base = word.slice(0, -ending.length);
      if (base.length >= MIN_COMPOUND_LENGTH && words.has(base)) return base;
    }
  }
  return word;
}

interface Split {
  parts: string[];
  /** Length of the shortest part: we prefer splits whose parts are all long (fewer false words). */
  shortest: number;
}

function better(a: Split | undefined, b: Split): boolean {
  if (!a) return true;
  if (b.shortest !== a.shortest) return b.shortest > a.shortest;
  return b.parts.length < a.parts.length;
}

function bestSplit(word: string, words: ReadonlySet<string>, depth: number): Split | undefined {
  let best: Split | undefined;
  for (let cut = MIN_HEAD; cut <= word.length - MIN_TAIL; cut++) {
    const head = word.slice(0, cut);
    if (!words.has(head) || PARTICLE_HEADS.has(head)) continue;
    for (const link of LINKS) {
      if (!word.startsWith(link, cut)) continue;
      const rest = word.slice(cut + link.length);
      if (rest.length < MIN_TAIL) continue;
      if (isTailWord(rest, words)) {
        const candidate = { parts: [head, rest], shortest: Math.min(head.length, rest.length) };
        if (better(best, candidate)) best = candidate;
      }
      // Three-part compounds (subsidie-aanvraag-formulier): split the rest again.
      if (depth < 2 && rest.length >= MIN_HEAD + MIN_TAIL) {
        const inner = bestSplit(rest, words, depth + 1);
        if (inner) {
          const candidate = { parts: [head, ...inner.parts], shortest: Math.min(head.length, inner.shortest) };
          if (better(best, candidate)) best = candidate;
        }
      }
    }
  }
  return best;
}

/**
 * The parts of a Dutch compound, or [] when the word is not one we can split.
 * "buurtnetwerken" → ["buurt", "netwerken"]; "bestuursleden" → ["bestuur", "leden"].
 * Parts keep their inflection; the analyzer stems them (and maps leden → lid).
 * Linking -s-/-e(n)- is dropped. Memoized: the same words recur in every passage.
 */
export function splitCompound(word: string): readonly string[] {
  if (word.length < MIN_COMPOUND_LENGTH || !/^[a-z]+$/.test(word)) return [];
  const cached = memo.get(word);
  if (cached) return cached;
  // Irregular plural heads first (bestuursleden → bestuurslid), so the split cannot read
  // "bestuur + sleden" (sledges) where a Dutch reader sees "bestuurs + leden".
  const words = dutchWords();
  const base = baseForm(singularTail(word, 'nl'), words);
  // A short word the dictionary knows as a whole is rarely a transparent compound, and
  // splitting it makes nonsense: platform is not "plat + form", kasteel not "kast + eel".
  // Longer known words are split (bestuurslid, buurtnetwerk, startbijeenkomst).
  const split = words.has(base) && base.length < MIN_KNOWN_SPLIT_LENGTH ? undefined : bestSplit(base, words, 0);
  const parts = split ? split.parts : [];
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, parts);
  return parts;
}
