/**
 * The conversation engine on the real per-turn stores (both databases): what a turn leaves in the
 * transcript and the state when it succeeds, when a feature fails, and when the person is forgotten.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/core/clock.js';
import { ConversationEngine } from '../../src/core/engine.js';
import type { InboundMessage } from '../../src/core/messages.js';
import { silentLogger } from '../../src/core/ports.js';
import type { Feature } from '../../src/core/turn.js';
import { ROOT_DIR } from '../../src/config/load.js';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { createTurnStores } from '../../src/storage/turn-stores.js';
import { DB_KINDS, freshDatabaseUrl } from '../support/databases.js';

const open: Database[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()));
});

/** Counts turns in the state, fails on "boom", marks the person forgotten on "forget". */
const counter: Feature = {
  name: 'counter',
  async handle(turn) {
    if (turn.text === 'boom') throw new Error('feature failed');
    if (turn.text === 'forget') {
      turn.forgotten = true;
      return [{ kind: 'info', text: 'forgotten' }];
    }
    const state = turn.state as { count?: number };
    const count = (state.count ?? 0) + 1;
    state.count = count;
    return [
      { kind: 'info', text: `turn ${count}` },
      { kind: 'info', text: 'second line' },
    ];
  },
};

const message = (id: string, text: string): InboundMessage => ({
  id,
  surface: 'cli',
  userRef: 'cli:anna',
  channelId: 'cli:anna',
  text,
  direct: true,
});

describe.each(DB_KINDS)('the engine on %s', (kind) => {
  it('writes the message, the replies in order and the state at the end of a turn; keeps the message when a feature fails', async () => {
    const database = await openDatabase({ url: await freshDatabaseUrl(kind), rootDir: ROOT_DIR, migrate: true });
    open.push(database);
    const stores = createTurnStores(database);
    const engine = new ConversationEngine({
      users: stores.users,
      conversations: stores.conversations,
      features: [counter],
      clock: new FixedClock(new Date('2016-11-28T10:00:00Z')),
      logger: silentLogger,
      detectLanguage: (_text, fallback) => fallback,
      maxMessageLength: 4000,
    });

    const first = await engine.handle(message('1', 'hallo'));
    expect(first.map((r) => r.text)).toEqual(['turn 1', 'second line']);
    // Every reply carries the turn's language, for the words a surface adds itself.
    expect(first.map((r) => r.language)).toEqual(['nl', 'nl']);
    expect((await engine.handle({ ...message('1b', 'again'), language: 'en' }))[0]?.language).toBe('en');
    expect((await engine.handle(message('2', 'nog eens')))[0]?.text).toBe('turn 3');
    await expect(engine.handle(message('3', 'boom'))).rejects.toThrow('feature failed');
    expect(await engine.handle(message('4', 'forget'))).toHaveLength(1);

    const conversation = await database.db.conversation.findUniqueOrThrow({ where: { key: 'cli|cli:anna|-|cli:anna' } });
    expect(JSON.parse(conversation.state)).toEqual({ count: 3 });
    expect(conversation.version).toBe(3);
    const transcript = await stores.conversations.recentMessages(conversation.id, 20);
    expect(transcript.map((m) => `${m.direction} ${m.text}`)).toEqual([
      'in hallo',
      'out turn 1',
      'out second line',
      'in again',
      'out turn 2',
      'out second line',
      'in nog eens',
      'out turn 3',
      'out second line',
      // The failed turn keeps what the person wrote; the forgotten one writes nothing back.
      'in boom',
    ]);
  });
});
