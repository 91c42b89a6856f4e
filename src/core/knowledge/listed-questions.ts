import { LANGUAGES, type Language } from '../language.js';
import { tokenize } from './text/normalize.js';
import { askedText, withoutAsides } from './text/sentences.js';
import { chatWords, thesaurusRewriter, type Thesaurus } from './thesaurus.js';
import type { KbEntry } from './types.js';

/** Every way of asking that an entry lists: its `questions`, `yes` and `no`. */
export function examplesOf(entry: KbEntry): string[] {
  return [...(entry.questions ?? []), ...(entry.yes ?? []), ...(entry.no ?? [])];
}

/**
 * What a message asks, as a key: the words of its question (not the greeting, context or
 * closing around it), sorted. Two messages with the same key ask the same thing in the same
 * words; a word more or less ("niet") makes another question.
 */
function askedKey(message: string): string {
  return [...new Set(tokenize(askedText(withoutAsides(message))))].sort().join(' ');
}

/**
 * The example questions of the knowledge base, by what they ask: which entries list a question.
 * Both the examples and the questions asked are read through `prepare` (chat spelling and the
 * thesaurus), so "wnr is de deadline vd keuze" finds "wanneer is de deadline van de keuze".
 */
export class ListedQuestions {
  private readonly byLanguage = new Map<Language, Map<string, Set<string>>>();

  constructor(
    private readonly entries: readonly KbEntry[],
    private readonly prepare: (text: string, language: Language) => string,
  ) {}

  /** The ids of the entries that list this question, asked in the same words; several when it is listed more than once. */
  entriesListing(question: string, language: Language): string[] {
    const key = askedKey(this.prepare(question, language));
    return key ? [...(this.keysIn(language).get(key) ?? [])] : [];
  }

  /** Builds every language's keys now (a server does this at start, not on someone's question). */
  buildAll(): void {
    for (const language of LANGUAGES) this.keysIn(language);
  }

  /** Built per language on first use, like the search index. */
  private keysIn(language: Language): Map<string, Set<string>> {
    const built = this.byLanguage.get(language);
    if (built) return built;
    const keys = new Map<string, Set<string>>();
    for (const entry of this.entries) {
      if (entry.language !== language) continue;
      for (const example of examplesOf(entry)) {
        const key = askedKey(this.prepare(example, language));
        if (key) keys.set(key, (keys.get(key) ?? new Set<string>()).add(entry.id));
      }
    }
    this.byLanguage.set(language, keys);
    return keys;
  }
}

/** How questions and examples are read before they are compared: chat spelling, then the thesaurus (as answerer.ts reads questions). */
export function listingReader(thesaurus: Thesaurus): (text: string, language: Language) => string {
  const standardSpelling = chatWords(thesaurus);
  const rewrite = thesaurusRewriter(thesaurus);
  return (text, language) => rewrite(standardSpelling(text, language), language);
}

/** An example question that another topic lists too: one of the two will never answer it. */
export interface ListedTwice {
  entry: KbEntry;
  question: string;
  /** The other topics' entries that list it. */
  others: KbEntry[];
}

/** Every example question listed under more than one topic (`buurtbot kb validate` reports them). */
export function listedTwice(entries: readonly KbEntry[], thesaurus: Thesaurus): ListedTwice[] {
  const listings = new ListedQuestions(entries, listingReader(thesaurus));
  const byId = new Map(entries.map((entry) => [entry.id, entry] as const));
  return entries.flatMap((entry) =>
    examplesOf(entry).flatMap((question) => {
      const others = listings
        .entriesListing(question, entry.language)
        .flatMap((id) => byId.get(id) ?? [])
        .filter((other) => other.topic !== entry.topic);
      return others.length ? [{ entry, question, others }] : [];
    }),
  );
}
