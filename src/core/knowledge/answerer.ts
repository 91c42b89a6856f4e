import { LANGUAGES, pick, type Language } from '../language.js';
import { domainMatcher, EMPTY_THESAURUS, thesaurusRewriter, type Thesaurus } from './thesaurus.js';
import { answerText, gapText } from './answer-text.js';
import { askedAnswerType, askedFactKind, gapIsAbout, gapIsAboutKind, hasAnswerType, hasFactKind } from './answer-type.js';
import { confidenceOf } from './confidence.js';
import { detectLanguage } from './language-detect.js';
import { SearchIndex, type QueryAnalysis, type SearchHit } from './search-index.js';
import { tokenize } from './text/normalize.js';
import { KNOWLEDGE_TEXTS } from './texts.js';
import { tuningWith, type Tuning } from './tuning.js';
import type { Answer, Citation, KbEntry } from './types.js';

/**
 * Below this confidence the answerer says it does not know and offers a coordinator.
 * Calibrated on eval/questions.yaml with `npm run eval -- --sweep`: overall accuracy is flat
 * from 0.375 to 0.425 and falls off on both sides; 0.4 is the middle of that plateau, on the
 * cautious side (a wrong answer is worse than a hand-off to a coordinator).
 */
export const ANSWER_THRESHOLD = 0.4;
/** A second topic is shown as "Zie ook" when its confidence is at least this share of the best. */
const SEE_ALSO_RATIO = 0.9;
const SEE_ALSO_RANK_RATIO = 0.6;
/** Confidence at which the asker's language alone is trusted and the other is not searched. */
const CLEAR_CONFIDENCE = 0.8;
/** A hit found in the other language's entries counts slightly less, so on a tie the asker's wins. */
const OTHER_LANGUAGE_FACTOR = 0.97;

export interface AnswerOptions {
  /** Answer in this language, whatever the question looks like (e.g. a user setting). */
  language?: Language;
  /** The conversation's language, used when the question is too short to tell. */
  fallbackLanguage?: Language;
}

export interface AnswerOptionsWithThreshold extends AnswerOptions {
  /** Override the answer threshold (evaluation sweeps only). */
  threshold?: number;
}

/** A topic the question may be about, with the confidence of its best hit. */
export interface RankedTopic {
  topic: string;
  confidence: number;
  hit: SearchHit;
}

export interface SearchOptions extends AnswerOptions {
  /** How many topics to return (default 10). */
  limit?: number;
}

export interface Knowledge {
  answer(question: string, options?: AnswerOptionsWithThreshold): Answer;
  /** Ranked topics for a question, best first (for debugging, eval and "did you mean"). */
  search(question: string, options?: SearchOptions): RankedTopic[];
  readonly entries: readonly KbEntry[];
  readonly byId: ReadonlyMap<string, KbEntry>;
  /** The entry of a topic in a language, if it exists. */
  entryFor(topic: string, language: Language): KbEntry | undefined;
  /** Builds the search index now (it is built on the first question otherwise). */
  prepare(): void;
  /** The answer of one topic, as when a question found it (a "Bedoel je…?" or "Zie ook" choice). */
  answerTopic(topic: string, language: Language): Answer | undefined;
}

/**
 * Below the answer threshold but at least this sure: offered as "Bedoel je…?". Measured on the
 * project's question sets: answerable questions the bot refuses reach 0.26–0.39, weather and
 * football questions about 0.22, so this keeps the offers to questions that came close.
 */
const ASK_BACK_CONFIDENCE = 0.25;

/**
 * A button label from an entry title: the question part of a "Question? Answer" title; for a
 * "Begrip: X (…)" title the term; else the title up to a colon. At most LABEL_MAX characters, cut on a
 * word boundary, a trailing "(…)" dropped first.
 */
const LABEL_MAX = 60; // "Zie ook: " or "1. " in front still fits Slack's 75 and Discord's 80 characters
export function choiceLabel(title: string): string {
  const question = /^[^?]{8,}\?/.exec(title)?.[0];
  const colon = title.indexOf(': ');
  const [prefix, rest] = colon > 0 ? [title.slice(0, colon), title.slice(colon + 2)] : [title, ''];
  let head = question ?? (prefix.length <= 12 && rest ? rest : prefix);
  if (head.length > LABEL_MAX) head = head.replace(/\s*\([^)]*\)\s*$/, '');
  if (head.length <= LABEL_MAX) return head;
  const cut = head.slice(0, LABEL_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), LABEL_MAX / 2))}…`;
}

function citationOf(entry: KbEntry): Citation {
  return { id: entry.id, title: entry.title, source: entry.source };
}

/**
 * Build the offline answerer over a set of entries. Cheap enough (well under a second for
 * thousands of passages) to call again after the content changed: build the new one, then swap.
 */
export function createKnowledge(entries: readonly KbEntry[], overrides: Partial<Tuning> = {}, thesaurus: Thesaurus = EMPTY_THESAURUS): Knowledge {
  const tuning = tuningWith(overrides);
  // Built on first use: CLI commands that answer nothing (plans, reminders, digests) skip it.
  let built: SearchIndex | undefined;
  const searchIndex = (): SearchIndex => (built ??= new SearchIndex(entries, tuning, thesaurusRewriter(thesaurus)));
  const byId = new Map(entries.map((entry) => [entry.id, entry] as const));
  const byTopic = new Map<string, KbEntry>();
  for (const entry of entries) byTopic.set(`${entry.topic}\u0000${entry.language}`, entry);
  const entryFor = (topic: string, language: Language): KbEntry | undefined =>
    byTopic.get(`${topic}\u0000${language}`);
  /** A gap entry: the sources say nothing here (`unknown: true`). */
  const isGap = (topic: RankedTopic): boolean => byId.get(topic.hit.entryId)?.unknown === true;
  const mentionsDomain = domainMatcher(thesaurus);

  function rank(question: string, asker: Language, limit: number): RankedTopic[] {
    const best = new Map<string, RankedTopic>();
    // Topics are ordered by retrieval rank (BM25 × coverage), the asker's language first on a tie.
    const weighted = (topic: RankedTopic): number =>
      topic.hit.rank * (topic.hit.language === asker ? 1 : OTHER_LANGUAGE_FACTOR);
    // The asker's language first; the other language's entries only when that found nothing
    // convincing (a mixed or misdetected question), which halves the work for most questions.
    const order = [asker, ...LANGUAGES.filter((language) => language !== asker)];
    for (const language of order) {
      if (language !== asker && [...best.values()].some((topic) => topic.confidence >= CLEAR_CONFIDENCE)) break;
      const found = searchIndex().searchLanguage(question, language, limit);
      if (!found) continue;
      const { hits } = found;
      hits.forEach((hit, i) => {
        // Within one language each entry is its own topic; the runner-up of the leader is the
        // second hit, and every other hit is compared to the leader (margin 0).
        const runnerUp = i === 0 ? hits[1] : hits[0];
        let confidence = confidenceOf({ hit, runnerUpRank: runnerUp?.rank ?? 0 }, tuning);
        if (language !== asker) confidence *= OTHER_LANGUAGE_FACTOR;
        const candidate = { topic: hit.topic, confidence, hit };
        const previous = best.get(hit.topic);
        if (!previous || weighted(candidate) > weighted(previous)) best.set(hit.topic, candidate);
      });
    }
    return [...best.values()]
      .sort((a, b) => weighted(b) - weighted(a) || b.confidence - a.confidence)
      .slice(0, limit);
  }

  function notKnown(language: Language, confidence: number, topics: string[]): Answer {
    return {
      answered: false,
      answer: pick(KNOWLEDGE_TEXTS.notKnown, language),
      citations: [],
      confidence: round(confidence),
      language,
      topics,
    };
  }

  /** The topic's entry in the asker's language, else its twin with a note saying so. */
  function entryInLanguage(topic: string, language: Language): { entry: KbEntry; note?: string } | undefined {
    const own = entryFor(topic, language);
    if (own) return { entry: own };
    const other = entryFor(topic, language === 'nl' ? 'en' : 'nl');
    return other ? { entry: other, note: pick(KNOWLEDGE_TEXTS.otherLanguageNote, language) } : undefined;
  }

  /**
   * A question for a time, an amount or a count (answer-type.ts) that the chosen entry cannot
   * answer: the best-ranked entry that holds such a fact and clears the threshold instead; else
   * the best gap entry about that kind of fact; else nothing (a refusal: a gap about something
   * else would be the wrong "we do not know").
   */
  function answerOrGapForType(question: string, chosen: RankedTopic, ranked: readonly RankedTopic[], threshold: number): RankedTopic | undefined {
    const type = askedAnswerType(question);
    const entry = byId.get(chosen.hit.entryId);
    if (!type || !entry || hasAnswerType(entry.body, type)) return chosen;
    const answering = ranked.find((candidate) => {
      const other = byId.get(candidate.hit.entryId);
      return other !== undefined && !other.unknown && candidate.confidence >= threshold && hasAnswerType(other.body, type);
    });
    if (answering) return answering;
    return ranked.find((candidate) => {
      const gap = byId.get(candidate.hit.entryId);
      return gap?.unknown === true && candidate.confidence >= threshold && gapIsAbout(`${gap.title}\n${gap.body}`, type);
    });
  }

  /**
   * A gap entry ("the letter does not say who spoke") that is not about the kind of fact asked
   * for ("... and when was it?"), while an entry about the same words holds such a fact and
   * clears the threshold: that entry answers. Otherwise the gap stays.
   */
  function gapMissesAskedFact(question: string, gap: RankedTopic | undefined, ranked: readonly RankedTopic[], threshold: number): RankedTopic | undefined {
    const kind = askedFactKind(question);
    const entry = gap ? byId.get(gap.hit.entryId) : undefined;
    if (!gap || !kind || !entry || gapIsAboutKind(`${entry.title}\n${entry.body}`, kind)) return gap;
    // The words that made the gap a match, without "welke"/"wat" (weak words match anything).
    const analysis = searchIndex().analyze(question, gap.hit.language);
    const weak = new Set(analysis?.terms.filter((_, i) => analysis.weak[i]).map((term) => term.whole));
    const subject = gap.hit.matched.filter((term) => !weak.has(term));
    const answering = ranked.find((candidate) => {
      const other = byId.get(candidate.hit.entryId);
      return (
        other !== undefined &&
        !other.unknown &&
        candidate.confidence >= threshold &&
        hasFactKind(other.body, kind) &&
        // About the same thing: every word that led to the gap leads there too.
        subject.every((term) => candidate.hit.matched.includes(term))
      );
    });
    return answering ?? gap;
  }

  function answer(question: string, options: AnswerOptionsWithThreshold = {}): Answer {
    const language = options.language ?? detectLanguage(question, options.fallbackLanguage);
    const threshold = options.threshold ?? ANSWER_THRESHOLD;
    if (!/[\p{L}\p{N}]/u.test(question)) {
      return { ...notKnown(language, 0, []), answer: pick(KNOWLEDGE_TEXTS.emptyQuestion, language) };
    }
    const ranked = rank(question, language, 10);
    const first = ranked[0];
    const keywords = first !== undefined && isGap(first) && isKeywordQuestion(question, (lang) => searchIndex().analyze(question, lang), first.hit.language);
    // Keywords want the topic's main fact; "precies"/"exactly" wants the detail, known or not.
    const best = keywords
      ? preferAnswerOverGap(ranked, isGap, threshold)
      : asksForDetail(question)
        ? preferGapOverAnswer(ranked, isGap, threshold)
        : first;
    const top = best && !isGap(best) ? answerOrGapForType(question, best, ranked, threshold) : gapMissesAskedFact(question, best, ranked, threshold);
    if (!top || top.confidence < threshold) {
      // The topic stays on record (digests) also when the answer type ruled its entry out.
      const shown = top ?? best;
      const refused = notKnown(language, top?.confidence ?? 0, shown ? [shown.topic] : []);
      const alternatives = ranked
        .filter((t) => !isGap(t) && t.confidence >= ASK_BACK_CONFIDENCE && t.confidence < threshold)
        .slice(0, 3)
        .flatMap((t) => {
          const entry = entryInLanguage(t.topic, language)?.entry;
          return entry ? [{ topic: t.topic, label: choiceLabel(entry.title) }] : [];
        });
      // Nothing in it is about buurtnetwerken: say what buurtbot is for, without "Bedoel je…?" (a
      // weather question is not close to a workshop). On the project's question sets, every
      // answerable question without a domain word was answered, so this costs no ask-back.
      if (!mentionsDomain(question)) return { ...refused, answer: pick(KNOWLEDGE_TEXTS.offTopic, language), offTopic: true };
      // A question in the domain that nothing answers keeps the offer to forward it.
      return alternatives.length ? { ...refused, answer: pick(KNOWLEDGE_TEXTS.didYouMean, language), alternatives } : refused;
    }
    const chosen = entryInLanguage(top.topic, language);
    if (!chosen) return notKnown(language, top.confidence, [top.topic]);
    const { entry, note } = chosen;

    if (entry.unknown) {
      // The sources are silent here; the entry says so and who to ask. Not an answer. The
      // content guide puts the gap first and whom to ask last, so show both.
      const text = gapText(entry.body);
      const withNote = note ? `${note}\n${text}` : text;
      return {
        answered: false,
        answer: withNote,
        citations: [citationOf(entry)],
        confidence: round(top.confidence),
        language,
        topics: [top.topic],
        unknownTopic: true,
      };
    }

    const terms = searchIndex().analyze(question, entry.language)?.terms ?? [];
    const text = answerText(entry.body, terms, entry.language);
    const lines = [note ? `${note}\n${text}` : text];
    const citations = [citationOf(entry)];
    const topics = [top.topic];
    // "Nearly as good": close in confidence and in retrieval rank, so the line is not noise.
    const second = ranked.find(
      (candidate) =>
        candidate.topic !== top.topic &&
        candidate.confidence >= Math.max(threshold, SEE_ALSO_RATIO * top.confidence) &&
        candidate.hit.rank >= SEE_ALSO_RANK_RATIO * top.hit.rank,
    );
    const related = second ? entryInLanguage(second.topic, language) : undefined;
    const alsoShown = second && related && !related.entry.unknown ? [{ topic: second.topic, label: choiceLabel(related.entry.title) }] : [];
    if (second && alsoShown.length) topics.push(second.topic);
    return {
      answered: true,
      answer: lines.join('\n'),
      citations,
      confidence: round(top.confidence),
      language,
      topics,
      // "Zie ook" is a button the chat adds, not a line of text.
      ...(alsoShown.length ? { related: alsoShown } : {}),
    };
  }

  function answerTopic(topic: string, language: Language): Answer | undefined {
    const chosen = entryInLanguage(topic, language);
    if (!chosen) return undefined;
    const { entry, note } = chosen;
    const text = entry.unknown ? gapText(entry.body) : answerText(entry.body, [], entry.language);
    return {
      answered: !entry.unknown,
      answer: note ? `${note}\n${text}` : text,
      citations: [citationOf(entry)],
      confidence: 1,
      language,
      topics: [topic],
      ...(entry.unknown ? { unknownTopic: true } : {}),
    };
  }

  return {
    answer,
    search: (question, options = {}) =>
      rank(question, options.language ?? detectLanguage(question, options.fallbackLanguage), options.limit ?? 10),
    entries,
    byId,
    entryFor,
    prepare: () => void searchIndex(),
    answerTopic,
  };
}

/** Messages of at most this many words, none of them a weak word, are keyword questions. */
const KEYWORD_QUESTION_WORDS = 3;

/**
 * "deadline??", "bestuursleden", "startbijeenkomst datum": a few words, no question word or
 * verb ("What is the deadline to apply?" is a question, not keywords). Such a message names a
 * topic and wants its main fact.
 */
function isKeywordQuestion(
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

/**
 * For a question that asks for the exact detail ("which requirements exactly?"): a gap entry
 * ("the letter does not list the requirements") that matches every word the best answer entry
 * matches is the honest reply; the answer entry only mentions the detail in passing.
 */
export function preferGapOverAnswer(
  ranked: readonly RankedTopic[],
  isGap: (topic: RankedTopic) => boolean,
  threshold: number,
): RankedTopic | undefined {
  const top = ranked[0];
  // One shared word is only the subject ("what is a Buurtplan exactly?"), not the detail.
  if (!top || isGap(top) || top.hit.matched.length < 2) return top;
  return coveringOtherKind(ranked, top, isGap, threshold) ?? top;
}

/**
 * The best-ranked topic of the other kind than `top` (an answer for a gap, a gap for an answer)
 * that clears the threshold and matches, in the same language, every word `top` matches.
 */
function coveringOtherKind(
  ranked: readonly RankedTopic[],
  top: RankedTopic,
  isGap: (topic: RankedTopic) => boolean,
  threshold: number,
): RankedTopic | undefined {
  const topIsGap = isGap(top);
  return ranked.find(
    (candidate) =>
      isGap(candidate) !== topIsGap &&
      candidate.confidence >= threshold &&
      candidate.hit.language === top.hit.language &&
      top.hit.matched.every((term) => candidate.hit.matched.includes(term)),
  );
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Class form of the same answerer, for callers that prefer `new` (and `reload`). */
export class OfflineAnswerer {
  private knowledge: Knowledge;

  constructor(entries: readonly KbEntry[]) {
    this.knowledge = createKnowledge(entries);
  }

  /** Swap in new content; questions asked meanwhile keep using the old index until it is built. */
  reload(entries: readonly KbEntry[]): void {
    this.knowledge = createKnowledge(entries);
  }

  answer(question: string, options?: AnswerOptions): Answer {
    return this.knowledge.answer(question, options);
  }

  get entries(): readonly KbEntry[] {
    return this.knowledge.entries;
  }
}
