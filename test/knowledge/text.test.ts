import { describe, expect, it } from 'vitest';
import { analyzeText, indexTerms } from '../../src/core/knowledge/text/analyzer.js';
import { splitCompound } from '../../src/core/knowledge/text/compounds.js';
import { normalize, tokenize } from '../../src/core/knowledge/text/normalize.js';
import { isStopword, isWeakWord } from '../../src/core/knowledge/text/stopwords.js';
import { createKnowledge } from '../../src/core/knowledge/answerer.js';
import { entry } from './fixtures.js';

/** The stem of the single content word in `text`. */
function stem(text: string, language: 'nl' | 'en'): string | undefined {
  return analyzeText(text, language)[0]?.whole;
}

describe('normalize and tokenize', () => {
  it('strips diacritics so coördinator and coordinator are one word', () => {
    expect(normalize('Coördinator')).toBe('coordinator');
    expect(normalize('één')).toBe('een');
    expect(stem('procescoördinatoren', 'nl')).toBe(stem('procescoordinatoren', 'nl'));
  });

  it('unfolds the ĳ ligature used by the Dutch word list', () => {
    expect(normalize('bestuurlĳk')).toBe('bestuurlijk');
  });

  it("keeps foto's and buurtplatform's as one word and drops English clitics", () => {
    expect(tokenize("foto's van het buurtplatform's bestuur")).toEqual(['foto', 'van', 'het', 'buurtplatform', 'bestuur']);
    expect(tokenize("didn't we're")).toEqual(['did', 'we']);
  });

  it('rejoins Dutch separable verbs around "te"', () => {
    expect(tokenize('om ons plan in te leveren')).toContain('inleveren');
  });

  it('joins a split "waar … voor" into the question word it is ("Waar dient het plan voor?" asks what for, not where)', () => {
    expect(tokenize('Waar dient het buurtplan eigenlijk voor?')).toEqual(['waarvoor', 'dient', 'het', 'buurtplan', 'eigenlijk']);
    expect(tokenize('waar ging de workshop over')).toEqual(['waarover', 'ging', 'de', 'workshop']);
    // Only a preposition that closes the clause: here "voor" belongs to the date.
    expect(tokenize('Waar moet het plan voor 31 december heen?')).toContain('waar');
  });

  it('rejoins separable verbs in a verb cluster ("in willen gaan" is ingaan) in the place of the infinitive', () => {
    expect(tokenize('die het transitieproces in willen gaan')).toEqual(['die', 'het', 'transitieproces', 'in', 'willen', 'ingaan']);
    // The bare verb is not what is meant: "in te leveren" is inleveren, not leveren.
    expect(tokenize('om ons plan in te leveren')).toEqual(['om', 'ons', 'plan', 'in', 'te', 'inleveren']);
    expect(tokenize('als we mee kunnen doen')).toContain('meedoen');
    expect(tokenize('om het in te willen leveren')).toContain('inleveren');
    // "gaan" is the auxiliary when an infinitive follows: "in willen gaan werken" is inwerken.
    expect(tokenize('in willen gaan werken')).toContain('inwerken');
    expect(tokenize('in willen gaan werken')).not.toContain('ingaan');
    // A preposition before an ordinary verb is not a cluster.
    expect(tokenize('we gaan in op de vraag')).not.toContain('inop');
    expect(tokenize('in de buurt wonen')).not.toContain('inwonen');
    // A verb joined earlier in the text is not the end of a later cluster.
    expect(tokenize('we gaan het plan in te leveren en op te willen')).toEqual(expect.not.arrayContaining(['opinleveren']));
  });
});

describe('stop words', () => {
  it('removes Dutch and English function words', () => {
    expect(analyzeText('Wat is de deadline van het plan?', 'nl').map((t) => t.token)).toEqual(['deadline', 'plan']);
    expect(analyzeText('What is the deadline for the plan?', 'en').map((t) => t.token)).toEqual(['deadline', 'plan']);
    expect(isStopword('het')).toBe(true);
    expect(isStopword('the')).toBe(true);
    expect(isStopword('subsidie')).toBe(false);
  });

  it('keeps "zonder" and "without": going on without subsidy is not going on with it', () => {
    expect(analyzeText('Doorgaan zonder subsidie', 'nl').map((t) => t.token)).toContain('zonder');
    expect(analyzeText('carry on without subsidy', 'en').map((t) => t.token)).toContain('without');
    const knowledge = createKnowledge([
      entry({
        topic: 'met',
        language: 'nl',
        title: '2 platforms gaan door met basissubsidie',
        tags: ['doorgaan'],
        body: '2 platforms gaan door met basissubsidie.',
      }),
      entry({
        topic: 'zonder',
        language: 'nl',
        title: '2 platforms gaan door op eigen kracht',
        tags: ['doorgaan'],
        body: '2 platforms gaan door zonder subsidie.',
      }),
    ]);
    expect(knowledge.answer('Hoeveel platforms gaan door zonder subsidie?').citations[0]?.id).toBe('zonder-nl');
  });

  it('keeps interrogatives that tell entries apart (waar, wie, when)', () => {
    expect(analyzeText('Waar leveren we het in?', 'nl').map((t) => t.token)).toContain('waar');
  });

  it('weighs everyday adverbs and "number" words lightly, in both languages, but not topic words', () => {
    for (const word of ['steeds', 'ooit', 'aantal', 'nr', 'totaal']) expect(isWeakWord(word, 'nl')).toBe(true);
    for (const word of ['always', 'number', 'nr', 'total', 'somewhere', 'else', 'bit']) expect(isWeakWord(word, 'en')).toBe(true);
    expect(isStopword('evening')).toBe(true);
    for (const word of ['beetje', 'anders', 'nergens', 'uiteindelijk']) expect(isWeakWord(word, 'nl')).toBe(true);
    // "heeft plaatsgevonden" says only that something happened: the question is when or where.
    for (const word of ['plaatsgevonden', 'plaatsvindt']) expect(isWeakWord(word, 'nl')).toBe(true);
    for (const word of ['eventually', 'ultimately']) expect(isWeakWord(word, 'en')).toBe(true);
    // "het uiteindelijke doel" is a goal, not "in the end".
    expect(isWeakWord('uiteindelijke', 'nl')).toBe(false);
    // "everywhere" is what "will this work everywhere?" asks about.
    expect(isWeakWord('everywhere', 'en')).toBe(false);
    for (const word of ['bestuursleden', 'deadline', 'subsidie']) expect(isWeakWord(word, 'nl')).toBe(false);
  });
});

describe('compounds with a dismissive head', () => {
  it('reads "transitiegedoe", "subsidieverhaal" and "buurtnetwerkgedoe" as what they are about', () => {
    const stems = (word: string): string[] => analyzeText(word, 'nl').flatMap((term) => [term.whole, ...term.parts]);
    expect(stems('transitiegedoe')).toEqual(stems('transitie'));
    expect(stems('subsidieverhaal')).toEqual(stems('subsidie'));
    expect(stems('buurtnetwerkgedoe')).toEqual(stems('buurtnetwerk'));
    // The token stays as typed: context and spelling are decided on what was written.
    expect(analyzeText('transitiegedoe', 'nl')[0]?.token).toBe('transitiegedoe');
    // A word of its own keeps its meaning: a "bevinding" (finding) is no "bevin" thing.
    expect(stems('bevinding')).toEqual(['bevind']);
  });
});

describe('Dutch stemming with irregular plurals', () => {
  it('brings bestuursleden and bestuurslid together', () => {
    expect(stem('bestuursleden', 'nl')).toBe(stem('bestuurslid', 'nl'));
    expect(stem('leden', 'nl')).toBe(stem('lid', 'nl'));
  });

  it('brings buurtnetwerken and buurtnetwerk together', () => {
    expect(stem('buurtnetwerken', 'nl')).toBe(stem('buurtnetwerk', 'nl'));
    expect(stem('buurtplatforms', 'nl')).toBe(stem('buurtplatform', 'nl'));
  });

  it('brings plannen and plan together despite the doubled consonant', () => {
    expect(stem('plannen', 'nl')).toBe(stem('plan', 'nl'));
  });

  it('keeps different words apart', () => {
    expect(stem('bestuurslid', 'nl')).not.toBe(stem('buurtnetwerk', 'nl'));
  });

  it('reads a diminutive also as the word it is made of, when that is a Dutch word', () => {
    const alternates = (word: string): readonly string[] => analyzeText(word, 'nl')[0]?.alternates ?? [];
    expect(alternates('plannetje')).toContain(stem('plan', 'nl'));
    expect(alternates('briefjes')).toContain(stem('brief', 'nl'));
    expect(alternates('buurtje')).toContain(stem('buurt', 'nl'));
    expect(alternates('vergaderinkje')).toContain(stem('vergadering', 'nl'));
    // Not a diminutive of a word: nothing added; and English text is left alone.
    expect(alternates('meisje')).toEqual([]);
    expect(analyzeText('plannetje', 'en')[0]?.alternates ?? []).not.toContain(stem('plan', 'nl'));
  });

  it('reads a Dutch verb form also as its infinitive: strong verbs from a table, regular ones by spelling', () => {
    const alternates = (word: string): readonly string[] => analyzeText(word, 'nl')[0]?.alternates ?? [];
    expect(stem('schreef', 'nl')).not.toBe(stem('schrijven', 'nl'));
    expect(alternates('schreef')).toContain(stem('schrijven', 'nl'));
    expect(alternates('geschreven')).toContain(stem('schrijven', 'nl'));
    expect(alternates('gekozen')).toContain(stem('kiezen', 'nl'));
    // Regular forms: a doubled consonant, a long vowel, f/v and s/z, a participle with a particle.
    expect(alternates('telt')).toContain(stem('tellen', 'nl'));
    expect(alternates('geteld')).toContain(stem('tellen', 'nl'));
    expect(alternates('maakt')).toContain(stem('maken', 'nl'));
    expect(alternates('schrijft')).toContain(stem('schrijven', 'nl'));
    expect(alternates('kiest')).toContain(stem('kiezen', 'nl'));
    expect(alternates('vastgesteld')).toContain(stem('vaststellen', 'nl'));
    expect(alternates('gestart')).toContain(stem('starten', 'nl'));
    expect(alternates('gebeurd')).toContain(stem('gebeuren', 'nl'));
    // Words of their own stay what they are; English text is left alone.
    expect(alternates('plant')).toEqual([]);
    expect(alternates('kracht')).toEqual([]);
    expect(analyzeText('schreef', 'en')[0]?.alternates ?? []).not.toContain(stem('schrijven', 'nl'));
  });
});

describe('Dutch compound splitting', () => {
  it('splits buurtnetwerk into buurt + netwerk', () => {
    expect(splitCompound('buurtnetwerk')).toEqual(['buurt', 'netwerk']);
  });

  it('splits subsidieaanvraag into subsidie + aanvraag', () => {
    expect(splitCompound('subsidieaanvraag')).toEqual(['subsidie', 'aanvraag']);
  });

  it('handles the linking -s- and the irregular plural in bestuursleden', () => {
    expect(splitCompound('bestuursleden')).toEqual(['bestuur', 'lid']);
    expect(splitCompound('uitvoeringsregeling')).toEqual(['uitvoering', 'regeling']);
  });

  it('splits three-part compounds', () => {
    expect(splitCompound('subsidieaanvraagformulier')).toEqual(['subsidie', 'aanvraag', 'formulier']);
  });

  it('leaves short words, non-compounds and derivations alone', () => {
    expect(splitCompound('netwerk')).toEqual([]);
    expect(splitCompound('december')).toEqual([]);
    expect(splitCompound('verordening')).toEqual([]);
    expect(splitCompound('bestuurlijke')).toEqual([]);
    expect(splitCompound('bijeenkomsten')).toEqual([]);
  });

  it('indexes the whole word and its parts, so "netwerk" finds "buurtnetwerk"', () => {
    const terms = indexTerms('buurtnetwerk', 'nl');
    expect(terms).toContain(stem('buurtnetwerk', 'nl'));
    expect(terms).toContain(stem('netwerk', 'nl'));
    expect(terms).toContain(stem('buurt', 'nl'));
  });

  it('splits Dutch compounds in English text too', () => {
    const [term] = analyzeText('buurtnetwerken', 'en');
    expect(term?.parts).toContain(stem('netwerk', 'nl'));
    expect(term?.alternates).toContain(stem('buurtnetwerk', 'nl'));
  });
});

describe('English stemming', () => {
  it('conflates plural and verb forms', () => {
    expect(stem('members', 'en')).toBe(stem('member', 'en'));
    expect(stem('networks', 'en')).toBe(stem('network', 'en'));
    expect(stem('submitted', 'en')).toBe(stem('submit', 'en'));
    expect(stem('subsidies', 'en')).toBe(stem('subsidy', 'en'));
  });

  it('maps irregular forms before stemming', () => {
    expect(stem('wrote', 'en')).toBe(stem('written', 'en'));
    expect(stem('neighborhoods', 'en')).toBe(stem('neighbourhood', 'en'));
  });
});
