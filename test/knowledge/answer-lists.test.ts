import { describe, expect, it } from 'vitest';
import { firstParagraph, trimAtSentence } from '../../src/core/knowledge/answer-text.js';
import { createKnowledge } from '../../src/core/knowledge/answerer.js';
import { entry } from './fixtures.js';

const LIST_BODY = [
  'De inschatting in de brief. Het overzicht:',
  '- 20 buurtplatforms gaan door;',
  '- 4 twijfelen nog;',
  '1. een genummerd punt',
  '   en een ingesprongen regel die bij het punt hoort.',
  'Een zin na de lijst',
  'loopt door tot de alinea eindigt.',
  '',
  'Een tweede alinea.',
].join('\n');

describe('lists in an answer keep their lines', () => {
  it('keeps a line break before each list item and after the list, and joins the other lines', () => {
    expect(firstParagraph(LIST_BODY)).toBe(
      'De inschatting in de brief. Het overzicht:\n- 20 buurtplatforms gaan door;\n- 4 twijfelen nog;\n1. een genummerd punt en een ingesprongen regel die bij het punt hoort.\nEen zin na de lijst loopt door tot de alinea eindigt.',
    );
  });

  it('a hyphen inside a sentence is not a list item', () => {
    expect(firstParagraph('In de jaren\n2017-2018 groeit het netwerk.')).toBe('In de jaren 2017-2018 groeit het netwerk.');
    expect(firstParagraph('Het plan is\nklaar - zegt de brief.')).toBe('Het plan is klaar - zegt de brief.');
  });

  it('a long list is cut after a whole item, with "…" saying there is more', () => {
    const items = Array.from({ length: 12 }, (_, i) => `- punt ${i + 1} van de lijst met wat uitleg erbij;`).join('\n');
    const cut = trimAtSentence(`Het overzicht:\n${items}`, 200);
    expect(cut.length).toBeLessThanOrEqual(202);
    expect(cut).toMatch(/wat uitleg erbij; …$/);
    expect(
      cut
        .split('\n')
        .slice(1)
        .every((line) => line.startsWith('- punt')),
    ).toBe(true);
    // Ordinary prose is still cut at a sentence end, with no "…".
    expect(trimAtSentence('Een zin. '.repeat(40), 100)).toMatch(/zin\.$/);
  });

  it('an answer from an entry with a list shows one item per line', () => {
    const knowledge = createKnowledge([
      entry({
        topic: 'overzicht',
        language: 'nl',
        title: 'Overzicht van de inschatting',
        tags: ['inschatting', 'overzicht'],
        body: LIST_BODY,
      }),
    ]);
    const result = knowledge.answer('Wat is de inschatting? Geef het overzicht');
    expect(result.answered).toBe(true);
    expect(result.answer).toContain('\n- 20 buurtplatforms gaan door;\n- 4 twijfelen nog;');
  });
});
