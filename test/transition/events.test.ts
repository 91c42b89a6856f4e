/**
 * Workshops on both databases: seen, signed up for with the button and typed, a reminder the day
 * before to those who signed up (with a sign-off button), coordinators see who comes, and nothing
 * is open once the workshop has begun. The calendar feed lists every date.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderCalendar } from '../../src/adapters/web/calendar.js';
import { personalChannel } from '../../src/outbox.js';
import { ChatDriver } from '../support/chat.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { DB_KINDS } from '../support/databases.js';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const EVENT = 'workshop-hoe-kom-ik-aan-geld';

describe.each(DB_KINDS)('workshops (%s)', (db) => {
  it('sign up, a reminder the day before, who comes, sign off', async () => {
    const a = await createTestApp({ db, now: '2016-11-14T10:00:00+01:00' });
    app = a;
    await a.users.setRole('cli:coord', 'coordinator');
    const anna = new ChatDriver(a, 'cli:anna', 'Anna');
    const bram = new ChatDriver(a, 'cli:bram', 'Bram');
    const coord = new ChatDriver(a, 'cli:coord', 'Cor');

    const [list] = await anna.say('workshops');
    expect(list?.text).toContain('• 21 november 2016: Workshop "Hoe kom ik aan geld?"');
    expect(list?.text).toMatch(/Geweest:\*\*\n• 18 april 2016: Workshop "Maastricht in cijfers"/);
    expect(list?.buttons?.map((b) => b.id)).toEqual([`event:signup:${EVENT}`]);
    expect(await anna.press(`event:signup:${EVENT}`).then((r) => r[0]?.text)).toContain(
      'Je bent aangemeld voor Workshop "Hoe kom ik aan geld?" op 21 november 2016',
    );
    expect(await anna.press(`event:signup:${EVENT}`).then((r) => r[0]?.text)).toContain('Je was al aangemeld');
    expect(await bram.sayText('aanmelden workshop')).toContain('Je bent aangemeld');
    // The list says so, and offers signing off instead.
    const [again] = await anna.say('workshops');
    expect(again?.text).toContain('✅ je bent aangemeld');
    expect(again?.buttons?.[0]?.id).toBe(`event:signoff:${EVENT}`);
    expect(await anna.sayText('mijn gegevens')).toContain(`Aanmeldingen voor workshops: ${EVENT}`);

    expect(await anna.sayText('deelnemers')).toContain('alleen coördinatoren');
    expect(await coord.sayText('deelnemers')).toContain('Workshop "Hoe kom ik aan geld?" (21 nov 2016): **2** — Anna, Bram');

    // Bram signs off; the day before at 10:00 only Anna hears, with a button to sign off.
    expect(await bram.sayText('afmelden workshop')).toContain('Je bent afgemeld');
    a.clock.set(new Date('2016-11-20T10:05:00+01:00'));
    await a.reminders.send();
    const toAnna = await a.notices.since(personalChannel('cli:anna'), undefined, 10);
    expect(toAnna.map((n) => n.text)).toContainEqual(
      expect.stringContaining('Morgen is het zover, je bent aangemeld: Workshop "Hoe kom ik aan geld?"'),
    );
    expect(await a.notices.since(personalChannel('cli:bram'), undefined, 10)).toEqual([]);
    // Sent once: a second tick sends nothing new.
    await a.reminders.send();
    expect(await a.notices.since(personalChannel('cli:anna'), undefined, 10)).toHaveLength(toAnna.length);

    // Once it has begun, nothing is open.
    a.clock.set(new Date('2016-11-21T09:30:00+01:00'));
    expect(await bram.sayText('aanmelden workshop')).toContain('geen bijeenkomst waarvoor je je kunt aanmelden');
    expect(await bram.press(`event:signup:${EVENT}`).then((r) => r[0]?.text)).toContain('geen bijeenkomst');
  });
});

describe('the calendar feed', () => {
  it('has every deadline and event as a whole-day entry in Maastricht’s date', async () => {
    const a = await createTestApp();
    app = a;
    const ics = renderCalendar(a.deadlines(), 'buurtbot.test');
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(a.deadlines().length);
    expect(ics).toContain('DTSTART;VALUE=DATE:20161231');
    expect(ics).toContain('SUMMARY:Deadline: Keuze en Plan van Aanpak');
    expect(ics).toContain('DTSTART;VALUE=DATE:20161121');
    expect(ics).toContain(`UID:${EVENT}@buurtbot.test`);
  });
});
