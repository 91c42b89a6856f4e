import { describe, expect, it } from 'vitest';
import type { RankedTopic } from '../../src/core/knowledge/answerer.js';
import { asksForDetail, preferAnswerOverGap, preferGapOverAnswer } from '../../src/core/knowledge/gap-choice.js';
import { SearchIndex } from '../../src/core/knowledge/search-index.js';
import type { SearchHit } from '../../src/core/knowledge/search-types.js';
import { analyzeText } from '../../src/core/knowledge/text/analyzer.js';
import { conceptWords } from '../../src/core/knowledge/text/concepts.js';
import { tokenize } from '../../src/core/knowledge/text/normalize.js';
import { askedText, contextOnlyTokens, withoutAsides } from '../../src/core/knowledge/text/sentences.js';
import { correctTerm, editsOne } from '../../src/core/knowledge/text/spelling.js';
import { entry } from './fixtures.js';

describe('spelling correction', () => {
  const vocabulary = new Map([
    ['aanpak', 5],
    ['deadlin', 4],
    ['startbijeenkomst', 2],
    ['aanpaks', 1],
  ]);
  const frequency = (word: string): number => vocabulary.get(word) ?? 0;

  it('reads a swap of neighbouring letters, a dropped and an extra letter as the known word', () => {
    expect(correctTerm('aanpka', frequency)).toBe('aanpak');
    expect(correctTerm('startbijenkomst', frequency)).toBe('startbijeenkomst');
    expect(correctTerm('deadlien', frequency)).toBe('deadlin');
  });

  it('prefers the more frequent of two known words one edit away', () => {
    expect(correctTerm('aanpakx', frequency)).toBe('aanpak');
  });

  it('leaves short words, unknown words and numbers alone', () => {
    expect(correctTerm('plna', frequency)).toBeUndefined();
    expect(correctTerm('voetbal', frequency)).toBeUndefined();
    expect(correctTerm('201666', frequency)).toBeUndefined();
  });

  it('tries no edits of a flood of letters: no word is that long', () => {
    let lookups = 0;
    const counting = (word: string): number => {
      lookups += 1;
      return word === 'a'.repeat(40) ? 1 : 0;
    };
    // 40 letters: a (long) word, one letter off a known one.
    expect(correctTerm(`${'a'.repeat(39)}b`, counting)).toBe('a'.repeat(40));
    lookups = 0;
    expect(correctTerm('a'.repeat(4000), counting)).toBeUndefined();
    expect(lookups).toBe(0);
  });

  it('generates every single edit, not the word itself', () => {
    const edits = editsOne('ab');
    expect(edits.has('ba')).toBe(true);
    expect(edits.has('a')).toBe(true);
    expect(edits.has('abc')).toBe(true);
    expect(edits.has('xb')).toBe(true);
    expect(edits.has('ab')).toBe(false);
  });
});

describe('domain concepts', () => {
  it('maps informal words to the words the content uses, per language', () => {
    expect(conceptWords('gekozen', 'nl')).toContain('keuze');
    expect(conceptWords('funding', 'en')).toEqual(expect.arrayContaining(['subsidy', 'money']));
    expect(conceptWords('funding', 'nl')).toEqual([]);
  });

  it('reads picking a date and "de knoop doorhakken" as the choice, but not the council deciding', () => {
    expect(conceptWords('pick', 'en')).toContain('choice');
    expect(conceptWords('doorhakken', 'nl')).toContain('keuze');
    // "When will the subsidy be decided?" is about the council's decision, not the platforms' choice.
    expect(conceptWords('decided', 'en')).toEqual([]);
  });

  it('makes true synonyms find each other in both directions', () => {
    expect(conceptWords('help', 'en')).toContain('support');
    expect(conceptWords('support', 'en')).toContain('help');
  });

  it('adds the stems of the concept words to a question word as alternates', () => {
    const [term] = analyzeText('ophouden', 'nl');
    expect(term?.alternates).toContain(analyzeText('stoppen', 'nl')[0]?.whole);
    const [based] = analyzeText('based', 'en');
    expect(based?.alternates).toContain(analyzeText('basis', 'en')[0]?.whole);
  });
});

describe('idioms', () => {
  it('reads "op de hoogte" as informing, not as height', () => {
    expect(tokenize('Hoe houdt de gemeente ons op de hoogte?')).toEqual(['hoe', 'houdt', 'de', 'gemeente', 'ons', 'informeren']);
    expect(tokenize('Hoe hoog is de subsidie?')).toContain('hoog');
  });
});

describe('context sentences', () => {
  it('marks words that occur only in the statements around a question', () => {
    const context = contextOnlyTokens('Hi! I joined our buurtplatform last month. What is the timeline for the buurtplatform?');
    expect(context.has('joined')).toBe(true);
    expect(context.has('month')).toBe(true);
    expect(context.has('buurtplatform')).toBe(false);
    expect(context.has('timeline')).toBe(false);
  });

  it('reads the sentence before an empty question ("Weet jij dat?") as the one that asks', () => {
    const context = contextOnlyTokens('Ik ben penningmeester. Wij vroegen ons af hoeveel bestuursleden we nodig hebben. Weet jij dat?');
    expect(context.has('penningmeester')).toBe(true);
    expect(context.has('bestuursleden')).toBe(false);
    expect(context.has('hoeveel')).toBe(false);
    // An empty question with nothing before it: every word counts.
    expect(contextOnlyTokens('Weet jij dat? Ik niet.').size).toBe(0);
  });

  it('reads an empty question ("Wanneer was dat?") as asking about the domain words before it, the rest staying context', () => {
    const isTopicWord = (token: string): boolean => token.includes('bijeenkomst') || token.includes('workshop');
    const context = contextOnlyTokens(
      'Ik was op vakantie en iedereen praat over die startbijeenkomst. Wanneer was dat precies?',
      isTopicWord,
    );
    expect(context.has('startbijeenkomst')).toBe(false);
    expect(context.has('vakantie')).toBe(true);
    // Without a list of domain words, the whole sentence before counts as asked (as before).
    expect(contextOnlyTokens('Ik was op vakantie en iedereen praat over die startbijeenkomst. Wanneer was dat precies?').size).toBe(0);
  });

  it('reads a question passed on by a coordinator: what someone wanted to know is asked, who asked is context', () => {
    const dutch = contextOnlyTokens('Iemand op de buurtavond wilde weten hoeveel buurten Maastricht heeft.');
    expect(dutch.has('buurtavond')).toBe(true);
    expect(dutch.has('buurten')).toBe(false);
    const asked = contextOnlyTokens('Een bestuurslid vroeg me vanochtend of de gemeente helpt bij het plan.');
    expect(asked.has('bestuurslid')).toBe(true);
    expect(asked.has('gemeente')).toBe(false);
    const english = contextOnlyTokens('One of the parents at school asked me which organisation sends the community workers.');
    expect(english.has('parents')).toBe(true);
    expect(english.has('organisation')).toBe(false);
    // "vroeg me" without a question after it is no marker: nothing is asked, nothing is context.
    expect(contextOnlyTokens('Een vrijwilliger vroeg me om hulp.').size).toBe(0);
    // Also without "me"/"us": "our treasurer asked when …", "de penningmeester vroeg of …".
    const treasurer = contextOnlyTokens("After the board meeting our treasurer asked when we'll hear about the grant for 2017.");
    expect(treasurer.has('treasurer')).toBe(true);
    expect(treasurer.has('grant')).toBe(false);
    const penningmeester = contextOnlyTokens('Na de vergadering: de penningmeester vroeg of de subsidie voor 2017 al vaststaat.');
    expect(penningmeester.has('vergadering')).toBe(true);
    expect(penningmeester.has('subsidie')).toBe(false);
  });

  it('reads "Klopt dat?" / "Is that correct?" as asking the whole claim before it, not only its domain words', () => {
    const isTopicWord = (token: string): boolean => token.startsWith('buurtnetwerk');
    const dutch = contextOnlyTokens(
      'Ons platform bestaat sinds 2009. Wij gingen ervan uit dat wij in 2016 al zouden beginnen. Is dat juist?',
      isTopicWord,
    );
    // The claim is asked, though "2016" and "beginnen" are no domain words.
    expect(dutch.has('2016')).toBe(false);
    expect(dutch.has('beginnen')).toBe(false);
    // What says it is a claim, the confirmation itself and the sentence before are context.
    expect(dutch.has('gingen')).toBe(true);
    expect(dutch.has('juist')).toBe(true);
    expect(dutch.has('2009')).toBe(true);
    const english = contextOnlyTokens(
      'I understood that all 36 neighbourhoods will have a network soon. Could you confirm that?',
      isTopicWord,
    );
    expect(english.has('neighbourhoods')).toBe(false);
    expect(english.has('soon')).toBe(false);
    expect(english.has('understood')).toBe(true);
    expect(english.has('confirm')).toBe(true);
  });

  it('reads "could you double check", "is that what the letter says" and "staat dat in de brief" as checking the claim, also a claim two sentences back', () => {
    const isTopicWord = (token: string): boolean => ['kick', 'meeting', 'startbijeenkomst', 'platforms'].includes(token);
    const english = contextOnlyTokens(
      'Our chair wrote in the newsletter that the kick-off meeting was in March 2016. I have a feeling it was a bit later than that. Could you double check the date for me?',
      isTopicWord,
    );
    // The claim (two sentences back: the one between names nothing of the domain) is asked ...
    for (const word of ['kick', 'meeting', 'march', '2016']) expect(english.has(word), word).toBe(false);
    // ... who wrote it, the doubt and the request are context.
    for (const word of ['chair', 'newsletter', 'feeling', 'double', 'check']) expect(english.has(word), word).toBe(true);
    // A request to check something named in it asks that itself, not the sentence before.
    const own = contextOnlyTokens('Hi, I am new here. Could you check when the kick-off meeting was?', isTopicWord);
    expect(own.has('kick')).toBe(false);
    expect(own.has('new')).toBe(true);
    const said = contextOnlyTokens('Someone said 16 platforms want to switch. Is that what the letter actually says?', isTopicWord);
    expect(said.has('16')).toBe(false);
    expect(said.has('letter')).toBe(true);
    const dutch = contextOnlyTokens(
      'Onze voorzitter schreef in de nieuwsbrief dat de startbijeenkomst in maart was. Staat dat zo in de brief?',
      isTopicWord,
    );
    expect(dutch.has('maart')).toBe(false);
    expect(dutch.has('nieuwsbrief')).toBe(true);
  });

  it('reads "Is she right about the 5?" and "heeft hij gelijk?" as checking the claim before it', () => {
    const english = contextOnlyTokens('Our chair reckons we need at least 5 board members. Is she right about the 5??', () => false);
    for (const word of ['5', 'board', 'members']) expect(english.has(word), word).toBe(false);
    expect(english.has('chair')).toBe(true);
    const dutch = contextOnlyTokens('Onze voorzitter zegt dat we 5 bestuursleden nodig hebben. Heeft hij gelijk?', () => false);
    expect(dutch.has('bestuursleden')).toBe(false);
    expect(dutch.has('voorzitter')).toBe(true);
  });

  it('reads "That doesn\'t sound right?? Can someone confirm" and "dat klinkt me niet goed, kan iemand dat bevestigen?" as doubting the claim before them', () => {
    const isTopicWord = (token: string): boolean => ['buurtnetwerk', 'kiezen', 'bestuur', 'committee'].includes(token);
    const english = contextOnlyTokens(
      "Someone at our committee was adamant we've got until March 2017 to choose a buurtnetwerk. That doesn't sound right to me?? Can someone confirm",
      isTopicWord,
    );
    for (const word of ['march', '2017', 'buurtnetwerk']) expect(english.has(word), word).toBe(false);
    for (const word of ['adamant', 'sound', 'confirm']) expect(english.has(word), word).toBe(true);
    const dutch = contextOnlyTokens(
      'Iemand in ons bestuur was ervan overtuigd dat we tot maart 2017 hebben om te kiezen. Dat klinkt me niet goed, kan iemand dat bevestigen?',
      isTopicWord,
    );
    for (const word of ['maart', '2017', 'kiezen']) expect(dutch.has(word), word).toBe(false);
    for (const word of ['overtuigd', 'klinkt', 'goed']) expect(dutch.has(word), word).toBe(true);
    // What is asked (for the kind of fact wanted) goes past the doubt to the claim.
    expect(askedText('We hebben tot maart 2017. Dat klinkt me niet goed, kan iemand dat bevestigen?')).toContain('maart 2017');
  });

  it('reads "ik had in mijn hoofd dat … Klopt dat of zit ik ernaast?" and "I was under the impression that … or am I wrong?" as checking a claim', () => {
    const isTopicWord = (token: string): boolean => ['pva', 'buurtplatform', 'plan'].includes(token);
    const dutch = contextOnlyTokens(
      'Hoi! Ik ben secretaris bij ons buurtplatform. Ik had in mijn hoofd dat ons pva pas half januari binnen hoefde te zijn. Klopt dat of zit ik ernaast?',
      isTopicWord,
    );
    for (const word of ['pva', 'januari', 'binnen']) expect(dutch.has(word), word).toBe(false);
    // Who says it, the introduction and "zit ik ernaast" ("am I wrong") are context.
    for (const word of ['hoofd', 'secretaris', 'ernaast']) expect(dutch.has(word), word).toBe(true);
    const english = contextOnlyTokens(
      'I was under the impression that our plan is due in January. Is that right, or am I wrong?',
      isTopicWord,
    );
    for (const word of ['plan', 'due', 'january']) expect(english.has(word), word).toBe(false);
    for (const word of ['impression', 'wrong']) expect(english.has(word), word).toBe(true);
    const actually = contextOnlyTokens(
      'My neighbour insists the city will force every neighbourhood to have a buurtnetwerk within 2 years. Is that actually true?',
      isTopicWord,
    );
    for (const word of ['force', 'every', '2', 'years']) expect(actually.has(word), word).toBe(false);
    expect(actually.has('insists')).toBe(true);
  });

  it('reads "Who\'s right?" as checking the claim before it, but not after a question of its own', () => {
    const isTopicWord = (token: string): boolean => ['neighbourhood', 'network', 'clubs', 'omschakeling'].includes(token);
    const english = contextOnlyTokens(
      "Our board had a long discussion about whether every neighbourhood will end up with a network. Some said yes, others no. Who's right?",
      isTopicWord,
    );
    for (const word of ['every', 'neighbourhood', 'network']) expect(english.has(word), word).toBe(false);
    expect(english.has('others')).toBe(true);
    // The question before "wie heeft er gelijk" is what is asked, not the opinions after it.
    const dutch = contextOnlyTokens(
      'Hoeveel clubs willen nou echt mee in die omschakeling? De een zei de helft, de ander bijna allemaal. Wie heeft er gelijk?',
      isTopicWord,
    );
    for (const word of ['hoeveel', 'clubs', 'omschakeling']) expect(dutch.has(word), word).toBe(false);
  });

  it('reads "Any info?" and "Iemand een idee?" as asking about what was said before them', () => {
    const isTopicWord = (token: string): boolean => ['networks', 'netwerken', '2017', '2018'].includes(token);
    const english = contextOnlyTokens('She is worried about what happens in 2017 and 2018 with the networks. Any info?', isTopicWord);
    for (const word of ['2017', '2018', 'networks']) expect(english.has(word), word).toBe(false);
    const dutch = contextOnlyTokens('Ik las iets over de netwerken in 2017. Iemand een idee?', isTopicWord);
    expect(dutch.has('netwerken')).toBe(false);
  });

  it('reads "I heard through the grapevine that" as saying a claim', () => {
    const context = contextOnlyTokens(
      'I heard through the grapevine that 2 platforms carry on without subsidy. Is that right?',
      () => false,
    );
    for (const word of ['2', 'platforms', 'subsidy']) expect(context.has(word), word).toBe(false);
    expect(context.has('grapevine')).toBe(true);
  });

  it('reads "could you kindly confirm the deadline?" as checking the claim before it, and asks what the request names of the domain', () => {
    const isTopicWord = (token: string): boolean => ['plan', 'buurtnetwerk', 'deadline'].includes(token);
    const context = contextOnlyTokens(
      "I recently joined the board. I was told we must hand in a plan for becoming a buurtnetwerk 'sometime next year'. Could you kindly confirm the actual deadline?",
      isTopicWord,
    );
    // The claim is asked, and so is the deadline the request names ...
    for (const word of ['hand', 'plan', 'next', 'year', 'deadline']) expect(context.has(word), word).toBe(false);
    // ... the introduction, "I was told" and the request's own words are context.
    for (const word of ['joined', 'told', 'kindly', 'confirm', 'actual']) expect(context.has(word), word).toBe(true);
  });

  it('reads an empty question as asking about what the message quotes, before the domain words of the sentence before', () => {
    const isTopicWord = (token: string): boolean => token.includes('bestuur');
    const context = contextOnlyTokens(
      "Een oud-bestuurslid had het over 'het Buurtnetblad' alsof ik dat moest kennen. Ik zat toen nog niet in het bestuur. Wat was dat en wanneer speelde dat?",
      isTopicWord,
    );
    expect(context.has('buurtnetblad')).toBe(false);
    expect(context.has('bestuur')).toBe(true);
    expect(context.has('kennen')).toBe(true);
  });

  it('passes an empty question on past a lead-in without domain words ("Heb ik die gemist, en wanneer was die?")', () => {
    const isTopicWord = (token: string): boolean => token.includes('bijeenkomst');
    const context = contextOnlyTokens(
      'Ik ben Jos, 67 jaar. Ik lees dat er een startbijeenkomst is geweest. Heb ik die gemist, en wanneer was die dan?',
      isTopicWord,
    );
    expect(context.has('startbijeenkomst')).toBe(false);
    expect(context.has('jos')).toBe(true);
    expect(context.has('gemist')).toBe(true);
  });

  it('reads what follows "we vroegen ons af" / "I was wondering" as asked, also without a question mark', () => {
    const nl = contextOnlyTokens('Wij zijn met z’n vieren in het bestuur. We vroegen ons af tot wanneer we het plan kunnen inleveren.');
    expect(nl.has('vieren')).toBe(true);
    expect(nl.has('inleveren')).toBe(false);
    const en = contextOnlyTokens("I'm the new secretary of our platform. I was wondering how many board members we need.");
    expect(en.has('secretary')).toBe(true);
    expect(en.has('board')).toBe(false);
  });

  it('reads the formal "Gaarne verneem ik …" / "Graag zou ik vernemen …" as asking, the letter\'s salutation and closing as context', () => {
    const formal = contextOnlyTokens(
      'Geachte heer, mevrouw, Gaarne verneem ik wanneer de startbijeenkomst heeft plaatsgevonden. Hoogachtend, J. Janssen',
    );
    for (const word of ['geachte', 'gaarne', 'verneem', 'hoogachtend', 'janssen']) expect(formal.has(word), word).toBe(true);
    for (const word of ['wanneer', 'startbijeenkomst']) expect(formal.has(word), word).toBe(false);
    const would = contextOnlyTokens('Ik ben voorzitter. Graag zou ik vernemen hoeveel bestuursleden wij nodig hebben.');
    expect(would.has('vernemen')).toBe(true);
    expect(would.has('bestuursleden')).toBe(false);
  });

  it('counts the words that say "we are asking" as context, also in a message of one sentence', () => {
    const one = contextOnlyTokens('We vroegen ons af wie die workshops heeft georganiseerd');
    expect(one.has('vroegen')).toBe(true);
    expect(one.has('workshops')).toBe(false);
    expect(contextOnlyTokens('I was wondering when the deadline is').has('wondering')).toBe(true);
  });

  it('reads the clause where a question word opens the question as asked, and the clauses before it as context', () => {
    const isTopicWord = (token: string): boolean => /bijeenkomst|buurtnetwerk|transitie/.test(token);
    const aside = contextOnlyTokens(
      'Dag allemaal, ik was er niet bij (zat in Spanje ☀️) maar wanneer was die startbijeenkomst?',
      isTopicWord,
    );
    expect(aside.has('spanje')).toBe(true);
    expect(aside.has('allemaal')).toBe(true);
    expect(aside.has('startbijeenkomst')).toBe(false);
    expect(aside.has('wanneer')).toBe(false);
    // The lead-in's words of the domain are the question's subject.
    const dash = contextOnlyTokens("Everyone keeps talking about 'transitie' and 'buurtnetwerk' - what's the timeline?", isTopicWord);
    expect(dash.has('keeps')).toBe(true);
    expect(dash.has('transitie')).toBe(false);
    expect(dash.has('buurtnetwerk')).toBe(false);
    // "roughly"/"ongeveer" before the question word still opens the question.
    const roughly = contextOnlyTokens(
      'Quick one for my report to our residents: roughly how many buurtnetwerk platforms are there?',
      isTopicWord,
    );
    expect(roughly.has('report')).toBe(true);
    expect(roughly.has('platforms')).toBe(false);
    // A clause that opens with its verb after a colon ("eerlijke vraag: moet echt elke …") asks too,
    // and the lead-in keeps its numbers.
    const colon = contextOnlyTokens('Hey, eerlijke vraag: moet echt elke buurt zo een buurtnetwerk hebben?', isTopicWord);
    expect(colon.has('eerlijke')).toBe(true);
    expect(colon.has('buurtnetwerk')).toBe(false);
    const two = contextOnlyTokens('Ons buurtnetwerk heeft maar 2 mensen, kunnen we dan wel meedoen?', isTopicWord);
    expect(two.has('2')).toBe(false);
    expect(two.has('mensen')).toBe(true);
    // A condition before the question is part of what is asked; so is a sentence that opens as a question.
    expect(contextOnlyTokens('Als we te laat zijn met het plan, wat gebeurt er dan?', isTopicWord).size).toBe(0);
    expect(contextOnlyTokens("if we're late with the plan - what happens?", isTopicWord).size).toBe(0);
    expect(contextOnlyTokens('Wie kwamen er naar de startbijeenkomst, en wanneer was die?', isTopicWord).size).toBe(0);
  });

  it('reads a sentence that opens as a question as asked, also without its question mark', () => {
    const nl = contextOnlyTokens(
      'Hoi allemaal! Ik ben secretaris in Wittevrouwenveld. Tot wanneer hebben we om te kiezen, weet iemand dat',
    );
    expect(nl.has('secretaris')).toBe(true);
    expect(nl.has('kiezen')).toBe(false);
    const verbFirst = contextOnlyTokens('Ons bestuur is klein. Moeten we echt drie bestuursleden hebben');
    expect(verbFirst.has('klein')).toBe(true);
    expect(verbFirst.has('bestuursleden')).toBe(false);
    const en = contextOnlyTokens('hey, Noor from the Caberg platform. Does anyone know when the municipality decides');
    expect(en.has('caberg')).toBe(true);
    expect(en.has('municipality')).toBe(false);
    // Statements that merely start with a similar word are not questions ("Hoewel", "Waarschijnlijk", "Whatever").
    expect(contextOnlyTokens('Hoewel we klein zijn gaan we door. Waarschijnlijk stoppen we niet.').size).toBe(0);
  });

  it('ends a sentence at a smiley or an emoji, as chat does', () => {
    const context = contextOnlyTokens('onze voorzitter is gestopt :( hoeveel bestuurders moeten we hebben');
    expect(context.has('voorzitter')).toBe(true);
    expect(context.has('bestuurders')).toBe(false);
    expect(contextOnlyTokens('ons platform gaat door 🎉 wanneer is de deadline').has('platform')).toBe(true);
  });

  it('leaves out "when the letter was written": every answer is as of the letter', () => {
    expect(withoutAsides('hoeveel workshops waren er al geweest toen de wethouder dat stuk schreef?')).toBe(
      'hoeveel workshops waren er al geweest?',
    );
    expect(withoutAsides('How many platforms were undecided when the letter was written?')).toBe('How many platforms were undecided?');
    // Asking when the letter was written is a question of its own.
    expect(withoutAsides('When was the letter written?')).toBe('When was the letter written?');
    expect(withoutAsides('Wanneer schreef de wethouder de brief?')).toBe('Wanneer schreef de wethouder de brief?');
  });

  it('leaves out sentences of thanks, whose words ("help", "hulp") would lead elsewhere', () => {
    expect(withoutAsides('Thanks for the help so far! One more: what does the plan need to show?')).toBe(
      'One more: what does the plan need to show?',
    );
    expect(withoutAsides('Top, bedankt voor de hulp. Wanneer is de deadline?')).toBe('Wanneer is de deadline?');
    // A thank-you that also asks, or a message of thanks alone, stays whole.
    expect(withoutAsides('Bedankt! Dank je, maar wie helpt ons?')).toBe('Dank je, maar wie helpt ons?');
    expect(withoutAsides('Thanks for the help!')).toBe('Thanks for the help!');
    expect(withoutAsides('Ik zoek hulp. Wie helpt ons?')).toBe('Ik zoek hulp. Wie helpt ons?');
  });

  it("leaves out a letter's closing and the name and role under it", () => {
    expect(withoutAsides('Wanneer is de deadline? Met vriendelijke groet, J. Janssen, secretaris')).toBe('Wanneer is de deadline?');
    expect(withoutAsides('How many board members do we need? Kind regards, Maria')).toBe('How many board members do we need?');
    expect(withoutAsides('hoeveel platforms stoppen? groet, Els')).toBe('hoeveel platforms stoppen?');
    expect(withoutAsides('On what date was the kick-off?\n\nMany thanks in advance,\nPaul Fitzgerald\nChair')).toBe(
      'On what date was the kick-off?',
    );
    expect(withoutAsides('Is 2 genoeg? Bij voorbaat hartelijk dank.')).toBe('Is 2 genoeg?');
    // A closing ends a message: with a question after it, it is no closing.
    expect(withoutAsides('Hi, with regards to the plan: when is the deadline?')).toBe(
      'Hi, with regards to the plan: when is the deadline?',
    );
    expect(withoutAsides('Hoi! Groeten, wanneer is de deadline?')).toBe('Hoi! Groeten, wanneer is de deadline?');
    expect(withoutAsides('Thank you in advance, when is the deadline?')).toBe('Thank you in advance, when is the deadline?');
    // A message that is only a closing stays whole.
    expect(withoutAsides('Hoogachtend, het bestuur')).toBe('Hoogachtend, het bestuur');
    // "groeten" inside a sentence is not a closing.
    expect(withoutAsides('Moeten we de groeten doen aan de wethouder of mag het plan per mail?')).toBe(
      'Moeten we de groeten doen aan de wethouder of mag het plan per mail?',
    );
  });

  it('reads a polite request without a question mark as what is asked ("zou ik graag weten …")', () => {
    const context = contextOnlyTokens(
      'Helaas was ik er in het voorjaar niet bij, ik lag in het ziekenhuis. Voor ons verslag zou ik graag weten op welke datum de startbijeenkomst was.',
    );
    expect(context.has('ziekenhuis')).toBe(true);
    expect(context.has('startbijeenkomst')).toBe(false);
    expect(context.has('datum')).toBe(false);
  });

  it('reads "Kunt u mij bevestigen of dit juist is?" as asking whether the sentence before it is true', () => {
    const context = contextOnlyTokens(
      'Wij hebben begrepen dat het Plan van Aanpak pas in 2017 hoeft te worden ingediend. Kunt u mij bevestigen of dit juist is?',
    );
    expect(context.has('aanpak')).toBe(false);
    expect(context.has('2017')).toBe(false);
    expect(context.has('begrepen')).toBe(true);
    const reckons = contextOnlyTokens(
      "Our secretary reckons we don't have to hand in anything until the Buurtplan at the end of 2018. Isn't that right?",
    );
    expect(reckons.has('buurtplan')).toBe(false);
    expect(reckons.has('secretary')).toBe(true);
    // "Is that allowed?" asks about the whole plan before it, not only its words of the domain.
    const allowed = contextOnlyTokens('We are thinking about merging with the platform next door. Is that allowed?');
    expect(allowed.has('merging')).toBe(false);
    const rumour = contextOnlyTokens('Heard a rumour that one of the platforms is calling it quits. Is that true?');
    expect(rumour.has('platforms')).toBe(false);
    expect(rumour.has('rumour')).toBe(true);
    const loose = contextOnlyTokens('Er wordt gezegd dat bijna alle buurtplatforms stoppen. Klopt dat een beetje?');
    expect(loose.has('buurtplatforms')).toBe(false);
  });

  it('leaves out "according to the letter": every answer is', () => {
    expect(withoutAsides('Hoeveel buurten telt Maastricht volgens die brief van de wethouder?')).toBe('Hoeveel buurten telt Maastricht?');
    expect(withoutAsides('How many platforms want in, according to the council letter?')).toBe('How many platforms want in?');
    expect(withoutAsides('In hoeveel buurten is de stad verdeeld volgens de gemeente?')).toBe('In hoeveel buurten is de stad verdeeld?');
    // Only the reference: a question about the letter itself stays.
    expect(withoutAsides('Wie schreef de brief?')).toBe('Wie schreef de brief?');
    expect(withoutAsides('volgens de brief')).toBe('volgens de brief');
  });

  it('marks nothing in a message without a question sentence or with questions only', () => {
    expect(contextOnlyTokens('Wij willen doorgaan. Dat is ons plan.').size).toBe(0);
    expect(contextOnlyTokens('Wanneer? En waar?').size).toBe(0);
  });
});

/** A ranked topic as the answerer sees it; topics named onbekend-… are gap entries. */
const topic = (name: string, matched: string[], confidence: number): RankedTopic => ({
  topic: name,
  confidence,
  hit: { entryId: name, topic: name, language: 'nl', matched } as unknown as SearchHit,
});
const isGap = (candidate: RankedTopic): boolean => candidate.topic.startsWith('onbekend');

describe('keyword questions and gap entries', () => {
  it('prefers an answer that matches everything the gap entry matches', () => {
    const ranked = [topic('onbekend-deadline-gemist', ['deadlin'], 0.95), topic('plan-van-aanpak-deadline', ['deadlin'], 0.9)];
    expect(preferAnswerOverGap(ranked, isGap, 0.4)?.topic).toBe('plan-van-aanpak-deadline');
  });

  it('keeps the gap entry when it matches more of the question, or the answer is too weak', () => {
    const more = [topic('onbekend-deadline-gemist', ['deadlin', 'uitstel'], 0.95), topic('plan-van-aanpak-deadline', ['deadlin'], 0.9)];
    expect(preferAnswerOverGap(more, isGap, 0.4)?.topic).toBe('onbekend-deadline-gemist');
    const weak = [topic('onbekend-deadline-gemist', ['deadlin'], 0.95), topic('plan-van-aanpak-deadline', ['deadlin'], 0.3)];
    expect(preferAnswerOverGap(weak, isGap, 0.4)?.topic).toBe('onbekend-deadline-gemist');
  });
});

describe('questions for the exact detail and gap entries', () => {
  it('recognises a question for the exact detail', () => {
    expect(asksForDetail('Aan welke formele eisen moeten de bestuursleden precies voldoen?')).toBe(true);
    expect(asksForDetail('What exactly are the formal requirements?')).toBe(true);
    expect(asksForDetail('Aan welke eisen moeten bestuursleden voldoen?')).toBe(false);
  });

  it('prefers a gap entry that matches everything the answer matches', () => {
    const ranked = [
      topic('eis-3-bestuursleden', ['formel', 'eis', 'bestuurslid'], 0.91),
      topic('onbekend-formele-eisen', ['formel', 'eis', 'bestuurslid'], 0.9),
    ];
    expect(preferGapOverAnswer(ranked, isGap, 0.4)?.topic).toBe('onbekend-formele-eisen');
  });

  it('keeps the answer when the gap matches less, is too weak, or only the subject is shared', () => {
    const less = [
      topic('eis-3-bestuursleden', ['formel', 'eis', 'bestuurslid'], 0.91),
      topic('onbekend-formele-eisen', ['eis', 'bestuurslid'], 0.9),
    ];
    expect(preferGapOverAnswer(less, isGap, 0.4)?.topic).toBe('eis-3-bestuursleden');
    const weak = [topic('eis-3-bestuursleden', ['eis', 'bestuurslid'], 0.91), topic('onbekend-formele-eisen', ['eis', 'bestuurslid'], 0.3)];
    expect(preferGapOverAnswer(weak, isGap, 0.4)?.topic).toBe('eis-3-bestuursleden');
    // "Wat is een Buurtplan precies?": one shared word is the subject, not the detail asked for.
    const subject = [topic('buurtplan', ['buurtplan'], 0.5), topic('onbekend-inhoud-buurtplan', ['buurtplan'], 0.49)];
    expect(preferGapOverAnswer(subject, isGap, 0.4)?.topic).toBe('buurtplan');
  });
});

describe('chat shorthand', () => {
  it('drops chat abbreviations of function words, so they do not count as unknown content', () => {
    expect(analyzeText('geld vd gemeente ivm de deadline', 'nl').map((t) => t.token)).toEqual(['geld', 'gemeente', 'deadline']);
    expect(analyzeText('idk the deadline asap', 'en').map((t) => t.token)).toEqual(['deadline']);
  });
});

describe('dates written short', () => {
  const words = (text: string, language: 'nl' | 'en') => analyzeText(text, language).map((t) => t.token);

  it('reads a month abbreviation next to a day number as the month, in the language of the text', () => {
    expect(words('welke workshop was er op 10 okt?', 'nl')).toContain('oktober');
    expect(words('what happened on Apr 18th', 'en')).toEqual(expect.arrayContaining(['april', '18']));
    expect(words('kick-off 2 apr', 'en')).toContain('april');
  });

  it('leaves the same letters alone without a day number: "Jan" is a name, "mar" a word', () => {
    expect(words('Ik ben Jan van het platform', 'nl')).not.toContain('januari');
    expect(words('does it mar our plan', 'en')).not.toContain('march');
    // An ordinal far from a month stays as written.
    expect(words('de 2e workshop', 'nl')).not.toContain('2');
  });
});

describe('spelling correction in the search', () => {
  const index = new SearchIndex([
    entry({
      topic: 'overwegen',
      language: 'nl',
      title: 'Twee platforms overwegen door te gaan',
      body: 'Twee platforms overwegen door te gaan.',
    }),
  ]);

  it('reads a typo as the known word, but not a Dutch word the entries do not use', () => {
    const terms = (question: string) => index.analyze(question, 'nl')?.terms ?? [];
    expect(terms('welke platforms overwgen dat').find((term) => term.token === 'overwgen')?.corrected).toBe(true);
    // "overleg" is one letter from "overweg", and a word of its own.
    expect(terms('is er overleg geweest').find((term) => term.token === 'overleg')?.corrected).toBeFalsy();
  });
});

describe('context in the search', () => {
  const index = new SearchIndex(
    [entry({ topic: 'stopt', language: 'en', title: 'One platform stops', body: 'One platform stops.' })],
    undefined,
    (question) => question.replace(/packing it in/g, 'stop'),
    (token) => ['platform', 'platforms'].includes(token),
  );

  it('counts a word as asked when the question asks it again in another form', () => {
    const analysis = index.analyze("Dutch is new to me. The platform that's stopping - is it just packing it in?", 'en');
    const at = analysis?.terms.findIndex((term) => term.whole === 'stop') ?? -1;
    expect(at).toBeGreaterThanOrEqual(0);
    expect(analysis?.context[at]).toBe(false);
    // A word only in the context stays context.
    const dutch = analysis?.terms.findIndex((term) => term.whole === 'dutch') ?? -1;
    expect(analysis?.context[dutch]).toBe(true);
  });
});
