/**
 * One command table per feature: no two features claim a word at the same moment, and the words
 * that work anywhere (privacy, language) are never taken as the answer to a plan step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandConflicts } from '../../src/core/commands.js';
import { TYPED } from '../../src/core/features/plan/texts.js';
import { PLAN_WORDS } from '../../src/core/features/plan/words.js';
import { ANSWERS, ChatDriver } from '../support/chat.js';
import { createTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ now: '2016-12-01T10:00:00+01:00' });
});
afterAll(async () => {
  await app.close();
});

describe('command tables', () => {
  it('no two features of the running bot claim one word in scopes that hold at once', () => {
    expect(app.engine.features.filter((f) => f.commands).map((f) => f.name)).toEqual(
      expect.arrayContaining(['plan', 'account', 'ask', 'help', 'language', 'membership', 'device-link']),
    );
    expect(commandConflicts(app.engine.features)).toEqual([]);
  });

  it('every typed twin of a plan button is a word of that command, in both languages', () => {
    for (const [command, twin] of Object.entries(TYPED)) {
      const words: readonly string[] = PLAN_WORDS[command as keyof typeof PLAN_WORDS];
      expect(words, command).toContain(twin.nl);
      expect(words, command).toContain(twin.en);
    }
  });

  it('the check finds a real conflict (a word claimed anywhere and in a flow, or twice outside a flow)', () => {
    const conflicts = commandConflicts([
      {
        name: 'a',
        commands: [
          { id: 'stop', words: ['Stop!'], scope: 'anywhere' },
          { id: 'list', words: ['lijst'], scope: 'outside-flow' },
        ],
      },
      {
        name: 'b',
        commands: [
          { id: 'pause', words: ['stop'], scope: 'in-flow' },
          { id: 'list', words: ['lijst'], scope: 'outside-flow' },
          { id: 'yes', words: ['ja'], scope: 'pending' },
        ],
      },
      { name: 'c', commands: [{ id: 'yes', words: ['ja'], scope: 'in-flow' }] },
    ]);
    expect(conflicts).toEqual([
      '"stop": a.stop (anywhere) and b.pause (in-flow)',
      '"lijst": a.list (outside-flow) and b.list (outside-flow)',
    ]);
  });

  it('in the middle of a plan step, privacy and language commands are heard and nothing is saved as the answer', async () => {
    const wyck = await app.platforms.create({ name: 'Buurtplatform Wyck' });
    await app.platforms.addMember(wyck.id, 'web:anna0000', 'board');
    const anna = new ChatDriver(app, 'web:anna0000', 'Anna', 'web');
    expect(await anna.sayText('plan')).toMatch(/Stap 1/);

    expect(await anna.sayText('mijn gegevens')).toContain('Dit heb ik over je opgeslagen');
    expect(await anna.sayText('vergeet mij')).toContain('Weet je het zeker?');
    // The forget question was asked last: its "nee" is not the plan's "nee".
    expect(await anna.sayText('nee')).toContain('niets verwijderd');
    expect(await anna.sayText('herinneringen uit')).toContain('geen persoonlijke herinneringen');
    expect(await app.database.db.planDraft.count()).toBe(0);
    expect((await app.plans.load(wyck)).sections['platform-en-buurt']).toBeUndefined();

    // Still at step 1: the real answer is taken.
    expect(await anna.sayText(ANSWERS['platform-en-buurt'])).toMatch(/Stap 2|opgeslagen/);
    expect((await app.plans.load(wyck)).sections['platform-en-buurt']?.text).toBe(ANSWERS['platform-en-buurt']);
  });
});

describe('buttons from an earlier step', () => {
  it('a stale "Overslaan" explains and changes nothing; the current step’s own button still works', async () => {
    const heer = await app.platforms.create({ name: 'Buurtplatform Heer' });
    await app.platforms.addMember(heer.id, 'web:bram0000', 'board');
    const bram = new ChatDriver(app, 'web:bram0000', 'Bram', 'web');
    const opened = await bram.say('plan');
    const oldSkip = opened.flatMap((r) => r.buttons ?? []).find((b) => b.id.startsWith('plan:skip@'));
    expect(oldSkip?.id).toBe('plan:skip@answer/platform-en-buurt');
    const next = await bram.say(ANSWERS['platform-en-buurt']);
    const currentSkip = next.flatMap((r) => r.buttons ?? []).find((b) => b.id.startsWith('plan:skip@'));
    expect(currentSkip?.id).not.toBe(oldSkip?.id);

    const stale = await bram.press(oldSkip!.id);
    expect(stale[0]?.text).toMatch(/Die knop hoort bij een eerdere stap, dus ik heb niets veranderd/);
    const stepOf = async () => {
      const row = await app.database.db.conversation.findFirstOrThrow({ where: { user: { ref: 'web:bram0000' } } });
      return (JSON.parse(row.state) as { plan?: { sectionId?: string; skipped?: string[] } }).plan;
    };
    const before = await stepOf();
    expect(before?.sectionId).not.toBe('platform-en-buurt');
    expect(before?.skipped ?? []).toEqual([]);
    // Only the current step's button acts: it skips the step Bram is on.
    const skipped = await bram.press(currentSkip!.id);
    expect(skipped.map((r) => r.text).join('\n')).not.toMatch(/eerdere stap/);
    expect((await stepOf())?.skipped).toEqual([before?.sectionId]);
  });
});
