import { DEFAULT_LANGUAGE, type Language } from '../language.js';
import profile from './language-profile.json' with { type: 'json' };
import { tokenize } from './text/normalize.js';
import { trigramsOf } from './trigrams.js';
import { withoutQuotations } from './text/quotes.js';

/*
 * Short questions are hard for any statistical model, and this project's vocabulary is Dutch even
 * in English questions ("What is a buurtnetwerk?"). So the decision combines two signals:
 *  1. function words that only one of the two languages has (the, what, does / de, het, wat):
 *     the strongest cue in a short question;
 *  2. a vote of three-letter sequences, counted in the knowledge base's own Dutch and English
 *     entries (language-profile.json, written by scripts/language-profile.ts), used only when its
 *     margin is clear. Words both languages' entries use (buurtplan, Maastricht) do not vote.
 *     It replaced the eld package, which held 80 MB of memory for this vote.
 * When neither is decisive the conversation's language wins, then Dutch.
 */
const NL = profile.nl as Record<string, number>;
const EN = profile.en as Record<string, number>;
const NL_TOTAL = Object.values(NL).reduce((a, b) => a + b, 0);
const EN_TOTAL = Object.values(EN).reduce((a, b) => a + b, 0);
/** Words the entries of both languages use ("Buurtplan subsidy start date?" is English). */
const SHARED: ReadonlySet<string> = new Set(profile.shared);

// Words that are common in one language and (nearly) absent in the other. Shared or
// ambiguous ones (in, of, we, was, over, plan, door, die, me, and "van" from the English
// "Plan van Aanpak") are deliberately missing.
const DUTCH_CUES: ReadonlySet<string> = new Set([
  'de',
  'het',
  'een',
  'en',
  'wat',
  'wanneer',
  'waar',
  'waarom',
  'welke',
  'hoe',
  'hoeveel',
  'wie',
  'moet',
  'moeten',
  'mag',
  'mogen',
  'kan',
  'kunnen',
  'kun',
  'kunt',
  'zijn',
  'ik',
  'wij',
  'jullie',
  'onze',
  'ons',
  'mijn',
  'jij',
  'je',
  'u',
  'uw',
  'er',
  'dat',
  'deze',
  'dit',
  'niet',
  'geen',
  'ook',
  'nog',
  'wel',
  'voor',
  'met',
  'naar',
  'bij',
  'aan',
  'om',
  'op',
  'te',
  'tot',
  'uit',
  'als',
  'maar',
  'heb',
  'heeft',
  'hebben',
  'wordt',
  'worden',
  'zal',
  'zou',
  'gaat',
  'krijg',
  'krijgen',
  'nodig',
  'waren',
  'hoelang',
  'iemand',
  'weet',
  'hoi',
  'hallo',
  'bedankt',
  'wil',
  'willen',
  'gebeurt',
  'gebeuren',
  'zij',
  'hun',
  'komt',
  'komen',
  'doen',
  'doet',
  'gaan',
  'weten',
  'mee',
  'nu',
  'dan',
  'toch',
  'eigenlijk',
  'nou',
  'alweer',
  'dus',
  'misschien',
  'graag',
  'alleen',
  'veel',
  'meer',
]);
const ENGLISH_CUES: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'and',
  'what',
  'when',
  'where',
  'why',
  'which',
  'how',
  'who',
  'does',
  'do',
  'did',
  'can',
  'could',
  'should',
  'must',
  'will',
  'would',
  'are',
  'our',
  'you',
  'your',
  'my',
  'i',
  'it',
  'this',
  'that',
  'there',
  'for',
  'with',
  'to',
  'from',
  'by',
  'at',
  'not',
  'no',
  'have',
  'has',
  'need',
  'needs',
  'many',
  'much',
  'long',
  'get',
  'about',
  'be',
  'been',
  'municipality',
  'neighbourhood',
  'neighborhood',
  'board',
  'members',
  'deadline',
  'is',
  'submit',
  'hello',
  'hi',
  'thanks',
  'please',
  'if',
  'or',
  'they',
  'their',
  'them',
  'us',
  'into',
  'some',
  'any',
  'last',
  'next',
  'than',
  'then',
  'also',
  'still',
  'only',
  'just',
  'know',
  'want',
  'happen',
  'happens',
  'going',
  'win',
  'won',
  "we're",
  "i'm",
  "don't",
  "can't",
]);

/** The sequence vote needs an average log-odds per sequence of this much before it counts. */
const TRIGRAM_MARGIN = 0.15;

/** ...and at least this many words: on one or two words any statistical vote is a guess. */
const TRIGRAM_MIN_WORDS = 3;

function trigramVote(tokens: readonly string[]): Language | undefined {
  if (tokens.length < TRIGRAM_MIN_WORDS) return undefined;
  const grams = trigramsOf(tokens.filter((token) => !SHARED.has(token)).join(' '));
  if (grams.length === 0) return undefined;
  let logOdds = 0;
  // Add-half smoothing: a sequence one language never has still counts, but not infinitely.
  for (const gram of grams) logOdds += Math.log(((NL[gram] ?? 0) + 0.5) / NL_TOTAL) - Math.log(((EN[gram] ?? 0) + 0.5) / EN_TOTAL);
  const perGram = logOdds / grams.length;
  if (perGram >= TRIGRAM_MARGIN) return 'nl';
  if (perGram <= -TRIGRAM_MARGIN) return 'en';
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

/**
 * A message's own words decide first, without what it quotes ("Was the workshop 'Buurtplan, hoe
 * dan?' on 10 October?" is English); when they cannot tell ("Was 'vinden en verbinden' nou in
 * juli?"), the whole message does.
 */
function detectUncached(text: string, fallback: Language): Language {
  const own = tokenize(withoutQuotations(text));
  return (own.length >= 2 ? decide(own) : undefined) ?? decide(tokenize(text)) ?? fallback;
}

function decide(tokens: readonly string[]): Language | undefined {
  let cues = 0;
  for (const token of tokens) {
    // "is" and "deadline" lean English but Dutch uses them too: they only tip a tie.
    if (DUTCH_CUES.has(token)) cues += 1;
    if (ENGLISH_CUES.has(token)) cues -= token === 'is' || token === 'deadline' ? 0.5 : 1;
  }
  // The sequence vote counts one point: two points of cues decide without it.
  if (cues >= 2) return 'nl';
  if (cues <= -2) return 'en';
  const vote = trigramVote(tokens);
  const total = cues + (vote === 'nl' ? 1 : vote === 'en' ? -1 : 0);
  if (total >= 1) return 'nl';
  if (total <= -1) return 'en';
  return undefined;
}
