import { describe, expect, it } from 'vitest';
import { containsText } from '../../eval/score.js';

describe('the evaluation’s text check', () => {
  it('ignores case and accents', () => {
    expect(containsText('De procescoördinatoren helpen.', 'procescoordinator')).toBe(true);
  });

  it('finds a number only as a whole number, so "20" is not found in "2016"', () => {
    expect(containsText('Uiterlijk 31 december 2016.', '20')).toBe(false);
    expect(containsText('20 buurtplatforms willen meedoen.', '20')).toBe(true);
    expect(containsText('overzicht 20, 4, 1', '4')).toBe(true);
    expect(containsText('in 32 van de 36 buurten', '3')).toBe(false);
  });
});
