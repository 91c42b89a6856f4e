import { LANGUAGES, type Language } from '../language.js';
import { tokenize } from './text/normalize.js';
import { askedText, withoutAsides } from './text/sentences.js';
import { chatWords, thesaurusRewriter, type Thesaurus } from './thesaurus.js';
import type { KbEntry } from './types.js';

/** Every way of asking that an entry lists: its `questions`, `yes` and `no`. */
export function examplesOf(entry: KbEntry): string[] {
  return [...(entry.questions ?? []), ...(entry.yes ?? []), ...(entry.no ?? [])];
}

/*
 * No example question is this long (the longest has 116 characters): a longer question part is a
 * paste or a flood, and reading it through the thesaurus for nothing cost a few milliseconds each time.
 */
const MAX_ASKED_LENGTH = 500;

/** How a message is read before it is compared: its chat spelling made standard, then the thesaurus's words. */
export interface ListingReader {
  spell(text: string, language: Language): string;
  rewrite(text: string, language: Language): string;
}

/**
 * What a message asks, as a key: the words of its question (not the greeting, context or
 * closing around it), in the thesaurus's words, sorted. Two messages with the same key ask the
 * same thing in the same words; a word more or less ("niet") makes another question.
 */
function askedKey(message: string, language: Language, reader: ListingReader): string {
  const asked = askedText(withoutAsides(reader.spell(message, language)));
  if (asked.length > MAX_ASKED_LENGTH) return '';
  return [...new Set(tokenize(reader.rewrite(asked, language)))].sort().join(' ');
}

/**
 * The example questions of the knowledge base, by what they ask: which entries list a question.
 * Both the examples and the questions asked are read alike (chat spelling, then the thesaurus),
 * so "wnr is de deadline vd keuze" finds "wanneer is de deadline van de keuze".
 */
export class ListedQuestions {
  private readonly byLanguage = new Map<Language, Map<string, Set<string>>>();

  constructor(
    private readonly entries: readonly KbEntry[],
    private readonly reader: ListingReader,
  ) {}

  /** The ids of the entries that list this question, asked in the same words; several when it is listed more than once. */
  entriesListing(question: string, language: Language): string[] {
    const key = askedKey(question, language, this.reader);
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
        const key = askedKey(example, language, this.reader);
        if (key) keys.set(key, (keys.get(key) ?? new Set<string>()).add(entry.id));
      }
    }
    this.byLanguage.set(language, keys);
    return keys;
  }
}

/** The reader of questions and examples from the knowledge base's thesaurus, as answerer.ts reads questions. */
export function listingReader(thesaurus: Thesaurus): ListingReader {
  return { spell: chatWords(thesaurus), rewrite: thesaurusRewriter(thesaurus) };
}

/** An example question that another topic lists too: neither is sure to answer it (the search decides). */
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
