import { describe, expect, it } from 'vitest';
import { combinedAnswer } from '../../src/core/knowledge/several-questions.js';
import { separateQuestions } from '../../src/core/knowledge/text/sentences.js';
import type { Answer } from '../../src/core/knowledge/types.js';

const domain = (text: string): boolean => /deadline|bestuur|letter|kick-off|workshop|platform/i.test(text);

describe('separateQuestions', () => {
  it('finds two question sentences, and a question after "and"/"en"', () => {
    expect(separateQuestions('Hoi! Wanneer is de deadline? En hoeveel bestuursleden moeten we hebben?', domain)).toEqual([
      'Wanneer is de deadline?',
      'En hoeveel bestuursleden moeten we hebben?',
    ]);
    expect(separateQuestions('Who wrote the letter and when was the kick-off?', domain)).toEqual([
      'Who wrote the letter',
      'when was the kick-off?',
    ]);
    // A lead-in before the first question is no question of its own.
    expect(separateQuestions('Hoi! Twee vragen: wie schreef de letter en wanneer is de deadline?', domain)).toEqual([
      'wie schreef de letter',
      'wanneer is de deadline?',
    ]);
  });

  it('keeps a message one question when a part names nothing of the domain or does not ask', () => {
    // "en komt er nog 1" leans on the first question.
    expect(separateQuestions('Welke workshops zijn er geweest? En komt er nog 1?', domain)).toEqual([]);
    // A statement before "en" is context, not a question.
    expect(separateQuestions('Ons platform heeft 2 bestuursleden en mogen we dan meedoen aan de deadline?', domain)).toEqual([]);
    expect(separateQuestions('Wanneer is de deadline?', domain)).toEqual([]);
  });
});

function answer(topic: string, confidence: number, text: string, answered = true): Answer {
  return {
    answered,
    answer: text,
    citations: [{ id: `${topic}-nl`, title: topic, source: 'brief' }],
    confidence,
    language: 'nl',
    topics: [topic],
  };
}

describe('combinedAnswer', () => {
  const whole = answer('deadline', 0.9, 'Uiterlijk 31 december 2016.');

  it('answers each clearly answered question in turn, with both sources', () => {
    const combined = combinedAnswer(whole, [
      answer('deadline', 0.9, 'Uiterlijk 31 december 2016.'),
      answer('bestuur', 0.85, '3 bestuursleden.'),
    ]);
    expect(combined.answer).toBe('Uiterlijk 31 december 2016.\n\n3 bestuursleden.');
    expect(combined.topics).toEqual(['deadline', 'bestuur']);
    expect(combined.citations.map((c) => c.id)).toEqual(['deadline-nl', 'bestuur-nl']);
    expect(combined.confidence).toBe(0.85);
  });

  it('keeps the answer to the whole message when a part is unsure, unanswered or about the same topic', () => {
    expect(combinedAnswer(whole, [answer('deadline', 0.9, 'a'), answer('bestuur', 0.6, 'b')])).toBe(whole);
    expect(combinedAnswer(whole, [answer('deadline', 0.9, 'a'), answer('gap', 0.9, 'b', false)])).toBe(whole);
    expect(combinedAnswer(whole, [answer('deadline', 0.9, 'a'), answer('deadline', 0.95, 'b')])).toBe(whole);
  });
});
