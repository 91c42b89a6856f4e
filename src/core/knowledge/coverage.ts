/**
 * How much of a question an entry covers (SearchHit.coverage, headCoverage, evidence): each
 * question term weighs its idf plus a floor, counts fully when matched exactly, partly when matched
 * fuzzily, by prefix or through the parts of a compound; matches in the head fields (title, topic,
 * tags, example questions) count again for head coverage. See confidence.ts for how it is used.
 */
import type { SearchResult } from 'minisearch';
import type { AnalyzedTerm } from './text/analyzer.js';
import type { QueryAnalysis } from './search-types.js';
import type { Tuning } from './tuning.js';

export interface Coverage {
  coverage: number;
  evidence: number;
  headCoverage: number;
  unmatched: number;
  matched: string[];
}

/** Share of the question sentence an entry must match before the context words count less. */
const QUESTION_SENTENCE_COVERAGE = 0.5;

/** Fields written to be searched: the title states the fact, tags and example questions are what people type. */
const HEAD_FIELDS: ReadonlySet<string> = new Set(['title', 'topic', 'tags', 'questions']);

/** Index terms of a result that matched in a head field (title, topic, tags). */
function headTerms(result: SearchResult): string[] {
  const terms: string[] = [];
  for (const term in result.match) {
    const fields = result.match[term];
    if (fields?.some((field) => HEAD_FIELDS.has(field))) terms.push(term);
  }
  return terms;
}

/*
 * The credit helpers below take the result's (short) term lists rather than closures over
 * them: coverage runs for every candidate passage of every question, and allocating sets and
 * functions per candidate was a measurable share of an answer's CPU (about a tenth).
 */

/** 1 for an exact match, inexactCredit for a fuzzy/prefix one, else 0. */
function matchCredit(term: string, exact: readonly string[], any: readonly string[], inexact: number): number {
  return exact.includes(term) ? 1 : any.includes(term) ? inexact : 0;
}

/** The best matchCredit of a term through its whole stem or an alternate stem. */
function termCredit(term: AnalyzedTerm, exact: readonly string[], any: readonly string[], inexact: number): number {
  let best = matchCredit(term.whole, exact, any, inexact);
  for (const alternate of term.alternates) if (best < 1) best = Math.max(best, matchCredit(alternate, exact, any, inexact));
  return best;
}

/** Credit of compound part `p`: through the part itself or its English gloss. */
function partMatchCredit(term: AnalyzedTerm, p: number, exact: readonly string[], any: readonly string[], inexact: number): number {
  let best = matchCredit(term.parts[p] ?? '', exact, any, inexact);
  for (const gloss of term.partGlosses[p] ?? []) best = Math.max(best, matchCredit(gloss, exact, any, inexact));
  return best;
}

/**
 * How much of a compound the entry matches, 0..1. Dutch compounds are right-headed: a
 * "netwerkkabel" is a kind of cable and a "buurtnetwerk" a kind of network, so the last part
 * carries most of the meaning (0.7) and the modifiers share the rest. An entry about networks
 * matches "buurtnetwerk" fairly well, and "netwerkkabel" hardly.
 */
function partsCredit(term: AnalyzedTerm, exact: readonly string[], any: readonly string[], inexact: number): number {
  const count = term.parts.length;
  if (count === 0) return 0;
  let modifiers = 0;
  for (let p = 0; p < count - 1; p++) modifiers += partMatchCredit(term, p, exact, any, inexact);
  const modifierShare = count === 1 ? 1 : modifiers / (count - 1);
  return 0.7 * partMatchCredit(term, count - 1, exact, any, inexact) + 0.3 * modifierShare;
}

const NONE: readonly string[] = [];

export function coverageOf(result: SearchResult, query: QueryAnalysis, tuning: Tuning): Coverage {
  const exact = result.terms;
  const any = result.queryTerms;
  const inHead = headTerms(result);
  const inexact = tuning.inexactCredit;
  const values = query.terms.map((term, i) => {
    let value = termCredit(term, exact, any, inexact) * (term.corrected ? tuning.correctedCredit : 1);
    // Head credit is all or nothing per term: matched in a head field (exactly or not) or not.
    let headValue = termCredit(term, inHead, NONE, 0);
    if (value < 1 && term.parts.length > 0) {
      const credit = tuning.partCredit * (query.foreignModifier[i] ? tuning.foreignModifierCredit : 1);
      value = Math.max(value, credit * partsCredit(term, exact, any, inexact));
      headValue = Math.max(headValue, credit * partsCredit(term, inHead, NONE, 0));
    }
    return { value, headValue };
  });
  // Context words (sentences.ts: "I joined last month") count only contextWeight, matched or
  // not, but only for an entry that covers most of the question sentence itself:
  // an off-topic question after on-topic context ("We are a buurtplatform. What time does the
  // supermarket open?") must not look covered by its context.
  let asked = 0;
  let answered = 0;
  values.forEach(({ value }, i) => {
    if (query.context[i]) return;
    const weight = query.weights[i] ?? query.unseenWeight;
    asked += weight;
    answered += weight * value;
  });
  const answersQuestion = asked > 0 && answered >= QUESTION_SENTENCE_COVERAGE * asked;
  let total = 0;
  let evidence = 0;
  let head = 0;
  let unmatched = 0;
  const matched: string[] = [];
  query.terms.forEach((term, i) => {
    const full = query.weights[i] ?? query.unseenWeight;
    const { value, headValue } = values[i] ?? { value: 0, headValue: 0 };
    if (value > 0) matched.push(term.whole);
    // Context counts little either way: a context word an entry happens to share ("news", "plan"
    // in "Good news: we submitted our plan") is no more evidence than a missing one is a gap.
    const weight = answersQuestion && query.context[i] ? full * tuning.contextWeight : full;
    total += weight;
    evidence += weight * value;
    head += weight * Math.min(value, headValue);
    unmatched += weight * (1 - value);
  });
  return {
    coverage: total > 0 ? evidence / total : 0,
    evidence,
    headCoverage: total > 0 ? head / total : 0,
    unmatched,
    matched,
  };
}
