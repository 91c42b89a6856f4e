import { englishGlosses } from './text/analyzer.js';
import { askedText } from './text/sentences.js';
import { isStopword } from './text/stopwords.js';

/**
 * Some questions ask for a kind of fact a passage visibly has or lacks: a time of day ("hoe laat
 * begint de workshop?") or an amount of money ("hoeveel subsidie krijgen we?"). Retrieval finds
 * the passage about the workshop or the subsidy either way, and its words cover the question
 * well, but if the passage holds no time or no amount it cannot answer it: then the honest reply
 * is another entry that holds such a fact, else "the sources do not say" (a gap entry, or a
 * refusal with the offer to ask a coordinator). A count ("hoeveel platforms?") works the same
 * way: the glossary entry about the transition matches "how many platforms make the transition"
 * best, but only the estimate holds the number. So does contact information: "what's the e-mail
 * address of the procescoördinator" finds the entry about that person, which holds no address.
 * The same for a place ("in welk buurthuis is de workshop?") and for names asked outright ("which
 * platforms? could you name them?"): an entry about the workshop or the estimate that names no
 * place or person does not answer them. Dates are too varied in form to check this way.
 */
export type AnswerType = 'contact' | 'time-of-day' | 'amount-of-money' | 'place' | 'names' | 'count';

const ASKS: ReadonlyArray<[AnswerType, RegExp]> = [
  // Contact details: an e-mail address, a phone number, a website or link, a street address
  // ("wie kunnen we bellen" asks who, and a name answers it, so verbs are not enough; nor is
  // "address" the verb: "want to address him properly", nor "email" the verb or the medium:
  // "do they just email?").
  [
    'contact',
    /\b((naam|name) (en|and|\+|&) (e-?mail|mail|telefoon\w*|phone)|e-?mail ?adres\w*|mailadres\w*|(?<!\b(?:in|per|by|via|through|op|met) )(the|their|his|her|your|het|de|zijn|haar|hun|jullie) e-?mail|e-?mail (van|of|for|voor)|telefoon ?nummer\w*|tel\.? ?nr|website|webpagina|webadres|url|link(je)?|contactgegevens|email address|e-mail address|phone number|telephone|contact details|contact info|(bezoek|post)?adres(sen)?|(?<!to )address(es)?\b(?! (him|her|them|it|this|that|the|a|an|our|your|my|his|their|us|me|you)\b))\b/,
  ],
  [
    'time-of-day',
    /\b(hoe\s*laat|om hoeveel uur|hoe vroeg|begintijd|aanvangstijd|eindtijd|what time|which time|start time|starting time|at what hour)\b/,
  ],
  [
    'amount-of-money',
    /\b(hoeveel \w*(geld|subsidie|euro|budget)|hoe ?hoog (is|wordt|zijn|worden|was|ligt) (de|het|die|dat|onze|ons) (subsidie|bedrag|budget|basissubsidie|basis subsidie)|how (high|big|large) (is|will|would) (be )?(the|our) (subsidy|grant|amount|budget)|welk bedrag|wat kost|hoeveel kost|(?:wat|hoeveel) (?:het|dat|dit|die|zoiets) (?:\w+ )?(?:kost|kosten|kostte)|how much (?:it|that|this) (?:\w+ )?costs?|how much (money|funding|subsidy|grant|budget)|how much (is|are|will be|does) (the |a |our )?\w*(subsidy|subsidie|grant|funding|budget)|hoeveel (is|bedraagt|wordt) (de |het |die |dat |deze |onze |ons )?\w*(subsidie|budget|bedrag)|what amount|how many euros?|how much does \w+( \w+)? cost)\b|\b(subsidie|geld|budget|bedrag|subsidy|grant|funding|amount)\b[^.?!]*\b(hoger|lager|groter|kleiner|higher|lower|bigger|smaller)\b|\b\w*(geld|subsidie|vergoeding|budget|allowance|subsidy|grant|funding)\w*\W+(?:(?:en|and|zo ?ja|if so)\W+)?(hoeveel|how much)\W*$/,
  ],
  // Where an event is held; "waar kunnen we terecht" asks who helps, so only with the event named.
  [
    'place',
    /\b(waar (is|was|wordt|werd|vindt|vond|zijn|waren) (de|die|het|dat|deze|die) (\w+ )?(workshop|bijeenkomst|startbijeenkomst|kick-?off|informatieavond|sessie)\w*|in welk (buurthuis|gebouw|zaal|buurtcentrum|pand)|op welke (locatie|plek)|welke locatie|where (is|was|will|does|did) (the|that|this) (\w+ )?(workshop|meeting|kick-?off|session|event)|(what|which) (venue|building|location)|where (is|was|will) it (be )?held)\b/,
  ],
  // Names asked outright: "could you name them", "need a name", "welke namen".
  [
    'names',
    /\b(names?( of)? them|name them|need a name|what(?:'?s| is) (?:his|her|their) name|names? of (?:the|our|that|this) (?:\w+ )?(?:opbouwwerkers?|community workers?|coordinators?|procescoordinators?|contact persons?|speakers?|persons?|people)|naam van (?:de|onze|ons|die) (?:\w+ )?(?:opbouwwerker|coordinator|procescoordinator|contactpersoon|spreker|persoon)|wie (is|zijn) (onze|de|ons|mijn|jullie) (vaste |eigen )?contactpersoon|who (is|are) (our|the|my) (\w+ )?(contact person|contact persons|point of contact)|any names|the names|their names|names? please|what are they called|namen|naam (graag|aub|pls|svp|please)|noem (ze|die|ze eens)|hoe heten (ze|die)|wat is (zijn|haar|de) naam|(wie|welke) zijn (die|de|deze) (\d+|twee|drie|vier|two|three|four) \w+|which are the (\d+|two|three|four) \w+|(welke|which) (\d+|twee|drie|vier|two|three|four) (buurt)?(platforms|buurten|neighbourhoods)|welke (raadsleden|sprekers|personen|ambtenaren|opbouwwerkers|wethouders)|which (council members|councillors|speakers|persons|officials|community workers))\b/,
  ],
  // After money: "hoeveel subsidie" is an amount, "hoeveel platforms" a count.
  ['count', /\b(hoeveel|how many)\b/],
];

const HAS: Record<AnswerType, RegExp> = {
  // An e-mail address, a link, a phone number or a postcode (6211 AB: capitals, so "2016 en" is none).
  contact: /@[a-zA-Z0-9-]+\.|[hH][tT][tT][pP][sS]?:\/\/|\b[wW]{3}\.|(\+31|\b0)\d{1,3}[- ]?\d{6,8}\b|\b\d{4} ?[A-Z]{2}\b/,
  'time-of-day': /\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}(\.\d{2})?\s*(uur|u\b|am\b|pm\b|o'clock)/i,
  'amount-of-money': /€|\beuros?\b|\beur\b/i,
  place:
    /\b(locatie|adres|zaal|buurthuis|buurtcentrum|gemeentehuis|stadhuis|venue|location|address|room|hall)\b|\b(gehouden|plaatsvond|held) (in|at|op)\b/i,
  // A person's name: two capitalised words in a row, not at the start of a sentence.
  names: /\s\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u,
  // A number that is not a year or the day of a date; "een"/"one" are left out: they are also
  // the article and the pronoun.
  count:
    /\b(?!(19|20)\d\d\b)\d+\b(?!\s+(jan|feb|maa|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\b)|\b(twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozen)\b/i,
};

/** Words by which a gap entry ("the letter does not say ...") says it is about this kind of fact. */
const GAP_ABOUT: Record<AnswerType, RegExp> = {
  contact: /\b(contact\w*|e-?mail\w*|mailadres\w*|telefoon\w*|website|link|phone|adres|adressen|address|addresses)\b/i,
  'time-of-day': /\b(tijd|tijden|tijdstip|hoe laat|aanvang|begintijd|time|times)\b/i,
  'amount-of-money': /\b(bedrag|bedragen|geld|euro|subsidiebedrag\w*|amount|amounts|money|sum)\b/i,
  place: /\b(locatie|locaties|plaats|waar|location|locations|venue|where)\b/i,
  names: /\b(naam|namen|name|names)\b/i,
  count: /\b(aantal|hoeveel|how many|number)\b/i,
};

/** Is this gap entry's text about the kind of fact asked for (so it is the right "we do not know")? */
export function gapIsAbout(text: string, type: AnswerType): boolean {
  return GAP_ABOUT[type].test(text);
}

/** The kind of fact the question asks for, when it is one of the checkable kinds. */
export function askedAnswerType(question: string): AnswerType | undefined {
  return answerTypeIn(plain(askedText(question)));
}

/** The checkable kind of fact a question's asked part (already plain) asks for. */
function answerTypeIn(asked: string): AnswerType | undefined {
  return ASKS.find(([, pattern]) => pattern.test(asked))?.[0];
}

/*
 * Dates are too varied to refuse an entry for lacking one ("wanneer is een plan goed genoeg?"
 * asks for a condition), but they can tell a gap entry from the answer: "wie kwamen er naar de
 * startbijeenkomst, en wanneer was die?" matches the gap about the speakers best, yet asks for
 * the date the fact entry has. So a date only moves a question away from a gap that is not
 * about dates (see gapMissesAskedFact in answerer.ts).
 */
const ASKS_DATE =
  /\b(wanneer|datum|op welke dag|per wanneer|vanaf wanneer|tot wanneer|laatste dag|when|date|which day|(last|final|latest) day)\b/;
const HAS_DATE =
  /\b\d{1,2}\s+(jan|feb|maa|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\b|\b(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|june|july|august|october)\s+(19|20)\d\d\b/i;
const GAP_ABOUT_DATE = /\b(datum|data|wanneer|date|dates|when)\b/i;

/* "Voor welk jaar krijgen de eerste buurtnetwerken subsidie?" asks for a year: any year answers it. */
const ASKS_YEAR = /\b(welk jaar|welk jaartal|which year|what year)\b/;
const HAS_YEAR = /\b(19|20)\d\d\b/;
const GAP_ABOUT_YEAR = /\b(jaar|jaartal|year)\b/i;

/** The kinds of fact a question can ask for, for choosing between a gap and an answer: the checkable ones, dates and years. */
export type FactKind = AnswerType | 'date' | 'year';

export function askedFactKind(question: string): FactKind | undefined {
  const text = plain(askedText(question));
  return answerTypeIn(text) ?? (ASKS_DATE.test(text) ? 'date' : ASKS_YEAR.test(text) ? 'year' : undefined);
}

export function hasFactKind(text: string, kind: FactKind): boolean {
  return kind === 'date' ? HAS_DATE.test(text) : kind === 'year' ? HAS_YEAR.test(text) : hasAnswerType(text, kind);
}

export function gapIsAboutKind(text: string, kind: FactKind): boolean {
  return kind === 'date' ? GAP_ABOUT_DATE.test(text) : kind === 'year' ? GAP_ABOUT_YEAR.test(text) : gapIsAbout(text, kind);
}

/** Does the text contain a fact of this kind (a time, an amount in euro)? */
export function hasAnswerType(text: string, type: AnswerType): boolean {
  return HAS[type].test(text);
}

/*
 * "Hoeveel workshops zijn er?" counts workshops, and "Er zijn 4 workshops" answers it, while the
 * gap about the number of participants ("hoeveel mensen kwamen er?") does not, though both are
 * about workshops and counts. The counted noun is the word after "hoeveel"/"how many"; a text
 * counts it when a number stands right before that word or a compound ending in it ("20
 * buurtplatforms" counts platforms).
 */
/** Words that follow "hoeveel"/"how many" without being what is counted. */
// prettier-ignore
const NOT_NOUNS: ReadonlySet<string> = new Set([
  'exactly', 'precisely', 'roughly', 'approximately', 'actually', 'really', 'then', 'now',
  'precies', 'ongeveer', 'ruwweg', 'eigenlijk', 'nou', 'dan', 'nu', 'zowat', 'pakweg',
]);
// "how many of the platforms", "hoeveel van de buurten": the noun after the article; "how many
// neighbourhood platforms": the word after it too, as the first may only modify it.
const COUNTED =
  /\b(?:hoeveel|how many)\s+(?:(?:of|van)\s+(?:the|de|het|our|onze|these|those|deze|die)\s+)?(?:[a-z]+'s\s+)?([a-z][a-z-]{2,})(?:\s+([a-z][a-z-]{2,}))?/;
const PLURAL = /[a-z]{3}s$/;
// "out of the 32 platforms", "van de 32": the whole a count is taken from (its number captured).
const FROM_WHOLE = String.raw`\b(?:out of|of|van|uit) (?:the |de |die |those |these |deze |alle |all )?(\d+) `;
const OUT_OF = new RegExp(String.raw`${FROM_WHOLE}([a-z][a-z-]{2,})\b[^?]*\b(?:hoeveel|how many)\b`);
const NUMBER = String.raw`(?:\d+|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)`;

function plain(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/**
 * The noun a count question counts ("workshops" in "hoeveel workshops zijn er"), if any; with
 * the word after it when that is not a little word ("neighbourhood platforms").
 */
export function countedNoun(question: string): string | undefined {
  const asked = plain(askedText(question));
  const match = COUNTED.exec(asked);
  // "how many exactly?", "hoeveel zijn het er?": no noun, only a little word; but "out of the 32
  // platforms, how many want to go for it?" counts the platforms it names.
  if (!match?.[1] || isStopword(match[1]) || NOT_NOUNS.has(match[1])) return OUT_OF.exec(asked)?.[2];
  const next = match[2];
  if (!next || isStopword(next)) return match[1];
  // "how many neighbourhood platforms": a plural second word is the head, and the first only
  // says which ("36 buurten" does not count platforms). Any other second word may be a verb
  // ("how many platforms chose …") or the noun after an adjective, so both count.
  return PLURAL.test(next) && !PLURAL.test(match[1]) ? next : `${match[1]} ${next}`;
}

/** Does the text give a number of this noun, or of one of its two words ("4 workshops", "20 buurtplatforms" for "platforms")? */
export function countsNoun(text: string, noun: string, given: ReadonlySet<string> = new Set()): boolean {
  return noun.split(' ').some((word) => countsWord(text, word, given));
}

/**
 * The whole a question counts from ("out of the 32 platforms, how many …", "van de 32"): an
 * entry that repeats that number does not answer it. A guess ("3 of 4?") is not a whole.
 */
export function wholesCountedFrom(question: string): Set<string> {
  return new Set([...plain(question).matchAll(new RegExp(`${FROM_WHOLE}[a-z]`, 'g'))].map((match) => match[1] ?? ''));
}

function countsWord(text: string, noun: string, given: ReadonlySet<string>): boolean {
  // Singular and plural alike: "workshop(s)", "buurt(en)", "lid/leden" are left to their stem.
  const stem = noun.replace(/(en|s)$/, '');
  // "32 van de 36 buurten", "32 of the 36 buurten": the noun after the second number.
  const counted = new RegExp(String.raw`\b(${NUMBER})\s+(?:(?:van de|of the)\s+${NUMBER}\s+)?([a-z]+)`, 'g');
  for (const match of plain(text).matchAll(counted)) {
    if (given.has(match[1] ?? '')) continue;
    const word = (match[2] ?? '').replace(/(en|s|n)$/, '');
    // A compound counts its last part ("20 buurtplatforms" for "platforms"), and the other way round.
    if (word.length > 1 && (word.endsWith(stem) || stem.endsWith(word))) return true;
    // English text keeps the Dutch names: "36 buurten" counts neighbourhoods.
    if (englishGlosses(word).some((gloss) => gloss === stem)) return true;
  }
  return false;
}

/*
 * "Wie is de wethouder?" wants the name first ("Jack Gerats"), not the definition of a wethouder.
 * Names are too varied to choose an entry by, but a sentence that holds one is easy to see (HAS
 * names). "Welke wethouder …?" asks for a person as much as "wie" does.
 */
const ASKS_WHO =
  /\b(wie|who|whom|who's)\b|\b(welke?|which) (wethouder|alderman|coordinator|coordinatoren|procescoordinator|opbouwwerker|persoon|person)\b/;

/** How to tell a sentence that gives what the question asks for (a date, a number, a name …), if the question says. */
export function askedFactTest(question: string): ((sentence: string) => boolean) | undefined {
  const kind = askedFactKind(question);
  if (kind) return (sentence) => hasFactKind(sentence, kind);
  return ASKS_WHO.test(plain(question)) ? (sentence) => hasAnswerType(sentence, 'names') : undefined;
}

/*
 * "Wat gebeurt er als we te laat zijn?", "Are we allowed to …?", "Mogen we …?": a question about
 * a consequence or a permission. The letter hardly ever says what happens if, or what is
 * allowed; an entry about the same words ("3 bestuursleden", "het verschil tussen platform en
 * netwerk") does not answer it. Only an entry written for such questions does: one whose example
 * questions ask them too (see answerer.ts).
 */
const ASKS_WHAT_IF =
  /\b(what happens (if|when)|what would happen|what if|(do|will|would|could|can) (we|they|you|i) (lose|forfeit|miss out on)|(verliezen|verliest|verlies) (we|wij|ze|zij|je|jullie|ik)|(raken|raak) (we|wij|ze|zij|je|jullie|ik) \w+(?: \w+)? kwijt|wat gebeurt er (als|wanneer|met)|wat als|wat nou als|stel dat|suppose|are we allowed|am i allowed|is it allowed|allowed to|mogen (we|wij|ze|zij|er)|mag (ik|dat|het|je|men|er|een|1|iemand|ons|onze|mijn)|toegestaan)\b/;

/** Does the question ask what happens if, or whether something is allowed? */
export function asksWhatIf(question: string): boolean {
  return ASKS_WHAT_IF.test(plain(question));
}
