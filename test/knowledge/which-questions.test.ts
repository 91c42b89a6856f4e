import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/core/knowledge/answerer.js';
import { gapNamesWhich, whichNoun } from '../../src/core/knowledge/gap-choice.js';
import { entry } from './fixtures.js';

describe('"which …" questions', () => {
  it('reads the noun a which-question asks to name', () => {
    expect(whichNoun('Which platform is the one that is quitting?')).toBe('platform');
    expect(whichNoun('Hoi! En welke buurten twijfelen nog?')).toBe('buurten');
    expect(whichNoun('Wanneer is de deadline?')).toBeUndefined();
    // After a preposition, and past a number.
    expect(whichNoun('Van welke organisatie is zo iemand eigenlijk?')).toBe('organisatie');
    // "welke van die …", "which of the …": the noun after the article, not "van"/"of".
    expect(whichNoun('Welke van die leerbijeenkomsten zijn er al geweest?')).toBe('leerbijeenkomsten');
    expect(whichNoun('which of the workshops did I miss?')).toBe('workshops');
    expect(whichNoun('welke vier buurten hebben geen platform?')).toBe('buurten');
    expect(whichNoun('which 4 neighbourhoods have no platform?')).toBe('neighbourhoods');
    expect(whichNoun('Heyy, which platform is the one that is stopping?')).toBe('platform');
  });

  it('knows a gap whose title asks which of that noun, as a compound or plural too', () => {
    const title = 'Which buurten or buurtplatforms are in which group? The letter gives no names';
    expect(gapNamesWhich(title, 'platform')).toBe(true);
    expect(gapNamesWhich(title, 'buurt')).toBe(true);
    expect(gapNamesWhich(title, 'organisation')).toBe(false);
    // The noun must be among the words the title asks which of.
    const party = 'Van welke politieke partij is wethouder Jack Gerats? Dat staat niet in de brief';
    expect(gapNamesWhich(party, 'partij')).toBe(true);
    expect(gapNamesWhich(party, 'wethouder')).toBe(false);
    // English entries keep the Dutch names: "buurten" names neighbourhoods.
    expect(gapNamesWhich(title, 'neighbourhoods')).toBe(true);
    expect(gapNamesWhich('How many people came? No numbers', 'people')).toBe(false);
  });

  const stops = entry({
    topic: 'inschatting-1-platform-stopt',
    language: 'en',
    title: 'One platform stops but looks for new board members',
    tags: ['one platform stops', 'quit'],
    body: 'According to the estimate, 1 buurtplatform stops, but it works on finding new board members for a buurtnetwerk.',
  });
  const names = entry({
    topic: 'onbekend-welke-buurten-inschatting',
    language: 'en',
    kind: 'faq',
    unknown: true,
    title: 'Which buurtplatforms are in which group of the estimate? The letter gives no names',
    tags: ['which platforms', 'names', 'which platform stops'],
    body: 'The letter gives only numbers, no names of buurtplatforms. Ask a coordinator.',
  });
  const knowledge = createKnowledge([stops, names]);

  it('answers "which platform is quitting" with the gap about names, though the count entry ranks first', () => {
    const question = 'Which platform is the one that is quitting?';
    expect(knowledge.search(question)[0]?.topic).toBe('inschatting-1-platform-stopt');
    const answer = knowledge.answer(question);
    expect(answer.answered).toBe(false);
    expect(answer.topics[0]).toBe('onbekend-welke-buurten-inschatting');
  });

  it('does not give the gap naming no platforms for "which organisation", even when it ranks first', () => {
    const worker = entry({
      topic: 'opbouwwerker',
      language: 'en',
      title: 'The opbouwwerker (community worker) works for Trajekt',
      tags: ['opbouwwerker', 'community worker', 'trajekt'],
      body: 'The opbouwwerker is a community worker of Trajekt, the organisation for welfare work in Maastricht.',
    });
    // The gap's body mentions a volunteer organisation, so it matches "organisation" too.
    const gap = { ...names, body: `${names.body} Nor which platforms go on as a volunteer organisation.` };
    const both = createKnowledge([worker, gap]);
    const question = 'Which organisation is such a person from?';
    expect(both.search(question)[0]?.topic).toBe('onbekend-welke-buurten-inschatting');
    expect(both.answer(question).topics[0]).toBe('opbouwwerker');
  });

  it('still answers a question about the platform that is not a which-question', () => {
    const answer = knowledge.answer('Is there a platform that quits?');
    expect(answer.answered).toBe(true);
    expect(answer.topics[0]).toBe('inschatting-1-platform-stopt');
  });
});
