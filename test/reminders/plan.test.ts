import { describe, expect, it } from 'vitest';
import { planDeliveries, type PlannedDelivery } from '../../src/core/reminders/plan.js';
import { channels, deadline, inAmsterdam, local, planInput, platform, sections } from './fixtures.js';

const channelKeys = (deliveries: PlannedDelivery[]): string[] => deliveries.filter((d) => d.target.kind === 'channel').map((d) => d.key);
const userDeliveries = (deliveries: PlannedDelivery[]): PlannedDelivery[] => deliveries.filter((d) => d.target.kind === 'user');
const dueOnly = (deliveries: PlannedDelivery[]): PlannedDelivery[] => deliveries.filter((d) => d.status === 'due');
const byKey = (deliveries: PlannedDelivery[], key: string): PlannedDelivery => {
  const found = deliveries.find((d) => d.key === key);
  if (found === undefined) throw new Error(`no delivery ${key}; have ${deliveries.map((d) => d.key).join(', ')}`);
  return found;
};

describe('lead times', () => {
  const expected: Array<[number, string]> = [
    [30, '2016-12-01T10:00'],
    [14, '2016-12-17T10:00'],
    [7, '2016-12-24T10:00'],
    [3, '2016-12-28T10:00'],
    [1, '2016-12-30T10:00'],
  ];

  it.each(expected)('%i days before 31 December 2016 is due at %s local', (lead, moment) => {
    const all = planDeliveries(planInput(local(moment)));
    const deliveries = dueOnly(all);
    expect(deliveries.length).toBe(4); // 2 announcement channels + 2 board members
    // Earlier lead times are long gone: recorded as skips, never due again.
    expect(all.filter((d) => d.status === 'skip').every((d) => d.leadDays > lead && d.skipReason === 'late')).toBe(true);
    expect(all.length).toBe(4 * expected.filter(([other]) => other >= lead).length);
    for (const delivery of deliveries) {
      expect(delivery.leadDays).toBe(lead);
      expect(delivery.status).toBe('due');
      expect(inAmsterdam(delivery.moment)).toBe(moment);
      expect(delivery.deadlineAt.toISOString()).toBe('2016-12-31T22:59:00.000Z');
    }
    expect(channelKeys(deliveries)).toEqual([`plan-van-aanpak:${lead}:channel:slack:C123`, `plan-van-aanpak:${lead}:channel:discord:D456`]);
  });

  it('returns nothing a minute before the reminder moment, or between lead days', () => {
    expect(dueOnly(planDeliveries(planInput(local('2016-12-24T09:59'))))).toEqual([]);
    expect(planDeliveries(planInput(local('2016-11-20T10:00')))).toEqual([]);
  });

  it('keys are unique and stable', () => {
    const first = planDeliveries(planInput(local('2016-12-24T10:00')));
    const later = planDeliveries(planInput(local('2016-12-24T16:00')));
    expect(new Set(first.map((d) => d.key)).size).toBe(first.length);
    expect(later.map((d) => d.key)).toEqual(first.map((d) => d.key));
    expect(first.map((d) => d.key)).toContain('plan-van-aanpak:7:user:slack:T1:U1');
  });
});

describe('channel post time', () => {
  it('plans on the configured local time', () => {
    const settings = { channelPostTime: '12:30' };
    expect(dueOnly(planDeliveries(planInput(local('2016-12-24T12:29'), { settings })))).toEqual([]);
    const deliveries = dueOnly(planDeliveries(planInput(local('2016-12-24T12:30'), { settings })));
    expect(deliveries.map((d) => inAmsterdam(d.moment))).toEqual(Array(4).fill('2016-12-24T12:30'));
  });
});

describe('quiet hours', () => {
  it('a personal reminder is planned at 10:00 normally', () => {
    const deliveries = dueOnly(userDeliveries(planDeliveries(planInput(local('2016-12-24T10:00')))));
    expect(deliveries).toHaveLength(2);
    expect(deliveries.every((d) => inAmsterdam(d.moment) === '2016-12-24T10:00')).toBe(true);
  });

  it('with quiet hours 09:00-11:00 it moves to 11:00, while the channel post stays at 10:00', () => {
    const settings = { quietHours: { start: '09:00', end: '11:00' } };
    const atTen = dueOnly(planDeliveries(planInput(local('2016-12-24T10:00'), { settings })));
    expect(userDeliveries(atTen)).toEqual([]);
    expect(channelKeys(atTen)).toHaveLength(2);

    const atEleven = dueOnly(planDeliveries(planInput(local('2016-12-24T11:00'), { settings })));
    const personal = userDeliveries(atEleven);
    expect(personal).toHaveLength(2);
    expect(personal.every((d) => inAmsterdam(d.moment) === '2016-12-24T11:00' && d.status === 'due')).toBe(true);
  });

  it('at 22:00 (default quiet hours 21:00-08:00) no personal reminder goes out, only the channel catch-up', () => {
    const deliveries = planDeliveries(planInput(local('2016-12-24T22:00')));
    expect(userDeliveries(deliveries)).toEqual([]);
    expect(channelKeys(dueOnly(deliveries))).toHaveLength(2);
    // The next morning the personal one is still within grace and goes out.
    const morning = dueOnly(userDeliveries(planDeliveries(planInput(local('2016-12-25T08:00')))));
    expect(morning.map((d) => d.status)).toEqual(['due', 'due']);
  });

  it('a post time inside wrapping quiet hours sends personal messages at the end of that night', () => {
    const settings = { channelPostTime: '22:00' };
    const deliveries = dueOnly(userDeliveries(planDeliveries(planInput(local('2016-12-25T08:00'), { settings }))));
    expect(deliveries.map((d) => [d.leadDays, inAmsterdam(d.moment)])).toEqual([
      [7, '2016-12-25T08:00'],
      [7, '2016-12-25T08:00'],
    ]);
  });
});

describe('DST', () => {
  const mondayAfter = (at: string) => deadline({ id: 'maandag', at, leadDays: [7, 1] });

  it.each([
    ['spring 2016', '2016-03-28T23:59', '2016-03-27T08:00:00.000Z', '2016-03-21T09:00:00.000Z'],
    ['autumn 2016', '2016-10-31T23:59', '2016-10-30T09:00:00.000Z', '2016-10-24T08:00:00.000Z'],
    ['spring 2026', '2026-03-30T23:59', '2026-03-29T08:00:00.000Z', '2026-03-23T09:00:00.000Z'],
    ['autumn 2026', '2026-10-26T23:59', '2026-10-25T09:00:00.000Z', '2026-10-19T08:00:00.000Z'],
  ])('%s: the 1-day reminder for Monday lands at 10:00 local on the Sunday of the change', (_name, at, oneDayUtc, sevenDaysUtc) => {
    const input = { deadlines: [mondayAfter(at)] };
    const oneDay = new Date(oneDayUtc);
    expect(dueOnly(planDeliveries(planInput(new Date(oneDay.getTime() - 60_000), input)))).toEqual([]);
    const deliveries = dueOnly(planDeliveries(planInput(oneDay, input)));
    expect(deliveries).toHaveLength(4);
    for (const d of deliveries) {
      expect(d.leadDays).toBe(1);
      expect(d.moment.toISOString()).toBe(oneDayUtc);
      expect(inAmsterdam(d.moment).slice(11)).toBe('10:00');
    }
    expect(byKey(deliveries, 'maandag:1:channel:slack:C123').text).toContain('nog 1 dag');

    const week = planDeliveries(planInput(new Date(sevenDaysUtc), input));
    expect(week.map((d) => [d.leadDays, d.moment.toISOString()])[0]).toEqual([7, sevenDaysUtc]);
  });
});

describe('missed reminders (downtime)', () => {
  it('catches up within the grace window, with the days left as of now', () => {
    const deliveries = dueOnly(planDeliveries(planInput(local('2016-12-25T16:00')))); // 30 h after the 7-day moment
    expect(deliveries).toHaveLength(4);
    expect(deliveries.every((d) => d.status === 'due' && d.leadDays === 7)).toBe(true);
    expect(byKey(deliveries, 'plan-van-aanpak:7:channel:slack:C123').text).toContain('nog 6 dagen');
  });

  it('beyond the grace window returns skips, not sends', () => {
    const deliveries = planDeliveries(planInput(local('2016-12-24T15:00'), { settings: { graceHours: 4 } })).filter(
      (d) => d.leadDays === 7,
    );
    expect(deliveries).toHaveLength(4);
    expect(deliveries.every((d) => d.status === 'skip' && d.skipReason === 'late')).toBe(true);

    // With the default 36 h: at 23:00 the next day the channel post is 37 h late.
    const night = planDeliveries(planInput(local('2016-12-25T23:00'))).filter((d) => d.leadDays === 7);
    expect(night.map((d) => [d.key, d.status])).toEqual([
      ['plan-van-aanpak:7:channel:slack:C123', 'skip'],
      ['plan-van-aanpak:7:channel:discord:D456', 'skip'],
    ]);
  });

  it('after a long outage every earlier lead time is a skip and only the newest is due', () => {
    const deliveries = planDeliveries(planInput(local('2016-12-28T10:00')));
    const slack = deliveries.filter((d) => d.key.endsWith(':channel:slack:C123'));
    expect(slack.map((d) => [d.leadDays, d.status])).toEqual([
      [3, 'due'],
      [7, 'skip'],
      [14, 'skip'],
      [30, 'skip'],
    ]);
  });

  it('an older reminder still inside grace is superseded by the newer one, so nobody gets two', () => {
    const input = { deadlines: [deadline({ leadDays: [2, 1] })], settings: { graceHours: 72 } };
    const deliveries = planDeliveries(planInput(local('2016-12-30T11:00'), input));
    const slack = deliveries.filter((d) => d.key.endsWith(':channel:slack:C123'));
    expect(slack.map((d) => [d.leadDays, d.status, d.skipReason])).toEqual([
      [1, 'due', undefined],
      [2, 'skip', 'superseded'],
    ]);
  });

  it('says "vandaag" when a 1-day reminder is caught up on the day itself', () => {
    const deliveries = planDeliveries(planInput(local('2016-12-31T09:00')));
    expect(byKey(deliveries, 'plan-van-aanpak:1:channel:slack:C123').text).toMatch(/\(vandaag\)[\s\S]*\(today\)/);
  });
});

describe('past deadlines', () => {
  it('produce nothing at all, not even skips', () => {
    expect(planDeliveries(planInput(local('2016-12-31T23:59')))).toEqual([]);
    expect(planDeliveries(planInput(local('2017-01-01T10:00')))).toEqual([]);
    expect(planDeliveries(planInput(local('2016-12-31T23:58'))).length).toBeGreaterThan(0);
  });
});

describe('who gets what', () => {
  const at = local('2016-12-24T10:00');

  it('respects opt-out', () => {
    const board = [
      { userRef: 'slack:T1:U1', language: 'nl' as const, remindersOff: true },
      { userRef: 'slack:T1:U3', language: 'nl' as const, remindersOff: false },
    ];
    const users = dueOnly(userDeliveries(planDeliveries(planInput(at, { platforms: [platform({ board })] }))));
    expect(users.map((d) => d.key)).toEqual(['plan-van-aanpak:7:user:slack:T1:U3']);
  });

  it('sends no personal reminders for submitted platforms; the channel post still goes out', () => {
    const deliveries = dueOnly(planDeliveries(planInput(at, { platforms: [platform({ submitted: true })] })));
    expect(userDeliveries(deliveries)).toEqual([]);
    expect(channelKeys(deliveries)).toHaveLength(2);
  });

  it('audience everyone reaches announcement channels only', () => {
    const deliveries = dueOnly(planDeliveries(planInput(at, { deadlines: [deadline({ audience: 'everyone' })] })));
    expect(deliveries.map((d) => d.key)).toEqual(['plan-van-aanpak:7:channel:slack:C123', 'plan-van-aanpak:7:channel:discord:D456']);
  });

  it('audience coordinators reaches the coordinators channel only, nobody personally', () => {
    const deliveries = dueOnly(planDeliveries(planInput(at, { deadlines: [deadline({ audience: 'coordinators' })] })));
    expect(deliveries.map((d) => d.key)).toEqual(['plan-van-aanpak:7:channel:slack:CCOORD']);
    expect(deliveries[0]?.target).toEqual({ kind: 'channel', surface: 'slack', channelId: 'CCOORD' });
  });

  it('someone on two boards gets one message naming both platforms', () => {
    const shared = { userRef: 'slack:T1:U1', language: 'nl' as const, remindersOff: false };
    const platforms = [
      platform({ board: [shared] }),
      platform({ slug: 'caberg', name: 'Buurtplatform Caberg', missingSections: [sections.bestuur], board: [shared] }),
    ];
    const users = dueOnly(userDeliveries(planDeliveries(planInput(at, { platforms, channels: [] }))));
    expect(users).toHaveLength(1);
    expect(users[0]?.text).toContain('Buurtplatform Wittevrouwenveld: Doelen en Begroting.');
    expect(users[0]?.text).toContain('Buurtplatform Caberg: Bestuur.');
  });
});

describe('texts', () => {
  it('channel posts are Dutch with the English line below', () => {
    const deliveries = planDeliveries(planInput(local('2016-12-30T10:00')));
    const post = byKey(deliveries, 'plan-van-aanpak:1:channel:slack:C123');
    expect(post.language).toBe('nl');
    const [nl, en, extra] = post.text.split('\n');
    expect(nl).toBe('Herinnering: Plan van Aanpak (nog 1 dag). Lever het plan uiterlijk 31 december 2016 in.');
    expect(en).toBe('EN: Reminder: Plan of approach (1 day left). Hand in the plan by 31 December 2016.');
    expect(extra).toBeUndefined();
  });

  it('personal reminders use the reader language and list what is missing', () => {
    const deliveries = planDeliveries(planInput(local('2016-12-28T10:00')));
    const dutch = byKey(deliveries, 'plan-van-aanpak:3:user:slack:T1:U1');
    const english = byKey(deliveries, 'plan-van-aanpak:3:user:discord:G1:U2');
    expect(dutch.language).toBe('nl');
    expect(dutch.text).toContain('(nog 3 dagen)');
    expect(dutch.text).toContain('Nog niet klaar voor Buurtplatform Wittevrouwenveld: Doelen en Begroting.');
    expect(dutch.text).toContain('Typ "plan"');
    expect(english.language).toBe('en');
    expect(english.text).toContain('(3 days left)');
    expect(english.text).toContain('Not done yet for Buurtplatform Wittevrouwenveld: Goals and Budget.');
    expect(english.text).not.toContain('Doelen');
  });

  it('singular "nog 1 dag" / "1 day left"', () => {
    const deliveries = planDeliveries(planInput(local('2016-12-30T10:00')));
    expect(byKey(deliveries, 'plan-van-aanpak:1:user:slack:T1:U1').text).toContain('(nog 1 dag)');
    expect(byKey(deliveries, 'plan-van-aanpak:1:user:discord:G1:U2').text).toContain('(1 day left)');
  });

  it('a board with nothing missing is told to hand the plan in', () => {
    const deliveries = dueOnly(
      planDeliveries(planInput(local('2016-12-30T10:00'), { platforms: [platform({ missingSections: [] })], channels: [] })),
    );
    expect(deliveries[0]?.text).toContain('is ingevuld, maar nog niet ingeleverd');
  });

  it('events open with "Binnenkort"', () => {
    const workshop = deadline({ id: 'workshop', kind: 'event', audience: 'everyone', at: '2016-11-21T09:00', leadDays: [1] });
    const deliveries = planDeliveries(planInput(local('2016-11-20T10:00'), { deadlines: [workshop], channels }));
    expect(deliveries[0]?.text.startsWith('Binnenkort: Plan van Aanpak (nog 1 dag).')).toBe(true);
  });
});

describe('settings', () => {
  it('refuses a malformed time instead of guessing', () => {
    expect(() => planDeliveries(planInput(local('2016-12-24T10:00'), { settings: { channelPostTime: '10h' } }))).toThrow();
  });
});
