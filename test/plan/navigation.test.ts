import { describe, expect, it } from 'vitest';
import { findSection, nextOpenSection, previousSection, sectionNumber } from '../../src/core/plan/navigation.js';
import { defaultTemplate, stateWith } from './fixtures.js';

const template = defaultTemplate();
const ids = template.sections.map((section) => section.id);
const required = template.sections.filter((section) => section.required).map((section) => section.id);

describe('the default section order', () => {
  it('is what these tests assume', () => {
    expect(ids).toEqual([
      'platform-en-buurt',
      'bestuur',
      'visie-en-doelen',
      'vinden-en-verbinden',
      'activiteiten-en-planning',
      'samenwerking',
      'geld-en-subsidie',
      'ondersteuning',
      'op-weg-naar-buurtplan',
    ]);
  });
});

describe('nextOpenSection', () => {
  it('starts at the first section of an empty plan', () => {
    expect(nextOpenSection(template, { sections: {} })?.id).toBe('platform-en-buurt');
  });

  it('moves on after the section just answered, not back to an earlier open one', () => {
    const state = stateWith(template, ['platform-en-buurt', 'visie-en-doelen']);
    expect(nextOpenSection(template, state, 'visie-en-doelen')?.id).toBe('vinden-en-verbinden');
    expect(nextOpenSection(template, state)?.id).toBe('bestuur');
  });

  it('wraps around to an earlier open section when the rest is done', () => {
    const state = stateWith(
      template,
      ids.filter((id) => id !== 'bestuur'),
    );
    expect(nextOpenSection(template, state, 'op-weg-naar-buurtplan')?.id).toBe('bestuur');
    expect(nextOpenSection(template, state, 'geld-en-subsidie')?.id).toBe('bestuur');
  });

  it('asks required sections before optional ones, even when the optional one comes first', () => {
    const state = stateWith(
      template,
      required.filter((id) => id !== 'op-weg-naar-buurtplan'),
    );
    expect(nextOpenSection(template, state, 'geld-en-subsidie')?.id).toBe('op-weg-naar-buurtplan');
    const allRequired = stateWith(template, required);
    expect(nextOpenSection(template, allRequired, 'op-weg-naar-buurtplan')?.id).toBe('ondersteuning');
  });

  it('passes over skipped sections and ends when only skipped ones are left', () => {
    const state = stateWith(
      template,
      ids.filter((id) => id !== 'bestuur' && id !== 'ondersteuning'),
      ['bestuur'],
    );
    expect(nextOpenSection(template, state, 'platform-en-buurt')?.id).toBe('ondersteuning');
    const rest = stateWith(
      template,
      ids.filter((id) => id !== 'bestuur' && id !== 'ondersteuning'),
      ['bestuur', 'ondersteuning'],
    );
    expect(nextOpenSection(template, rest)).toBeUndefined();
  });

  it('does not count a value of the wrong kind as an answer', () => {
    const state = stateWith(template, ['platform-en-buurt']);
    state.sections['bestuur'] = { value: { kind: 'text', text: 'Anna, Piet en Karin.' }, text: 'Anna, Piet en Karin.', revision: 1 };
    expect(nextOpenSection(template, state, 'platform-en-buurt')?.id).toBe('bestuur');
  });

  it('returns nothing when everything is answered', () => {
    expect(nextOpenSection(template, stateWith(template, ids))).toBeUndefined();
  });
});

describe('previousSection', () => {
  it('goes one back in template order and stops at the start', () => {
    expect(previousSection(template, 'bestuur')?.id).toBe('platform-en-buurt');
    expect(previousSection(template, 'op-weg-naar-buurtplan')?.id).toBe('ondersteuning');
    expect(previousSection(template, 'platform-en-buurt')).toBeUndefined();
    expect(previousSection(template, 'bestaat-niet')).toBeUndefined();
  });
});

describe('findSection', () => {
  it.each([
    ['3', 'nl', 'visie-en-doelen'],
    ['sectie 2', 'nl', 'bestuur'],
    ['Ga naar stap 9', 'nl', 'op-weg-naar-buurtplan'],
    ['derde', 'nl', 'visie-en-doelen'],
    ['bestuur', 'nl', 'bestuur'],
    ['Het Bestuur', 'nl', 'bestuur'],
    ['bestuursleden', 'nl', 'bestuur'],
    ['the board', 'en', 'bestuur'],
    ['THE BOARD', 'nl', 'bestuur'],
    ['geld', 'nl', 'geld-en-subsidie'],
    ['money', 'en', 'geld-en-subsidie'],
    ['subsidie', 'nl', 'geld-en-subsidie'],
    ['visié', 'nl', 'visie-en-doelen'],
    ['vision and goals', 'en', 'visie-en-doelen'],
    ['activiteiten en plan', 'nl', 'activiteiten-en-planning'],
    ['samenwerkng', 'nl', 'samenwerking'],
    ['support wanted', 'en', 'ondersteuning'],
    ['buurtplan', 'nl', 'op-weg-naar-buurtplan'],
    ['op-weg-naar-buurtplan', 'nl', 'op-weg-naar-buurtplan'],
    ['2017', 'nl', 'activiteiten-en-planning'],
  ] as const)('finds %j (%s) as %s', (query, language, id) => {
    expect(findSection(template, query, language)?.id).toBe(id);
  });

  it.each(['0', '10', 'xyz', '', '   ', 'pizza bestellen'])('finds nothing for %j', (query) => {
    expect(findSection(template, query, 'nl')).toBeUndefined();
  });

  it('numbers sections from 1', () => {
    expect(sectionNumber(template, 'bestuur')).toBe(2);
    expect(sectionNumber(template, 'nope')).toBe(0);
  });
});
