import { describe, expect, it } from 'vitest';
import { factFirst } from '../../src/core/knowledge/answer-text.js';
import { createKnowledge } from '../../src/core/knowledge/answerer.js';
import { hasFactKind } from '../../src/core/knowledge/answer-type.js';
import { entry } from './fixtures.js';

const holdsCount = (sentence: string): boolean => hasFactKind(sentence, 'count');

describe('the fact asked for comes first', () => {
  it('moves the sentence with the number to the front when the first sentence has none', () => {
    const text =
      'Elk platform kiest zelf of het doorgaat. Volgens de brief hebben 4 platforms nog niet gekozen.\n\nVraag het de coördinator.';
    expect(factFirst(text, holdsCount)).toBe(
      'Volgens de brief hebben 4 platforms nog niet gekozen. Elk platform kiest zelf of het doorgaat.\n\nVraag het de coördinator.',
    );
  });

  it('leaves the text alone when the first sentence has the fact, or the sentence leans on the one before', () => {
    const early = 'Er zijn 4 workshops. Ze zijn samen met de platforms georganiseerd.';
    expect(factFirst(early, holdsCount)).toBe(early);
    // "Ze zijn …" needs the sentence before it to be understood.
    const leaning = 'Elk platform kiest zelf. Ze zijn met 2 bestuursleden.';
    expect(factFirst(leaning, holdsCount)).toBe(leaning);
  });

  it('answers "hoeveel" with the number first', () => {
    const knowledge = createKnowledge([
      entry({
        topic: 'nog-geen-keuze',
        language: 'nl',
        title: 'Nog geen keuze gemaakt',
        tags: ['keuze', 'twijfelen'],
        body: 'Je platform kiest uiterlijk 31 december 2016 zelf. Volgens de inschatting hebben 4 buurtplatforms nog geen keuze gemaakt.',
      }),
    ]);
    expect(knowledge.answer('Hoeveel buurtplatforms hebben nog geen keuze gemaakt?').answer).toMatch(/^Volgens de inschatting hebben 4/);
    // Another kind of question keeps the entry's order.
    expect(knowledge.answer('Wat als we nog geen keuze hebben gemaakt?').answer).toMatch(/^Je platform kiest/);
  });

  it('answers "wie is …" with the sentence that names someone first', () => {
    const knowledge = createKnowledge([
      entry({
        topic: 'wethouder',
        language: 'nl',
        title: 'Begrip: wethouder',
        tags: ['wethouder', 'wie'],
        body: 'Een wethouder is lid van het college van burgemeester en wethouders. De brief is geschreven door Jack Gerats, wethouder Buurten.',
      }),
    ]);
    expect(knowledge.answer('wie is de wethouder?').answer).toMatch(/^De brief is geschreven door Jack Gerats/);
    expect(knowledge.answer('wat doet een wethouder?').answer).toMatch(/^Een wethouder is lid/);
  });
});
