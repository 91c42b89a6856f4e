/**
 * "Moet elke buurt een buurtnetwerk krijgen?" is answered best with "Nee." first. Whether a
 * passage says yes or no to a question cannot be read safely without a model, and a wrong "Nee"
 * would be an invented fact. So the content says it: an entry lists the yes/no questions it
 * answers under `yes:` and `no:` (content/kb/README.md). A yes/no question that says the same
 * as one of them, with the same words and no negation more or less, gets that answer first.
 */
import type { Language } from '../language.js';
import { analyzeToken } from './text/analyzer.js';
import { tokenize } from './text/normalize.js';
import { asksYesOrNo, contextOnlyTokens } from './text/sentences.js';
import type { KbEntry } from './types.js';

/** How much of the two questions' words they must share (of all their words together). */
const SAME_QUESTION = 0.6;
const NEGATION = /\b(?:niet|geen|nooit|niemand|not|no|never|none|nobody)\b|n['’‘`]t\b/giu;
/*
 * Words that change nothing about what a yes/no question asks. Everything else counts, modal
 * verbs and quantifiers too: "moet elke buurt …" and "kan elke buurt …" have opposite answers.
 */
// prettier-ignore
const FILLER: ReadonlySet<string> = new Set([
  'de', 'het', 'een', 'er', 'we', 'wij', 'ons', 'onze', 'jullie', 'je', 'jij', 'u', 'ik', 'me', 'mij', 'dit', 'dat',
  'die', 'deze', 'echt', 'nog', 'ook', 'toch', 'wel', 'eigenlijk', 'nou', 'dan', 'dus', 'gewoon', 'hoi', 'hallo',
  'the', 'a', 'an', 'us', 'our', 'i', 'you', 'there', 'it', 'this', 'that', 'really', 'actually', 'then', 'so',
  'just', 'hi', 'hey', 'also', 'still',
]);

export type YesOrNo = 'yes' | 'no';

/** An entry written as "Nee. …" / "Ja, …" already answers first; it gets no second "Nee.". */
export const ALREADY_SAYS = /^(?:ja|nee|yes|no)\b/i;

export const YES_NO_WORDS: Record<Language, Record<YesOrNo, string>> = {
  nl: { yes: 'Ja.', no: 'Nee.' },
  en: { yes: 'Yes.', no: 'No.' },
};

/**
 * The entry's yes or no to the question, when it is a yes/no question that one of the entry's
 * `yes:` / `no:` questions asks too. `rewrite` is the thesaurus, applied to both sides.
 */
export function yesOrNo(question: string, entry: KbEntry, rewrite: (text: string) => string): YesOrNo | undefined {
  if (!entry.yes?.length && !entry.no?.length) return undefined;
  if (!asksYesOrNo(question)) return undefined;
  const context = contextOnlyTokens(question);
  const asked = words(rewrite(question), entry.language, context);
  if (asked.size === 0) return undefined;
  const negations = negationCount(question);
  let best: { answer: YesOrNo; score: number } | undefined;
  for (const [answer, examples] of [
    ['yes', entry.yes ?? []],
    ['no', entry.no ?? []],
  ] as const) {
    for (const example of examples) {
      if (negationCount(example) % 2 !== negations % 2) continue;
      const score = overlap(asked, words(rewrite(example), entry.language, new Set()));
      if (score >= SAME_QUESTION && (!best || score > best.score)) best = { answer, score };
    }
  }
  return best?.answer;
}

/** The words that say what is asked, as stems where the word has one; not the message's context. */
function words(text: string, language: Language, context: ReadonlySet<string>): Set<string> {
  const result = new Set<string>();
  for (const token of tokenize(text)) {
    if (FILLER.has(token) || context.has(token)) continue;
    result.add(analyzeToken(token, language)?.whole ?? token);
  }
  return result;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const stem of a) if (b.has(stem)) shared++;
  const all = a.size + b.size - shared;
  return all === 0 ? 0 : shared / all;
}

function negationCount(text: string): number {
  return text.match(NEGATION)?.length ?? 0;
}
