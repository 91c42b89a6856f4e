import { tokenize } from './normalize.js';
import { quotations } from './quotes.js';
import { isStopword, isWeakWord } from './stopwords.js';

/*
 * Chat messages often wrap the question in context: "Hi! I joined our buurtplatform last
 * month. Everyone talks about the transition - what's the timeline?" The words of the context
 * sentences ("joined", "month") are not what is asked, and no entry matches them, so counting
 * them in full makes a clear question look half off-topic. What is asked: the question sentences
 * (ending in "?", or, since chat often drops it, opening as a question does: "Bij wie kunnen we
 * aankloppen als we vastlopen", "Does anyone know when …"), and what follows "we vroegen ons af" /
 * "de vraag kwam op" / "I was wondering" in any sentence (and, in a question passed on by a
 * coordinator, "iemand wilde weten", "een vrijwilliger vroeg me of", "a parent asked me which").
 * A question sentence that says nothing itself ("… hoeveel bestuursleden we nodig hebben. Weet
 * jij dat?") points at the sentence before it. Words only in the rest are context.
 */
// Chat ends a sentence with a smiley or an emoji as often as with a full stop ("… gestopt :( hoeveel …").
const SENTENCE_END = /(?<=[.!?…]|[:;]-?[()DPp]|\p{Extended_Pictographic})\s+|\n+/u;
const QUESTION_END = /\?[\s"'’”)\]]*$/u;
/** Words after which a sentence says what is asked, without a question mark. */
const ASKING =
  /\b(?:vroeg(?:en)? (?:me|mij|ons|zich|we|wij|ik) (?:\S+ )?af|vraag (?:me|mij|ik) (?:\S+ )?af|vragen (?:ons|we|wij) (?:\S+ )?af|de vraag (?:op|is|was|rees)|(?:wil|willen|wilde|wilden|zou|zouden) (?:(?:ik|wij|we) )?(?:graag )?(?:willen )?weten|(?:zou|zouden|wil|willen) (?:ik|wij|we) graag|(?:vroeg|vroegen|vraagt|vragen)(?: (?:me|mij|ons|jou|jullie))?(?= (?:\S+ )?(?:of|wanneer|hoe|wat|wie|waar|waarom|welke|hoeveel)\b)|(?:graag|gaarne) (?:verneem|vernemen|hoor|horen) (?:ik|wij|we)(?: van u)?|(?:ik|wij|we) (?:verneem|vernemen|hoor|horen) (?:graag|gaarne)(?: van u)?|(?:graag|gaarne) (?:zou|zouden) (?:ik|wij|we) (?:willen )?(?:vernemen|weten|horen)|wants? to know|wanted to know|benieuwd|wonder(?:ing|ed)?|(?:like|want) to know|(?:can|could) you tell (?:me|us)|(?:asked|asks|was asking|were asking)(?: (?:me|us))?(?= (?:\S+ )?(?:if|whether|when|how|what|who|which|where|why)\b))\b/iu;
/*
 * How a question opens when its "?" is left off: a question word, perhaps after a preposition
 * ("tot wanneer", "bij wie", "by when") or a little word ("en", "maar", "so"), or a verb first
 * ("Moeten we …", "Is er …", "Does anyone …"). Dutch and English statements rarely open so; a
 * sentence that is not a question but opens like one only moves the weight of its words.
 */
const LEAD = String.raw`(?:(?:en|maar|dus|nou|oh|ok[eé]?|so|and|but|also|ook|hmm+|btw|ongeveer|ruwweg|globaal|roughly|approximately|about)[,!]?\s+)?`;
const PREPOSITION = String.raw`(?:(?:tot|vanaf|v[oó][oó]r|sinds|bij|met|van|aan|op|in|naar|over|om|uit|voor|by|until|till|to|for|from|with|in|on|at|since)\s+)?`;
const QUESTION_WORD = String.raw`(?:wie|wat|wanneer|waar(?:om|voor|mee|over|in|op|aan|door|naar|bij|van|uit)?|hoe(?:veel|lang|ver|zo|vaak)?|welke?|who|whom|whose|what|when|where|why|how|which)`;
const VERB_FIRST = String.raw`(?:moet(?:en)?|mag|mogen|kan|kun(?:nen)?|is|zijn|heeft|hebben|krijg(?:t|en)|wordt|worden|ga(?:at|an)|kom(?:t|en)|zal|zullen|zou(?:den)?|weet|weten|bestaa?t|geldt|gelden|klopt|hoort|horen|do|does|did|is|are|was|were|can|could|should|will|would|has|have|had|may|must|shall)\s+(?:(?:echt|nou|eigenlijk|dan|ook|nog|wel|really|actually|still|even)\s+)?(?:er|we|wij|ik|jij|je|u|ze|zij|het|de|dat|die|dit|ons|onze|elk\w*|iemand|alle\w*|there|we|i|you|they|it|the|our|this|that|anyone|anybody|someone|every\w*|all)\b`;
const OPENS_AS_QUESTION = new RegExp(`^[^\\p{L}\\p{N}]*${LEAD}(?:${PREPOSITION}${QUESTION_WORD}\\b|${VERB_FIRST})`, 'iu');

const HAS_QUESTION_WORD = new RegExp(`\\b${QUESTION_WORD}\\b`, 'iu');
/** "Moet het in december of in januari?" offers a choice: "Ja" or "Nee" would not answer it. */
const OFFERS_CHOICE = /\s(?:of|or)\s/iu;

/**
 * Does the message ask a yes/no question: a sentence that asks ("Steunt de wethouder ook kleine
 * initiatieven?", "Moeten we …") without a question word anywhere (so not "Weet iemand wanneer …")
 * and without a choice between two things.
 */
export function asksYesOrNo(text: string): boolean {
  return text
    .split(SENTENCE_END)
    .map((sentence) => sentence.trim())
    .some((sentence) => asks(sentence) && !HAS_QUESTION_WORD.test(sentence) && !OFFERS_CHOICE.test(sentence));
}

/*
 * One sentence of chat often carries its context before the question: "Dag allemaal, ik was er
 * niet bij (zat in Spanje) maar wanneer was die startbijeenkomst?", "Our board is just two
 * people - how many do we need?". When a sentence that asks does not open as a question, the
 * clause that opens as a question (after a comma, colon, bracket, dash or "maar"/"but") is
 * what is asked, and the clauses before it are context. A condition before the question ("Als we
 * te laat zijn, wat dan?", "if we're late, what happens?") is part of what is asked and stays.
 */
const CLAUSE_BREAK = /(?<=[,;:)\]])\s+|\s+[-–—]+\s+|\s+\(|\s+(?=(?:maar|but)\s)/u;
const CONDITION =
  /^[^\p{L}]*(?:(?:en|and|maar|but)\s+)?(?:als|indien|stel|wanneer|zodra|mocht|if|when|once|suppose|in case|unless|tenzij)\b/iu;

/** The sentence as [context, asked] when its question opens in a later clause; else the sentence alone. */
function splitAtQuestion(sentence: string): string[] {
  if (!asks(sentence) || OPENS_AS_QUESTION.test(sentence) || CONDITION.test(sentence)) return [sentence];
  const clauses = sentence.split(CLAUSE_BREAK);
  const at = clauses.findIndex((clause, i) => i > 0 && OPENS_AS_QUESTION.test(clause));
  if (at < 0) return [sentence];
  return [clauses.slice(0, at).join(' '), clauses.slice(at).join(' ')];
}

/*
 * "Wij gingen ervan uit dat we in 2016 al zouden beginnen. Is dat juist?", "I understood that all
 * 36 neighbourhoods will have a network. Is that correct?": a question that asks whether the
 * sentence before it is true asks that whole sentence, the claim, not only its words of the
 * domain. What says it is a claim ("wij gingen ervan uit dat", "I was told") and the
 * confirmation question itself are context.
 */
const CONFIRMATION =
  /^[^\p{L}]*(?:(?:en|and|maar|but|so)\s+)?(?:klopt (?:dat|dit|het)(?: wel| eigenlijk| een beetje| helemaal| nou| echt)*|is (?:dat|dit|het) (?:wel |echt |eigenlijk |nou )?(?:zo|juist|correct|waar|goed|terecht)|(?:kunt|kan|kun|zou|wilt|wil) (?:u|je|jij|iemand) (?:mij |me |ons )?(?:dat |dit |het )?(?:even |alstublieft |aub |svp )?(?:kunnen |willen )?(?:bevestigen|beamen)(?: of (?:dat|dit|het) (?:juist|correct|waar|zo) is| of (?:dat|dit|het) klopt)?|(?:is|was) (?:that|this|it) (?:really |actually |even |also )?(?:right|correct|true|so|accurate)|(?:is|was|are|were) (?:he|she|they) (?:right|correct)(?: about [^?]*)?|(?:heeft|had|hebben) (?:hij|zij|ze) (?:daar |hierin |daarin )?(?:gelijk|een punt)(?: in [^?]*)?|(?:isn'?t|wasn'?t) (?:that|this|it) (?:right|correct|true|so)|(?:is|would) (?:that|this|it) (?:be )?(?:allowed|ok|okay|possible)|(?:mag|kan) (?:dat|dit|het)(?: wel| zomaar| gewoon)?|is (?:dat|dit|het) (?:wel )?(?:toegestaan|mogelijk|de bedoeling)|(?:klopt|is) (?:dat|dit|het) niet(?: zo)?|(?:can|could|would) (?:you|someone|anyone) (?:please |kindly |perhaps |maybe |just )?confirm\b.*|(?:can|could|would) (?:you|someone|anyone) (?:please |kindly |perhaps |maybe |just )?(?:double[- ]?check|check|verify) (?:that|this|it|the (?:date|number|facts?|figures?|details?))(?: for (?:me|us))?(?: please)?|is (?:that|this|it) (?:really |actually )?what (?:the|that|this|your) (?:\S+\s+){0,3}(?:says?|said)\b.*|(?:kun|kan|kunt|wil|wilt) (?:je|jij|u|iemand) (?:dat|dit|het) (?:even |eens |nog )?(?:checken|nakijken|controleren|natrekken)|staat (?:dat|dit|het) (?:ook |echt |zo )?in de brief|(?:that|this|it) (?:doesn'?t|does not|don'?t) (?:sound|seem|look) (?:right|correct)(?: to me)?|(?:dat|dit|het) (?:klinkt|lijkt) (?:mij |me )?niet (?:goed|juist|te kloppen)|(?:dat|dit|het) kan (?:toch )?niet kloppen|am i right|am i (?:wrong|mistaken)|who(?:'s| is) right|wie heeft (?:er )?gelijk|(?:zit ik|zat ik) (?:er ?naast|fout|verkeerd)|vergis ik me|heb ik het (?:mis|fout)|right|correct|true|toch)(?:,? (?:of|or) (?:zit ik (?:er ?naast|fout|verkeerd)|vergis ik me|heb ik het (?:mis|fout)|am i (?:wrong|mistaken)|did i get (?:that|it) wrong|not|niet))?[^\p{L}]*$/iu;
const CLAIM =
  /\b(?:(?:wij|we|ik) (?:gingen|ging|gaan|ga) (?:er ?van ?)?uit dat|(?:ik|wij|we) (?:meende|meenden|dacht|dachten|hoorde|hoorden|heb gehoord|hebben gehoord|heb begrepen|hebben begrepen|begreep|begrepen|las|lazen|heb gelezen|hebben gelezen) dat|(?:ik|wij|we) (?:had|hadden|heb|hebben) (?:in (?:mijn|m'n|ons) hoofd|het idee|de indruk|onthouden) dat|(?:i|we) (?:had|have) (?:it in (?:my|our) heads?|the impression|the idea)(?: that)?|(?:i|we) (?:was|were|am|are) under the impression(?: that)?|(?:i|we) (?:heard|have heard) (?:it )?(?:through|on|via) the grapevine(?: that)?|(?:i|we) (?:understood|understand|heard|have heard|was told|were told|am told|are told|thought|believed?|assumed?|read)(?: that)?|(?:someone|people|they) (?:told|tells?) (?:me|us)(?: that)?|(?:heard|hear) (?:a|the) rumou?rs?(?: that)?|(?:reckons?|thinks?|claims?|says|insist(?:s|ed)?) (?:that )?|(?:was|is|were|are) (?:adamant|convinced)(?: that)?|(?:was|is|waren|zijn) (?:ervan )?overtuigd(?: dat)?|(?:said|wrote|writes|mentioned)(?: (?:in|at|on) [^.?!]{0,40}?)? that|(?:someone|somebody|people|they|he|she) (?:said|says)|(?:zei|schreef|schrijft|noemde)(?: (?:in|op|bij) [^.?!]{0,40}?)? dat|iemand (?:zei|zegt)|(?:denkt|zegt|beweert|meent) dat|(?:hoorde|hoorden|horen|hoor) (?:een|het) gerucht(?: dat)?|(?:er gaat|het) gerucht (?:gaat )?dat)\b/iu;

/** Does this sentence ask something: a "?" at its end, or the opening of a question. */
function asks(sentence: string): boolean {
  return QUESTION_END.test(sentence) || OPENS_AS_QUESTION.test(sentence);
}

/*
 * "Thanks for the help so far!", "Bedankt alvast!": courtesy, not even context. Its words
 * ("help", "hulp") are words of the domain, and would lead to the entry about support.
 */
const COURTESY =
  /^[^\p{L}]*(?:thanks|thank you|thx|ty|cheers|many thanks|with thanks|bedankt|dank(?:\s?je|\s?u)?(?:\s?wel)?|merci|top,? bedankt|alvast bedankt|bij voorbaat dank)\b/iu;

/*
 * A letter's closing and what follows it, the name and role of who wrote it: "Met vriendelijke
 * groet, J. Janssen, secretaris", "Kind regards, Maria", "Groet, Els", "Many thanks in advance,
 * Paul, Chair" (thanks only with a few words after it). A closing ends a message, so nothing
 * with a question mark may follow it: "Hi, with regards to the plan: when is the deadline?" and
 * "Groeten, wanneer is de deadline?" keep their question. A name is a word no entry has, so it
 * would weigh as much as the question's own words.
 */
const SIGN_OFF =
  /(?<=^|[\s,.!?…])(?:met (?:vriendelijke|hartelijke) groet(?:en)?|vriendelijke groet(?:en)?|hartelijke groet(?:en)?|hoogachtend|(?:kind|best|warm|many) regards|regards(?! to)|with (?:kind |best )regards|yours (?:sincerely|faithfully|truly)|(?:groetjes|groeten|groet|greetings|cheers)(?=[,!.]?(?:\s+[^\s?]+){0,4}\s*$)|(?:many thanks|thanks in advance|thank you(?: very much| in advance| for your (?:time|help))?|(?:bij voorbaat|alvast)(?: hartelijk)? (?:dank|bedankt)|ik dank u(?: zeer| hartelijk| wel)?|met dank|ik hoop spoedig van u te horen|i look forward to (?:your reply|hearing from you))(?=[,!.]?(?:\s+[^\s?]+){0,12}\s*$))\b(?![^?]*\?)[\s\S]*$/iu;

/*
 * "Hoeveel buurten telt Maastricht volgens die brief van de wethouder?", "… volgens de gemeente?":
 * every answer is according to the letter (the municipality's, by the wethouder), so saying so
 * asks nothing, and its words ("brief", "wethouder") lead to the entry about who wrote it.
 */
const SOURCE_REFERENCE =
  /,?\s*\b(?:volgens|according to)\s+(?:de|die|deze|dat|het|the|that|this)\s+(?:(?:\p{L}+\s+)?(?:raadsinformatie)?(?:brief|letter)(?:\s+(?:van|from|of|by)\s+(?:de|die|the)\s+(?:wethouder|alderman|gemeente|municipality))?|gemeente|wethouder|municipality|alderman|city)\b/giu;

/*
 * "Hoeveel workshops waren er al geweest toen de wethouder dat stuk schreef?", "… when the letter
 * was written": every answer is as of the letter, so the time of the letter asks nothing either.
 */
const LETTER_TIME =
  /,?\s*\b(?:toen|when|by the time|at the time)\s+(?:de|die|deze|dat|the|that|this|he|hij)\s+(?:\p{L}+\s+){0,4}?(?:schreef|schreven|verscheen|uitkwam|verstuurd werd|werd geschreven|werd verstuurd|geschreven werd|wrote|was written|came out|was sent)\b/giu;

/**
 * The message without what it says in passing: its closing and signature, its "according to the
 * letter" and "when the letter was written", and its sentences of thanks (a sentence that also
 * asks something stays).
 */
export function withoutAsides(message: string): string {
  const signed = message.replace(SIGN_OFF, '').trim() || message;
  const text = signed.replace(SOURCE_REFERENCE, '').replace(LETTER_TIME, '').trim() || signed;
  // One sentence stays as it is: thanks alone is still the whole message.
  const sentences = text.split(SENTENCE_END).map((sentence) => sentence.trim());
  if (sentences.length < 2) return text;
  const kept = sentences.filter((sentence) => !COURTESY.test(sentence) || asks(sentence));
  return kept.length ? kept.join(' ') : text;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The message's sentences, each split where its question opens (splitAtQuestion), and the
 * clauses that came before such a question in its own sentence (the lead-ins).
 */
function clausesOf(text: string): { sentences: string[]; leadIns: Set<string> } {
  const leadIns = new Set<string>();
  const sentences = text
    .split(SENTENCE_END)
    .flatMap((s) => {
      const parts = splitAtQuestion(s.trim());
      if (parts.length > 1 && parts[0]) leadIns.add(parts[0].trim());
      return parts;
    })
    .map((s) => s.trim())
    .filter(Boolean);
  return { sentences, leadIns };
}

/**
 * The normalized tokens that occur only in the message's context: empty unless the message has
 * both something asked and something else.
 */
export function contextOnlyTokens(text: string, isTopicWord: (token: string) => boolean = () => true): ReadonlySet<string> {
  // The clauses before a question in its own sentence: their words of the domain are the
  // question's subject ("… about 'transitie' - what's the timeline?"), the rest is context.
  const { sentences, leadIns } = clausesOf(text);
  if (sentences.length < 2 && !ASKING.test(text)) return NONE;
  const asked: string[] = [];
  const rest: string[] = [];
  // Whether a question of its own (not a lead-in, not a check) named something of the domain.
  let askedOfDomain = false;
  sentences.forEach((sentence, i) => {
    if (asks(sentence)) {
      // An empty question ("Weet jij dat?", "Wanneer was dat?") is about the sentence before it:
      // about its words of the domain ("… over die startbijeenkomst"), not about the rest of it
      // ("ik was op vakantie"), which stays context.
      // A lead-in without such words ("Heb ik die gemist, en wanneer was die?") passes the
      // question on to the sentence before it.
      // What the message quotes comes first: "… had het over 'het Buurtnetblad'. Ik zat toen nog
      // niet in het bestuur. Wat was dat?" asks what the Buurtnetblad was.
      const previous = sentences[i - 1];
      // "Hoeveel clubs willen mee? De een zei de helft, de ander bijna allemaal. Wie heeft er
      // gelijk?": a check after a question of the domain asks that question, not a claim.
      const confirms = CONFIRMATION.test(sentence) && previous !== undefined && !askedOfDomain;
      // "That doesn't sound right?? Can someone confirm": the second asks what the first asked.
      if (confirms && asks(previous) && CONFIRMATION.test(previous)) {
        rest.push(sentence);
        return;
      }
      if (confirms && rest.at(-1) === previous) {
        // The claim is the last statement that names something of the domain: "… was in March.
        // I have a feeling it was later. Could you check?" checks the date of March.
        // ("Dat klinkt me niet goed" before it doubts; it is not the claim.)
        const at = rest.findLastIndex((part) => !CONFIRMATION.test(part) && tokenize(part).some(isTopicWord));
        const [stated] = at >= 0 ? rest.splice(at, 1) : rest.splice(-1, 1);
        const [said, claim] = atMarker(stated ?? previous, CLAIM);
        if (said) rest.push(said);
        asked.push(claim);
        // "Kunt u dat bevestigen?" itself says only that it asks: no entry has "bevestigen". What
        // it names of the domain is asked ("Could you kindly confirm the actual deadline?").
        rest.push(sentence);
        asked.push(tokenize(sentence).filter(isTopicWord).join(' '));
        return;
      }
      if (asksNothing(sentence) && previous !== undefined && rest.at(-1) === previous) {
        const quoted = rest.flatMap(quotations).at(-1);
        if (quoted !== undefined && !tokenize(quoted).every(isFiller)) {
          asked.push(quoted, sentence);
          return;
        }
        const about = [...rest].reverse().find((part) => tokenize(part).some(isTopicWord)) ?? previous;
        const topic = tokenize(about).filter(isTopicWord);
        if (about === previous && topic.length === tokenize(previous).length) rest.pop();
        asked.push(topic.join(' '));
      }
      asked.push(sentence);
      askedOfDomain ||= tokenize(sentence).some(isTopicWord);
      return;
    }
    // A lead-in keeps its words of the domain and its numbers as asked: "Ons platform heeft maar
    // 2 bestuursleden, kunnen we meedoen?" asks about 2 bestuursleden.
    // "Dat klinkt me niet goed, kan iemand dat bevestigen?": a lead-in that doubts asks nothing.
    if (leadIns.has(sentence) && !CONFIRMATION.test(sentence))
      asked.push(
        tokenize(sentence)
          .filter((token) => isTopicWord(token) || /^\d+$/.test(token))
          .join(' '),
      );
    // The words that say "I'm asking" ("we vroegen ons af", "I was wondering") are not what is
    // asked: no entry has them, so they go with the context.
    const [said, what] = atMarker(sentence, ASKING);
    if (said) {
      rest.push(said);
      asked.push(what);
    } else rest.push(sentence);
  });
  const askedTokens = new Set(asked.flatMap((part) => tokenize(part)));
  if (rest.length === 0 || [...askedTokens].every(isFiller)) return NONE;
  const context = new Set<string>();
  for (const part of rest) for (const token of tokenize(part)) if (!askedTokens.has(token)) context.add(token);
  return context;
}

/**
 * The part of a message that asks, for reading which kind of fact is wanted ("hoeveel", "wanneer",
 * "namen"; answer-type.ts): from its first question (the clause where it opens, or what follows
 * "I was wondering") to the end, since what people add after a question still asks ("… who is
 * our opbouwwerker? need a name"). A question that says nothing itself ("Klopt dat?", "Weet jij
 * dat?") brings the sentence before it. The introduction before the question names no kind of
 * fact: "Elke keer weer nieuwe namen. … tot wanneer hebben we?" asks a date, not names. A message
 * that asks nowhere is read whole.
 */
export function askedText(message: string): string {
  const { sentences } = clausesOf(message);
  const first = sentences.findIndex((sentence) => asks(sentence) || ASKING.test(sentence));
  const question = sentences[first];
  if (question === undefined) return message;
  // "… tot eind maart. Dat klinkt me niet goed, kan iemand dat bevestigen?": past the doubt to the claim.
  const claimAt = sentences.slice(0, first).findLastIndex((sentence) => !CONFIRMATION.test(sentence));
  const previous = sentences[claimAt];
  const empty = asks(question) && (CONFIRMATION.test(question) || tokenize(question).every(isFiller));
  const opening = empty && previous !== undefined ? [previous, question] : [atMarker(question, ASKING)[1]];
  return [...opening, ...sentences.slice(first + 1)].join(' ');
}

/**
 * The text split after the words that say what follows ("we vroegen ons af", "I was told"): those
 * words with what comes before them, and the rest. Without the marker: nothing, and the text.
 */
function atMarker(text: string, marker: RegExp): [string, string] {
  const found = marker.exec(text);
  if (!found) return ['', text];
  const end = found.index + found[0].length;
  return [text.slice(0, end), text.slice(end)];
}

/*
 * "… what happens in 2017 and 2018 with the networks. Any info?", "Iemand een idee?": a question
 * that only asks for something about what was said before it.
 */
const ASKS_FOR_MORE =
  /^[^\p{L}]*(?:any (?:info|information|ideas?|thoughts|details|tips|news)|(?:iemand )?(?:een idee|info|informatie|ideeën|tips)|(?:weet|heeft) iemand (?:meer|info|informatie|iets)|(?:does )?anyone know(?: more)?)[^\p{L}]*$/iu;

/** Does this question ask nothing by its own words ("Weet jij dat?", "Any info?")? */
function asksNothing(sentence: string): boolean {
  return tokenize(sentence).every(isFiller) || ASKS_FOR_MORE.test(sentence);
}

/** A word that says nothing about what is asked ("weet", "jij", "dat", "any", "idea"), in either language. */
function isFiller(token: string): boolean {
  return isStopword(token) || isWeakWord(token, 'nl') || isWeakWord(token, 'en');
}

/*
 * "lol off topic but what's the best pizza place near the Markt? planning drinks after our board
 * meeting", "even helemaal iets anders: ...": the asker says it is not about the transition, so
 * the words of the domain around it ("board meeting") do not make it so.
 */
const SAYS_OFF_TOPIC =
  /\b(?:off[- ]?topic|offtopic|helemaal iets anders|heel iets anders|ander onderwerp|(?:totally|completely) unrelated)\b/iu;

/** Does the message say itself that it is off-topic? */
export function saysOffTopic(message: string): boolean {
  return SAYS_OFF_TOPIC.test(message);
}

/*
 * "Wanneer is de deadline? En hoeveel bestuursleden moeten we hebben?", "Who wrote the letter and
 * when was the kick-off?": two questions in one message. Each is a question sentence, or a clause
 * after "en"/"and" that opens as a question. A part that names nothing of the domain on its own
 * ("… en komt er nog 1?", "en is die gratis?") leans on the other and is not a question by
 * itself: then the message is one question.
 */
const AND_THEN_QUESTION = new RegExp(`,?\\s+(?:en|and)\\s+(?=${PREPOSITION}${QUESTION_WORD}\\b|${VERB_FIRST})`, 'iu');

/** The message's separate questions, each naming something of the domain; fewer than two: []. */
export function separateQuestions(message: string, namesDomain: (text: string) => boolean): string[] {
  const parts = withoutAsides(message)
    .split(SENTENCE_END)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence && asks(sentence))
    // "Twee vragen: wie is de wethouder en …?": the lead-in before the question is no part.
    .map((sentence) => splitAtQuestion(sentence).at(-1) ?? sentence)
    .flatMap((sentence) => sentence.split(AND_THEN_QUESTION))
    .map((part) => part.trim())
    .filter(Boolean);
  // "Ons platform heeft 2 bestuursleden en mogen we dan meedoen?": a statement before "en" is context.
  if (parts.length < 2 || !parts.every((part) => asks(part) && namesDomain(part))) return [];
  return parts;
}
