import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { LANGUAGES, type Language } from '../language.js';
import { analyzeText, termsForToken, type AnalyzedTerm } from './text/analyzer.js';
import type { QueryAnalysis, SearchHit } from './search-types.js';
import { tokenize } from './text/normalize.js';
import { contextOnlyTokens, withoutAsides } from './text/sentences.js';
import { dutchWords } from './text/dictionary.js';
import { correctTerm, MAX_CORRECTION_LENGTH } from './text/spelling.js';
import { isWeakWord } from './text/stopwords.js';
import { coverageOf } from './coverage.js';
import { DEFAULT_TUNING, type Tuning } from './tuning.js';
import type { KbEntry } from './types.js';
import { splitPassages, type Passage } from './passage-split.js';

/*
 * Every gap entry says where it looked ("dat staat niet in de brief", "the letter does not say"):
 * that "brief" is not what the entry is about, so it does not make the gap an answer to "wie
 * schreef de brief?". Only the body: a gap's title and example questions are chosen words.
 */
const SOURCE_WORDS = /\b(?:raadsinformatiebrief|brief|letter)\b/giu;

function withoutSourceWords(body: string): string {
  return body.replace(SOURCE_WORDS, '');
}

/** Words in topic keys that name the kind of entry, not its subject. */
const TOPIC_NOISE: ReadonlySet<string> = new Set(['faq', 'onbekend', 'begrip', 'unknown']);
/** Passages (by BM25 score) that get the full coverage computation per language. */
const CANDIDATES = 60;
/** Bound on the memo of spelling corrections (a long-running bot sees endless new words). */
const CORRECTION_MEMO_LIMIT = 10_000;
/** Prefix matching on the last term (the word being typed) from this length on. */
const PREFIX_MIN_LENGTH = 4;

/*
 * Numbers count as weak for coverage: a matched date still ranks the right entry first (BM25
 * sees it at full weight), but "we have only 2 board members" should not look half off-topic
 * because no entry contains a "2". A year no entry mentions is the exception: "what happens in
 * 2020" asks about a period the sources do not cover, which is not a detail to gloss over.
 */
function isWeak(token: string, language: Language, known: boolean): boolean {
  if (/^[0-9]+$/.test(token)) return known || !/^(19|20)[0-9]{2}$/.test(token);
  return isWeakWord(token, language);
}

/** One language's index: its passages analysed with that language's stemmer and stop words. */
class LanguageIndex {
  readonly mini: MiniSearch<Passage>;
  /** Number of passages containing each index term: for idf weights. */
  private readonly df = new Map<string, number>();
  private passages = 0;
  private collecting: Set<string> | undefined;
  /** Spelling corrections found so far (null: none); valid as long as the vocabulary is. */
  private readonly corrections = new Map<string, string | null>();

  constructor(
    readonly language: Language,
    private readonly tuning: Tuning,
    /** Words of the domain (the thesaurus's `domain` list): what an empty question ("Wanneer was dat?") refers to. */
    private readonly isTopicWord: (token: string) => boolean,
  ) {
    this.mini = new MiniSearch<Passage>({
      fields: ['title', 'topic', 'tags', 'questions', 'body'],
      storeFields: ['entryId'],
      tokenize: (text) => tokenize(text),
      processTerm: (token, field) => {
        if (field === 'topic' && TOPIC_NOISE.has(token)) return [];
        const terms = termsForToken(token, language);
        // Collect the passage's distinct terms while MiniSearch indexes it (see add()).
        if (this.collecting) for (const term of terms) this.collecting.add(term);
        // MiniSearch only iterates the array; the memoized one is shared, not copied.
        return terms as string[];
      },
      searchOptions: {
        // A word in the title says more about an entry than the same word in its body. The
        // topic key is the author's shortest name for the entry ("trajekt"), which separates
        // "the entry about X" from entries that merely mention X.
        boost: {
          title: tuning.boostTitle,
          topic: tuning.boostTopic,
          tags: tuning.boostTags,
          questions: tuning.boostTags,
          body: tuning.boostBody,
        },
        bm25: { k: tuning.bm25k, b: tuning.bm25b, d: tuning.bm25d },
        // The query arrives analysed (see search()); MiniSearch must not analyse it again.
        tokenize: (text) => [text],
        processTerm: (term) => term,
      },
    });
  }

  add(passages: Passage[]): void {
    // Document frequencies come from the same analysis MiniSearch runs, collected on the way.
    for (const passage of passages) {
      const terms = new Set<string>();
      this.collecting = terms;
      this.mini.add(passage);
      for (const term of terms) this.df.set(term, (this.df.get(term) ?? 0) + 1);
      this.passages += 1;
    }
    this.collecting = undefined;
  }

  /** BM25 idf; a term no passage contains gets the largest weight. */
  idf(term: string): number {
    const n = this.passages;
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Is a term absent from every passage (numbers aside: they are never typos)? */
  private unknown(term: string): boolean {
    return !this.df.has(term) && !/^[0-9]+$/.test(term);
  }

  /**
   * A word the index does not know, not even as a compound of known parts, that is one edit
   * away from a known word is read as that word (see spelling.ts).
   */
  private corrected(term: AnalyzedTerm): AnalyzedTerm {
    const unknown = (t: string): boolean => this.unknown(t);
    if (!unknown(term.whole) || !term.alternates.every(unknown)) return term;
    // A Dutch word is not a typo, even one edit from a word the entries use: "overleg" is not "overweg".
    if (dutchWords().has(term.token)) return term;
    if (term.parts.length > 0 && !term.parts.some(unknown)) return term;
    // Memoized: trying every edit costs a few hundred lookups, and typos recur.
    let fix = this.corrections.get(term.whole);
    if (fix === undefined) {
      fix = correctTerm(term.whole, (candidate) => this.df.get(candidate) ?? 0) ?? null;
      if (this.corrections.size >= CORRECTION_MEMO_LIMIT) this.corrections.clear();
      this.corrections.set(term.whole, fix);
    }
    return fix ? { token: term.token, whole: fix, parts: [], alternates: [], partGlosses: [], corrected: true } : term;
  }

  private hasForeignModifier(term: AnalyzedTerm): boolean {
    if (term.parts.length < 2 || !this.unknown(term.whole)) return false;
    return term.parts.slice(0, -1).some((part, p) => this.unknown(part) && (term.partGlosses[p] ?? []).every((g) => this.unknown(g)));
  }

  analyze(message: string): QueryAnalysis {
    const question = withoutAsides(message);
    const terms = analyzeText(question, this.language).map((term) => this.corrected(term));
    const weak = terms.map((term) => isWeak(term.token, this.language, this.df.has(term.whole)));
    const context = contextOnlyTokens(question, this.isTopicWord);
    // A word said in the context and asked again in another form ("the platform that's stopping -
    // is it packing it in", which the thesaurus reads as "stop") is asked: the analysis keeps one
    // term per word, with the first form it met.
    const asked = context.size ? askedWholes(question, context, this.language) : new Set<string>();
    return {
      language: this.language,
      terms,
      weak,
      context: terms.map((term) => context.has(term.token) && !asked.has(term.whole)),
      foreignModifier: terms.map((term) => this.hasForeignModifier(term)),
      unseen: terms.map((term) => this.unknown(term.whole) && term.alternates.every((alternate) => this.unknown(alternate))),
      weights: terms.map((term, i) => (this.tuning.weightFloor + this.idf(term.whole)) * (weak[i] ? this.tuning.weakWeight : 1)),
      unseenWeight: this.tuning.weightFloor + this.idf('\u0000'),
    };
  }

  search(query: QueryAnalysis): SearchResult[] {
    const last = query.terms.length - 1;
    const queries: Query[] = [];
    const { fuzzy, fuzzyMinLength, partBoost, contextBoost } = this.tuning;
    // Fuzzy and prefix matching are for words the index does not have (typos, a word still
    // being typed): a known word matches exactly, and expanding it only adds noise and time.
    const unknown = (term: string): boolean => this.unknown(term);
    // A flood of letters is no typo of a word (spelling.ts): fuzzy matching it cost 0.1 s a message.
    const typoLength = (term: string): boolean => term.length >= fuzzyMinLength && term.length <= MAX_CORRECTION_LENGTH;
    query.terms.forEach((term, i) => {
      const guess = unknown(term.whole) && term.alternates.every(unknown);
      // Words only in a message's context count less in the ranking (sentences.ts).
      const boost = query.context[i] ? contextBoost : 1;
      queries.push({
        queries: [term.whole],
        fuzzy: guess && typoLength(term.whole) ? fuzzy : false,
        prefix: guess && i === last && term.whole.length >= PREFIX_MIN_LENGTH,
        ...(boost !== 1 ? { boostTerm: () => boost } : {}),
      });
      for (const alternate of term.alternates) queries.push({ queries: [alternate], ...(boost !== 1 ? { boostTerm: () => boost } : {}) });
      term.parts.forEach((part, p) => {
        queries.push({
          queries: [part],
          fuzzy: unknown(part) && typoLength(part) ? fuzzy : false,
          boostTerm: () => partBoost * boost,
        });
        for (const gloss of term.partGlosses[p] ?? []) queries.push({ queries: [gloss], boostTerm: () => partBoost * boost });
      });
    });
    if (queries.length === 0) return [];
    return this.mini.search({ combineWith: 'OR', queries });
  }
}

/**
 * The searchable knowledge base: one MiniSearch index per language. A question is analysed
 * with each language's pipeline and searched in that language's entries; an entry found
 * through the wrong pipeline scores low coverage on its own (the other language's function
 * words match nothing), so the caller can simply take the best hit per topic.
 */
export class SearchIndex {
  /** Each language's index is built on its first question: `buurtbot ask` in Dutch with a clear answer never builds the English one. */
  private readonly indexes = new Map<Language, LanguageIndex>();
  private readonly passages = new Map<Language, Passage[]>();
  private readonly entries = new Map<string, KbEntry>();

  constructor(
    entries: readonly KbEntry[],
    private readonly tuning: Tuning = DEFAULT_TUNING,
    /** People's words to the knowledge base's (the thesaurus), applied to every question and every indexed text. */
    private readonly rewrite: (question: string, language: Language) => string = (question) => question,
    private readonly isTopicWord: (token: string) => boolean = () => true,
  ) {
    const byLanguage = new Map<Language, Passage[]>();
    for (const entry of entries) {
      this.entries.set(entry.id, entry);
      const list = byLanguage.get(entry.language) ?? [];
      // The thesaurus applies to what is indexed as much as to questions: an example question that
      // says "de handdoek in de ring gooien" and a question that says it meet as "stoppen" on both sides.
      const rewrite = (text: string) => this.rewrite(text, entry.language);
      list.push(
        ...splitPassages(entry).map((p) => ({
          ...p,
          title: rewrite(p.title),
          tags: rewrite(p.tags),
          questions: rewrite(p.questions),
          body: rewrite(entry.unknown ? withoutSourceWords(p.body) : p.body),
        })),
      );
      byLanguage.set(entry.language, list);
    }
    for (const language of LANGUAGES) {
      const passages = byLanguage.get(language);
      if (passages) this.passages.set(language, passages);
    }
  }

  /** Builds every language's index now (a server does this at start, not on someone's question). */
  buildAll(): void {
    for (const language of this.passages.keys()) this.indexFor(language);
  }

  private indexFor(language: Language): LanguageIndex | undefined {
    const built = this.indexes.get(language);
    if (built) return built;
    const passages = this.passages.get(language);
    if (!passages) return undefined;
    const index = new LanguageIndex(language, this.tuning, this.isTopicWord);
    index.add(passages);
    this.indexes.set(language, index);
    return index;
  }

  /** The question's analysis in one language (for confidence and debugging). */
  analyze(question: string, language: Language): QueryAnalysis | undefined {
    return this.indexFor(language)?.analyze(this.rewrite(question, language));
  }

  /** Hits in one language's entries, best first, one per entry. */
  searchLanguage(question: string, language: Language, limit = 10): { query: QueryAnalysis; hits: SearchHit[] } | undefined {
    const index = this.indexFor(language);
    if (!index) return undefined;
    const query = index.analyze(this.rewrite(question, language));
    const best = new Map<string, SearchHit>();
    // Coverage is computed for the best-scoring passages only: a common word can match
    // thousands of passages, and the right one is always among the first few dozen by BM25.
    for (const result of index.search(query).slice(0, CANDIDATES)) {
      const entryId = String(result['entryId']);
      const entry = this.entries.get(entryId);
      if (!entry) continue;
      const { coverage, evidence, headCoverage, unmatched, matched } = coverageOf(result, query, this.tuning);
      const score = result.score / Math.max(1, result.queryTerms.length);
      const hit: SearchHit = {
        entryId,
        topic: entry.topic,
        language,
        score,
        coverage,
        evidence,
        headCoverage,
        unmatched,
        matched,
        rank: score * (this.tuning.coverageRankBase + coverage) * (this.tuning.headRankBase + headCoverage),
      };
      const previous = best.get(entryId);
      if (!previous || hit.rank > previous.rank) best.set(entryId, hit);
    }
    const hits = [...best.values()].sort((a, b) => b.rank - a.rank).slice(0, limit);
    return { query, hits };
  }

  /** Hits from both languages' entries, best first. */
  search(question: string, limit = 10): SearchHit[] {
    const hits: SearchHit[] = [];
    for (const language of this.passages.keys()) {
      hits.push(...(this.searchLanguage(question, language, limit)?.hits ?? []));
    }
    return hits.sort((a, b) => b.rank - a.rank).slice(0, limit);
  }

  entry(id: string): KbEntry | undefined {
    return this.entries.get(id);
  }
}

/** The analysed forms of the words a message asks (those not only in its context). */
function askedWholes(question: string, context: ReadonlySet<string>, language: Language): Set<string> {
  const asked = tokenize(question).filter((token) => !context.has(token));
  return new Set(analyzeText(asked.join(' '), language).map((term) => term.whole));
}
