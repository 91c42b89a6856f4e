/**
 * What a search returns (SearchHit) and how a question was read (QueryAnalysis): shared by the
 * index, the coverage and confidence measures and the gap choice, so none of them imports another.
 */
import type { Language } from '../language.js';
import type { AnalyzedTerm } from './text/analyzer.js';

export interface SearchHit {
  entryId: string;
  topic: string;
  /** Language of the entry (and of the analysis that found it). */
  language: Language;
  /** BM25+ score of the best passage, divided by MiniSearch's matched-term multiplier. */
  score: number;
  /**
   * Share of the question's content that this entry matches, 0..1. Each question term weighs
   * weightFloor + idf (a term no entry contains weighs most; weak words a quarter) and counts
   * 1 when matched exactly, 0.6 when only fuzzily or by prefix, and otherwise 0.8 × how much of
   * its compound is matched (the head, the last part, counts 0.7; see partsCredit).
   */
  coverage: number;
  /** Summed weight of the matched question terms (times their credit): the evidence. */
  evidence: number;
  /** Like coverage, counting only matches in the title, topic key and tags. */
  headCoverage: number;
  /** Summed weight of what the entry does not match. */
  unmatched: number;
  /** Question terms (whole stems) that matched. */
  matched: string[];
  /**
   * What hits are ranked by: score × (coverageRankBase + coverage) × (headRankBase + headCoverage).
   * Coverage favours entries that match all of the question; head coverage favours entries whose
   * title and tags (written to be searched) match it over entries that mention it in passing.
   */
  rank: number;
}

export interface QueryAnalysis {
  language: Language;
  terms: AnalyzedTerm[];
  /** idf of each term's whole stem in this language's passages (a quarter for weak words). */
  weights: number[];
  /** Per term: is it a weak word (interrogative, generic verb, number), weighed at weakWeight? */
  weak: boolean[];
  /** Per term: does it occur only in the context sentences of a chat message (sentences.ts)? */
  context: boolean[];
  /**
   * Per term: is it a compound the index does not know whose modifier no entry has either? A
   * "parkeervergunning" is a kind of permit the sources never mention, not any "vergunning".
   */
  foreignModifier: boolean[];
  /**
   * Per term: does no passage contain it in any of its forms? "groepjes" is unseen as itself but
   * seen as "groep", its diminutive's base.
   */
  unseen: boolean[];
  /** idf a term gets when no passage contains it (the maximum). */
  unseenWeight: number;
}
