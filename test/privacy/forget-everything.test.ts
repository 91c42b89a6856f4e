/**
 * `vergeet mij` removes what others hold about the person too: notices to and about them, lines
 * naming them in a coordinator's transcript, inbox rows, join requests, sign-in sessions, their
 * questions (also those waiting for a coordinator). Other people's records stay.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ChatDriver } from '../support/chat.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { DB_KINDS } from '../support/databases.js';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const ANNA_QUESTION = 'Mag ons springkussen van Anna in de gymzaal van de basisschool staan?';
const BRAM_QUESTION = 'Wie betaalt de huur van de tent op het Bramfeest?';

describe.each(DB_KINDS)('forgetting the rest, on %s', (db) => {
  it('removes notices, transcript lines, event keys and join requests about the person and the questions waiting for a coordinator', async () => {
    const a = (app = await createTestApp({ db, now: '2016-12-01T10:00:00+01:00' }));
    await a.platforms.create({ name: 'Buurtplatform Wyck' });
    await a.users.touch('web:coord000', 'Carla');
    await a.users.setRole('web:coord000', 'coordinator');
    const anna = new ChatDriver(a, 'web:anna0000', 'Anna', 'web');
    const bram = new ChatDriver(a, 'web:bram0000', 'Bram', 'web');
    const carla = new ChatDriver(a, 'web:coord000', 'Carla', 'web');

    // The web page names its message ids after the client id: the ledger must not keep that.
    await a.turns.dispatch({
      id: 'anna0000-1480582800000-x1y2z3',
      surface: 'web',
      userRef: 'web:anna0000',
      userName: 'Anna',
      channelId: 'web:anna0000',
      text: 'hulp',
      direct: true,
    });
    for (const [driver, question] of [
      [anna, ANNA_QUESTION],
      [bram, BRAM_QUESTION],
    ] as const) {
      await driver.say('aanmelden Wyck');
      await driver.say(question);
      expect(await driver.sayText('doorsturen')).not.toContain('Ik heb geen vraag');
    }
    await a.notices.post('dm:web:anna0000', 'Herinnering voor Anna: nog 3 stappen.');
    // Each signed in from a browser (the secrets are the browsers'; only hashes are stored).
    await a.webSessions.create('web:anna0000');
    await a.webSessions.create('web:bram0000');
    const requests = await carla.sayText('verzoeken');
    expect(requests).toContain('Anna');
    expect(requests).toContain('Bram');
    expect(await carla.sayText('vragen')).toContain('Anna');
    const bramRequest = (await a.platforms.pendingJoinRequests()).find((r) => r.userRef === 'web:bram0000');
    expect(await carla.sayText(`goedkeuren ${bramRequest?.id.slice(-6) ?? ''}`)).toContain('Bram is nu lid');

    await anna.say('vergeet mij');
    await anna.say('ja');

    const notices = await a.database.db.notice.findMany();
    expect(notices.filter((n) => n.channel === 'dm:web:anna0000')).toEqual([]);
    expect(notices.filter((n) => /Anna|springkussen/.test(n.text))).toEqual([]);
    expect(notices.some((n) => n.text.includes('🙋 Bram wil lid worden'))).toBe(true);
    // The coordinator's own transcript: no line naming Anna; the lines about Bram stay.
    const coordinatorLines = await a.database.db.message.findMany({ where: { conversation: { user: { ref: 'web:coord000' } } } });
    expect(coordinatorLines.filter((m) => m.text.includes('Anna'))).toEqual([]);
    expect(coordinatorLines.some((m) => m.text.includes('Bram is nu lid'))).toBe(true);
    expect(coordinatorLines.some((m) => m.text === 'verzoeken')).toBe(true);
    // Inbox rows (this very turn's too), join requests, sign-in sessions, her questions; Bram's stay.
    const rows = await a.database.db.inboxEvent.findMany();
    expect(rows.filter((k) => k.key.includes('anna0000') || k.userRef === 'web:anna0000' || k.payload.includes('anna0000'))).toEqual([]);
    expect(rows.some((k) => k.userRef === 'web:bram0000')).toBe(true);
    expect(await a.database.db.joinRequest.count({ where: { userRef: 'web:anna0000' } })).toBe(0);
    expect(await a.database.db.webSession.count({ where: { userRef: 'web:anna0000' } })).toBe(0);
    expect(await a.database.db.webSession.count({ where: { userRef: 'web:bram0000' } })).toBe(1);
    const open = await a.questions.waitingForCoordinator(20);
    expect(open.find((q) => q.text === ANNA_QUESTION)).toBeUndefined();
    expect(open.find((q) => q.text === BRAM_QUESTION)?.userRef).toBe('web:bram0000');
    expect(await carla.sayText('vragen')).not.toContain('Anna');
    // Nothing else in the database names her.
    const rest = await Promise.all([
      a.database.db.conversation.findMany(),
      a.database.db.delivery.findMany(),
      a.database.db.question.findMany(),
      a.database.db.feedback.findMany(),
    ]);
    expect(JSON.stringify(rest)).not.toMatch(/anna0000|"Anna"/);
  });
});
