/**
 * Which passages the model sees. Keyword ranking (the offline answerer's) and, when embeddings are
 * configured, similarity ranking are merged by reciprocal rank fusion: each list votes 1/(k + rank),
 * so neither list's scale matters and a passage both lists like rises. The keyword list's best
 * topic always comes first: it is what passed the calibrated retrieval gate.
 */
import type { Knowledge, RankedTopic } from '../knowledge/index.js';
import type { Language } from '../language.js';
import { passageOf, type Passage } from './passages.js';

/** The usual RRF constant: damps the difference between the first few ranks. */
export const RRF_K = 60;
/** Passages sent to the model. */
export const PASSAGES_PER_QUESTION = 4;
/** Keyword hits below this confidence are noise, not support (the best hit is always kept). */
const MIN_SUPPORT_CONFIDENCE = 0.1;

export function reciprocalRankFusion(lists: ReadonlyArray<readonly string[]>, k: number = RRF_K): string[] {
  const scores = new Map<string, number>();
  for (const list of lists) {
    list.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + 1 / (k + rank + 1)));
  }
  return [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

export function selectPassages(
  knowledge: Knowledge,
  lexical: readonly RankedTopic[],
  semantic: readonly string[] | undefined,
  language: Language,
  limit: number = PASSAGES_PER_QUESTION,
): Passage[] {
  const keyword = lexical.filter((t, i) => i === 0 || t.confidence >= MIN_SUPPORT_CONFIDENCE).map((t) => t.topic);
  const fused = semantic?.length ? reciprocalRankFusion([keyword, semantic]) : keyword;
  // The calibrated keyword winner leads (it passed the gate); fusion picks and orders the support.
  const top = keyword[0];
  const chosen = (top ? [top, ...fused.filter((topic) => topic !== top)] : fused).slice(0, limit);
  const other: Language = language === 'nl' ? 'en' : 'nl';
  return chosen
    .map((topic) => knowledge.entryFor(topic, language) ?? knowledge.entryFor(topic, other))
    .filter((entry) => entry !== undefined)
    .map(passageOf);
}
