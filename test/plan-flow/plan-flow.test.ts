import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/core/ports.js';
import { ANSWERS, ChatDriver } from '../support/chat.js';
import { createTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
let anna: ChatDriver;
let slug: string;

beforeEach(async () => {
  app = await createTestApp({ now: '2016-12-01T10:00:00+01:00' });
  const platform = await app.platforms.create({ name: 'Buurtplatform Wyck', buurt: 'Wyck' });
  slug = platform.slug;
  await app.platforms.addMember(platform.id, 'cli:anna', 'board');
  anna = new ChatDriver(app, 'cli:anna', 'Anna');
});
afterEach(async () => {
  await app.close();
});

async function fillAll(driver: ChatDriver, skipOptional = true): Promise<string> {
  let last = await driver.sayText('plan');
  for (const [id, answer] of Object.entries(ANSWERS)) {
    if (id === 'ondersteuning' && skipOptional) continue;
    last = await driver.sayText(answer);
  }
  return last;
}

describe('guided Plan van Aanpak', () => {
  it('walks through every required section to submission, then exports it', async () => {
    const first = await anna.sayText('plan');
    expect(first).toContain('Stap 1 van 9: Jullie platform en buurt');
    expect(first).toContain('Nog 30 dagen tot de deadline (31 december 2016)');
    // The letter's passage is shown with its source.
    expect(first).toMatch(/Uit de brief \(Raadsinformatiebrief/);

    let turns = 1;
    let last = '';
    for (const [id, answer] of Object.entries(ANSWERS)) {
      if (id === 'ondersteuning') continue; // optional: it is asked last and may be skipped
      last = await anna.sayText(answer);
      turns++;
    }
    expect(last).toContain('Stap 8 van 9: Gewenste ondersteuning');
    last = await anna.sayText('overslaan');
    turns++;
    expect(last).toContain('Alle verplichte stappen zijn ingevuld');
    const confirm = await anna.sayText('indienen');
    expect(confirm).toMatch(/Wil je het Plan van Aanpak van Buurtplatform Wyck nu indienen/);
    const done = await anna.sayText('ja');
    turns += 2;
    expect(done).toContain('Ingediend!');
    expect(turns).toBe(12);

    const plan = await app.plans.load((await app.platforms.bySlug(slug))!);
    expect(plan.status).toBe('submitted');
    expect(plan.submittedBy).toBe('cli:anna');
    expect(plan.submittedAt?.toISOString()).toBe('2016-12-01T09:00:00.000Z');
    // Coordinators were told on the web coordinator board.
    const notices = await app.notices.since('web:coordinators', undefined, 10);
    expect(notices.map((n) => n.text).join('\n')).toContain('is ingediend door Anna');
  });

  it('explains why an answer is not accepted, keeps it as a draft, and asks again', async () => {
    await anna.say('plan');
    const short = await anna.sayText('Wij zijn Wyck.');
    expect(short).toMatch(/kort/);
    expect(short).toContain('bewaard als concept');
    // The draft survives a restart of the whole app.
    await app.close();
    app = Object.assign(await createApp(app.config, { logger: silentLogger, clock: app.clock }), { clock: app.clock, dir: app.dir });
    anna = new ChatDriver(app, 'cli:anna', 'Anna');
    const resumed = await anna.sayText('plan');
    expect(resumed).toContain('Welkom terug');
    expect(resumed).toContain('Je was hiermee bezig (nog niet opgeslagen):\n> Wij zijn Wyck.');
    const ok = await anna.sayText(ANSWERS['platform-en-buurt']);
    expect(ok).toContain('Opgeslagen: Jullie platform en buurt.');
  });

  it('refuses a board of two and a board without confirmation, with the reason', async () => {
    await anna.say('plan');
    await anna.say(ANSWERS['platform-en-buurt']);
    const two = await anna.sayText(
      'Anna Jansen - voorzitter\nBram de Vries - secretaris\nAlle bestuursleden voldoen aan de formele eisen.',
    );
    expect(two).toMatch(/3/);
    const unconfirmed = await anna.sayText('Anna Jansen - voorzitter\nBram de Vries - secretaris\nChantal Smeets - penningmeester');
    expect(unconfirmed).toMatch(/formele eisen/);
    const good = await anna.sayText(ANSWERS.bestuur);
    expect(good).toContain('Opgeslagen: Het bestuur.');
  });

  it('supports skip, back, edit by number and by name, overview, example and help', async () => {
    await anna.say('plan');
    expect(await anna.sayText('overslaan')).toContain('Stap 2 van 9: Het bestuur');
    expect(await anna.sayText('terug')).toContain('Stap 1 van 9');
    expect(await anna.sayText('bewerk 4')).toContain('Stap 4 van 9: Vinden en verbinden');
    expect(await anna.sayText('bewerk bestuur')).toContain('Stap 2 van 9: Het bestuur');
    expect(await anna.sayText('voorbeeld')).toContain('Voorbeeldwijk');
    expect(await anna.sayText('hulp')).toContain('`overslaan`');
    const overview = await anna.sayText('overzicht');
    expect(overview).toContain('Nog nodig (8)');
    expect(overview).toContain('Nog 30 dagen');
    // Buttons do the same as typing.
    const pressed = await anna.press('plan:back');
    expect(pressed.map((r) => r.text).join()).toContain('Stap 1 van 9');
  });

  it('pauses, answers a question in between, and resumes where it was', async () => {
    await anna.say('plan');
    await anna.say(ANSWERS['platform-en-buurt']);
    expect(await anna.sayText('pauze')).toContain('Gepauzeerd');
    // Outside the flow, a plain text is a question again, not an answer.
    const question = await anna.say('Hoeveel bestuursleden moeten we hebben?');
    expect(question[0]?.kind).toMatch(/answer|refusal/);
    const back = await anna.sayText('plan');
    expect(back).toContain('Welkom terug');
    expect(back).toContain('Stap 2 van 9: Het bestuur');
    // Inside the flow, a short question goes to the knowledge base and the flow waits.
    const between = await anna.say('Wat is een opbouwwerker?');
    expect(between[0]?.kind).toMatch(/answer|refusal/);
    expect(between[0]?.text).toContain('Typ `verder`');
    expect(await anna.sayText('verder')).toContain('Stap 2 van 9: Het bestuur');
  });

  it('blocks submission while required sections are missing and lists them', async () => {
    await anna.say('plan');
    await anna.say(ANSWERS['platform-en-buurt']);
    const blocked = await anna.sayText('indienen');
    expect(blocked).toContain('kan nog niet worden ingediend');
    expect(blocked).toContain('✗ 2. Het bestuur');
    expect(blocked).not.toContain('Gewenste ondersteuning');
  });

  it('lets two board members work on one plan and shows a concurrent edit instead of losing it', async () => {
    const platform = (await app.platforms.bySlug(slug))!;
    await app.platforms.addMember(platform.id, 'web:bram00000', 'board');
    const bram = new ChatDriver(app, 'web:bram00000', 'Bram', 'web');
    await anna.say('plan');
    await bram.say('plan');
    // Both are looking at step 1. Bram saves first.
    expect(await bram.sayText(ANSWERS['platform-en-buurt'])).toContain('Opgeslagen');
    const annaText = ANSWERS['platform-en-buurt'].replace('twaalf', 'vijftien');
    const conflict = await anna.sayText(annaText);
    expect(conflict).toContain('Bram heeft "Jullie platform en buurt" net aangepast');
    expect(conflict).toContain('twaalf');
    const kept = await anna.sayText('ja');
    expect(kept).toContain('Opgeslagen');
    const plan = await app.plans.load(platform);
    expect(plan.sections['platform-en-buurt']?.text).toContain('vijftien');
    expect(plan.sections['platform-en-buurt']?.authorName).toBe('Anna');
    const history = await app.plans.history(plan.id, 'platform-en-buurt');
    expect(history.map((h) => h.authorName)).toEqual(['Anna', 'Bram']);
    // Editing someone else's answer later asks first.
    await bram.say('bewerk 1');
    const ask = await bram.sayText(ANSWERS['platform-en-buurt']);
    expect(ask).toContain('staat al een antwoord van Anna');
    expect(await bram.sayText('nee')).toContain('niets veranderd');
    expect((await app.plans.load(platform)).sections['platform-en-buurt']?.text).toContain('vijftien');
  });

  it('refuses a stranger, and lets a coordinator approve a join request from chat', async () => {
    const stranger = new ChatDriver(app, 'cli:zoe', 'Zoë');
    expect(await stranger.sayText('plan')).toContain('nog geen lid');
    expect(await stranger.sayText('plan wyck')).toContain('Alleen de leden van dat platform en coördinatoren');
    expect(await stranger.sayText('aanmelden wyck')).toContain('doorgestuurd naar de coördinatoren');
    await app.users.setRole('cli:coord', 'coordinator');
    const coordinator = new ChatDriver(app, 'cli:coord', 'Carla');
    const list = await coordinator.say('verzoeken');
    const request = list.find((r) => r.buttons?.length);
    expect(request?.text).toContain('Zoë → Buurtplatform Wyck');
    const approve = request?.buttons?.[0];
    expect(approve?.id).toMatch(/^join:approve:/);
    expect((await coordinator.press(approve!.id)).map((r) => r.text).join()).toContain('Zoë is nu lid van Buurtplatform Wyck');
    expect(await stranger.sayText('plan')).toContain('Stap 1 van 9');
    // A volunteer cannot approve anything.
    expect(await anna.sayText('verzoeken')).toContain('alleen coördinatoren');
  });

  it('after submission, a change marks the plan revised and tells coordinators again', async () => {
    await fillAll(anna);
    await anna.say('overslaan');
    await anna.say('indienen');
    await anna.say('ja');
    await anna.say('plan');
    await anna.say('bewerk 3');
    await anna.say(ANSWERS['visie-en-doelen'] + ' Ook willen we meer groen in de straat.');
    const plan = await app.plans.load((await app.platforms.bySlug(slug))!);
    expect(plan.status).toBe('revised');
    const notices = (await app.notices.since('web:coordinators', undefined, 10)).map((n) => n.text).join('\n');
    expect(notices).toContain('is gewijzigd door Anna (stap: Visie en doelen)');
  });

  it('says clearly when the deadline has passed', async () => {
    app.clock.set(new Date('2017-01-03T10:00:00+01:00'));
    expect(await anna.sayText('plan')).toContain('de deadline (31 december 2016) is verstreken');
  });

  it('summarises a member’s plan for overview surfaces (App Home)', async () => {
    expect(await app.planHome.summary('cli:nobody', 'nl')).toBeNull();
    await anna.say('plan');
    await anna.say(ANSWERS['platform-en-buurt']);
    const summary = await app.planHome.summary('cli:anna', 'nl');
    expect(summary?.platform).toBe('Buurtplatform Wyck');
    expect(summary?.progress).toBe('1 van 8 verplichte onderdelen klaar · concept · nog 30 dagen tot de deadline');
    expect(summary?.nextSteps?.[0]).toBe('Vul "Het bestuur" in (typ `plan`)');
  });

  it('accepts a section written in a form (modal) as the answer', async () => {
    const first = await anna.say('plan');
    const form = first.find((r) => r.form)?.form;
    expect(form?.id).toBe('plan:platform-en-buurt');
    const replies = await anna.submitForm(form!.id, ANSWERS['platform-en-buurt']);
    expect(replies.map((r) => r.text).join()).toContain('Opgeslagen: Jullie platform en buurt.');
  });
});
