import { describe, expect, it } from 'vitest';
import { deadlineStatus, upcomingDeadlines } from '../../src/core/reminders/status.js';
import { deadline, local } from './fixtures.js';

describe('deadlineStatus', () => {
  const plan = deadline();

  it('counts calendar days left in Amsterdam', () => {
    expect(deadlineStatus(plan, local('2016-12-30T23:30'))).toEqual({ passed: false, daysLeft: 1 });
    expect(deadlineStatus(plan, local('2016-12-31T00:10'))).toEqual({ passed: false, daysLeft: 0 });
    expect(deadlineStatus(plan, local('2016-12-01T10:00'))).toEqual({ passed: false, daysLeft: 30 });
  });

  it('has passed from the deadline minute on', () => {
    expect(deadlineStatus(plan, local('2016-12-31T23:58')).passed).toBe(false);
    expect(deadlineStatus(plan, local('2016-12-31T23:59'))).toEqual({ passed: true, daysLeft: 0 });
    expect(deadlineStatus(plan, local('2017-01-02T09:00'))).toEqual({ passed: true, daysLeft: -2 });
  });
});

describe('upcomingDeadlines', () => {
  const deadlines = [
    deadline({ id: 'later', at: '2018-12-31T09:00' }),
    deadline({ id: 'past', at: '2016-11-21T09:00' }),
    deadline({ id: 'soon', at: '2016-12-31T23:59' }),
    deadline({ id: 'next-year', at: '2017-01-31T17:00' }),
  ];

  it('returns the next n that have not passed, soonest first, with days left', () => {
    const next = upcomingDeadlines(deadlines, local('2016-12-30T12:00'), 2);
    expect(next.map((n) => [n.deadline.id, n.daysLeft])).toEqual([
      ['soon', 1],
      ['next-year', 32],
    ]);
    expect(next[0]?.deadlineAt.toISOString()).toBe('2016-12-31T22:59:00.000Z');
  });

  it('returns nothing for n = 0 and all remaining for a large n', () => {
    expect(upcomingDeadlines(deadlines, local('2016-12-30T12:00'), 0)).toEqual([]);
    expect(upcomingDeadlines(deadlines, local('2016-12-30T12:00'), 10)).toHaveLength(3);
  });
});
