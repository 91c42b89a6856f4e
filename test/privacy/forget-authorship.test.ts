/**
 * `vergeet mij` anonymises authorship only. People named `de` and `Vera` forget themselves on
 * web, Slack and Discord; another platform's plan (whose text is full of "de", "Vera" and
 * "verantwoordelijkheid") stays byte-identical, and so does every row they did not write.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PlatformRecord } from '../../src/core/platforms/ports.js';
import { ChatDriver } from '../support/chat.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { DB_KINDS } from '../support/databases.js';

const HEER_TEXT =
  'Wij zijn de buurt Heer. Vera Smeets draagt de verantwoordelijkheid voor de koffieochtend; de DE de-buurt blijft van ons. Vera, VERA en vera staan er ook.';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function write(a: TestApp, platform: PlatformRecord, sectionId: string, text: string, author: string, authorName: string) {
  const plan = await a.plans.load(platform);
  const revision = plan.sections[sectionId]?.revision ?? 0;
  const saved = await a.plans.saveSection(plan.id, sectionId, { text, author, authorName, at: a.clock.now() }, revision);
  expect(saved.ok).toBe(true);
}

async function rowsOf(a: TestApp, planId: string): Promise<string> {
  const db = a.database.db;
  const sections = await db.planSection.findMany({ where: { planId }, orderBy: { id: 'asc' } });
  const revisions = await db.planRevision.findMany({ where: { planId }, orderBy: { id: 'asc' } });
  const plan = await db.plan.findUniqueOrThrow({ where: { id: planId } });
  return JSON.stringify({ plan, sections, revisions });
}

async function forget(driver: ChatDriver): Promise<void> {
  await driver.say('vergeet mij');
  expect(await driver.sayText('ja')).toContain('je gegevens zijn verwijderd');
}

describe.each(DB_KINDS)('forgetting anonymises authorship only, on %s', (db) => {
  it('people named "de" and "Vera" leave every text, and every row they did not write, as it was', async () => {
    const a = (app = await createTestApp({ db, now: '2016-12-01T10:00:00+01:00' }));
    const wyck = await a.platforms.create({ name: 'Buurtplatform Wyck' });
    const heer = await a.platforms.create({ name: 'Buurtplatform Heer' });
    await a.platforms.addMember(wyck.id, 'web:de000000', 'board');
    await a.platforms.addMember(wyck.id, 'slack:T1:UVERA', 'board');
    await a.platforms.addMember(heer.id, 'discord:444', 'board');

    // Wyck: "de" (web) and "Vera" (Slack) write; Bram (Discord) writes one section of theirs too.
    const wyckDeText = 'De buurt Wyck: de koffieochtend, de opruimdag. Vera doet de verantwoordelijkheid.';
    await write(a, wyck, 'platform-en-buurt', wyckDeText, 'web:de000000', 'de');
    await write(a, wyck, 'platform-en-buurt', `${wyckDeText} Herzien door Vera.`, 'slack:T1:UVERA', 'Vera');
    await write(a, wyck, 'visie-en-doelen', 'Vera wil dat de bewoners de buurt dragen.', 'slack:T1:UVERA', 'Vera');
    await write(a, wyck, 'samenwerking', 'Samen met de opbouwwerker; Vera en de rest.', 'discord:555', 'Bram');
    // Heer: another platform on another surface, its text naming "de" and "Vera" everywhere, two revisions.
    await write(a, heer, 'platform-en-buurt', HEER_TEXT, 'discord:444', 'Karin');
    await write(a, heer, 'platform-en-buurt', `${HEER_TEXT} Met de hand bijgewerkt.`, 'discord:444', 'Karin');
    await write(a, heer, 'bestuur', 'Vera Smeets - voorzitter\nde heer Jansen - secretaris', 'discord:444', 'Karin');
    const heerPlan = await a.plans.load(heer);
    const wyckPlan = await a.plans.load(wyck);
    const heerBefore = await rowsOf(a, heerPlan.id);
    const wyckTextsBefore = await a.database.db.planRevision.findMany({
      where: { planId: wyckPlan.id },
      orderBy: { id: 'asc' },
      select: { id: true, text: true },
    });
    const updatedBefore = (await a.database.db.planSection.findMany({ where: { planId: wyckPlan.id }, orderBy: { id: 'asc' } })).map((s) =>
      s.updatedAt.toISOString(),
    );
    const bramBefore = JSON.stringify(
      await a.database.db.planSection.findFirst({ where: { planId: wyckPlan.id, sectionId: 'samenwerking' } }),
    );

    const de = new ChatDriver(a, 'web:de000000', 'de', 'web');
    const vera = new ChatDriver(a, 'slack:T1:UVERA', 'Vera', 'slack');
    const stranger = new ChatDriver(a, 'discord:999', 'de', 'discord');
    await de.say('hulp');
    await vera.say('hulp');
    await forget(de);
    await forget(vera);
    await forget(stranger);

    // The other platform: byte-identical (texts, revisions, authors, dates).
    expect(await rowsOf(a, heerPlan.id)).toBe(heerBefore);
    // Wyck: every text and every revision text as it was; the history stays restorable.
    const wyckTextsAfter = await a.database.db.planRevision.findMany({
      where: { planId: wyckPlan.id },
      orderBy: { id: 'asc' },
      select: { id: true, text: true },
    });
    expect(wyckTextsAfter).toEqual(wyckTextsBefore);
    const history = await a.plans.history(wyckPlan.id, 'platform-en-buurt');
    expect(history.map((h) => h.text)).toEqual([`${wyckDeText} Herzien door Vera.`, wyckDeText]);
    expect(history.every((h) => h.authorName === null)).toBe(true);
    // Their own rows lose the author; Bram's section is untouched.
    const sections = await a.database.db.planSection.findMany({ where: { planId: wyckPlan.id }, orderBy: { sectionId: 'asc' } });
    expect(sections.find((s) => s.sectionId === 'platform-en-buurt')).toMatchObject({
      text: `${wyckDeText} Herzien door Vera.`,
      author: null,
      authorName: null,
    });
    expect(sections.find((s) => s.sectionId === 'visie-en-doelen')).toMatchObject({
      text: 'Vera wil dat de bewoners de buurt dragen.',
      author: null,
      authorName: null,
    });
    expect(JSON.stringify(sections.find((s) => s.sectionId === 'samenwerking'))).toBe(bramBefore);
    // Dropping a name is not an edit: "last edited" stays as it was.
    const updatedAfter = (await a.database.db.planSection.findMany({ where: { planId: wyckPlan.id }, orderBy: { id: 'asc' } })).map((s) =>
      s.updatedAt.toISOString(),
    );
    expect(updatedAfter).toEqual(updatedBefore);
    expect(JSON.stringify(await a.database.db.planRevision.findMany({ where: { planId: wyckPlan.id } }))).not.toMatch(
      /"author(Name)?":"(web:de000000|slack:T1:UVERA|de|Vera)"/,
    );
    expect(await a.users.get('web:de000000')).toBeNull();
    expect(await a.users.get('slack:T1:UVERA')).toBeNull();
  });
});
