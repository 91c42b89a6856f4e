import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/config/load.js';
import { ChatDriver } from '../support/chat.js';
import { createTestApp, tempDir, type TestApp } from '../support/app.js';

let app: TestApp;
let content: string;
beforeEach(async () => {
  content = path.join(tempDir(), 'content');
  fs.cpSync(path.join(ROOT_DIR, 'content'), content, { recursive: true });
  app = await createTestApp({ env: { BUURTBOT_CONTENT_DIR: content } });
  await app.users.setRole('web:coord000', 'coordinator');
});
afterEach(async () => {
  await app.close();
});

describe('questions, feedback and the coordinator loop', () => {
  it('answers with sources and stores the question with feedback and a reason', async () => {
    const vera = new ChatDriver(app, 'web:vera0000', 'Vera', 'web');
    const [answer] = await vera.say('Wanneer moet ons Plan van Aanpak binnen zijn?');
    expect(answer?.kind).toBe('answer');
    expect(answer?.text).toContain('31 december 2016');
    expect(answer?.citations?.[0]?.source).toMatch(/Raadsinformatiebrief/);
    // Feedback first; any further button is a "Zie ook" topic.
    expect(answer?.buttons?.slice(0, 2).map((b) => b.typed)).toEqual(['nuttig', 'niet nuttig']);
    expect(answer?.buttons?.slice(2).every((b) => b.id.startsWith('ask:topic:') && b.label.startsWith('Zie ook: '))).toBe(true);
    const [why] = await vera.say('niet nuttig');
    expect(why?.text).toMatch(/Wat klopte er niet/);
    // Feedback concerns only the person who gave it: in a Slack or Discord channel only they see the reply.
    expect(why?.ephemeral).toBe(true);
    expect(await vera.sayText('Ik zocht het adres om het in te leveren')).toMatch(/Bedankt/);
    const feedback = await app.database.db.feedback.findMany({ include: { question: true } });
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({ helpful: false, reason: 'Ik zocht het adres om het in te leveren' });
    expect(feedback[0]?.question.text).toBe('Wanneer moet ons Plan van Aanpak binnen zijn?');
  });

  it('answers in English when asked in English', async () => {
    const tom = new ChatDriver(app, 'web:tom00000', 'Tom', 'web');
    const [answer] = await tom.say('When is the deadline for the Plan van Aanpak?');
    expect(answer?.text).toContain('31 December 2016');
    expect(answer?.buttons?.slice(0, 2).map((b) => b.typed)).toEqual(['helpful', 'not helpful']);
    expect(answer?.buttons?.slice(2).every((b) => b.id.startsWith('ask:topic:') && b.label.startsWith('See also: '))).toBe(true);
  });

  it('forwards an unknown question, lets a coordinator answer it, and turns the answer into an entry', async () => {
    const vera = new ChatDriver(app, 'web:vera0000', 'Vera', 'web');
    const [refusal] = await vera.say('Mogen we de subsidie ook gebruiken voor een bankje in het park?');
    expect(refusal?.kind).toBe('refusal');
    const forward = refusal?.buttons?.find((b) => b.id.startsWith('forward:'));
    expect(forward).toBeDefined();
    // Someone else cannot forward Vera's question.
    const other = new ChatDriver(app, 'web:other000', 'Other', 'web');
    expect((await other.press(forward!.id))[0]?.text).toMatch(/weet niet welke vraag/);
    expect((await vera.press(forward!.id))[0]?.text).toMatch(/doorgestuurd naar de coördinatoren/);
    expect((await vera.press(forward!.id))[0]?.text).toMatch(/al doorgestuurd/);
    const notice = (await app.notices.since('web:coordinators', undefined, 5)).map((n) => n.text).join('\n');
    const id = /antwoord (\w{6})/.exec(notice)?.[1];
    expect(id).toBeDefined();

    const coordinator = new ChatDriver(app, 'web:coord000', 'Carla', 'web');
    expect(await coordinator.sayText('vragen')).toContain('bankje in het park');
    const answer = 'Ja, kleine voorzieningen voor de buurt passen binnen het Buurtplan; overleg het bedrag met je procescoördinator.';
    expect(await coordinator.sayText(`antwoord ${id} ${answer}`)).toContain('Je antwoord is verstuurd naar Vera');
    expect((await app.notices.since('dm:web:vera0000', undefined, 5))[0]?.text).toContain(answer);
    expect(await coordinator.sayText('vragen')).toContain('Er wachten geen doorgestuurde vragen');

    expect(await coordinator.sayText(`kb toevoegen ${id}`)).toContain('Toegevoegd aan de kennisbank');
    const added = fs.readdirSync(path.join(content, 'kb/community'));
    expect(added.filter((f) => f.endsWith('.nl.md'))).toHaveLength(1);
    expect(added.filter((f) => f.endsWith('.en.md'))).toHaveLength(1);
    // The bot now answers the question itself, citing the coordinator.
    const [now] = await vera.say('Mogen we de subsidie gebruiken voor een bankje in het park?');
    expect(now?.kind).toBe('answer');
    expect(now?.text).toContain('kleine voorzieningen');
    expect(now?.citations?.[0]?.source).toContain('Carla');
  });

  it('refuses every coordinator command to a volunteer', async () => {
    const vera = new ChatDriver(app, 'web:vera0000', 'Vera', 'web');
    for (const command of [
      'vragen',
      'antwoord abc123 ja hoor',
      'kb herladen',
      'kb toevoegen abc123',
      'digest',
      'verzoeken',
      'goedkeuren abc123',
    ]) {
      expect(await vera.sayText(command), command).toMatch(/alleen (voor )?coördinatoren/i);
    }
  });
});
