import type { SearchHit } from './search-types.js';
import { DEFAULT_TUNING, type Tuning } from './tuning.js';

/**
 * Confidence that the best hit answers the question, 0..1. With the default tuning:
 *
 *   confidence = coverage × (0.7 + 0.3 × specificity) × (0.9 + 0.1 × margin)
 *
 * - coverage (0..1, see SearchHit): the share of the question's content words the entry
 *   matches, each word weighted by (2 + its idf), weak words (generic verbs, interrogatives,
 *   numbers) at a quarter. It carries most of the weight and is what refuses off-topic
 *   questions: "Wat voor weer wordt het morgen in Maastricht?" matches "maastricht" but not
 *   "weer" or "morgen", which no entry has (the highest weight), so its coverage stays low.
 *   The +2 keeps a common domain word ("buurtplatform") from counting for almost nothing next
 *   to one rare extra word.
 * - specificity = min(1, evidence / evidenceReference): how much matched evidence there is in
 *   absolute terms. A one-word question "plan?" has coverage 1 but little evidence.
 * - margin = 1 − (rank of the best other topic ÷ rank of this hit), 0..1: a clear winner is a
 *   little more likely right than one of two near-equal topics (which then get "Zie ook").
 *
 * On the evaluation set, a top hit below 0.4 is almost never a right answer (2 of 27); above
 * 0.4 about 80% are (75 of 94), rising with confidence (0.4-0.6: 18/24, 0.8-1: 40/47). The
 * errors above the threshold are mostly on-topic questions about details the sources do not
 * give. ANSWER_THRESHOLD is in answerer.ts.
 */
export interface ConfidenceInput {
  hit: SearchHit;
  /** Rank of the best hit of a different topic in the same language, 0 when none. */
  runnerUpRank: number;
}

export function confidenceOf({ hit, runnerUpRank }: ConfidenceInput, tuning: Tuning = DEFAULT_TUNING): number {
  const specificity = Math.min(1, hit.evidence / tuning.evidenceReference);
  const margin = hit.rank > 0 ? Math.max(0, 1 - runnerUpRank / hit.rank) : 0;
  const coverage = (1 - tuning.headWeight) * hit.coverage + tuning.headWeight * hit.headCoverage;
  const value =
    coverage *
    (1 - tuning.specificityWeight + tuning.specificityWeight * specificity) *
    (1 - tuning.marginWeight + tuning.marginWeight * margin);
  return Math.max(0, Math.min(1, value));
}
