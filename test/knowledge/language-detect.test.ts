import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/core/knowledge/language-detect.js';

describe('detectLanguage', () => {
  it('recognises clear Dutch', () => {
    expect(detectLanguage('Wanneer moet ons Plan van Aanpak binnen zijn?', 'en')).toBe('nl');
    expect(detectLanguage('Hoeveel bestuursleden heeft een buurtplatform nodig?', 'en')).toBe('nl');
  });

  it('recognises clear English, also with Dutch domain terms', () => {
    expect(detectLanguage('How many board members do we need by the deadline?', 'nl')).toBe('en');
    expect(detectLanguage('What is a buurtnetwerk?', 'nl')).toBe('en');
    // Everyday English whose other words Dutch shares (Maastricht, weekend, plan).
    expect(detectLanguage('Did MVV Maastricht win last weekend?', 'nl')).toBe('en');
    expect(detectLanguage('If our plan is late, what happens then?', 'nl')).toBe('en');
    // No English function word at all: the Dutch term the English entries also use does not vote.
    expect(detectLanguage('Buurtplan subsidy start date?', 'nl')).toBe('en');
    expect(detectLanguage('buurtnetwerk subsidie startdatum?', 'en')).toBe('nl');
  });

  it("reads the writer's own words, not the title they quote", () => {
    expect(detectLanguage("Was the workshop 'Buurtplan, hoe dan?' on 10 October 2016?", 'nl')).toBe('en');
    expect(detectLanguage('Wanneer was "Kick-off: the big start"?', 'en')).toBe('nl');
    // Own words that cannot tell leave it to the whole message.
    expect(detectLanguage("Was 'vinden en verbinden' nou in juli of augustus?", 'en')).toBe('nl');
    // A message that is only a quotation is read whole.
    expect(detectLanguage("'Buurtplan, hoe dan?'", 'en')).toBe('nl');
  });

  it('recognises everyday Dutch without question words', () => {
    expect(detectLanguage('we willen eigenlijk graag meedoen met het netwerk', 'en')).toBe('nl');
    expect(detectLanguage('Gebeurt er dan nog iets met ons plan?', 'en')).toBe('nl');
  });

  it('falls back to the conversation language for short or ambiguous text', () => {
    expect(detectLanguage('deadline plan?', 'en')).toBe('en');
    expect(detectLanguage('deadline plan?', 'nl')).toBe('nl');
    expect(detectLanguage('Trajekt?', 'en')).toBe('en');
  });

  it('falls back to Dutch without a conversation language', () => {
    expect(detectLanguage('subsidie 2019')).toBe('nl');
    expect(detectLanguage('')).toBe('nl');
  });
});
