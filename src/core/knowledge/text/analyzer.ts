import { stemmer as dutchStemmer } from '@orama/stemmers/dutch';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import type { Language } from '../../language.js';
import { splitCompound } from './compounds.js';
import { conceptWords } from './concepts.js';
import { dateWordAt } from './months.js';
import { dutchWords } from './dictionary.js';
import { singular, singularTail } from './irregular.js';
import { dutchInfinitive } from './verbs.js';
import { tokenize } from './normalize.js';
import { isStopword } from './stopwords.js';

/**
 * One content word of a text after analysis: the stem of the whole word and, for a Dutch
 * compound, the stems of its parts. The whole word is always kept, so domain terms
 * (buurtnetwerk, bestuurslid) stay searchable as themselves; the parts let "netwerk" find
 * "buurtnetwerk" and "subsidieaanvraag" find "aanvraag ... subsidie".
 */
export interface AnalyzedTerm {
  /** The normalized token as written. */
  token: string;
  /** Stem of the whole word. */
  whole: string;
  /** Stems of the compound parts, left to right (empty when not a compound). */
  parts: string[];
  /** Other stems of the whole word: the Dutch stem of a Dutch word in English text. */
  alternates: string[];
  /** Per part (same order as `parts`), its English glosses in English text; else empty lists. */
  partGlosses: string[][];
  /** Set when `whole` is a spelling correction of what was typed (see spelling.ts). */
  corrected?: boolean;
}

/*
 * The Snowball Dutch stemmer leaves some doubled consonants ("plannen" → "plann" while
 * "plan" → "plan"). Undoubling a final double consonant afterwards makes both forms meet;
 * it runs on index and query terms alike, so it only has to be consistent, not linguistic.
 */
function undouble(stem: string): string {
  const n = stem.length;
  if (n >= 4 && stem[n - 1] === stem[n - 2] && !'aeiou'.includes(stem[n - 1] ?? 'a')) {
    return stem.slice(0, -1);
  }
  return stem;
}

const dutchStem = (word: string): string => undouble(dutchStemmer(word));

const STEMMERS: Record<Language, (word: string) => string> = {
  nl: dutchStem,
  en: englishStemmer,
};

/*
 * Abbreviations volunteers type for multi-word domain terms. Expanded to the words the
 * content uses, in both languages (English texts keep the Dutch names of Dutch things).
 */
const EXPANSIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['pva', ['plan', 'aanpak']],
  ['pvas', ['plan', 'aanpak']],
]);

/*
 * English text about this project keeps the Dutch names (buurtnetwerk, bestuursleden,
 * vrijwilligersorganisatie). In the English pipeline the parts of such a compound also index
 * their English meaning, so "network", "board members" and "volunteer organisation" meet the
 * Dutch term. Common parts of this domain only: a small bilingual glossary, not a dictionary.
 * Glosses whose English stem is also a common verb are left out ("meeting" stems to "meet",
 * as in "board members who meet the requirements").
 */
const PART_GLOSSES: ReadonlyMap<string, readonly string[]> = new Map([
  ['buurt', ['neighbourhood']],
  ['netwerk', ['network']],
  ['platform', ['platform']],
  ['bestuur', ['board']],
  ['lid', ['member']],
  ['subsidie', ['subsidy']],
  ['aanvraag', ['application']],
  ['vrijwilliger', ['volunteer']],
  ['organisatie', ['organisation']],
  ['activiteit', ['activity']],
  ['activiteiten', ['activity']],
  ['regeling', ['regulation', 'scheme']],
  ['uitvoering', ['implementation']],
  ['besluit', ['decision']],
  ['raad', ['council']],
  ['proces', ['process']],
  ['transitie', ['transition']],
  ['sturing', ['steering']],
  ['brief', ['letter']],
  ['gemeente', ['municipality']],
  ['werker', ['worker']],
  ['werkers', ['worker']],
  ['plan', ['plan']],
]);

/** The English words for a Dutch word of this domain ("buurt" → "neighbourhood"), if the glossary has it. */
export function englishGlosses(dutch: string): readonly string[] {
  return PART_GLOSSES.get(dutch) ?? [];
}

/** The Dutch words of this domain for an English word ("neighbourhood" → "buurt"), the other way round. */
export function dutchFor(english: string): string[] {
  return [...PART_GLOSSES].filter(([, glosses]) => glosses.includes(english)).map(([dutch]) => dutch);
}

function isNumber(token: string): boolean {
  return /^[0-9]+$/.test(token);
}

/** Compound parts are Dutch words whatever the text's language, so they get the Dutch stemmer. */
function stemPart(part: string): string | undefined {
  if (isStopword(part, 'nl') || part.length < 3) return undefined;
  return dutchStem(singular(part, 'nl'));
}

const memo: Record<Language, Map<string, AnalyzedTerm | null>> = { nl: new Map(), en: new Map() };
const MEMO_LIMIT = 100_000;

/*
 * Chat Dutch glues a dismissive word to what it talks about: "dat hele transitiegedoe", "dat
 * subsidieverhaal", "het netwerkding". The head says only how the writer feels; the word is its
 * modifier ("transitie"), which the entries use. Not "-zaak" or "-kwestie": a "geldzaak" is more
 * than money.
 */
const FILLER_HEADS: ReadonlySet<string> = new Set([
  'gedoe',
  'gedoetje',
  'ding',
  'dingen',
  'dingetje',
  'verhaal',
  'verhaaltje',
  'toestand',
  'gedoetjes',
]);

function analyzeUncached(token: string, language: Language): AnalyzedTerm | null {
  if (isStopword(token, language)) return null;
  // Single letters carry no meaning; numbers do (31 december, 3 bestuursleden, 2016).
  if (token.length < 2 && !isNumber(token)) return null;
  if (isNumber(token)) return { token, whole: token, parts: [], alternates: [], partGlosses: [] };
  const compound = splitCompound(token);
  const head = compound.at(-1);
  // A word of its own ("uitvinding", "bevinding") is no such compound.
  if (head && compound.length > 1 && FILLER_HEADS.has(head) && !dutchWords().has(token)) {
    const meant = analyzeUncached(compound.slice(0, -1).join(''), language);
    return meant && { ...meant, token };
  }
  const stem = STEMMERS[language];
  const whole = stem(singularTail(token, language));
  const parts: string[] = [];
  const alternates: string[] = [];
  const partGlosses: string[][] = [];
  const addPart = (form: string | undefined, glosses: readonly string[]): void => {
    if (form && form !== whole && !parts.includes(form)) {
      parts.push(form);
      partGlosses.push(language === 'en' ? glosses.map((gloss) => englishStemmer(gloss)).filter((g) => g !== form) : []);
    }
  };
  // English text about this project is full of Dutch compounds (buurtnetwerk, bestuursleden),
  // so both pipelines split Dutch compounds; an English word rarely splits into Dutch words.
  if (compound.length > 0) {
    for (const part of compound) addPart(stemPart(part), PART_GLOSSES.get(part) ?? []);
    // In English, also index the Dutch stem of the whole Dutch word, so "buurtnetwerken" in an
    // English sentence matches "buurtnetwerk" like it does in Dutch.
    const dutch = dutchStem(singularTail(token, 'nl'));
    if (language === 'en' && dutch !== whole) alternates.push(dutch);
  }
  if (language === 'nl') {
    for (const base of diminutiveBases(token)) addAlternate(alternates, dutchStem(base), whole);
    const infinitive = dutchInfinitive(token);
    if (infinitive) addAlternate(alternates, dutchStem(infinitive), whole);
  }
  return { token, whole, parts, alternates, partGlosses };
}

function addAlternate(alternates: string[], stem: string, whole: string): void {
  if (stem !== whole && !alternates.includes(stem)) alternates.push(stem);
}

/*
 * Chat Dutch makes things small: "dat plannetje", "ons clubje", "een potje", "die briefjes". The
 * diminutive is not in the entries, so the word it is made of also searches for it. Which ending
 * it has is not always clear ("buurt-je" or "buur-tje"), so every reading that gives a Dutch word
 * counts: -etje after a doubled consonant (plannetje → plan), -tje, -pje, -kje (vergaderinkje →
 * vergadering) and -je, singular or plural (-jes).
 */
const DIMINUTIVE_ENDINGS: ReadonlyArray<[RegExp, (base: string) => string]> = [
  [/^(.{2,}(\p{L}))\2etjes?$/u, (base) => base],
  [/^(.{3,})tjes?$/u, (base) => base],
  [/^(.{3,})pjes?$/u, (base) => base],
  [/^(.{3,}in)kjes?$/u, (base) => `${base}g`],
  [/^(.{3,})jes?$/u, (base) => base],
];

function diminutiveBases(token: string): string[] {
  if (!/jes?$/.test(token)) return [];
  const words = dutchWords();
  return DIMINUTIVE_ENDINGS.flatMap(([ending, base]) => {
    const found = ending.exec(token)?.[1];
    return found && words.has(base(found)) ? [base(found)] : [];
  });
}

/** Analyze one normalized token; null for stop words and noise. Memoized per language. */
export function analyzeToken(token: string, language: Language): AnalyzedTerm | null {
  const cache = memo[language];
  const cached = cache.get(token);
  if (cached !== undefined) return cached;
  const result = analyzeUncached(token, language);
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(token, result);
  return result;
}

const termsMemo: Record<Language, Map<string, readonly string[]>> = { nl: new Map(), en: new Map() };

/**
 * All index terms for one token: the whole stem first, its alternates, then compound parts.
 * Memoized (the same words recur in every passage); callers must not modify the array.
 */
export function termsForToken(token: string, language: Language): readonly string[] {
  const cache = termsMemo[language];
  const cached = cache.get(token);
  if (cached) return cached;
  const expansion = EXPANSIONS.get(token);
  let terms: readonly string[];
  if (expansion) {
    terms = expansion.flatMap((word) => termsForToken(word, language));
  } else {
    const analyzed = analyzeToken(token, language);
    terms = analyzed ? [analyzed.whole, ...analyzed.alternates, ...analyzed.parts, ...analyzed.partGlosses.flat()] : [];
  }
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(token, terms);
  return terms;
}

/**
 * A question word with the stems of the words the content uses for the same concept added to
 * its alternates (see concepts.ts), so either one counts as a match.
 */
function withConcepts(term: AnalyzedTerm, language: Language): AnalyzedTerm {
  const words = conceptWords(term.token, language);
  if (words.length === 0) return term;
  const alternates = [...term.alternates];
  for (const word of words) {
    for (const token of tokenize(word)) {
      const stem = analyzeToken(token, language)?.whole;
      if (stem && stem !== term.whole && !alternates.includes(stem)) alternates.push(stem);
    }
  }
  return { ...term, alternates };
}

/**
 * Analyze free text (a question) into its content words, in order, without duplicates.
 * Abbreviations are expanded into the words they stand for, and paraphrases of the domain's
 * concepts also search for the content's own words.
 */
export function analyzeText(text: string, language: Language): AnalyzedTerm[] {
  const result: AnalyzedTerm[] = [];
  const seen = new Set<string>();
  const visit = (token: string): void => {
    const expansion = EXPANSIONS.get(token);
    if (expansion && expansion.length > 1) {
      for (const word of expansion) visit(word);
      return;
    }
    const analyzed = analyzeToken(token, language);
    if (!analyzed || seen.has(analyzed.whole)) return;
    seen.add(analyzed.whole);
    result.push(withConcepts(analyzed, language));
  };
  const tokens = tokenize(text);
  tokens.forEach((token, i) => visit(dateWordAt(tokens, i, language) ?? token));
  return result;
}

/** Flat list of index terms for a text: what MiniSearch stores for a field. */
export function indexTerms(text: string, language: Language): string[] {
  return tokenize(text).flatMap((token) => termsForToken(token, language));
}
