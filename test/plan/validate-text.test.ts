import { describe, expect, it } from 'vitest';
import type { PlanSection } from '../../src/core/plan/template-schema.js';
import { MAX_ANSWER_CHARS } from '../../src/core/plan/text-checks.js';
import { validateAnswer } from '../../src/core/plan/validate.js';
import { parsePlanTemplate } from '../../src/core/plan/template.js';
import { defaultTemplate } from './fixtures.js';

function textSection(minWords: number, minChars?: number): PlanSection {
  return {
    id: 'visie',
    title: { nl: 'Visie', en: 'Vision' },
    question: { nl: 'Wat is jullie visie?', en: 'What is your vision?' },
    guidance: { nl: 'Vertel het.', en: 'Tell us.' },
    example: {
      nl: 'Voorbeeld van het verzonnen Buurtplatform Voorbeeldwijk:\nWij willen dat bewoners zelf meer regelen in de buurt en elkaar beter leren kennen.',
      en: 'Example from the invented Buurtplatform Voorbeeldwijk:\nWe want residents to arrange more themselves and get to know each other better.',
    },
    required: true,
    kb: [],
    validation: minChars === undefined ? { type: 'text', minWords } : { type: 'text', minWords, minChars },
  };
}

const GOOD =
  'Wij willen dat de buurt Mariaberg zelf meer gaat doen. Het platform wordt een netwerk van bewoners, de school en de sportclub. We beginnen met twee buurtavonden.';

function reason(result: ReturnType<typeof validateAnswer>): string {
  if (result.ok) throw new Error('expected a rejection');
  return result.reason;
}

describe('validateAnswer: text', () => {
  it('accepts a real answer and keeps its line breaks, trimmed', () => {
    const result = validateAnswer(textSection(25), `  ${GOOD}\r\nTweede regel met nog wat uitleg.  \n`, 'nl');
    expect(result).toEqual({ ok: true, value: { kind: 'text', text: `${GOOD}\nTweede regel met nog wat uitleg.` } });
  });

  it('says in Dutch how many words are needed and how many there are', () => {
    expect(reason(validateAnswer(textSection(25), 'We willen meer bewoners bereiken in de buurt.', 'nl'))).toBe(
      'Dat is nog wat kort: schrijf minstens 25 woorden. Je hebt er nu 8.',
    );
  });

  it('says the same in English for an English speaker', () => {
    expect(reason(validateAnswer(textSection(25), 'We want to reach more residents.', 'en'))).toBe(
      "That's a bit short: please write at least 25 words. You have 6 so far.",
    );
  });

  it('counts characters when the section sets minChars', () => {
    const text = 'Een twee drie vier vijf zes.';
    expect(reason(validateAnswer(textSection(3, 200), text, 'nl'))).toMatch(/minstens 200 tekens\. Je hebt er nu 28\./);
    expect(validateAnswer(textSection(3, 20), text, 'nl').ok).toBe(true);
  });

  it('rejects an empty answer with a friendly reason', () => {
    expect(reason(validateAnswer(textSection(5), '   \n ', 'nl'))).toMatch(/nog niets ingevuld/);
    expect(reason(validateAnswer(textSection(5), '', 'en'))).toMatch(/haven't written anything/);
  });

  it.each([
    'weet ik niet',
    'Weet ik niet.',
    'n.v.t.',
    'N.V.T',
    '-',
    '...',
    'todo',
    'TODO later',
    'nvt tbd',
    'nvt',
    'n/a',
    'TBD',
    "I don't know",
    'geen idee',
  ])('rejects the placeholder %j even when the section is short', (placeholder) => {
    const text = reason(validateAnswer(textSection(1), placeholder, 'nl'));
    expect(text).toMatch(/nog geen antwoord|Sla dit onderdeel dan over/);
    expect(text).not.toMatch(/kort/);
  });

  it('rejects lorem ipsum, also when long enough', () => {
    const lorem =
      'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.';
    expect(reason(validateAnswer(textSection(5), lorem, 'en'))).toMatch(/lorem ipsum/);
  });

  it('rejects one word repeated to reach the minimum, naming the word', () => {
    expect(reason(validateAnswer(textSection(5), Array(30).fill('bla').join(' '), 'nl'))).toMatch(/hetzelfde woord \("bla"\)/);
  });

  it('rejects one sentence pasted until the count is reached', () => {
    const pasted = Array(8).fill('Wij willen de buurt verbeteren.').join(' ');
    expect(reason(validateAnswer(textSection(25), pasted, 'en'))).toMatch(/repeating the same words/);
  });

  it('does not mistake a normal answer that contains "niet" or "todo" for a placeholder', () => {
    expect(validateAnswer(textSection(10), `${GOOD} We weten nog niet alles.`, 'nl').ok).toBe(true);
  });

  it('rejects the example pasted back, with or without its header line', () => {
    const section = textSection(5);
    expect(reason(validateAnswer(section, section.example.nl, 'nl'))).toMatch(/verzonnen buurtplatform/);
    expect(reason(validateAnswer(section, section.example.en.split('\n')[1] ?? '', 'en'))).toMatch(/invented platform/);
  });

  it('rejects absurdly long pastes', () => {
    const long = `${GOOD} `.repeat(Math.ceil(MAX_ANSWER_CHARS / GOOD.length) + 1);
    expect(reason(validateAnswer(textSection(5), long, 'nl'))).toMatch(/erg lang/);
  });

  it('works on the real template sections', () => {
    const section = defaultTemplate().sections.find((item) => item.id === 'visie-en-doelen');
    if (section === undefined) throw new Error('missing section');
    expect(reason(validateAnswer(section, GOOD, 'nl'))).toMatch(/minstens 40 woorden\. Je hebt er nu 27\./);
  });
});

describe('validateAnswer: choice', () => {
  const { template } = parsePlanTemplate(
    [
      'version: 1',
      'title: { nl: Plan, en: Plan }',
      'deadline: "2016-12-31T23:59 Europe/Amsterdam"',
      'sections:',
      '  - id: route',
      '    title: { nl: Route, en: Route }',
      '    question: { nl: Welke route?, en: Which route? }',
      '    guidance: { nl: Kies., en: Choose. }',
      '    example: { nl: Uitvoeringsregeling, en: Implementation scheme }',
      '    required: true',
      '    validation:',
      '      type: choice',
      '      options:',
      '        - { id: uitvoeringsregeling, label: { nl: Uitvoeringsregeling Buurtnetwerken, en: Buurtnetwerken scheme } }',
      '        - { id: basissubsidie, label: { nl: Basissubsidie, en: Basic subsidy } }',
      '        - { id: eigen-kracht, label: { nl: Eigen kracht, en: Own strength } }',
    ].join('\n'),
    'inline.yaml',
  );
  const section = template?.sections[0];
  if (section === undefined) throw new Error('inline template did not load');

  it.each([
    ['2', 'basissubsidie'],
    ['eigen-kracht', 'eigen-kracht'],
    ['Basic subsidy', 'basissubsidie'],
    ['eigen', 'eigen-kracht'],
    ['uitvoeringsregeling buurtnetwerken', 'uitvoeringsregeling'],
  ])('matches %j to %s', (typed, option) => {
    const result = validateAnswer(section, typed, 'nl');
    expect(result.ok && result.value.kind === 'choice' ? result.value.option : undefined).toBe(option);
  });

  it('stores the label in the answerer language', () => {
    expect(validateAnswer(section, '3', 'en')).toEqual({
      ok: true,
      value: { kind: 'choice', option: 'eigen-kracht', text: 'Own strength' },
    });
  });

  it('lists the options when nothing matches', () => {
    expect(reason(validateAnswer(section, '7', 'nl'))).toBe(
      'Ik herken die keuze niet. Kies een van deze opties (typ het nummer of de naam):\n1. Uitvoeringsregeling Buurtnetwerken\n2. Basissubsidie\n3. Eigen kracht',
    );
  });
});
