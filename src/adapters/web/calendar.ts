/**
 * The letter's dates as an iCalendar feed (`/agenda.ics`) people add to their own calendar: every
 * deadline and event from content/deadlines.yaml. Public dates only, the same for everyone, so the
 * URL carries no identity and needs none. Written by ical-generator, not by hand: escaping, line
 * folding and UID rules are its job.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Deadline } from '../../core/reminders/index.js';
import { deadlineInstant } from '../../core/reminders/index.js';
import { AMSTERDAM, localDateOf } from '../../core/time.js';
import type { WebServer } from './server.js';

export const CALENDAR_PATH = '/agenda.ics';

export function renderCalendar(deadlines: readonly Deadline[], host: string): string {
  const calendar = ical({
    name: 'buurtbot — transitie buurtnetwerken Maastricht',
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'buurtbot', product: 'buurtbot', language: 'NL' },
  });
  for (const d of deadlines) {
    // The letter gives days, not times (our 09:00 and 23:59 are reminder rules): whole-day entries.
    // Noon UTC of the local day, so the date is the same read in any zone.
    const day = localDateOf(deadlineInstant(d), AMSTERDAM);
    const start = new Date(Date.UTC(day.year, day.month - 1, day.day, 12));
    calendar.createEvent({
      id: `${d.id}@${host}`,
      start,
      allDay: true,
      summary: d.kind === 'deadline' ? `Deadline: ${d.title.nl}` : d.title.nl,
      description: `${d.text.nl}\n\n${d.text.en}\n\nBron: ${d.source}`,
      stamp: new Date(Date.UTC(2016, 10, 1)),
    });
  }
  return calendar.toString();
}

export function registerCalendarRoute(server: WebServer, deadlines: () => readonly Deadline[]): void {
  server.route('GET', CALENDAR_PATH, (req, res) => {
    const host = (req.headers.host ?? 'buurtbot').replace(/[^\w.:-]/g, '');
    res.writeHead(200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="buurtbot.ics"',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    res.end(renderCalendar(deadlines(), host));
  });
}
