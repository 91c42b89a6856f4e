/**
 * Several documents from template files: the Buurtplan (content/buurtplan-template.yaml) beside the
 * Plan van Aanpak, on both databases. Each has its own plan per platform, its own steps and
 * deadline; switching between them loses nothing; a form names only its section and still lands in
 * the right document.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ANSWERS, ChatDriver } from '../support/chat.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { DB_KINDS } from '../support/databases.js';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const BUURT =
  'Voorbeeldwijk-achtig: een buurt met veel jonge gezinnen en ouderen die er al lang wonen; op de bewonersavonden hoorden we dat mensen elkaar vaker willen ontmoeten en de speelplek willen opknappen.';
const NETWERK =
  'In ons netwerk doen nu vijftien bewoners mee, samen met de voetbalvereniging, de basisschool en het buurthuis; we kwamen elke maand bij elkaar om plannen te maken en taken te verdelen.';

describe.each(DB_KINDS)('the Buurtplan beside the Plan van Aanpak (%s)', (db) => {
  it('opens with its own words, keeps its own plan and steps, and its forms land in it', async () => {
    const a = await createTestApp({ db, now: '2017-06-01T10:00:00+02:00' });
    app = a;
    const wyck = await a.platforms.create({ name: 'Buurtplatform Wyck', buurt: 'Wyck' });
    await a.platforms.addMember(wyck.id, 'cli:anna', 'board');
    const anna = new ChatDriver(a, 'cli:anna', 'Anna');

    expect(await anna.sayText('hulp')).toContain('`start buurtplan` — Buurtplan (uiterlijk 31 december 2018)');
    const opened = await anna.sayText('start buurtplan');
    expect(opened).toContain('We gaan samen het *Buurtplan* van Buurtplatform Wyck schrijven');
    expect(opened).toContain('Stap 1 van 4: De buurt en haar bewoners');
    expect(await anna.sayText(BUURT)).toContain('Stap 2 van 4: Het buurtnetwerk');

    // The Plan van Aanpak is a different document: its own steps, untouched by the Buurtplan.
    const plan = await anna.sayText('plan');
    expect(plan).toContain('Stap 1 van 9: Jullie platform en buurt');
    await anna.say(ANSWERS['platform-en-buurt']);
    const pva = await a.plans.load(wyck);
    const buurtplan = await a.plans.load(wyck, 'buurtplan');
    expect(pva.id).not.toBe(buurtplan.id);
    expect(Object.keys(pva.sections)).toEqual(['platform-en-buurt']);
    expect(buurtplan.sections['buurtplan-buurt']?.text).toBe(BUURT);

    // Back to the Buurtplan: it goes on where it was; a form (a Slack or Discord modal) names only
    // its section and is saved in the Buurtplan.
    expect(await anna.sayText('start buurtplan')).toContain('Stap 2 van 4: Het buurtnetwerk');
    await anna.submitForm('plan:buurtplan-netwerk', NETWERK);
    expect((await a.plans.load(wyck, 'buurtplan')).sections['buurtplan-netwerk']?.text).toBe(NETWERK);
    expect(Object.keys((await a.plans.load(wyck)).sections)).toEqual(['platform-en-buurt']);
    // Its overview counts its own steps and its own deadline.
    const overview = await anna.sayText('overzicht');
    expect(overview).toContain('Buurtplan van Buurtplatform Wyck');
    expect(overview).toContain('31 december 2018');
  });
});
