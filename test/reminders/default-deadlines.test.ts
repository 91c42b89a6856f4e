import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/core/reminders/loader.js';
import { loadDeadlines } from '../../src/content-files.js';
import { planDeliveries } from '../../src/core/reminders/plan.js';
import { deadlineInstant, upcomingDeadlines } from '../../src/core/reminders/status.js';
import { local, planInput } from './fixtures.js';

const file = fileURLToPath(new URL('../../content/deadlines.yaml', import.meta.url));

describe('content/deadlines.yaml', () => {
  const { deadlines, problems } = loadDeadlines(file);
  const byId = (id: string) => {
    const found = deadlines.find((d) => d.id === id);
    if (found === undefined) throw new Error(`missing deadline ${id}`);
    return found;
  };

  it('loads without problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
    expect(deadlines).toHaveLength(8);
  });

  it("has the letter's dates (times of day are ours, see the file's comments)", () => {
    expect(deadlines.map((d) => [d.id, d.at, d.kind, d.audience])).toEqual([
      ['plan-van-aanpak', '2016-12-31T23:59', 'deadline', 'unsubmitted'],
      ['workshop-hoe-kom-ik-aan-geld', '2016-11-21T09:00', 'event', 'everyone'],
      ['duidelijkheid-start-buurtnetwerken', '2017-01-31T17:00', 'deadline', 'coordinators'],
      ['buurtplan-2018', '2018-12-31T09:00', 'deadline', 'everyone'],
      ['subsidie-vanaf-2019', '2019-01-01T09:00', 'event', 'everyone'],
      ['workshop-maastricht-in-cijfers', '2016-04-18T09:00', 'event', 'everyone'],
      ['workshop-vinden-en-verbinden', '2016-07-04T09:00', 'event', 'everyone'],
      ['workshop-buurtplan-hoe-dan', '2016-10-10T09:00', 'event', 'everyone'],
    ]);
    expect(byId('plan-van-aanpak').leadDays).toEqual([30, 14, 7, 3, 1]);
    expect(byId('workshop-hoe-kom-ik-aan-geld').leadDays).toEqual([14, 7, 1]);
    expect(deadlineInstant(byId('plan-van-aanpak')).toISOString()).toBe('2016-12-31T22:59:00.000Z');
  });

  it("texts repeat the letter's wording of each date in both languages", () => {
    expect(byId('plan-van-aanpak').text.nl).toContain('31 december 2016');
    expect(byId('plan-van-aanpak').text.en).toContain('31 December 2016');
    expect(byId('plan-van-aanpak').text.nl).toContain('3 bestuursleden');
    expect(byId('workshop-hoe-kom-ik-aan-geld').text.nl).toContain('21 november 2016');
    expect(byId('workshop-hoe-kom-ik-aan-geld').title.nl).toContain('Hoe kom ik aan geld?');
    expect(byId('duidelijkheid-start-buurtnetwerken').text.nl).toContain('De brief noemt alleen "januari 2017"');
    expect(byId('duidelijkheid-start-buurtnetwerken').text.en).toContain('The letter only says "January 2017"');
    expect(byId('buurtplan-2018').text.nl).toContain('Eind 2018');
    expect(byId('subsidie-vanaf-2019').text.nl).toContain('1 januari 2019');
    for (const d of deadlines) expect(d.source).toMatch(/^Raadsinformatiebrief transitieproces buurtnetwerken/);
  });

  it('drives real reminders: a week before the Plan van Aanpak deadline', () => {
    const due = planDeliveries(planInput(local('2016-12-24T10:00'), { deadlines })).filter((d) => d.status === 'due');
    expect(due.map((d) => d.key)).toEqual([
      'plan-van-aanpak:7:channel:slack:C123',
      'plan-van-aanpak:7:channel:discord:D456',
      'plan-van-aanpak:7:user:slack:T1:U1',
      'plan-van-aanpak:7:user:discord:G1:U2',
    ]);
    expect(due[0]?.text.split('\n')[0]).toMatch(/^Herinnering: Keuze en Plan van Aanpak \(nog 7 dagen\)\. Uiterlijk 31 december 2016/);
  });

  it('lists what is coming up for a digest in November 2016', () => {
    const next = upcomingDeadlines(deadlines, local('2016-11-14T09:00'), 3);
    expect(next.map((n) => [n.deadline.id, n.daysLeft])).toEqual([
      ['workshop-hoe-kom-ik-aan-geld', 7],
      ['plan-van-aanpak', 47],
      ['duidelijkheid-start-buurtnetwerken', 78],
    ]);
  });
});
