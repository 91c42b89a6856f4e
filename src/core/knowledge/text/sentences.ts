import { tokenize } from './normalize.js';
import { isStopword, isWeakWord } from './stopwords.js';

/*
 * Chat messages often wrap the question in context: "Hi! I joined our buurtplatform last
 * month. Everyone talks about the transition - what's the timeline?" The words of the context
 * sentences ("joined", "month") are not what is asked, and no entry matches them, so counting
 * them in full makes a clear question look half off-topic. What is asked: the question sentences
 * (ending in "?"), and what follows "we vroegen ons af" / "de vraag kwam op" / "I was wondering"
 * in any sentence. A question sentence that says nothing itself ("… hoeveel bestuursleden we nodig
 * hebben. Weet jij dat?") points at the sentence before it. Words only in the rest are context.
 */
const SENTENCE_END = /(?<=[.!?…])\s+|\n+/u;
const QUESTION_END = /\?[\s"'’”)\]]*$/u;
/** Words after which a sentence says what is asked, without a question mark. */
const ASKING =
  /\b(?:vroeg(?:en)? (?:me|mij|ons|zich|we|wij|ik) (?:\S+ )?af|vraag (?:me|mij|ik) (?:\S+ )?af|vragen (?:ons|we|wij) (?:\S+ )?af|de vraag (?:op|is|was|rees)|(?:ik|wij|we) (?:wil|willen|zou|zouden) (?:graag )?(?:willen )?weten|benieuwd|wonder(?:ing|ed)?|(?:like|want) to know|(?:can|could) you tell (?:me|us))\b/iu;
const NONE: ReadonlySet<string> = new Set();

/**
 * The normalized tokens that occur only in the message's context: empty unless the message has
 * both something asked and something else.
 */
export function contextOnlyTokens(text: string): ReadonlySet<string> {
  const sentences = text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter(Boolean);
  if (sentences.length < 2) return NONE;
  const asked: string[] = [];
  const rest: string[] = [];
  sentences.forEach((sentence, i) => {
    if (QUESTION_END.test(sentence)) {
      // An empty question ("Weet jij dat?") hands over to the sentence before it.
      const previous = sentences[i - 1];
      if (tokenize(sentence).every(isFiller) && previous !== undefined && rest.at(-1) === previous) {
        rest.pop();
        asked.push(previous);
      }
      asked.push(sentence);
      return;
    }
    const marker = ASKING.exec(sentence.toLowerCase());
    if (marker) {
      rest.push(sentence.slice(0, marker.index));
      asked.push(sentence.slice(marker.index));
    } else rest.push(sentence);
  });
  const askedTokens = new Set(asked.flatMap((part) => tokenize(part)));
  if (rest.length === 0 || [...askedTokens].every(isFiller)) return NONE;
  const context = new Set<string>();
  for (const part of rest) for (const token of tokenize(part)) if (!askedTokens.has(token)) context.add(token);
  return context;
}

/** A word that says nothing about what is asked ("weet", "jij", "dat", "any", "idea"), in either language. */
function isFiller(token: string): boolean {
  return isStopword(token) || isWeakWord(token, 'nl') || isWeakWord(token, 'en');
}
