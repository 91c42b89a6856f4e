import { describe, expect, it } from 'vitest';
import {
  AMSTERDAM,
  addLocalDays,
  daysBetweenLocal,
  localParts,
  localToInstant,
  parseLocalDateTime,
  parseLocalTime,
  toLocalString,
} from '../../src/core/time.js';
import { local } from './fixtures.js';

const utc = (iso: string): string => local(iso).toISOString();

describe('localToInstant (Europe/Amsterdam)', () => {
  it('uses CET in winter and CEST in summer', () => {
    expect(utc('2016-12-31T23:59')).toBe('2016-12-31T22:59:00.000Z');
    expect(utc('2016-07-04T10:00')).toBe('2016-07-04T08:00:00.000Z');
  });

  it('spring 2016 (27 March): 02:00 jumps to 03:00; a time in the gap moves forward', () => {
    expect(utc('2016-03-27T01:59')).toBe('2016-03-27T00:59:00.000Z');
    expect(utc('2016-03-27T02:30')).toBe('2016-03-27T01:30:00.000Z');
    expect(toLocalString(local('2016-03-27T02:30'), AMSTERDAM)).toBe('2016-03-27T03:30');
    expect(utc('2016-03-27T03:00')).toBe('2016-03-27T01:00:00.000Z');
    expect(utc('2016-03-27T10:00')).toBe('2016-03-27T08:00:00.000Z');
  });

  it('autumn 2016 (30 October): 03:00 goes back to 02:00; an ambiguous time takes the first occurrence', () => {
    expect(utc('2016-10-30T01:59')).toBe('2016-10-29T23:59:00.000Z');
    expect(utc('2016-10-30T02:30')).toBe('2016-10-30T00:30:00.000Z');
    expect(utc('2016-10-30T03:00')).toBe('2016-10-30T02:00:00.000Z');
    expect(utc('2016-10-30T10:00')).toBe('2016-10-30T09:00:00.000Z');
  });

  it('spring and autumn 2026 (29 March, 25 October)', () => {
    expect(utc('2026-03-29T01:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(toLocalString(local('2026-03-29T02:15'), AMSTERDAM)).toBe('2026-03-29T03:15');
    expect(utc('2026-03-29T10:00')).toBe('2026-03-29T08:00:00.000Z');
    expect(utc('2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(utc('2026-10-25T10:00')).toBe('2026-10-25T09:00:00.000Z');
  });
});

describe('localParts', () => {
  it('reads both occurrences of an ambiguous hour as the same wall time', () => {
    const first = localParts(new Date('2016-10-30T00:30:00Z'), AMSTERDAM);
    const second = localParts(new Date('2016-10-30T01:30:00Z'), AMSTERDAM);
    expect([first.hour, first.minute, second.hour, second.minute]).toEqual([2, 30, 2, 30]);
    expect(first.weekday).toBe(0); // a Sunday
  });

  it('shows midnight as hour 0, not 24', () => {
    expect(localParts(new Date('2016-12-31T23:00:00Z'), AMSTERDAM)).toMatchObject({ year: 2017, month: 1, day: 1, hour: 0 });
  });

  it('round-trips every hour around the 2026 changes', () => {
    for (const start of ['2026-03-28T22:00:00Z', '2026-10-24T22:00:00Z']) {
      for (let h = 0; h < 8; h += 1) {
        const instant = new Date(Date.parse(start) + h * 3_600_000);
        const parts = localParts(instant, AMSTERDAM);
        const back = localToInstant(parts, AMSTERDAM);
        // Round-trips exactly, except the second occurrence of the repeated hour, which maps to the first.
        expect(back.getTime() === instant.getTime() || back.getTime() === instant.getTime() - 3_600_000).toBe(true);
      }
    }
  });
});

describe('calendar days', () => {
  it('adds days across months, years and leap days', () => {
    expect(addLocalDays({ year: 2016, month: 3, day: 1 }, -1)).toEqual({ year: 2016, month: 2, day: 29 });
    expect(addLocalDays({ year: 2016, month: 12, day: 31 }, 1)).toEqual({ year: 2017, month: 1, day: 1 });
    expect(addLocalDays({ year: 2016, month: 12, day: 31 }, -30)).toEqual({ year: 2016, month: 12, day: 1 });
  });

  it('counts Amsterdam calendar days, not 24-hour blocks, across DST', () => {
    // 24 hours of elapsed time, but two calendar days (the night of 27 March has 23 hours).
    expect(daysBetweenLocal(local('2016-03-26T23:30'), local('2016-03-28T00:30'), AMSTERDAM)).toBe(2);
    // 26 hours of elapsed time, two calendar days.
    expect(daysBetweenLocal(local('2016-10-29T23:30'), local('2016-10-31T00:30'), AMSTERDAM)).toBe(2);
    expect(daysBetweenLocal(local('2026-10-24T12:00'), local('2026-10-26T11:00'), AMSTERDAM)).toBe(2);
    expect(daysBetweenLocal(local('2016-12-30T23:00'), local('2016-12-31T01:00'), AMSTERDAM)).toBe(1);
  });

  it('uses the Amsterdam date, not the UTC date', () => {
    // 00:30 on 1 June in Amsterdam is still 31 May in UTC.
    expect(daysBetweenLocal(local('2016-06-01T00:30'), local('2016-06-01T23:30'), AMSTERDAM)).toBe(0);
    expect(daysBetweenLocal(local('2016-12-31T23:59'), local('2016-12-30T10:00'), AMSTERDAM)).toBe(-1);
  });
});

describe('parsing', () => {
  it('accepts real local date-times only', () => {
    expect(parseLocalDateTime('2016-02-29T10:00')).toEqual({ year: 2016, month: 2, day: 29, hour: 10, minute: 0 });
    for (const bad of ['2016-02-30T10:00', '2015-02-29T10:00', '2016-13-01T10:00', '2016-12-31T24:00', '2016-12-31 23:59', '2016-12-31']) {
      expect(parseLocalDateTime(bad), bad).toBeUndefined();
    }
  });

  it('accepts HH:mm times only', () => {
    expect(parseLocalTime('08:00')).toEqual({ hour: 8, minute: 0 });
    expect(parseLocalTime('8:00')).toBeUndefined();
    expect(parseLocalTime('24:00')).toBeUndefined();
  });
});
