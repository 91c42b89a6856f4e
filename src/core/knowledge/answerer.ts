import { LANGUAGES, pick, type Language } from '../language.js';
import { chatWords, domainMatcher, elsewhereMatcher, EMPTY_THESAURUS, thesaurusRewriter, type Thesaurus } from './thesaurus.js';
import { answerText, factFirst, gapText } from './answer-text.js';
import { askedFactKind, askedFactTest, asksWhatIf, hasFactKind } from './answer-type.js';
import { contextOnlyTokens, saysOffTopic, separateQuestions, withoutAsides } from './text/sentences.js';
import { combinedAnswer, MAX_SEPARATE_QUESTIONS } from './several-questions.js';
import {
  answerOrGapForType,
  asksForDetail,
  asksWhich,
  gapNamesWhich,
  whichNoun,
  gapMissesAskedFact,
  gapWrittenForWhatIf,
  isKeywordQuestion,
  preferAnswerOverGap,
  preferGapOverAnswer,
} from './gap-choice.js';
import { detectLanguage } from './language-detect.js';
import { SearchIndex } from './search-index.js';
import { ListedQuestions, listingReader } from './listed-questions.js';
import { choiceLabel } from './choice-label.js';
import { quotedTitleFirst } from './quoted-title.js';
import { rankTopics, sureFirst, type RankedTopic } from './topic-ranking.js';
import { KNOWLEDGE_TEXTS } from './texts.js';
import { ALREADY_SAYS, YES_NO_WORDS, yesOrNo } from './yes-no.js';
import { tuningWith, type Tuning } from './tuning.js';
import { isStopword } from './text/stopwords.js';
import type { Answer, Citation, KbEntry } from './types.js';
import {
  ANSWER_THRESHOLD,
  ASK_BACK_CONFIDENCE,
  CLEAR_CONFIDENCE,
  CONTEXT_ALLOWANCE,
  ELSEWHERE_THRESHOLD,
  NO_DOMAIN_THRESHOLD,
  SEE_ALSO_RANK_RATIO,
  SEE_ALSO_RATIO,
} from './thresholds.js';

export { ANSWER_THRESHOLD } from './thresholds.js';

/** How deep to look for the topic that lists a question when it is not among the first ten. */
const LISTED_SEARCH_DEPTH = 60;

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

export type { RankedTopic } from './topic-ranking.js';

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

function citationOf(entry: KbEntry): Citation {
  return { id: entry.id, title: entry.title, source: entry.source };
}

/**
 * Build the offline answerer over a set of entries. Cheap enough (well under a second for
 * thousands of passages) to call again after the content changed: build the new one, then swap.
 */
export function createKnowledge(
  entries: readonly KbEntry[],
  overrides: Partial<Tuning> = {},
  thesaurus: Thesaurus = EMPTY_THESAURUS,
): Knowledge {
  const tuning = tuningWith(overrides);
  // Built on first use: CLI commands that answer nothing (plans, reminders, digests) skip it.
  let built: SearchIndex | undefined;
  const rewrite = thesaurusRewriter(thesaurus);
  const mentionsDomain = domainMatcher(thesaurus);
  const mentionsElsewhere = elsewhereMatcher(thesaurus);
  const standardSpelling = chatWords(thesaurus);
  /**
   * The message with its chat shorthand and dialect in standard spelling (read in its own
   * language), and that language: detected again only when the spelling changed.
   */
  const inStandardSpelling = (message: string, fallback: Language | undefined): { question: string; detected: Language } => {
    const detected = detectLanguage(message, fallback);
    const question = standardSpelling(message, detected);
    if (question !== message) return { question, detected: detectLanguage(question, fallback) };
    // "yo wnr is die deadline nou" reads as English until "wnr" is "wanneer": the other
    // language's chat words count when, spelled out, the message is in that language.
    const other = LANGUAGES.find((language) => language !== detected) ?? detected;
    const spelledOut = standardSpelling(message, other);
    return spelledOut !== message && detectLanguage(spelledOut, fallback) === other
      ? { question: spelledOut, detected: other }
      : { question, detected };
  };
  // Names the domain, also through the thesaurus: a synonym counts ("bp's" for buurtplatforms).
  const namesDomain = (text: string, language: Language): boolean => mentionsDomain(text) || mentionsDomain(rewrite(text, language));
  // A word of the domain, also through the thesaurus ("aftrap" is the startbijeenkomst).
  const isTopicWord = (token: string): boolean =>
    mentionsDomain(token) || LANGUAGES.some((language) => mentionsDomain(rewrite(token, language)));
  const searchIndex = (): SearchIndex => (built ??= new SearchIndex(entries, tuning, rewrite, isTopicWord));
  let listings: ListedQuestions | undefined;
  const listed = (): ListedQuestions => (listings ??= new ListedQuestions(entries, listingReader(thesaurus)));
  const byId = new Map(entries.map((entry) => [entry.id, entry] as const));
  const byTopic = new Map<string, KbEntry>();
  for (const entry of entries) byTopic.set(`${entry.topic}\u0000${entry.language}`, entry);
  const entryFor = (topic: string, language: Language): KbEntry | undefined => byTopic.get(`${topic}\u0000${language}`);
  /** Topics with an example question (in either language) that asks what happens if, or whether it is allowed. */
  const whatIfTopics = new Set(
    entries
      .filter((entry) => [...(entry.questions ?? []), ...(entry.yes ?? []), ...(entry.no ?? [])].some(asksWhatIf))
      .map((entry) => entry.topic),
  );
  const anticipatesWhatIf = (topic: string): boolean => whatIfTopics.has(topic);
  /** "Hoeveel precies?", "when exactly?": an answer entry that holds such a fact gives the exact one. */
  const givesAskedFact = (question: string, topic: RankedTopic | undefined): boolean => {
    const kind = askedFactKind(question);
    const entry = topic ? byId.get(topic.hit.entryId) : undefined;
    return kind !== undefined && entry !== undefined && !entry.unknown && hasFactKind(entry.body, kind);
  };
  /** A gap entry: the sources say nothing here (`unknown: true`). */
  const isGap = (topic: RankedTopic): boolean => byId.get(topic.hit.entryId)?.unknown === true;

  /** The stems of the question's weak words ("which", "one", "welke") in that language's analysis. */
  function weakStems(question: string, language: Language): ReadonlySet<string> {
    const analysis = searchIndex().analyze(question, language);
    return new Set(analysis?.terms.filter((_, i) => analysis.weak[i]).map((term) => term.whole));
  }

  /** Is this word of the question one that no entry of the language uses (not even misspelt)? */
  function unknownWord(question: string, word: string, language: Language): boolean {
    const analysis = searchIndex().analyze(question, language);
    const i = analysis?.terms.findIndex((term) => term.token === word) ?? -1;
    return analysis !== undefined && i >= 0 && analysis.unseen[i] === true;
  }

  /*
   * An entry's example questions are how its author routes a question to it: "deadline voor de
   * keuze?" to the entry with the date, "komen er nog meer workshops?" to the gap that says the
   * letter does not say. The ranking weighs them like tags, so before this an example question
   * could still lead elsewhere (one in eight did), and adding an unanswered question from the
   * digest to an entry did not make it answered. A question that asks what one topic lists, in
   * the same words, goes to that topic; listed under two topics, the ranking decides.
   */
  function listedTopic(question: string, detected: Language, ranked: readonly RankedTopic[]): RankedTopic | undefined {
    for (const language of [detected, ...LANGUAGES.filter((other) => other !== detected)]) {
      const topics = new Set(
        listed()
          .entriesListing(question, language)
          .map((id) => byId.get(id)?.topic),
      );
      if (topics.size === 0) continue;
      const [topic] = topics;
      if (topics.size > 1 || topic === undefined) return undefined;
      // A question of few, common words ("we weten nog niet of we buurtnetwerk willen worden, wat
      // nu") can match many entries as well: its own may rank below the first ten.
      const found =
        ranked.find((candidate) => candidate.topic === topic) ??
        rankTopics(searchIndex(), tuning, question, language, LISTED_SEARCH_DEPTH).find((candidate) => candidate.topic === topic);
      return found && { ...found, confidence: Math.max(found.confidence, CLEAR_CONFIDENCE) };
    }
    return undefined;
  }

  /** Does an entry, in either language, list this message as one of its questions? */
  function isListed(message: string): boolean {
    return LANGUAGES.some((language) => listed().entriesListing(message, language).length > 0);
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

  function answerOne(message: string, options: AnswerOptionsWithThreshold = {}): Answer {
    const { question, detected } = inStandardSpelling(message, options.fallbackLanguage);
    const language = options.language ?? detected;
    // Context that is only a greeting ("Hey, …") costs a question nothing, so it earns no allowance.
    const hasContext = [...contextOnlyTokens(withoutAsides(question), isTopicWord)].some((token) => !isStopword(token));
    const threshold = (options.threshold ?? ANSWER_THRESHOLD) - (hasContext ? CONTEXT_ALLOWANCE : 0);
    if (!/[\p{L}\p{N}]/u.test(question)) {
      return { ...notKnown(language, 0, []), answer: pick(KNOWLEDGE_TEXTS.emptyQuestion, language) };
    }
    const ranked = quotedTitleFirst(
      question,
      rankTopics(searchIndex(), tuning, question, language, 10),
      (t) => byId.get(t.hit.entryId)?.title ?? '',
    );
    const asListed = listedTopic(question, detected, ranked);
    const first = sureFirst(ranked, threshold, isGap);
    const keywords =
      first !== undefined &&
      isGap(first) &&
      isKeywordQuestion(question, (lang) => searchIndex().analyze(question, lang), first.hit.language);
    // In the knowledge base's words: "welke wijken" asks which buurten, "hoeveel buurtgroepen" counts buurtplatforms.
    const inKbWords = (text: string): string => rewrite(text, language);
    const which = whichNoun(inKbWords(question));
    // "precies" after a question word alone is emphasis: "who exactly supports us?" names only its
    // subject ("support") and wants the answer, not a gap that happens to share "who".
    const namesSubject = (topic: RankedTopic | undefined): boolean =>
      topic !== undefined && topic.hit.matched.filter((term) => !weakStems(question, topic.hit.language).has(term)).length >= 2;
    // Keywords want the topic's main fact; "precies"/"exactly" wants the detail, known or not.
    const best = keywords
      ? preferAnswerOverGap(ranked, isGap, threshold)
      : asksForDetail(question) && !givesAskedFact(question, first) && namesSubject(first)
        ? preferGapOverAnswer(ranked, isGap, threshold)
        : which && first
          ? preferGapOverAnswer(
              // A gap that names no X of another noun ("Welke buurten …?") does not answer "which organisation".
              ranked.filter((t) => {
                const title = byId.get(t.hit.entryId)?.title ?? '';
                return !isGap(t) || gapNamesWhich(title, which) || (t === first && !asksWhich(title));
              }),
              isGap,
              threshold,
              weakStems(question, first.hit.language),
            )
          : first;
    // A permission or a what-if its answer entry was not written for goes to the gap written for it.
    const settled = best && asksWhatIf(question) && !anticipatesWhatIf(best.topic) ? gapWrittenForWhatIf(ranked, best, isGap) : best;
    const top =
      asListed ??
      (settled && !isGap(settled)
        ? answerOrGapForType(
            question,
            settled,
            ranked,
            threshold,
            byId,
            (word) => unknownWord(question, word, settled.hit.language),
            inKbWords,
          )
        : gapMissesAskedFact(question, settled, ranked, threshold, byId, (lang) => searchIndex().analyze(question, lang), inKbWords));
    // A message with no word of this domain must be clearly answered, not half-covered by one
    // shared word ("who is the mayor of Amsterdam" and the entry about the wethouder).
    // A synonym of a domain word is one too ("bp's" for buurtplatforms, "pegels" for geld).
    // Another service of the municipality ("een paspoort aanvragen via het buurtnetwerk") is not
    // this domain whatever else the message names, and only a clear answer beats it. So is a
    // message that says itself it is off topic ("lol off topic but … after our board meeting").
    const elsewhere = mentionsElsewhere(question) || saysOffTopic(question);
    const inDomain = !elsewhere && namesDomain(question, language);
    // "Wat gebeurt er als …", "mogen we …": an answer entry that was not written for such
    // questions answers only when it is clearly the one (answer-type.ts, asksWhatIf).
    const unanticipated = top !== undefined && !isGap(top) && asksWhatIf(question) && !anticipatesWhatIf(top.topic);
    // A question an entry lists as its own is answered by it, however sure the search is.
    const bar = asListed
      ? 0
      : Math.max(
          elsewhere ? ELSEWHERE_THRESHOLD : inDomain ? threshold : NO_DOMAIN_THRESHOLD,
          unanticipated ? CLEAR_CONFIDENCE : threshold,
        );
    if (!top || top.confidence < bar) {
      // The topic stays on record (digests) also when the answer type ruled its entry out.
      const shown = top ?? best;
      const refused = notKnown(language, top?.confidence ?? 0, shown ? [shown.topic] : []);
      // Close topics: below the bar this question had to clear. For an unanticipated "mag dat?"
      // that bar is a clear answer, so topics that would answer a plain question are offered.
      const alternatives = ranked
        .filter((t) => !isGap(t) && t.confidence >= ASK_BACK_CONFIDENCE && t.confidence < bar)
        .slice(0, 3)
        .flatMap((t) => {
          const entry = entryInLanguage(t.topic, language)?.entry;
          return entry ? [{ topic: t.topic, label: choiceLabel(entry.title) }] : [];
        });
      // Nothing in it is about buurtnetwerken: say what buurtbot is for, without "Bedoel je…?" (a
      // weather question is not close to a workshop). On the project's question sets, every
      // answerable question without a domain word was answered, so this costs no ask-back.
      if (!inDomain) return { ...refused, answer: pick(KNOWLEDGE_TEXTS.offTopic, language), offTopic: true };
      // A question in the domain that nothing answers keeps the offer to forward it.
      return alternatives.length ? { ...refused, answer: pick(KNOWLEDGE_TEXTS.didYouMean, language), alternatives } : refused;
    }
    const chosen = entryInLanguage(top.topic, language);
    if (!chosen) return notKnown(language, top.confidence, [top.topic]);
    const { entry, note } = chosen;

    if (entry.unknown && !inDomain && !asListed) {
      // "Kun je een gedicht schrijven?" matches the gap about writing the plan on one word: a
      // message about nothing of this domain is off-topic, not a gap in the letter.
      return { ...notKnown(language, top.confidence, [top.topic]), answer: pick(KNOWLEDGE_TEXTS.offTopic, language), offTopic: true };
    }
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
    // "Ja."/"Nee." first when the entry says which, for the yes/no question it lists (yes-no.ts).
    const verdict = yesOrNo(question, entry, (text) => rewrite(text, entry.language));
    const holds = askedFactTest(question);
    const full = answerText(entry.body, terms, entry.language);
    const body = holds ? factFirst(full, holds) : full;
    const text = verdict && !ALREADY_SAYS.test(body) ? `${YES_NO_WORDS[entry.language][verdict]} ${body}` : body;
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

  function answer(message: string, options: AnswerOptionsWithThreshold = {}): Answer {
    const whole = answerOne(message, options);
    const language = whole.language;
    const questions = separateQuestions(standardSpelling(message, language), (part) => namesDomain(part, language));
    // More questions than are answered one by one: not worth reading each alone. A message an
    // entry lists as one question ("welke subsidie voor buurtnetwerken en welke voor …") is one.
    if (questions.length < 2 || questions.length > MAX_SEPARATE_QUESTIONS || isListed(message)) return whole;
    return combinedAnswer(
      whole,
      questions.map((question) => answerOne(question, { ...options, language })),
    );
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
    search: (message, options = {}) => {
      const { question, detected } = inStandardSpelling(message, options.fallbackLanguage);
      return rankTopics(searchIndex(), tuning, question, options.language ?? detected, options.limit ?? 10);
    },
    entries,
    byId,
    entryFor,
    prepare: () => {
      searchIndex().buildAll();
      listed().buildAll();
    },
    answerTopic,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
