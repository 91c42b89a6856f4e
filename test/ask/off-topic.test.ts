/**
 * An obviously off-topic message (the weather, football) gets "daar kan ik niet bij helpen" with
 * what buurtbot is for and a button to see it, not an offer to bother a coordinator; an on-topic
 * question nothing answers keeps that offer. On the real content (its thesaurus lists the domain words).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatDriver } from '../support/chat.js';
import { createTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('off-topic messages', () => {
  it('say what buurtbot can do, offer no forward, and the button shows the help', async () => {
    const anna = new ChatDriver(app, 'web:anna0000', 'Anna', 'web');
    const [reply] = await anna.say('Wat voor weer wordt het morgen in Maastricht?');
    expect(reply?.kind).toBe('refusal');
    expect(reply?.text).toMatch(/^Daar kan ik niet bij helpen\. Ik beantwoord vragen over de overstap/);
    expect(reply?.buttons?.map((b) => [b.id, b.label])).toEqual([['help', 'Wat kan buurtbot?']]);
    const [help] = await anna.press('help');
    expect(help?.text).toMatch(/plan/i);
    expect(help?.buttons?.some((b) => b.id === 'plan:open-own')).toBe(true);
  });

  it('in English too', async () => {
    const bob = new ChatDriver(app, 'web:bob00000', 'Bob', 'web');
    const [reply] = await bob.say('Who won the football match last Sunday?');
    expect(reply?.text).toMatch(/^I can't help with that\./);
    expect(reply?.buttons?.some((b) => b.id.startsWith('forward:'))).toBe(false);
  });

  it('a question with no word of the domain is not answered from one shared word', async () => {
    // "mayor" is in the entry about the wethouder (the college of mayor and aldermen), Amsterdam nowhere.
    const dirk = new ChatDriver(app, 'web:dirk0000', 'Dirk', 'web');
    const [reply] = await dirk.say('Who is the mayor of Amsterdam?');
    expect(reply?.kind).toBe('refusal');
    expect(reply?.text).toMatch(/^I can't help with that\./);
    // The same bar does not stop a question about the domain in the same few words.
    const [own] = await dirk.say('Who wrote the letter about the buurtnetwerken?');
    expect(own?.kind).toBe('answer');
  });

  it('a compound about something the sources never name is not answered by its last part', async () => {
    // "vergunning" is in the wethouder's portfolio ("Vergunningen"); "parkeer" in no entry.
    const eva = new ChatDriver(app, 'web:eva00000', 'Eva', 'web');
    const [reply] = await eva.say('hoe vraag ik een parkeervergunning aan voor mijn buurt');
    expect(reply?.kind).toBe('refusal');
    // A compound of known parts still counts: "buurtnetwerkplan" is about plans of buurtnetwerken.
    const [own] = await eva.say('wanneer moet het buurtnetwerkplan binnen zijn?');
    expect(own?.kind).toBe('answer');
  });

  it('an on-topic question nothing answers still offers a coordinator', async () => {
    const cas = new ChatDriver(app, 'web:cas00000', 'Cas', 'web');
    const [reply] = await cas.say('Welke kleur moet het logo van ons buurtnetwerk hebben?');
    expect(reply?.kind).toBe('refusal');
    expect(reply?.text).not.toMatch(/niet bij helpen/);
    expect(reply?.buttons?.some((b) => b.id.startsWith('forward:'))).toBe(true);
  });
});
