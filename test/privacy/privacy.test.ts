import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultJobs, startJobs } from '../../src/jobs.js';
import { ANSWERS, ChatDriver } from '../support/chat.js';
import { createTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp({ now: '2016-12-01T10:00:00+01:00' });
});
afterEach(async () => {
  await app.close();
});

describe('personal data', () => {
  it('shows what is stored and forgets a person while the plan keeps its text, without the authorship', async () => {
    const platform = await app.platforms.create({ name: 'Buurtplatform Wyck' });
    await app.platforms.addMember(platform.id, 'web:anna0000', 'board');
    await app.platforms.addMember(platform.id, 'web:bram0000', 'board');
    const anna = new ChatDriver(app, 'web:anna0000', 'Anna Jansen', 'web');
    await anna.say('plan');
    await anna.say(ANSWERS['platform-en-buurt']);
    await anna.say(ANSWERS.bestuur);
    await anna.say('pauze');
    await anna.say('Wat is een opbouwwerker?');

    const mine = await anna.sayText('mijn gegevens');
    expect(mine).toContain('Naam: Anna Jansen');
    expect(mine).toContain('Lid van: Buurtplatform Wyck (board)');
    expect(mine).toContain(
      'Plantekst die je schreef (je naam staat erbij): Buurtplatform Wyck · platform-en-buurt, Buurtplatform Wyck · bestuur',
    );
    expect(mine).toContain('Vragen die je stelde (1):\n  "Wat is een opbouwwerker?" (1 december 2016)');
    expect(mine).toMatch(/Chatberichten met mij: \d+, sinds /);
    expect(mine).toContain('Concepten (nog niet in het plan): —');

    const confirm = await anna.say('vergeet mij');
    expect(confirm[0]?.buttons?.[0]?.id).toBe('account:forget');
    expect((await anna.press('account:forget'))[0]?.text).toContain('je gegevens zijn verwijderd');

    expect(await app.users.get('web:anna0000')).toBeNull();
    expect(await app.database.db.question.count()).toBe(0);
    expect(await app.database.db.conversation.count({ where: { user: { ref: 'web:anna0000' } } })).toBe(0);
    const plan = await app.plans.load(platform);
    const board = plan.sections.bestuur;
    // The board list is the platform's text (what it tells the municipality), kept as written.
    expect(board?.text).toBe(ANSWERS.bestuur);
    expect(board?.author).toBeUndefined();
    expect(board?.authorName).toBeUndefined();
    const history = await app.database.db.planRevision.findMany();
    expect(history.every((h) => h.author === null && h.authorName === null)).toBe(true);
    // The other member's plan is intact and still theirs to continue.
    const bram = new ChatDriver(app, 'web:bram0000', 'Bram', 'web');
    expect(await bram.sayText('plan')).toContain('Stap 3 van 9');
  });

  it('saying no keeps everything', async () => {
    const anna = new ChatDriver(app, 'web:anna0000', 'Anna', 'web');
    await anna.say('vergeet mij');
    expect(await anna.sayText('nee')).toContain('niets verwijderd');
    expect(await app.users.get('web:anna0000')).not.toBeNull();
  });

  it('retention deletes old chat messages, notices and sessions but keeps recent ones', async () => {
    const anna = new ChatDriver(app, 'web:anna0000', 'Anna', 'web');
    await anna.say('hulp');
    await app.notices.post('dm:web:anna0000', 'Herinnering van lang geleden');
    await app.webSessions.create('web:anna0000');
    const old = new Date(Date.now() - 400 * 86_400_000);
    await app.database.db.message.updateMany({ data: { createdAt: old } });
    await app.database.db.notice.updateMany({ data: { createdAt: old } });
    await app.database.db.webSession.updateMany({ data: { lastSeenAt: old } });
    await anna.say('hulp');
    await app.notices.post('dm:web:anna0000', 'Herinnering van vandaag');
    const removed = await app.privacy.pruneOlderThan(new Date(Date.now() - 365 * 86_400_000), new Date());
    expect(removed).toEqual({ messages: 2, notices: 1, sessions: 1 });
    expect(await app.database.db.message.count()).toBe(2);
    expect((await app.database.db.notice.findMany()).map((n) => n.text)).toEqual(['Herinnering van vandaag']);
  });

  it('housekeeping catches up at start: a night spent down does not postpone retention by a day', async () => {
    await app.notices.post('web:announcements', 'Oude mededeling');
    await app.database.db.notice.updateMany({ data: { createdAt: new Date(Date.now() - 400 * 86_400_000) } });
    // The nightly cron is far away; only the catch-up run at start can prune.
    const jobs = startJobs(
      app,
      defaultJobs(app).filter((j) => j.name === 'housekeeping'),
    );
    try {
      await vi.waitFor(async () => expect(await app.database.db.notice.count()).toBe(0), { timeout: 10_000 });
    } finally {
      await jobs.stop();
    }
  });
});

describe('reminder settings in chat', () => {
  it('says the configured quiet hours, not a fixed text', async () => {
    const quiet = await createTestApp({ env: { QUIET_HOURS: '22:30-07:15' } });
    try {
      const anna = new ChatDriver(quiet, 'web:anna0000', 'Anna', 'web');
      expect(await anna.sayText('herinneringen aan')).toContain('Nooit tussen 22:30 en 07:15');
    } finally {
      await quiet.close();
    }
  });
});
