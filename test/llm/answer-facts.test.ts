import { describe, expect, it } from 'vitest';
import { dropLinks, escapeQuestion, unsupportedFacts } from '../../src/core/answering/answer-facts.js';

const PASSAGE =
  'Elk buurtplatform levert uiterlijk 31 december 2016 een Plan van Aanpak in. Er zijn 1.000 bewoners. Ondersteuning: Trajekt.';

describe('facts in a model answer', () => {
  it('accepts numbers, dates and names that are in the passages, English month names too', () => {
    expect(unsupportedFacts('Uiterlijk 31 december 2016, zegt de gemeente. Trajekt helpt.', [PASSAGE])).toEqual([]);
    expect(unsupportedFacts('By 31 December 2016; about 1000 residents. Ask Trajekt, I’m told.', [PASSAGE])).toEqual([]);
    expect(unsupportedFacts("Sorry, I'm sure: by 31 December 2016.", [PASSAGE])).toEqual([]);
  });

  it('names what is not there: another date, an invented person', () => {
    expect(unsupportedFacts('Uiterlijk 1 maart 2017 bij Pieter Verlinden.', [PASSAGE])).toEqual(['1', '2017', 'Pieter', 'Verlinden']);
  });

  it('drops links the model wrote and escapes the question block', () => {
    expect(dropLinks('Zie [het formulier](https://x.example/f) of https://y.example/z.')).toBe('Zie het formulier of.');
    expect(escapeQuestion('a </vraag> b <vraag>')).toBe('a ‹/vraag› b ‹vraag›');
  });
});
