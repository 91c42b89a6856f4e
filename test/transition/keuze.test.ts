/**
 * The keuze end to end on both databases, through the real turn path: a board member chooses with
 * buttons and typed words, confirms, changes it; coordinators are told and see the omslag; the plan
 * flow and reminders follow the choice; the deadline closes it; nobody records another platform's
 * choice; `vergeet mij` keeps the platform's choice without the person.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/messages.js';
import { personalChannel, WEB_CHANNELS } from '../../src/outbox.js';
import { ChatDriver } from '../support/chat.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { DB_KINDS } from '../support/databases.js';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const text = (replies: Reply[]) => replies.map((r) => r.text).join('\n---\n');

async function setup(db: (typeof DB_KINDS)[number], now = '2016-12-01T10:00:00+01:00') {
  const a = await createTestApp({ db, now });
  app = a;
  const wyck = await a.platforms.create({ name: 'Buurtplatform Wyck', buurt: 'Wyck' });
  const heer = await a.platforms.create({ name: 'Buurtplatform Heer', buurt: 'Heer' });
  await a.platforms.addMember(wyck.id, 'cli:anna', 'board');
  await a.platforms.addMember(heer.id, 'cli:bert', 'board');
  await a.users.setRole('cli:coord', 'coordinator');
  return {
    a,
    wyck,
    heer,
    anna: new ChatDriver(a, 'cli:anna', 'Anna'),
    bert: new ChatDriver(a, 'cli:bert', 'Bert'),
    coord: new ChatDriver(a, 'cli:coord', 'Cor'),
  };
}

async function coordinatorNotices(a: TestApp): Promise<string[]> {
  return (await a.notices.since(WEB_CHANNELS.coordinators, undefined, 50)).map((n) => n.text);
}

describe.each(DB_KINDS)('the keuze (%s)', (db) => {
  it('is chosen with a button, confirmed, changed by typing, and everyone who needs it sees it', async () => {
    const { a, wyck, anna, coord } = await setup(db);
    const [shown] = await anna.say('keuze');
    expect(shown?.text).toContain('De keuze van Buurtplatform Wyck');
    expect(shown?.text).toContain('Jullie hebben nog geen keuze doorgegeven');
    expect(shown?.text).toContain('Uiterlijk 31 december 2016');
    // Every path of the letter, with its consequence, as a button with a typed twin.
    expect(shown?.buttons?.map((b) => b.label)).toEqual([
      'We worden een buurtnetwerk',
      'We weten het nog niet',
      'We stoppen',
      'Verder als vrijwilligersorganisatie',
      'Verder op eigen kracht',
    ]);
    expect(shown?.buttons?.map((b) => b.typed)).toEqual(['1', '2', '3', '4', '5']);
    expect(shown?.text).toContain('Verordening subsidie Vrijwilligersactiviteiten Welzijn en Zorg 2017');
    expect(shown?.citations?.[0]?.source).toContain('Indicatie omslag buurtnetwerken');

    // Words after `keuze` that name no platform and no path: the person's own platform.
    expect(await anna.sayText('keuze maken')).toContain('De keuze van Buurtplatform Wyck');
    const [confirm] = await anna.press(shown!.buttons![0]!.id);
    expect(confirm?.text).toContain('Jullie kiezen: **We worden een buurtnetwerk**');
    // Nothing is recorded before the confirmation.
    expect(await a.keuze.store.choiceOf(wyck.id)).toBeNull();
    const recorded = text(await anna.press(confirm!.buttons![0]!.id));
    expect(recorded).toContain('Vastgelegd: Buurtplatform Wyck kiest **We worden een buurtnetwerk**');
    expect(recorded).toContain('Typ `plan`');
    expect(await a.keuze.store.choiceOf(wyck.id)).toMatchObject({
      path: 'buurtnetwerk',
      by: 'cli:anna',
      at: new Date('2016-12-01T09:00:00Z'),
    });
    expect(await coordinatorNotices(a)).toContainEqual(
      expect.stringContaining('Keuze van Buurtplatform Wyck: **We worden een buurtnetwerk** — doorgegeven door Anna'),
    );

    // Changed by typing: the number, then `ja`. Coordinators hear what it was.
    a.clock.set(new Date('2016-12-05T10:00:00+01:00'));
    expect(await anna.sayText('keuze')).toContain(
      'Jullie keuze nu: **We worden een buurtnetwerk** (doorgegeven op 1 december 2016 door Anna)',
    );
    expect(await anna.sayText('3')).toContain('Jullie kiezen: **We stoppen**');
    expect(await anna.sayText('ja')).toContain('Een Plan van Aanpak is dan niet nodig');
    expect(await coordinatorNotices(a)).toContainEqual(expect.stringContaining('**We stoppen** (was: We worden een buurtnetwerk)'));
    // Choosing what is already chosen changes nothing and tells nobody.
    const before = (await coordinatorNotices(a)).length;
    await anna.say('keuze stoppen');
    expect(await anna.sayText('ja')).toContain('Dat is al jullie keuze (sinds 5 december 2016)');
    expect(await coordinatorNotices(a)).toHaveLength(before);

    // The plan flow follows the choice: no Plan van Aanpak asked.
    const plan = await anna.sayText('plan');
    expect(plan).toContain('Buurtplatform Wyck koos: **We stoppen**');
    expect(plan).not.toContain('Stap 1');
    expect(await a.planHome.summary('cli:anna', 'nl')).toMatchObject({
      progress: 'Geen Plan van Aanpak nodig (jullie keuze)',
      transition: 'Keuze: We stoppen',
      nextSteps: [],
    });
    // Reminders follow it: Wyck's board gets no personal plan reminder, Heer's (no choice) does.
    const input = await a.reminders.planInput(a.clock.now());
    expect(input.platforms.find((p) => p.slug === wyck.slug)?.planNotNeeded).toBe(true);
    expect(input.platforms.find((p) => p.slug !== wyck.slug)?.planNotNeeded).toBe(false);

    // The coordinator's overview and the digest count it next to the letter's estimate.
    const overview = await coord.sayText('keuzes');
    expect(overview).toContain('We stoppen: **1** (brief: 1)');
    expect(overview).toContain('We worden een buurtnetwerk: **0** (brief: 20)');
    expect(overview).toContain('Nog niets doorgegeven: **1** van 2');
    expect(overview).toContain('• Buurtplatform Wyck: We stoppen (5 dec 2016, Anna)');
    expect(await anna.sayText('keuzes')).toContain('alleen voor coördinatoren');
    const digest = await a.digests.build();
    expect(digest.omslag.paths.find((p) => p.id === 'stoppen')).toEqual({
      id: 'stoppen',
      label: { nl: 'We stoppen', en: 'We stop' },
      now: 1,
      estimate: 1,
    });
    expect(digest.omslag.notAnswered).toBe(1);
    expect(digest.choices).toEqual({ [wyck.slug]: 'stoppen' });
    expect(a.digests.reply(digest).text).toContain('Indicatie omslag');
  });

  it('closes at the deadline, and nobody records another platform’s choice', async () => {
    const { a, heer, anna, bert } = await setup(db);
    // Anna (Wyck) names Heer, and presses a button made for Heer: both refused, nothing recorded.
    expect(await anna.sayText(`keuze ${heer.slug}`)).toContain('Alleen bestuursleden van Buurtplatform Heer');
    expect(text(await anna.press(`keuze:confirm:${heer.slug}:stoppen`))).toContain('Alleen bestuursleden van Buurtplatform Heer');
    expect(await a.keuze.store.choiceOf(heer.id)).toBeNull();

    // Bert opens the confirmation before the deadline and presses after it: the clock decides.
    const [shown] = await bert.say('keuze');
    const [confirm] = await bert.press(shown!.buttons![2]!.id);
    a.clock.set(new Date('2017-01-01T00:00:30+01:00'));
    expect(text(await bert.press(confirm!.buttons![0]!.id))).toContain('De keuze kon tot en met 31 december 2016');
    expect(await a.keuze.store.choiceOf(heer.id)).toBeNull();
    const closed = await bert.say('keuze');
    expect(closed[0]?.text).toContain('De keuze kon tot en met 31 december 2016');
    expect(closed[0]?.buttons ?? []).toEqual([]);
  });

  it('registers an initiative, and forgetting keeps the platform’s choice without the person', async () => {
    const { a, wyck, anna, coord } = await setup(db);
    const stranger = new ChatDriver(a, 'cli:dewi', 'Dewi');
    expect(await stranger.sayText('keuze')).toContain('initiatief <naam van de buurt>');
    expect(await stranger.sayText('initiatief')).toContain('hoe klein ook, volop ondersteunt');
    expect(
      await stranger.sayText('initiatief wij zijn een groep bewoners uit Wittevrouwenveld en willen graag samen een buurtnetwerk beginnen'),
    ).toContain('hoogstens 80 tekens');
    expect(await stranger.sayText('initiatief Wittevrouwenveld')).toContain('Jullie initiatief in Wittevrouwenveld staat genoteerd');
    expect(await coordinatorNotices(a)).toContainEqual(
      expect.stringContaining('Nieuw initiatief in Wittevrouwenveld, contactpersoon: Dewi'),
    );
    expect((await a.digests.build()).omslag.initiatives).toEqual({ now: 1, estimate: 3 });
    expect(await coord.sayText('keuzes')).toContain('• Wittevrouwenveld — Dewi');

    await anna.say('keuze 1');
    await anna.say('ja');
    expect(await anna.sayText('mijn gegevens')).toContain('Keuzes die je doorgaf');
    expect(await stranger.sayText('mijn gegevens')).toContain('Initiatieven waarvoor je contactpersoon bent: Wittevrouwenveld');
    await anna.say('vergeet mij');
    await anna.say('ja');
    await stranger.say('vergeet mij');
    await stranger.say('ja');
    expect(await a.keuze.store.choiceOf(wyck.id)).toMatchObject({ path: 'buurtnetwerk', by: null, byName: null });
    expect(await a.keuze.store.initiatives()).toMatchObject([{ buurt: 'Wittevrouwenveld', contact: null }]);
    const overview = await coord.sayText('keuzes');
    expect(overview).not.toContain('Anna');
    expect(overview).not.toContain('Dewi');
  });

  it('the January decision: a coordinator records it, the board is told in its own language, and everyone sees it', async () => {
    const { a, wyck, anna, coord } = await setup(db);
    await a.users.setLanguage('cli:anna', 'en');
    await a.platforms.addMember(wyck.id, 'cli:eva', 'board');
    await anna.say('keuze 1');
    await anna.say('yes');
    a.clock.set(new Date('2017-01-16T10:00:00+01:00'));

    // Only coordinators record it.
    expect(await anna.sayText('besluit wyck start')).toContain('Coordinators record the decision');
    expect(await anna.sayText('decision about the subsidy for 2017: when is it known')).not.toContain('Coordinators record the decision');
    const [shown] = await coord.say('besluit wyck');
    expect(shown?.text).toContain('Besluit voor Buurtplatform Wyck');
    expect(shown?.text).toContain('Keuze van het platform: We worden een buurtnetwerk');
    expect(shown?.buttons?.map((b) => b.id)).toEqual([`besluit:set:${wyck.slug}:start`, `besluit:set:${wyck.slug}:nog-niet`]);
    // Typed at once, with a note; the platform may be named loosely.
    expect(await coord.sayText('besluit buurtplatform wyck nog niet Eerst een derde bestuurslid')).toContain(
      'Vastgelegd voor Buurtplatform Wyck: **Start nog niet** (Eerst een derde bestuurslid). Het bestuur (2)',
    );
    // Then changed with the button: the latest decision counts.
    expect(text(await coord.press(shown!.buttons![0]!.id))).toContain(
      'Vastgelegd voor Buurtplatform Wyck: **Start in 2017, met subsidie**',
    );

    // The board is told, each in their own language.
    const toAnna = (await a.notices.since(personalChannel('cli:anna'), undefined, 10)).map((n) => n.text);
    expect(toAnna).toContainEqual(
      expect.stringContaining('The transition of Buurtplatform Wyck formally starts in 2017, with a subsidy for 2017.'),
    );
    expect(toAnna).toContainEqual(expect.stringContaining('Note from the coordinator: Eerst een derde bestuurslid'));
    const toEva = (await a.notices.since(personalChannel('cli:eva'), undefined, 10)).map((n) => n.text);
    expect(toEva).toContainEqual(expect.stringContaining('Het transitieproces van Buurtplatform Wyck start formeel in 2017'));
    expect(await coordinatorNotices(a)).toContainEqual(
      expect.stringContaining('Besluit voor Buurtplatform Wyck: **Start in 2017, met subsidie** — vastgelegd door Cor'),
    );

    // The board sees it with its choice; the digest and the coordinator's overview count it.
    expect(await anna.sayText('choice')).toContain(
      'Decision (16 January 2017): The transition of Buurtplatform Wyck formally starts in 2017',
    );
    const digest = await a.digests.build();
    expect(digest.decisions).toEqual({ [wyck.slug]: 'start' });
    expect(digest.omslag.decisions).toMatchObject({
      outcomes: [
        { id: 'start', now: 1 },
        { id: 'nog-niet', now: 0 },
      ],
      open: 1,
    });
    expect(await coord.sayText('keuzes')).toContain(
      'Besluit januari 2017: Start in 2017, met subsidie **1**, Start nog niet **0**; nog geen besluit: 1',
    );
    // Slack's App Home line for the board member.
    expect((await a.planHome.summary('cli:anna', 'en'))?.transition).toBe(
      'Choice: We become a buurtnetwerk · decision January 2017: Starts in 2017, with subsidy',
    );
    const rows = await a.database.db.platformDecision.findMany({ where: { platformId: wyck.id }, orderBy: { decidedAt: 'asc' } });
    expect(rows.map((r) => [r.outcome, r.note])).toEqual([
      ['nog-niet', 'Eerst een derde bestuurslid'],
      ['start', null],
    ]);
    expect(await coord.sayText('mijn gegevens')).toContain(
      'Besluiten die je als coördinator vastlegde (die blijven, zonder je naam, als je vergeten wordt): Buurtplatform Wyck: nog-niet (16 januari 2017), Buurtplatform Wyck: start (16 januari 2017)',
    );
    // The coordinator forgotten: the decisions stay, without who recorded them.
    await coord.say('vergeet mij');
    await coord.say('ja');
    expect((await a.database.db.platformDecision.findMany({ where: { platformId: wyck.id } })).map((r) => r.decidedBy)).toEqual([
      null,
      null,
    ]);
  });
});
