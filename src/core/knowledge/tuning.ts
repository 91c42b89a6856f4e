/**
 * Retrieval and confidence constants in one place, so the evaluation can vary them
 * (`npm run eval -- --set name=value`) without editing code. The defaults are the tuned values.
 */
export interface Tuning {
  /** Field boosts (see search-index.ts). */
  boostTitle: number;
  boostTopic: number;
  boostTags: number;
  boostBody: number;
  /** BM25+ parameters (MiniSearch defaults: k 1.2, b 0.7, d 0.5). */
  bm25k: number;
  bm25b: number;
  bm25d: number;
  /** Weak words count this share of their weight in coverage. */
  weakWeight: number;
  /** Words only in the context sentences of a message with a question sentence count this share. */
  contextWeight: number;
  /** Ranking boost of those context words: the asked part decides which entry ranks first. */
  contextBoost: number;
  /** Coverage weight of a term = weightFloor + idf: keeps common domain words from counting for nothing next to one rare word. */
  weightFloor: number;
  /** rank = score × (coverageRankBase + coverage) × (headRankBase + headCoverage). */
  coverageRankBase: number;
  headRankBase: number;
  /** Compound parts' boost in the ranking score. */
  partBoost: number;
  /** Coverage credit for a fuzzy/prefix match and for compound parts. */
  inexactCredit: number;
  partCredit: number;
  /** Share of that credit when a modifier of the compound is a word no entry has ("parkeervergunning"). */
  foreignModifierCredit: number;
  /** Coverage credit for a word matched through a spelling correction (it may be a guess). */
  correctedCredit: number;
  /** Fuzzy edit distance as a share of term length, for terms of at least fuzzyMinLength. */
  fuzzy: number;
  fuzzyMinLength: number;
  /** Confidence: evidence (summed idf) at which specificity reaches 1. */
  evidenceReference: number;
  /** Confidence: weight of specificity and of the margin over the runner-up. */
  specificityWeight: number;
  marginWeight: number;
  /** Confidence: weight of head coverage (title/tags) next to overall coverage. */
  headWeight: number;
}

export const DEFAULT_TUNING: Readonly<Tuning> = {
  boostTitle: 3,
  boostTopic: 2,
  boostTags: 2,
  boostBody: 1,
  bm25k: 1.2,
  bm25b: 0.7,
  bm25d: 0.5,
  weakWeight: 0.25,
  contextWeight: 0.1,
  contextBoost: 0.3,
  weightFloor: 2,
  coverageRankBase: 0.25,
  headRankBase: 0.5,
  partBoost: 0.5,
  inexactCredit: 0.6,
  partCredit: 0.8,
  foreignModifierCredit: 0.5,
  correctedCredit: 0.9,
  fuzzy: 0.2,
  fuzzyMinLength: 5,
  evidenceReference: 2.5,
  specificityWeight: 0.3,
  marginWeight: 0.1,
  headWeight: 0,
};

export function tuningWith(overrides: Partial<Tuning> = {}): Tuning {
  return { ...DEFAULT_TUNING, ...overrides };
}
