/**
 * A review round end to end on both databases: submitted → comments → returned (the board told,
 * the comments beside the sections in chat and on the printable page) → revised → handed in again
 * (round 2) → accepted; the history shows each round; only coordinators review.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderPlanPage } from '../../src/adapters/web/pages.js';
import { personalChannel, WEB_CHANNELS } from '../../src/outbox.js';
import { ANSWERS, ChatDriver } from '../support/chat.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { DB_KINDS } from '../support/databases.js';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe.each(DB_KINDS)('reviewing a handed-in plan (%s)', (db) => {
  it('comment, return, revise, hand in again, accept', async () => {
    const a = await createTestApp({ db, now: '2016-12-10T10:00:00+01:00' });
    app = a;
    const wyck = await a.platforms.create({ name: 'Buurtplatform Wyck', buurt: 'Wyck' });
    await a.platforms.addMember(wyck.id, 'cli:anna', 'board');
    await a.users.setRole('cli:coord', 'coordinator');
    const anna = new ChatDriver(a, 'cli:anna', 'Anna');
    const coord = new ChatDriver(a, 'cli:coord', 'Cor');

    // Anna writes and hands in the plan.
    await anna.say('plan');
    for (const [id, answer] of Object.entries(ANSWERS)) if (id !== 'ondersteuning') await anna.say(answer);
    await anna.say('overslaan');
    await anna.say('indienen');
    expect(await anna.sayText('ja')).toContain('Ingediend!');

    // Only coordinators review.
    expect(await anna.sayText('accepteren wyck')).toContain('Plannen beoordelen doen coördinatoren');
    // Words that start a volunteer's question are not taken by the coordinator commands.
    expect(await anna.sayText('opmerking: wanneer horen we iets over ons plan?')).not.toContain('Plannen beoordelen doen coördinatoren');
    expect(await coord.sayText('beoordelen')).toContain('• Buurtplatform Wyck — ingediend');
    const [view] = await coord.say('beoordelen wyck');
    expect(view?.text).toContain('Beoordeling: Plan van Aanpak van Buurtplatform Wyck** — ronde 1, ingediend');
    expect(view?.buttons?.map((b) => b.id)).toEqual(['review:accept:wyck', 'review:return:wyck']);

    expect(await coord.sayText('opmerking wyck 3 Maak de doelen concreet: wat is er eind 2018 anders?')).toContain(
      'Opmerking bij "Visie en doelen" genoteerd (ronde 1)',
    );
    expect(await coord.sayText('opmerking wyck 99 iets')).toContain('Gebruik het nummer (1 tot 9)');
    // Returning with the button asks for the reason first.
    expect((await coord.press('review:return:wyck'))[0]?.text).toContain('Waarom stuur je het plan van Buurtplatform Wyck terug?');
    expect(await coord.sayText('De doelen zijn nog te algemeen.')).toContain(
      'teruggestuurd (ronde 1). Het bestuur (1) heeft de reden en 1 opmerking(en) gekregen',
    );
    const plan1 = await a.plans.load(wyck);
    expect(plan1.status).toBe('returned');

    // The board is told, with the reason and the comment beside its part.
    const told = (await a.notices.since(personalChannel('cli:anna'), undefined, 10)).map((n) => n.text).join('\n');
    expect(told).toContain('Reden: De doelen zijn nog te algemeen.');
    expect(told).toContain('• Visie en doelen: Maak de doelen concreet');
    expect((await a.notices.since(WEB_CHANNELS.coordinators, undefined, 20)).map((n) => n.text)).toContainEqual(
      expect.stringContaining('plan van Buurtplatform Wyck teruggestuurd'),
    );

    // Opening the plan goes to the commented part, with the comment beside the question.
    a.clock.set(new Date('2016-12-12T10:00:00+01:00'));
    const opened = await anna.sayText('plan');
    expect(opened).toContain('Jullie plan is op 10 december 2016 teruggestuurd. Reden: De doelen zijn nog te algemeen.');
    expect(opened).toContain('Stap 3 van 9: Visie en doelen');
    expect(opened).toContain('💬 Opmerking van Cor: Maak de doelen concreet');
    // The printable page shows it too.
    const page = renderPlanPage(await a.plans.load(wyck), a.template(), 'nl', await a.reviews.list(plan1.id));
    expect(page).toContain('<p class="comment"><strong>Opmerking coördinator (Cor):</strong> Maak de doelen concreet');
    expect(page).toContain('Ronde 1: ingediend op 10 dec 2016, teruggestuurd op 10 dec 2016 (De doelen zijn nog te algemeen.)');

    // Revising a returned plan is what was asked: it stays "returned" until handed in again.
    await anna.say(
      'Eind 2018 hebben wij drie vaste buurtactiviteiten per jaar, een bewonersavond per kwartaal en een groep van tien vrijwilligers die zelf projecten trekken. Zo weten bewoners elkaar te vinden.',
    );
    expect((await a.plans.load(wyck)).status).toBe('returned');
    await anna.say('indienen');
    expect(await anna.sayText('ja')).toContain('Ingediend!');
    expect((await a.notices.since(WEB_CHANNELS.coordinators, undefined, 30)).map((n) => n.text)).toContainEqual(
      expect.stringContaining('opnieuw ingediend (ronde 2, door Anna)'),
    );

    // Round 2: the old comment is history, not an open remark; accepting ends it.
    const [view2] = await coord.say('beoordelen wyck');
    expect(view2?.text).toContain('ronde 2, ingediend');
    expect(view2?.text).not.toContain('💬');
    expect((await coord.press('review:accept:wyck'))[0]?.text).toContain('Het plan van Buurtplatform Wyck is geaccepteerd (ronde 2)');
    expect((await a.plans.load(wyck)).status).toBe('accepted');
    expect((await a.notices.since(personalChannel('cli:anna'), undefined, 10)).map((n) => n.text)).toContainEqual(
      expect.stringContaining('is geaccepteerd.'),
    );
    expect(await coord.sayText('accepteren wyck')).toContain('is nu geaccepteerd: er valt niets te beoordelen');
    await anna.say('plan');
    expect(await anna.sayText('indienen')).toContain('al geaccepteerd door de coördinatoren');
    const history = await coord.sayText('beoordelen wyck');
    expect(history).toContain('• Ronde 1: ingediend op 10 dec 2016, teruggestuurd op 10 dec 2016 (De doelen zijn nog te algemeen.)');
    expect(history).toContain('• Ronde 2: ingediend op 12 dec 2016, geaccepteerd op 12 dec 2016');
    // What the coordinator did is in their own data export, and goes (the name only) when forgotten.
    expect(await coord.sayText('mijn gegevens')).toMatch(
      /Je beoordelingen van plannen \(opmerkingen, terugsturen, accepteren; idem\): Buurtplatform Wyck: comment \(10 dec(ember)? 2016\), Buurtplatform Wyck: returned/,
    );
    // The coordinator forgotten: the comments stay with the plan, without who wrote them.
    await coord.say('vergeet mij');
    await coord.say('ja');
    const events = await a.reviews.list(plan1.id);
    expect(events.filter((e) => e.kind !== 'submitted').every((e) => e.by === null && e.byName === null)).toBe(true);
    expect(events.find((e) => e.kind === 'comment')?.text).toContain('Maak de doelen concreet');
  });
});
