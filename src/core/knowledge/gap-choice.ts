/**
 * Choosing between an answer and a gap entry ("the letter does not say X"): which of the ranked
 * topics answers the question asked. A keyword wants the topic's main fact, "precies" wants the
 * detail, a question for a time, an amount, a count or a date wants an entry that holds one.
 * Each rule keeps the ranking's choice unless another entry about the same words fits better.
 */
import type { Language } from '../language.js';
import type { RankedTopic } from './answerer.js';
import { dutchFor } from './text/analyzer.js';
import {
  askedAnswerType,
  askedFactKind,
  countedNoun,
  countsNoun,
  wholesCountedFrom,
  gapIsAbout,
  gapIsAboutKind,
  hasAnswerType,
  hasFactKind,
  type FactKind,
} from './answer-type.js';
import type { QueryAnalysis } from './search-types.js';
import { tokenize } from './text/normalize.js';
import type { KbEntry } from './types.js';

/**
 * A question for a time, an amount or a count (answer-type.ts) that the chosen entry cannot
 * answer: the best-ranked entry that holds such a fact and clears the threshold instead; else
 * the best gap entry about that kind of fact; else nothing (a refusal: a gap about something
 * else would be the wrong "we do not know").
 */
export function answerOrGapForType(
  question: string,
  chosen: RankedTopic,
  ranked: readonly RankedTopic[],
  threshold: number,
  byId: ReadonlyMap<string, KbEntry>,
  /** Whether no entry uses this word at all (see the count of pages below). */
  unknownWord: (word: string) => boolean = () => false,
  /** The question's words in the knowledge base's own (the thesaurus): "buurtgroepen" counts buurtplatforms. */
  inKbWords: (text: string) => string = (text) => text,
): RankedTopic | undefined {
  const type = askedAnswerType(question);
  const entry = byId.get(chosen.hit.entryId);
  if (!type || !entry) return chosen;
  // A number of something else ("4 buurten hebben geen platform" for "hoeveel platforms twijfelen")
  // gives way to an entry that counts what is asked.
  const counted = type === 'count' ? countedIn(question, inKbWords) : undefined;
  const gapAboutType = (): RankedTopic | undefined =>
    ranked.find((candidate) => {
      const gap = byId.get(candidate.hit.entryId);
      return gap?.unknown === true && candidate.confidence >= threshold && gapIsAbout(`${gap.title}\n${gap.body}`, type);
    });
  if (counted && !counts(entry.body, counted)) {
    const counting = answerHolding(type, ranked, threshold, byId, entryCounting(counted, byId));
    if (counting) return counting;
    // "How many pages should the plan be?": no entry even mentions pages, so no number in them
    // counts them. (A known noun may still be counted in other words: "3 bestuursleden" for
    // "hoeveel mensen in het bestuur".)
    if (counted.noun.split(' ').every(unknownWord)) return gapAboutType();
  }
  if (hasAnswerType(entry.body, type)) return chosen;
  // A name or a place in an entry about something else answers another question (the wethouder's
  // name is not the opbouwwerker's): only a gap about names or places, or a refusal, answers it.
  // A count of what is asked, not any number: "how many people attended the kick-off" is not
  // answered by the entry that has "4 workshops".
  const answering =
    type === 'names' || type === 'place'
      ? undefined
      : answerHolding(type, ranked, threshold, byId, counted ? entryCounting(counted, byId) : undefined);
  if (answering) return answering;
  return gapAboutType();
}

/**
 * A gap entry ("the letter does not say who spoke") that is not about the kind of fact asked
 * for ("... and when was it?"), while an entry about the same words holds such a fact and
 * clears the threshold: that entry answers. Otherwise the gap stays.
 */
export function gapMissesAskedFact(
  question: string,
  gap: RankedTopic | undefined,
  ranked: readonly RankedTopic[],
  threshold: number,
  byId: ReadonlyMap<string, KbEntry>,
  analyze: (language: Language) => QueryAnalysis | undefined,
  inKbWords: (text: string) => string = (text) => text,
): RankedTopic | undefined {
  const kind = askedFactKind(question);
  const entry = gap ? byId.get(gap.hit.entryId) : undefined;
  if (!gap || !kind || !entry) return gap;
  const counted = kind === 'count' ? countedIn(question, inKbWords) : undefined;
  // A gap about counting something else ("how many people came") gives way to an answer that
  // counts what is asked ("4 workshops").
  if (counted && !counts(`${entry.title}\n${entry.body}`, counted)) {
    const counting = answerHolding(kind, ranked, threshold, byId, entryCounting(counted, byId));
    if (counting) return counting;
  }
  if (gapIsAboutKind(`${entry.title}\n${entry.body}`, kind)) return gap;
  // The words that made the gap a match, without "welke"/"wat" (weak words match anything) and
  // without the context around the question ("… Don't want us to miss it!" is not asked).
  const analysis = analyze(gap.hit.language);
  const aside = new Set(analysis?.terms.filter((_, i) => analysis.weak[i] || analysis.context[i]).map((term) => term.whole));
  const subject = gap.hit.matched.filter((term) => !aside.has(term));
  // About the same thing: every word that led to the gap leads there too.
  return answerHolding(kind, ranked, threshold, byId, (candidate) => subject.every((term) => candidate.hit.matched.includes(term))) ?? gap;
}

/** What a "hoeveel"/"how many" question counts, in the knowledge base's words, and the whole it counts from ("out of the 32"). */
interface Counted {
  noun: string;
  given: ReadonlySet<string>;
}

function countedIn(question: string, inKbWords: (text: string) => string): Counted | undefined {
  const asked = countedNoun(question);
  const noun = asked && inKbWords(asked).toLowerCase().trim();
  return noun ? { noun, given: wholesCountedFrom(question) } : undefined;
}

function counts(text: string, counted: Counted): boolean {
  return countsNoun(text, counted.noun, counted.given);
}

/** Is this candidate an entry that counts what the question counts? */
function entryCounting(counted: Counted, byId: ReadonlyMap<string, KbEntry>): (candidate: RankedTopic) => boolean {
  return (candidate) => {
    const answer = byId.get(candidate.hit.entryId);
    return answer !== undefined && counts(answer.body, counted);
  };
}

/** The best-ranked answer entry (not a gap) that clears the threshold and holds a fact of this kind. */
function answerHolding(
  kind: FactKind,
  ranked: readonly RankedTopic[],
  threshold: number,
  byId: ReadonlyMap<string, KbEntry>,
  about: (candidate: RankedTopic) => boolean = () => true,
): RankedTopic | undefined {
  return ranked.find((candidate) => {
    const entry = byId.get(candidate.hit.entryId);
    return entry !== undefined && !entry.unknown && candidate.confidence >= threshold && hasFactKind(entry.body, kind) && about(candidate);
  });
}

/** Messages of at most this many words, none of them a weak word, are keyword questions. */
const KEYWORD_QUESTION_WORDS = 3;

/**
 * "deadline??", "bestuursleden", "startbijeenkomst datum": a few words, no question word or
 * verb ("What is the deadline to apply?" is a question, not keywords). Such a message names a
 * topic and wants its main fact.
 */
export function isKeywordQuestion(
  question: string,
  analyze: (language: Language) => QueryAnalysis | undefined,
  language: Language,
): boolean {
  if (tokenize(question).length > KEYWORD_QUESTION_WORDS) return false;
  const analysis = analyze(language);
  return analysis !== undefined && analysis.terms.length > 0 && !analysis.weak.some(Boolean);
}

/**
 * For a keyword question: the best-ranked topic, unless it is a gap entry ("the letter does
 * not say X") and an answer entry matches every word the gap entry matches. A gap answers a
 * specific question ("what if we miss the deadline?"); a bare keyword that the answer covers
 * as well as the gap ("deadline??") asks for the answer. Full questions are left to the
 * ranking: there the gap often matches because the question asks for the missing detail, and
 * the answer entry only mentions that detail in passing ("which requirements is not said").
 */
export function preferAnswerOverGap(
  ranked: readonly RankedTopic[],
  isGap: (topic: RankedTopic) => boolean,
  threshold: number,
): RankedTopic | undefined {
  const top = ranked[0];
  if (!top || !isGap(top)) return top;
  return coveringOtherKind(ranked, top, isGap, threshold) ?? top;
}

/** "precies", "exactly": the asker wants the detail itself, not the topic's general answer. */
const DETAIL_WORDS = /\b(precies|exact|exacte|specifiek|concreet|exactly|precisely|specifically|in detail)\b/i;

export function asksForDetail(question: string): boolean {
  return DETAIL_WORDS.test(question);
}

/** "Welk platform stopt?", "van welke organisatie is hij?", "which council members came?": the asker wants the one, by name. */
const WHICH =
  /^[^\p{L}]*(?:(?:en|and|so|maar|but)\s+)?(?:(?:van|in|bij|op|voor|met|aan|uit|naar|from|at|for|with|of|to)\s+)?(?:welke?|which)\s+(?:(?:van|of)\s+(?:de|die|deze|onze|the|those|these|our)\s+)?(?:(?:\d+|twee|drie|vier|vijf|zes|two|three|four|five|six)\s+)?(\p{L}{3,})/iu;

/** What a "welk(e) …" / "which …" question asks to name ("platform" in "welk platform stopt?"). */
export function whichNoun(question: string): string | undefined {
  // Per sentence, and per clause: "Heyy, which platform is stopping?"
  for (const sentence of question.split(/(?<=[.!?,;:])\s+/)) {
    const noun = WHICH.exec(sentence)?.[1];
    if (noun) return noun.toLowerCase();
  }
  return undefined;
}

/**
 * A gap entry that asks "which …" about that noun in its title ("Which buurten or buurtplatforms
 * …? The letter gives no names"): a singular or plural of the noun, also as the end of a
 * compound, among the words the title asks which of ("Van welke politieke partij is wethouder
 * …?" asks which party, not which wethouder).
 */
export function gapNamesWhich(title: string, noun: string): boolean {
  const asked = TITLE_WHICH.exec(title)?.[1];
  if (!asked) return false;
  const stem = noun.replace(/(en|s)$/, '');
  // English entries keep the Dutch names: "Which buurten …" names neighbourhoods.
  return [stem, ...dutchFor(stem)].some((word) => new RegExp(String.raw`\p{L}*${word}`, 'iu').test(asked));
}

/** A title that opens by asking which: the three words after "welke"/"which". */
const TITLE_WHICH = /^(?:(?:van|in|bij|op|voor|met|aan|of|for|from|to|with)\s+)?(?:welke?|which)\s+((?:\S+\s+){0,2}\S+)/iu;

/** A gap whose title asks "which …" ("Welke buurten …? De brief noemt geen namen"). */
export function asksWhich(title: string): boolean {
  return TITLE_WHICH.test(title);
}

/**
 * For a question that asks for the exact detail ("which requirements exactly?"): a gap entry
 * ("the letter does not list the requirements") that matches every word the best answer entry
 * matches is the honest reply; the answer entry only mentions the detail in passing.
 */
export function preferGapOverAnswer(
  ranked: readonly RankedTopic[],
  isGap: (topic: RankedTopic) => boolean,
  threshold: number,
  weak: ReadonlySet<string> = new Set(),
): RankedTopic | undefined {
  const top = ranked[0];
  // One shared word is only the subject ("what is a Buurtplan exactly?"), not the detail.
  if (!top || isGap(top) || top.hit.matched.filter((term) => !weak.has(term)).length < 2) return top;
  return coveringOtherKind(ranked, top, isGap, threshold, weak) ?? top;
}

/*
 * "Mag een bestuurslid van ons platform ook in het bestuur van een ander buurtnetwerk zitten?":
 * a permission or a what-if that the answer entry was not written for. The entry about the 3
 * bestuursleden ranks first, but the gap written for it ("the letter does not say whether one
 * person may sit on two boards") matches every word that entry matches, and more, and is surer.
 * Among the first places, such a gap answers.
 */
const GAP_FOR_WHAT_IF_DEPTH = 3;

export function gapWrittenForWhatIf(
  ranked: readonly RankedTopic[],
  answer: RankedTopic | undefined,
  isGap: (topic: RankedTopic) => boolean,
): RankedTopic | undefined {
  if (!answer || isGap(answer)) return answer;
  const surerAndWider = (gap: RankedTopic): boolean =>
    gap.confidence > answer.confidence && gap.hit.matched.length > answer.hit.matched.length;
  return coveringOtherKind(ranked.slice(0, GAP_FOR_WHAT_IF_DEPTH), answer, isGap, answer.confidence, new Set(), surerAndWider) ?? answer;
}

/**
 * The best-ranked topic of the other kind than `top` (an answer for a gap, a gap for an answer)
 * that clears the threshold and matches, in the same language, every word `top` matches (and
 * passes `also`, when given).
 */
function coveringOtherKind(
  ranked: readonly RankedTopic[],
  top: RankedTopic,
  isGap: (topic: RankedTopic) => boolean,
  threshold: number,
  weak: ReadonlySet<string> = new Set(),
  also: (candidate: RankedTopic) => boolean = () => true,
): RankedTopic | undefined {
  const topIsGap = isGap(top);
  return ranked.find(
    (candidate) =>
      isGap(candidate) !== topIsGap &&
      candidate.confidence >= threshold &&
      candidate.hit.language === top.hit.language &&
      top.hit.matched.every((term) => weak.has(term) || candidate.hit.matched.includes(term)) &&
      also(candidate),
  );
}
