import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/core/knowledge/answerer.js';
import { ANSWER_THRESHOLD, CONTEXT_ALLOWANCE } from '../../src/core/knowledge/thresholds.js';
import { entry } from './fixtures.js';

describe('a message with context around its question', () => {
  const knowledge = createKnowledge([
    entry({
      topic: 'workshop-geld',
      language: 'nl',
      title: 'Workshop Hoe kom ik aan geld? op 21 november 2016',
      tags: ['workshop', 'geld'],
      body: 'De workshop Hoe kom ik aan geld? is op 21 november 2016.',
    }),
    entry({
      topic: 'deadline',
      language: 'nl',
      title: 'Plan van Aanpak inleveren uiterlijk 31 december 2016',
      tags: ['plan van aanpak', 'deadline'],
      body: 'Elk buurtplatform levert uiterlijk 31 december 2016 een Plan van Aanpak in.',
    }),
  ]);

  it('is answered a little below the threshold: the context costs confidence, not meaning', () => {
    const chatty = 'Ik ben penningmeester. Wanneer is de workshop over subsidiegeld voor bestuurders?';
    const confidence = knowledge.search(chatty)[0]?.confidence ?? 0;
    // The case this is about: below the threshold, within the allowance.
    expect(confidence).toBeLessThan(ANSWER_THRESHOLD);
    expect(confidence).toBeGreaterThanOrEqual(ANSWER_THRESHOLD - CONTEXT_ALLOWANCE);
    const answer = knowledge.answer(chatty);
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('21 november 2016');
  });

  it('gives a one-sentence question at the same confidence no allowance', () => {
    const bare = 'Wanneer is de workshop over subsidiegeld voor nieuwe vrijwilligers?';
    const confidence = knowledge.search(bare)[0]?.confidence ?? 0;
    expect(confidence).toBeLessThan(ANSWER_THRESHOLD);
    expect(confidence).toBeGreaterThanOrEqual(ANSWER_THRESHOLD - CONTEXT_ALLOWANCE);
    expect(knowledge.answer(bare).answered).toBe(false);
  });

  it('does not take thanks, a greeting or "volgens de brief" for context: the search drops them, so does the allowance', () => {
    const bare = 'Wanneer is de workshop over subsidiegeld voor nieuwe vrijwilligers?';
    // A greeting alone is no context either: "Hoi! …" is the bare question.
    for (const polite of [`Bedankt voor je hulp! ${bare}`, `Volgens de brief: ${bare}`, `Hoi! ${bare}`, `Hey, ${bare}`]) {
      expect(knowledge.search(polite)[0]?.confidence).toBeLessThan(ANSWER_THRESHOLD);
      expect(knowledge.answer(polite).answered).toBe(false);
    }
  });

  it('counts a context word an entry happens to share as little as a missing one', () => {
    const question = 'Wanneer moet het Plan van Aanpak binnen zijn?';
    const bare = knowledge.search(question)[0];
    // The context shares "buurtplatform" and "december" with the deadline entry, by chance.
    const sharing = knowledge.search(`Ons buurtplatform vergaderde in december. ${question}`)[0];
    expect(bare?.topic).toBe('deadline');
    expect(sharing?.topic).toBe('deadline');
    // It is not surer of the answer for that: the question alone decides.
    expect(sharing?.confidence ?? 1).toBeLessThanOrEqual((bare?.confidence ?? 0) + 0.02);
  });
});
