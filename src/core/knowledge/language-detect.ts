import { eld } from 'eld/extrasmall';
import { DEFAULT_LANGUAGE, type Language } from '../language.js';
import { tokenize } from './text/normalize.js';

/*
 * eld's n-gram model is good on sentences and unreliable on two or three words, and this
 * project's vocabulary is Dutch even in English questions ("What is a buurtnetwerk?" scores
 * Dutch). So the decision combines two signals:
 *  1. function words that only one of the two languages has (the, what, does / de, het, wat):
 *     the strongest cue in a short question;
 *  2. eld's scores, restricted to nl/en, used only when the text is long enough and the
 *     margin between the two is clear.
 * When neither is decisive the conversation's language wins, then Dutch.
 * The extra-small eld database keeps startup fast (~0.25 s); nl-vs-en needs no more.
 */
const detector = eld.newInstance();
detector.setLanguageSubset(['nl', 'en']);

// Words that are common in one language and (nearly) absent in the other. Shared or
// ambiguous ones (in, of, we, was, over, plan, door, die, me, and "van" from the English
// "Plan van Aanpak") are deliberately missing.
const DUTCH_CUES: ReadonlySet<string> = new Set([
  'de', 'het', 'een', 'en', 'wat', 'wanneer', 'waar', 'waarom', 'welke', 'hoe', 'hoeveel',
  'wie', 'moet', 'moeten', 'mag', 'mogen', 'kan', 'kunnen', 'kun', 'kunt', 'zijn', 'ik', 'wij',
  'jullie', 'onze', 'ons', 'mijn', 'jij', 'je', 'u', 'uw', 'er', 'dat', 'deze', 'dit', 'niet',
  'geen', 'ook', 'nog', 'wel', 'voor', 'met', 'naar', 'bij', 'aan', 'om', 'op', 'te', 'tot',
  'uit', 'als', 'maar', 'heb', 'heeft', 'hebben', 'wordt', 'worden', 'zal', 'zou', 'gaat',
  'krijg', 'krijgen', 'nodig', 'waren', 'hoelang', 'iemand', 'weet', 'hoi', 'hallo', 'bedankt',
]);
const ENGLISH_CUES: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'and', 'what', 'when', 'where', 'why', 'which', 'how', 'who', 'does',
  'do', 'did', 'can', 'could', 'should', 'must', 'will', 'would', 'are', 'our', 'you',
  'your', 'my', 'i', 'it', 'this', 'that', 'there', 'for', 'with', 'to', 'from', 'by', 'at', 'not',
  'no', 'have', 'has', 'need', 'needs', 'many', 'much', 'long', 'get', 'about', 'be', 'been',
  'municipality', 'neighbourhood', 'neighborhood', 'board', 'members', 'deadline', 'is', 'submit',
  'hello', 'hi', 'thanks', 'please',
]);

/** eld needs a margin of this much (scores are 0..1) before we believe it. */
const ELD_MARGIN = 0.2;
/** ...and at least this many words; below it eld is guessing. */
const ELD_MIN_WORDS = 3;

function eldVote(text: string, words: number): Language | undefined {
  if (words < ELD_MIN_WORDS) return undefined;
  const scores = detector.detect(text).getScores();
  const nl = scores['nl'] ?? 0;
  const en = scores['en'] ?? 0;
  if (nl - en >= ELD_MARGIN) return 'nl';
  if (en - nl >= ELD_MARGIN) return 'en';
  return undefined;
}

/**
 * The language of a message: 'nl' or 'en'. `fallback` is the conversation's language, used
 * when the text is too short or mixed to tell; without it, Dutch.
 */
export function detectLanguage(text: string, fallback: Language = DEFAULT_LANGUAGE): Language {
  // A turn asks twice (the engine, then the answerer); the answer cannot differ.
  if (last && last.text === text && last.fallback === fallback) return last.language;
  const language = detectUncached(text, fallback);
  last = { text, fallback, language };
  return language;
}

let last: { text: string; fallback: Language; language: Language } | undefined;

function detectUncached(text: string, fallback: Language): Language {
  const tokens = tokenize(text);
  let cues = 0;
  for (const token of tokens) {
    // "is" and "deadline" lean English but Dutch uses them too: they only tip a tie.
    if (DUTCH_CUES.has(token)) cues += 1;
    if (ENGLISH_CUES.has(token)) cues -= token === 'is' || token === 'deadline' ? 0.5 : 1;
  }
  // eld's vote counts one point: two points of cues decide without it (and it is the costly part).
  if (cues >= 2) return 'nl';
  if (cues <= -2) return 'en';
  const eldLanguage = eldVote(text, tokens.length);
  const eldPoints = eldLanguage === 'nl' ? 1 : eldLanguage === 'en' ? -1 : 0;
  const total = cues + eldPoints;
  if (total >= 1) return 'nl';
  if (total <= -1) return 'en';
  return fallback;
}
