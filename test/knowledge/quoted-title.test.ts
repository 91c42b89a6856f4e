import { describe, expect, it } from 'vitest';
import { quotedPhrases, quotedTitleFirst } from '../../src/core/knowledge/quoted-title.js';

describe('quoted titles', () => {
  it('finds quoted phrases of two words or more, not apostrophes inside words', () => {
    expect(quotedPhrases("the session ('Buurtplan, hoe dan?' I think) - it's on")).toEqual(['buurtplan hoe dan']);
    expect(quotedPhrases('de workshop “Hoe kom ik aan geld” was goed')).toEqual(['hoe kom ik aan geld']);
    expect(quotedPhrases("they talk about 'transitie' and it's our platform's plan")).toEqual([]);
    // The asker's article is not part of the title: "'the kick-off'" quotes "kick-off".
    expect(quotedPhrases("I keep hearing about 'the kick-off'. Who was there?")).toEqual(['kick off']);
  });

  it('keeps the ranking when the best-ranked topic holds the quote too', () => {
    const kickOff = [
      { id: 'fact', title: 'Kick-off meeting for and with the buurtplatforms on 2 April 2016', confidence: 0.82 },
      { id: 'gap', title: 'Who spoke at the kick-off meeting? Not in the letter', confidence: 0.67 },
    ];
    expect(quotedTitleFirst("I keep hearing about 'the kick-off'. Who was there?", kickOff, (t) => t.title)).toBe(kickOff);
  });

  const ranked = [
    { id: 'cijfers', title: "Workshop 'Maastricht in cijfers' was on 18 April 2016", confidence: 0.8 },
    { id: 'gap', title: 'The letter does not say whether workshops are recorded', confidence: 0.7 },
    { id: 'hoe-dan', title: "Workshop 'Buurtplan, hoe dan?' was on 10 October 2016", confidence: 0.36 },
  ];

  it('puts the topic whose title holds the quote first, as sure as the topic it displaced', () => {
    const reordered = quotedTitleFirst("When was 'Buurtplan, hoe dan?'", ranked, (t) => t.title);
    expect(reordered.map((t) => t.id)).toEqual(['hoe-dan', 'cijfers', 'gap']);
    expect(reordered[0]?.confidence).toBe(0.8);
  });

  it('leaves the ranking alone without a quote, or when no title holds it', () => {
    expect(quotedTitleFirst('When was the neighbourhood plan session?', ranked, (t) => t.title)).toBe(ranked);
    expect(quotedTitleFirst("When was 'Vinden en Verbinden'?", ranked, (t) => t.title)).toBe(ranked);
  });
});
