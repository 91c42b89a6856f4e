import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/knowledge/types.js';
import { containsText, firstSentence, scoreOne, summarize, type EvalQuestion } from '../../eval/score.js';

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

describe('the first sentence of an answer', () => {
  it('is read up to its full stop, a verdict first ("Ja.") together with the sentence it opens', () => {
    expect(firstSentence('Uiterlijk 31 december 2016. Daarna volgt het plan.')).toBe('Uiterlijk 31 december 2016.');
    expect(firstSentence('Ja. 2 platforms gaan door zonder subsidie. Een andere weg …')).toBe('Ja. 2 platforms gaan door zonder subsidie.');
    expect(firstSentence('No. Every board needs 3 members.')).toBe('No. Every board needs 3 members.');
    expect(firstSentence('Januari. Dan hoort u het.')).toBe('Januari.');
  });
});

describe('scoring one answer', () => {
  const answer = (text: string, extra: Partial<Answer> = {}): Answer => ({
    answered: true,
    answer: text,
    citations: [],
    confidence: 0.8,
    language: 'nl',
    topics: ['t'],
    ...extra,
  });
  const question = (extra: Partial<EvalQuestion>): EvalQuestion => ({ id: 'x', lang: 'nl', q: 'wanneer?', expect: 'answer', ...extra });

  it('passes with one of the `anyOf` alternatives and fails with none', () => {
    const q = question({ anyOf: ['31 december', '31-12'] });
    expect(scoreOne(q, answer('Uiterlijk 31 december 2016.')).pass).toBe(true);
    const miss = scoreOne(q, answer('Uiterlijk eind 2016.'));
    expect(miss.pass).toBe(false);
    expect(miss.reason).toContain('one of 31 december | 31-12');
  });

  it('tells whether a right answer gives its fact in the first sentence and the first 200 characters', () => {
    const q = question({ contains: ['31 december 2016'] });
    const early = scoreOne(q, answer('Uiterlijk 31 december 2016. Daarna volgt meer.'));
    expect([early.factInFirstSentence, early.factEarly]).toEqual([true, true]);
    const late = scoreOne(q, answer(`${'Eerst wat uitleg. '.repeat(12)}De datum is 31 december 2016.`));
    expect(late.pass).toBe(true);
    expect([late.factInFirstSentence, late.factEarly]).toEqual([false, false]);
  });

  it('judges a "Bedoel je…?" by whether an offered topic answers the question', () => {
    const q = question({ contains: ['3 bestuursleden'] });
    const askedBack = answer('Bedoel je…?', {
      answered: false,
      alternatives: [
        { topic: 'a', label: 'A' },
        { topic: 'b', label: 'B' },
      ],
    });
    const answers: Record<string, Answer> = { a: answer('Over iets anders.'), b: answer('Je hebt 3 bestuursleden nodig.') };
    expect(scoreOne(q, askedBack, (topic) => answers[topic]).clarifiedRight).toBe(true);
    expect(scoreOne(q, askedBack, (topic) => (topic === 'a' ? answers['a'] : undefined)).clarifiedRight).toBe(false);
    const summary = summarize([scoreOne(q, askedBack, (topic) => answers[topic])], 0.4);
    expect(summary.clarify).toEqual({ passed: 1, total: 1, rate: 1 });
    expect(summary.answerable.passed).toBe(0);
  });
});
