import { stopwords as dutchStopwords } from '@orama/stopwords/dutch';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import type { Language } from '../../language.js';
import { normalize } from './normalize.js';

/*
 * The Snowball lists hold function words only. Questions add their own filler: question
 * words, modal verbs and politeness ("kun je me vertellen ..."). Leaving those in would let
 * an off-topic question look half-covered by the knowledge base, so they are stop words too.
 */
// Word lists: a line per group of words, not a word per line.
// prettier-ignore
const DUTCH_QUESTION_WORDS = [
  'waarvoor', 'waarmee', 'waaraan', 'waarop', 'waarover', 'waarvan', 'waarnaar', 'waarbij', 'waaruit',
  'waartoe', 'waardoor', 'waarin', 'daarvan', 'daarover', 'daarmee', 'daarbij', 'daarin', 'daarop',
  'daaraan', 'daarvoor', 'daardoor', 'hiervan', 'hierover', 'hiermee', 'hierbij', 'hierin', 'hiervoor',
  'ervan', 'erover', 'ermee', 'erbij', 'erin', 'erop', 'eraan', 'ervoor', 'wat', 'wiens', 'hoe', 'moeten', 'word', 'zou',
  'zouden', 'moest', 'kon', 'konden', 'mocht', 'hadden', 'geweest', 'moet', 'mogen', 'mag', 'kun',
  'kunt', 'kan', 'kunnen', 'zullen', 'zal', 'graag', 'tussen', 'tijdens', 'sinds', 'via', 'zoals', 'volgens', 'elkaar', 'per', 'even', 'eigenlijk',
  'precies', 'weet', 'weten', 'vertellen', 'vertel', 'iemand', 'ik', 'we', 'wij', 'jullie', 'onze',
  'ons', 'mijn', 'je', 'jij', 'u', 'uw', 'er', 'daar', 'dit', 'deze', 'dat', 'die', 'ook', 'nog',
  'al', 'wel', 'niet', 'geen', 'zijn', 'is', 'ben', 'bent', 'was', 'waren', 'wordt', 'worden',
  'werd', 'heb', 'hebt', 'heeft', 'hebben', 'had', 'doe', 'doen', 'doet', 'gaat', 'gaan', 'ga',
  'eens', 'dan', 'nou', 'toch', 'toe', 'weer', 'alweer', 'gewoon', 'helemaal', 'hoi', 'hallo', 'bedankt', 'dank', 'alsjeblieft',
  'alstublieft', 'svp', 'ok', 'oke', 'nodig', 'zo', 'erg', 'heel', 'veel', 'iets', 'echt',
  // chat filler: greetings, thanks and "I was wondering", in full and as typed on a phone
  'hey', 'hee', 'hoii', 'goedemorgen', 'goedemiddag', 'goedenavond', 'groetjes', 'groeten',
  'groet', 'mvg', 'gr', 'alvast', 'dankjewel', 'dankje', 'dankuwel', 'thnx', 'tnx', 'thx', 'pls',
  'plz', 'aub', 'vraagje', 'afvragen', 'benieuwd', 'nieuwsgierig',
  // a letter's salutation and closing ("Geachte heer, mevrouw,", "Hoogachtend")
  'geachte', 'heer', 'mevrouw', 'dames', 'heren', 'hoogachtend', 'vriendelijke', 'hartelijke', 'voorbaat',
  // chat abbreviations of function words and phrases ("vd gemeente", "ivm de deadline")
  'vd', 'vh', 'ivm', 'mbt', 'tav', 'idd', 'iig', 'ff', 'zsm', 'ofzo', 'enzo', 'evt', 'oid',
  // chat interjections and forms of address ("haha ff vraagje", "jongens, wanneer …")
  'haha', 'hahaha', 'hihi', 'joh', 'jongens', 'pff', 'pfff', 'zucht',
  // the assistant's own name: "Beste buurtbot," addresses it, and every gap entry ends with
  // "buurtbot kan je vraag doorsturen", so counting it leans a greeting towards the gaps
  'buurtbot',
];

// Word lists: a line per group of words, not a word per line.
// prettier-ignore
const ENGLISH_QUESTION_WORDS = [
  'what', 'whom', 'how', 'long', 'need',
  'needs', 'needed', 'please', 'tell', 'know', 'anyone', 'someone', 'get', 'got', 'hi', 'hello',
  'thanks', 'thank', 'ok', 'okay', 'also', 'still', 'just', 'really', 'actually', 'exactly',
  'there', 's', 't', 'd', 'll', 've', 're', 'm', 'dont', 'doesnt', 'im', 'lot',
  // chat filler: greetings, thanks and "I was wondering", in full and as typed on a phone
  'hey', 'hiya', 'cheers', 'pls', 'plz', 'thx', 'thnx', 'tnx', 'ty', 'btw', 'wonder', 'wondering',
  'wondered', 'curious', 'quick', 'regards', 'advance',
  // a letter's salutation and closing ("Dear sir or madam,", "Yours sincerely")
  'dear', 'sir', 'madam', 'sincerely', 'faithfully', 'morning', 'afternoon', 'evening', 'kindly',
  // chat abbreviations of function words and phrases ("idk", "asap", "ur board")
  'ur', 'idk', 'fyi', 'asap', 'tbh', 'imo', 'imho', 'afaik', 'wrt', 'lol', 'etc',
  // chat interjections and forms of address ("bruh how many workshops", "yo guys")
  'bruh', 'bro', 'yo', 'lmao', 'omg', 'haha', 'hahaha', 'dude', 'guys', 'folks', 'yall', 'ngl', 'tho', 'rn', 'nvm', 'nah', 'nope', 'yeah', 'yep',
];

function toSet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map(normalize));
}

/*
 * Both pipelines drop the function words of BOTH languages. Every question is analysed with
 * the Dutch and the English pipeline (language detection on three words is a guess), and
 * the Dutch "wat", "de", "van" must not find English entries that say "Plan van Aanpak" and
 * vice versa. The few words that are function words in one language and content in the other
 * ("door", "men", "most") matter little in this domain.
 */
/*
 * Interrogatives that name what kind of answer is wanted (when, where, who, how many) are not
 * dropped: FAQ titles are phrased as questions ("Waar leveren we het Plan van Aanpak in?") and
 * the interrogative is often what separates two entries about the same thing. They are weak
 * words instead (see below). "wat"/"what" and "hoe"/"how" start almost every question and stay
 * stop words.
 */
// Word lists: a line per group of words, not a word per line.
// prettier-ignore
const INTERROGATIVES = [
  'wanneer', 'waar', 'waarom', 'welke', 'welk', 'hoeveel', 'hoelang', 'wie', 'when', 'where',
  'why', 'which', 'who', 'much', 'many',
];

/** "zonder subsidie" is not "met subsidie": the stop-word lists drop these, but here they carry the fact. */
const KEPT = ['zonder', 'without'];

const ALL_STOPWORDS: ReadonlySet<string> = new Set(
  [...toSet([...dutchStopwords, ...DUTCH_QUESTION_WORDS, ...englishStopwords, ...ENGLISH_QUESTION_WORDS])].filter(
    (word) => !INTERROGATIVES.includes(word) && !KEPT.includes(word),
  ),
);

/** `token` must already be normalized (see normalize.ts). `language` is kept for callers' clarity. */
export function isStopword(token: string, _language?: Language): boolean {
  return ALL_STOPWORDS.has(token);
}

/*
 * Weak words: not stop words (they can still match and help ranking: "Hoe kom ik aan geld?" is
 * a workshop title), but generic verbs and adverbs that say little about the topic. They weigh
 * less when measuring how much of a question the knowledge base covers, so "Wanneer moet het
 * plan binnen zijn?" is not half-unknown because no entry says "binnen".
 */
/*
 * General high-frequency vocabulary (everyday verbs, adjectives, adverbs, numbers, time words)
 * as found at the top of any Dutch or English word-frequency list. Written as a general list,
 * not from the evaluation questions: a word that every kind of text uses says little about
 * whether a question is about this knowledge base.
 */
// Word lists: a line per group of words, not a word per line.
// prettier-ignore
const DUTCH_WEAK = [
  // how the asker feels about it ("ze is een beetje ongerust"): said with the question, not asked
  'bezorgd', 'ongerust', 'zenuwachtig', 'onzeker', 'verward',
  // verbs
  'binnen', 'krijgen', 'krijg', 'krijgt', 'kregen', 'gekregen', 'maken', 'maak', 'maakt', 'gemaakt',
  'gebeuren', 'gebeurt', 'gebeurde', 'gebeurd', 'komen', 'kom', 'komt', 'kwam', 'kwamen', 'gekomen',
  'staan', 'sta', 'staat', 'stond', 'zien', 'zie', 'ziet', 'zag', 'gezien', 'geven', 'geef', 'geeft',
  'gaf', 'gegeven', 'horen', 'hoor', 'hoort', 'hoorde', 'hoorden', 'gehoord', 'lees', 'leest', 'las', 'lazen', 'vinden', 'vind', 'vindt', 'vond', 'gevonden',
  'houden', 'hou', 'houdt', 'blijven', 'blijf', 'blijft', 'laten', 'laat', 'nemen', 'neem', 'neemt',
  'brengen', 'breng', 'brengt', 'zeggen', 'zeg', 'zegt', 'zei', 'gezegd', 'betekent', 'betekenen',
  'bedoeld', 'bedoelt', 'bedoel', 'gedaan', 'denken', 'denk', 'denkt', 'dacht', 'zitten', 'zit', 'zat', 'zaten', 'liggen', 'ligt',
  'lopen', 'loopt', 'kijken', 'kijk', 'kijkt', 'proberen', 'probeer', 'probeert', 'wachten', 'wacht',
  'gaan', 'ga', 'gaat', 'ging', 'gingen', 'gegaan', 'zetten', 'zet', 'werken', 'werkt', 'verwacht',
  'verwachten', 'lukt', 'lukken', 'klopt', 'kloppen', 'regelen', 'regel', 'snappen', 'begrijpen',
  'dienen', 'dient', 'diende', 'spelen', 'speelt', 'speelde', 'speelden', 'gespeeld',
  'noemen', 'noem', 'noemt', 'noemde', 'noemden', 'genoemd',
  'plaatsvinden', 'plaatsvindt', 'plaatsvond', 'plaatsvonden', 'plaatsgevonden', 'plaatshebben', 'plaatsgehad',
  // asking to be told ("Zou u mij hierover kunnen informeren?"): the request, not its subject
  'informeren', 'inlichten', 'mededelen', 'uitleggen', 'toelichten', 'bevestigen', 'verduidelijken', 'vernemen', 'verneem',
  // adjectives and adverbs
  'goed', 'goede', 'slecht', 'beter', 'best', 'beste', 'groot', 'grote', 'klein', 'kleine', 'lang',
  'lange', 'kort', 'korte', 'hoog', 'hoge', 'laag', 'nieuw', 'nieuwe', 'oud', 'oude', 'klaar', 'echt',
  'precies', 'ruwweg', 'moment', 'blijkbaar', 'kennelijk', 'schijnbaar', 'waarschijnlijk',
  'trouwens', 'eindelijk', 'uiteindelijk', 'sowieso', 'eerlijk', 'eerlijke', 'groter', 'kleiner', 'eigenlijk', 'misschien', 'zeker', 'ongeveer', 'alleen', 'meteen',
  'willen', 'wil', 'wilt', 'wou', 'wilden', 'direct', 'snel', 'altijd', 'nooit', 'vaak', 'soms', 'steeds', 'telkens', 'ooit', 'nogal', 'opnieuw', 'samen', 'ander', 'andere',
  'zelfde', 'dezelfde', 'hetzelfde', 'genoeg', 'voldoende', 'werkelijk', 'daadwerkelijk', 'mogelijk', 'nodig', 'belangrijk', 'duidelijk',
  'bepaalde', 'bepaald', 'verschillende', 'hele', 'heel', 'erg', 'veel', 'weinig', 'minder',
  // order and quantity (not time nouns: "weer", "morgen", "dag" are also weather, tomorrow, day)
  'nu', 'inmiddels', 'intussen', 'ondertussen', 'nadien', 'achteraf', 'later', 'eerst', 'eerste', 'tweede', 'derde', 'laatste', 'volgende', 'volgend', 'vorige', 'vorig', 'straks', 'keer', 'twee', 'drie',
  'vier', 'vijf', 'tweeen', 'drieen', 'een', 'één', 'eentje', 'elk', 'elke', 'ieder', 'iedere', 'iedereen', 'allemaal', 'alle', 'ergens',
  'nergens', 'anders', 'beetje', 'piepklein',
  // generic nouns
  'soort', 'manier', 'ding', 'dingen', 'iets', 'mensen', 'mens', 'persoon', 'vraag', 'vragen', 'enig', 'enige', 'zoal', 'verhaal',
  'antwoord', 'deel', 'stuk', 'kant', 'geval', 'idee', 'aantal', 'nummer', 'nr', 'totaal',
  // how the answer should be put, not what it is about ("in een notendop", "in jip-en-janneketaal")
  'notendop', 'zinnetje', 'simpel', 'simpele', 'eenvoudig', 'eenvoudige', 'jip', 'janneketaal',
  // people and fuss named in passing ("die meneer die de brief tekende", "al dit gedoe")
  'meneer', 'man', 'vrouw', 'gast', 'kerel', 'figuur', 'gedoe',
];
// Word lists: a line per group of words, not a word per line.
// prettier-ignore
const ENGLISH_WEAK = [
  // how the asker feels about it ("she's a bit worried"): said with the question, not asked
  'worried', 'worry', 'worries', 'concerned', 'confused', 'nervous', 'anxious', 'unsure',
  // verbs
  'happen', 'happens', 'happened', 'make', 'makes', 'made', 'give', 'gives', 'given', 'gave', 'come',
  'comes', 'came', 'see', 'sees', 'saw', 'seen', 'say', 'says', 'said', 'hear', 'hears', 'heard', 'get', 'gets', 'got', 'go',
  'goes', 'going', 'went', 'gone', 'want', 'wants', 'wanted', 'like', 'use', 'used', 'find', 'finds',
  'found', 'take', 'takes', 'took', 'put', 'keep', 'keeps', 'let', 'mean', 'means', 'meant', 'think',
  'thinks', 'thought', 'try', 'tries', 'trying', 'tried', 'wait', 'look', 'looks', 'work', 'works',
  'expect', 'expected', 'supposed', 'stand', 'sit', 'stay', 'bring', 'brings', 'set', 'tell',
  'understand', 'allowed', 'able', 'become', 'becomes',
  'call', 'calls', 'called', 'calling',
  // asking to be told ("I would be grateful if you could explain …"): the request, not its subject
  'explain', 'inform', 'confirm', 'clarify', 'grateful', 'appreciate', 'appreciated',
  // adjectives and adverbs
  'good', 'bad', 'better', 'best', 'big', 'small', 'long', 'short', 'high', 'low', 'new', 'old', 'ready',
  'real', 'really', 'actual', 'actually', 'exactly', 'rough', 'roughly', 'approximately', 'moment', 'apparently', 'obviously',
  'basically', 'finally', 'eventually', 'ultimately', 'honest', 'honestly', 'literally', 'probably', 'seriously', 'bigger', 'smaller', 'larger', 'maybe', 'perhaps', 'sure', 'certain', 'about', 'completely',
  'alone', 'right', 'immediately', 'soon', 'quickly', 'always', 'never', 'often', 'sometimes', 'again',
  'together', 'other', 'another', 'same', 'enough', 'possible', 'necessary', 'important', 'clear',
  'certain', 'different', 'whole', 'lot', 'lots', 'less', 'kind', 'closer', 'close', 'late', 'early',
  // order and quantity
  'now', 'far', 'yet', 'already', 'still', 'currently', 'anyway', 'afterwards', 'afterward', 'later', 'first', 'second', 'third', 'last', 'next', 'one', 'two', 'three', 'four', 'five',
  'every', 'single', 'couple', 'each', 'everyone', 'everybody', 'anyone', 'anything', 'something', 'nothing', 'all',
  'somewhere', 'anywhere', 'else', 'bit', 'tiny',
  // generic nouns
  'way', 'thing', 'things', 'people', 'person', 'question', 'questions', 'answer', 'part', 'side',
  'case', 'idea', 'number', 'nr', 'total',
  // how the answer should be put, not what it is about ("in one sentence", "in a nutshell")
  'sentence', 'sentences', 'nutshell', 'simple', 'simply', 'plain', 'briefly',
  // people and fuss named in passing ("the guy who signed the letter", "all this stuff")
  'guy', 'guys', 'folks', 'man', 'woman', 'lady', 'stuff', 'fuss',
];

const WEAK: Record<Language, ReadonlySet<string>> = {
  nl: toSet([...DUTCH_WEAK, ...INTERROGATIVES]),
  en: toSet([...ENGLISH_WEAK, ...INTERROGATIVES]),
};

/** `token` must already be normalized. */
export function isWeakWord(token: string, language: Language): boolean {
  return WEAK[language].has(token);
}
