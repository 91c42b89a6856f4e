import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
    expect(mine).toContain('Stukken van een plan geschreven: 2');
    expect(mine).toContain('Vragen gesteld: 1');

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

  it('retention deletes old chat messages but keeps recent ones', async () => {
    const anna = new ChatDriver(app, 'web:anna0000', 'Anna', 'web');
    await anna.say('hulp');
    const old = new Date(Date.now() - 400 * 86_400_000);
    await app.database.db.message.updateMany({ data: { createdAt: old } });
    await anna.say('hulp');
    const removed = await app.privacy.pruneMessages(new Date(Date.now() - 365 * 86_400_000));
    expect(removed).toBe(2);
    expect(await app.database.db.message.count()).toBe(2);
  });
});
