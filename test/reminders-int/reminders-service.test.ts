import fs from 'node:fs';
import path from 'node:path';
import type { Reply } from '../../src/core/messages.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/core/ports.js';
import { runJobOnce, type Job } from '../../src/jobs.js';
import { ANSWERS, ChatDriver } from '../support/chat.js';
import { createTestApp, tempDir, type TestApp } from '../support/app.js';

const CONTENT = path.join(import.meta.dirname, '../../content');
import { runCli } from '../support/cli.js';
import { DB_KINDS } from '../support/databases.js';

const apps: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function prepared(db: 'sqlite' | 'postgres', now: string): Promise<TestApp> {
  const app = await createTestApp({ db, now });
  apps.push(app);
  const wyck = await app.platforms.create({ name: 'Buurtplatform Wyck' });
  const jekerdal = await app.platforms.create({ name: 'Buurtplatform Jekerdal' });
  await app.platforms.addMember(wyck.id, 'web:anna0000', 'board');
  await app.platforms.addMember(wyck.id, 'web:bram0000', 'board');
  await app.platforms.addMember(jekerdal.id, 'web:cees0000', 'board');
  await app.users.setLanguage('web:bram0000', 'en');
  return app;
}

describe.each(DB_KINDS)('reminders through the running app on %s', (db) => {
  it('sends the 7-day reminders once: channel post plus personal messages saying what is missing', async () => {
    // 24 December 2016 10:00 Amsterdam: 7 days before the Plan van Aanpak deadline.
    const app = await prepared(db, '2016-12-24T10:00:00+01:00');
    const due = await app.reminders.due(app.clock.now());
    const keys = due.map((d) => d.key).sort();
    expect(keys).toEqual([
      'plan-van-aanpak:7:channel:web:web:announcements',
      'plan-van-aanpak:7:user:web:anna0000',
      'plan-van-aanpak:7:user:web:bram0000',
      'plan-van-aanpak:7:user:web:cees0000',
    ]);
    const bram = due.find((d) => d.key.endsWith('bram0000'));
    expect(bram?.language).toBe('en');
    expect(bram?.text).toMatch(/7 days/);
    expect(bram?.text).toMatch(/board/i);

    const first = await app.reminders.send();
    expect(first).toMatchObject({ sent: 4, failed: 0 });
    const again = await app.reminders.send();
    expect(again.sent).toBe(0);
    // The web surface shows them: the notice board and each person's own notices.
    expect((await app.notices.since('web:announcements', undefined, 10)).length).toBe(1);
    const personal = (await app.notices.since('dm:web:anna0000', undefined, 10))[0]?.text ?? '';
    expect(personal).toMatch(/nog 7 dagen/);
    // Something to act on: continue the plan, or stop these messages (typed twins shown on the web).
    expect(personal).toContain('[plan] Verder met het plan');
    expect(personal).toContain('[herinneringen uit] Herinneringen uit');
    expect((await app.notices.since('dm:web:bram0000', undefined, 10))[0]?.text).toContain('[reminders off] Reminders off');
    // The channel post is for everyone: no personal buttons there.
    expect((await app.notices.since('web:announcements', undefined, 10))[0]?.text).not.toContain('Herinneringen uit');
  });

  it("a personal reminder carries its deadline, for surfaces that show it in the reader's own time", async () => {
    const app = await prepared(db, '2016-12-24T10:00:00+01:00');
    const direct: Array<{ userRef: string; replies: Reply[] }> = [];
    app.outbox.register({
      surface: 'web',
      channels: {},
      postToChannel: async () => undefined,
      sendDirect: async (userRef, replies) => void direct.push({ userRef, replies }),
    });
    await app.reminders.send();
    expect(direct.length).toBe(3);
    for (const { replies } of direct) expect(new Date(replies[0]!.deadline!).toISOString()).toBe(app.template().deadline.at.toISOString());
  });

  it('two bot processes on one database sending at the same moment deliver each reminder exactly once', async () => {
    const app = await prepared(db, '2016-12-24T10:00:00+01:00');
    await app.close();
    apps.pop();
    // Real separate processes, as two instances (or the CLI beside the bot) would be.
    const at = '2016-12-24T10:00:00+01:00';
    const env = { DATABASE_URL: app.config.DATABASE_URL ?? '' };
    const [a, b] = await Promise.all([
      runCli(['reminders', 'send', '--at', at, '--json'], '', env),
      runCli(['reminders', 'send', '--at', at, '--json'], '', env),
    ]);
    expect(a.stderr + b.stderr).toBe('');
    const sent = (JSON.parse(a.stdout) as { sent: number }).sent + (JSON.parse(b.stdout) as { sent: number }).sent;
    expect(sent).toBe(4);
    const again = await runCli(['reminders', 'send', '--at', at, '--json'], '', env);
    expect(JSON.parse(again.stdout)).toEqual({ sent: 0, skipped: 0 });
    const check = await createApp(app.config, { logger: silentLogger, clock: app.clock });
    apps.push(check);
    const rows = await check.database.db.delivery.findMany({ where: { kind: 'reminder', status: 'sent' } });
    expect(rows).toHaveLength(4);
    expect((await check.notices.since('web:announcements', undefined, 10)).length).toBe(1);
  }, 180_000);

  it('respects opt-out and quiet hours, and sends nothing for a submitted plan', async () => {
    const app = await prepared(db, '2016-12-24T10:00:00+01:00');
    const anna = new ChatDriver(app, 'web:anna0000', 'Anna', 'web');
    expect(await anna.sayText('herinneringen uit')).toMatch(/geen persoonlijke herinneringen/);
    // Jekerdal submits its plan.
    const cees = new ChatDriver(app, 'web:cees0000', 'Cees', 'web');
    await cees.say('plan');
    for (const [id, answer] of Object.entries(ANSWERS)) if (id !== 'ondersteuning') await cees.say(answer);
    await cees.say('overslaan');
    await cees.say('indienen');
    expect(await cees.sayText('ja')).toContain('Ingediend');
    const keys = (await app.reminders.due(app.clock.now())).map((d) => d.key);
    expect(keys).toContain('plan-van-aanpak:7:user:web:bram0000');
    expect(keys).not.toContain('plan-van-aanpak:7:user:web:anna0000');
    expect(keys).not.toContain('plan-van-aanpak:7:user:web:cees0000');
    // At 22:00 (quiet hours) nothing personal is due.
    app.clock.set(new Date('2016-12-24T22:00:00+01:00'));
    expect((await app.reminders.due(app.clock.now())).filter((d) => d.target.kind === 'user')).toEqual([]);
  });

  it('the scheduler lease lets one instance run a tick and another take over when it expires', async () => {
    const app = await prepared(db, '2016-12-24T10:00:00+01:00');
    let runs = 0;
    const job: Job = { name: 'test', cron: '* * * * *', leaseMs: 60_000, run: async () => void runs++ };
    expect(await runJobOnce(app, job, 'instance-a')).toBe(true);
    expect(await runJobOnce(app, job, 'instance-b')).toBe(false);
    expect(await runJobOnce(app, job, 'instance-a')).toBe(true);
    // Instance a dies and stops renewing; after the lease expires, b takes over.
    app.clock.advance(61_000);
    expect(await runJobOnce(app, job, 'instance-b')).toBe(true);
    expect(await runJobOnce(app, job, 'instance-a')).toBe(false);
    expect(runs).toBe(3);
  });
});

describe('digest', () => {
  it('lists an unanswered question once, and drops it once a coordinator has added it to the entry that answers it', async () => {
    const content = tempDir();
    fs.cpSync(CONTENT, content, { recursive: true });
    const app = await createTestApp({ now: '2016-12-05T09:00:00+01:00', env: { BUURTBOT_CONTENT_DIR: content } });
    apps.push(app);
    await app.users.setRole('web:coord000', 'coordinator');
    const cees = new ChatDriver(app, 'web:cees0000', 'Cees', 'web');
    const open = 'wanneer was die eerste grote middag met alle platforms';
    await cees.say(open);
    await cees.say('Wanneer was die eerste grote middag met alle platforms?');
    await cees.say('Hoeveel euro subsidie krijgen we precies?');

    const before = await app.digests.build();
    expect(before.unansweredQuestions).toEqual([open, 'Hoeveel euro subsidie krijgen we precies?']);
    expect(before.questions).toMatchObject({ unanswered: 3, answeredSince: 0 });
    const coordinator = new ChatDriver(app, 'web:coord000', 'Carla', 'web');
    expect((await coordinator.say('digest'))[0]?.text).toContain('`buurtbot kb unanswered` wijst de bestanden aan');

    // The coordinator teaches it: the question, in these words, under the entry about the kick-off.
    const file = path.join(content, 'kb/facts/startbijeenkomst-2-april-2016.nl.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^questions:$/m, `questions:\n  - "${open}"`));
    await app.knowledge.reload();
    const after = await app.digests.build();
    expect(after.unansweredQuestions).toEqual(['Hoeveel euro subsidie krijgen we precies?']);
    expect(after.questions).toMatchObject({ unanswered: 3, answeredSince: 2 });
    expect((await coordinator.say('digest'))[0]?.text).toContain('2 van de niet beantwoorde vragen beantwoordt buurtbot inmiddels.');
    expect(await cees.sayText(open)).toContain('2 april 2016');
  });

  it('shows every platform at its stage, questions, forwarded ones, negative feedback and deadlines', async () => {
    const app = await prepared('sqlite', '2016-12-05T09:00:00+01:00');
    await app.users.setRole('web:coord000', 'coordinator');
    const anna = new ChatDriver(app, 'web:anna0000', 'Anna', 'web');
    await anna.say('plan');
    await anna.say(ANSWERS['platform-en-buurt']);
    await anna.say(ANSWERS.bestuur);
    await anna.say('pauze');
    const cees = new ChatDriver(app, 'web:cees0000', 'Cees', 'web');
    const answered = await cees.say('Wanneer moet het Plan van Aanpak binnen zijn?');
    await cees.press(`feedback:down:${answered[0]?.questionId}`);
    await cees.say('Ik wilde weten waar we het moeten inleveren');
    const refused = await cees.say('Hoeveel euro subsidie krijgen we precies?');
    await cees.press(`forward:${refused[0]?.questionId}`);
    // Off-topic: counted, but not put before the coordinators as a question the bot could not answer.
    await cees.say('Wat voor weer wordt het morgen?');

    const digest = await app.digests.build();
    const wyck = digest.platforms.find((p) => p.name === 'Buurtplatform Wyck');
    expect(wyck).toMatchObject({ sectionsDone: 2, sectionsTotal: 9, status: 'draft', daysToDeadline: 26 });
    expect(digest.platforms.find((p) => p.name === 'Buurtplatform Jekerdal')).toMatchObject({ sectionsDone: 0 });
    expect(digest.questions).toMatchObject({ total: 3, answered: 1, unanswered: 1, offTopic: 1 });
    expect(digest.unansweredQuestions).toEqual(['Hoeveel euro subsidie krijgen we precies?']);
    expect(digest.waitingForCoordinator.map((w) => w.text)).toEqual(['Hoeveel euro subsidie krijgen we precies?']);
    expect(digest.negativeFeedback).toEqual([
      { question: 'Wanneer moet het Plan van Aanpak binnen zijn?', reason: 'Ik wilde weten waar we het moeten inleveren' },
    ]);
    expect(digest.upcomingDeadlines[0]?.id).toBe('plan-van-aanpak');

    const coordinator = new ChatDriver(app, 'web:coord000', 'Carla', 'web');
    const md = (await coordinator.say('digest'))[0]?.text ?? '';
    expect(md).toContain('| Buurtplatform Wyck | ██░░░░░░░░ 2/9 | concept |');
    expect(md).toContain('Hoeveel euro subsidie krijgen we precies?');
    expect(md).toContain('Niet over de overstap (bijvoorbeeld het weer): 1.');
    expect(md).not.toContain('Wat voor weer');
    expect(await anna.sayText('digest')).toMatch(/alleen voor coördinatoren/);

    // The scheduled digest goes to the coordinator channel once per day.
    expect(await app.digests.send()).toEqual({ sent: 1, skipped: 0 });
    expect(await app.digests.send()).toEqual({ sent: 0, skipped: 1 });
  });
});
