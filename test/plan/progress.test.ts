import { describe, expect, it } from 'vitest';
import { canSubmit, overview } from '../../src/core/plan/progress.js';
import { calendarDaysBetween } from '../../src/core/plan/zoned-time.js';
import { defaultTemplate, stateWith } from './fixtures.js';

const template = defaultTemplate();
const deadline = template.deadline.at; // 2016-12-31T23:59 Amsterdam = 22:59Z
const required = template.sections.filter((section) => section.required).map((section) => section.id);
const at = (iso: string): Date => new Date(iso);

describe('overview', () => {
  it('lists an empty plan as all missing, with the optional section apart', () => {
    const result = overview(template, { sections: {} }, { now: at('2016-12-01T11:00:00Z'), deadline });
    expect(result.done).toEqual([]);
    expect(result.missing.map((ref) => ref.id)).toEqual(required);
    expect(result.missing[1]).toEqual({ id: 'bestuur', number: 2, title: { nl: 'Het bestuur', en: 'The board' }, required: true });
    expect(result.optionalOpen.map((ref) => ref.id)).toEqual(['ondersteuning']);
    expect(result).toMatchObject({ requiredDone: 0, requiredTotal: 8, daysLeft: 30, deadlinePassed: false, complete: false });
  });

  it('keeps a skipped required section missing, and a skipped optional one out of optionalOpen', () => {
    const state = stateWith(template, ['platform-en-buurt', 'visie-en-doelen'], ['bestuur', 'ondersteuning']);
    const result = overview(template, state, { now: at('2016-12-01T11:00:00Z'), deadline });
    expect(result.done.map((ref) => ref.id)).toEqual(['platform-en-buurt', 'visie-en-doelen']);
    expect(result.missing.map((ref) => ref.id)).toContain('bestuur');
    expect(result.skipped.map((ref) => ref.id)).toEqual(['bestuur', 'ondersteuning']);
    expect(result.optionalOpen).toEqual([]);
    expect(result.requiredDone).toBe(2);
  });

  it('is complete when every required section is answered, optional or not', () => {
    const result = overview(template, stateWith(template, required), { now: at('2016-12-01T11:00:00Z'), deadline });
    expect(result.complete).toBe(true);
    expect(result.missing).toEqual([]);
    expect(result.optionalOpen.map((ref) => ref.id)).toEqual(['ondersteuning']);
  });

  it('counts calendar days in Amsterdam across the October DST change', () => {
    // Sat 29 Oct 2016 00:30 CEST is still 28 Oct in UTC; the clocks go back (a 25-hour day) on 30 Oct.
    const now = at('2016-10-28T22:30:00Z');
    const result = overview(template, { sections: {} }, { now, deadline });
    expect(result.daysLeft).toBe(63); // 29 Oct -> 31 Dec
    // what 24-hour arithmetic on instants would say instead
    expect(Math.floor((deadline.getTime() - now.getTime()) / 86_400_000)).toBe(64);
  });

  it('counts calendar days across the March DST change', () => {
    // Sat 25 Mar 2017 12:00 CET to Mon 27 Mar 00:30 CEST: two calendar days, 35.5 hours.
    const result = overview(template, { sections: {} }, { now: at('2017-03-25T11:00:00Z'), deadline: at('2017-03-26T22:30:00Z') });
    expect(result.daysLeft).toBe(2);
  });

  it('says 0 days left on the deadline day itself, Amsterdam time', () => {
    const result = overview(template, { sections: {} }, { now: at('2016-12-30T23:30:00Z'), deadline }); // 31 Dec 00:30
    expect(result).toMatchObject({ daysLeft: 0, deadlinePassed: false });
    expect(overview(template, { sections: {} }, { now: at('2016-12-30T22:30:00Z'), deadline }).daysLeft).toBe(1);
  });

  it('is not passed at the deadline minute and passed right after it', () => {
    expect(overview(template, { sections: {} }, { now: deadline, deadline }).deadlinePassed).toBe(false);
    const after = overview(template, { sections: {} }, { now: at('2016-12-31T23:00:00Z'), deadline }); // 1 Jan 2017 00:00
    expect(after).toMatchObject({ deadlinePassed: true, daysLeft: 0 });
    expect(overview(template, { sections: {} }, { now: at('2017-01-15T10:00:00Z'), deadline })).toMatchObject({
      deadlinePassed: true,
      daysLeft: 0,
    });
  });

  it('follows another time zone when asked', () => {
    // 23:30 UTC on 30 Dec is already 31 Dec in Amsterdam but still 30 Dec in London.
    expect(calendarDaysBetween(at('2016-12-30T23:30:00Z'), deadline, 'Europe/London')).toBe(1);
    expect(calendarDaysBetween(at('2016-12-30T23:30:00Z'), deadline)).toBe(0);
  });
});

describe('canSubmit', () => {
  it('lists the missing required sections with their numbers', () => {
    const result = canSubmit(
      template,
      stateWith(
        template,
        required.filter((id) => id !== 'bestuur' && id !== 'samenwerking'),
      ),
    );
    expect(result).toEqual({
      ok: false,
      missing: [
        { id: 'bestuur', number: 2, title: { nl: 'Het bestuur', en: 'The board' }, required: true },
        { id: 'samenwerking', number: 6, title: { nl: 'Samenwerking', en: 'Cooperation' }, required: true },
      ],
    });
  });

  it('allows submission without the optional section', () => {
    expect(canSubmit(template, stateWith(template, required))).toEqual({ ok: true });
  });

  it('does not accept a draft text without a validated value', () => {
    const state = stateWith(
      template,
      required.filter((id) => id !== 'bestuur'),
    );
    state.sections['bestuur'] = { text: 'Anna Jansen - voorzitter', revision: 2 };
    expect(canSubmit(template, state)).toMatchObject({ ok: false, missing: [{ id: 'bestuur' }] });
  });
});
