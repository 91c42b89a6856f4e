import { describe, expect, it } from 'vitest';
import { weeklyProgress } from '../../src/core/digest/progress-history.js';
import { renderProgressChart } from '../../src/adapters/web/progress-chart.js';

describe('progress per week', () => {
  const now = new Date('2016-12-20T10:00:00Z');
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

  it('counts, at the end of each week, what had happened by then (cumulative)', () => {
    const points = weeklyProgress(
      { partsWritten: [daysAgo(20), daysAgo(10), daysAgo(9), daysAgo(1)], firstChoices: [daysAgo(15)] },
      now,
      4,
    );
    expect(points.map((p) => p.at.toISOString())).toEqual([
      '2016-11-29T10:00:00.000Z',
      '2016-12-06T10:00:00.000Z',
      '2016-12-13T10:00:00.000Z',
      '2016-12-20T10:00:00.000Z',
    ]);
    expect(points.map((p) => p.partsWritten)).toEqual([0, 1, 3, 4]);
    expect(points.map((p) => p.platformsChosen)).toEqual([0, 1, 1, 1]);
  });

  it('draws both lines and says the same numbers in words and in a table', () => {
    const html = renderProgressChart(weeklyProgress({ partsWritten: [daysAgo(10), daysAgo(1)], firstChoices: [daysAgo(3)] }, now, 3));
    expect(html.match(/<polyline/g)).toHaveLength(2);
    expect(html).toContain('aria-label="Voortgang per week, de laatste 3 weken: nu 2 onderdelen ingevuld en 1 platforms met een keuze."');
    expect(html).toContain('<tr><td>20 december 2016</td><td>2</td><td>1</td></tr>');
  });
});
