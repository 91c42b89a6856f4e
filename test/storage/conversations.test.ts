import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/core/ports.js';
import { parseDatabaseUrl, DatabaseUrlError } from '../../src/storage/database-url.js';
import { openDatabase } from '../../src/storage/database.js';
import { StorageError } from '../../src/storage/errors.js';
import { ROOT_DIR } from '../../src/config/load.js';
import { createTestApp, tempDir } from '../support/app.js';
import { DB_KINDS } from '../support/databases.js';

describe('storage on SQLite', () => {
  it('creates the data folder and applies migrations once', async () => {
    const dir = tempDir();
    const url = `file:${path.join(dir, 'nested/deeper/bot.db')}`;
    const first = await openDatabase({ url, rootDir: ROOT_DIR, migrate: true });
    expect(first.migrations?.applied.length).toBeGreaterThan(0);
    await first.close();
    const second = await openDatabase({ url, rootDir: ROOT_DIR, migrate: true });
    expect(second.migrations?.applied).toEqual([]);
    await second.close();
    expect(fs.existsSync(path.join(dir, 'nested/deeper/bot.db'))).toBe(true);
  });

  it('names the path when the data folder is not writable', async () => {
    const dir = tempDir();
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked, { mode: 0o500 });
    // root can write anywhere; a file where a folder should be fails for everyone.
    const blocker = path.join(dir, 'blocker');
    fs.writeFileSync(blocker, 'not a folder');
    await expect(openDatabase({ url: `file:${blocker}/bot.db`, rootDir: ROOT_DIR, migrate: true })).rejects.toThrow(StorageError);
    await expect(openDatabase({ url: `file:${blocker}/bot.db`, rootDir: ROOT_DIR, migrate: true })).rejects.toThrow(blocker);
  });

  it('rejects an invalid DATABASE_URL with a message naming it', () => {
    expect(() => parseDatabaseUrl('mysql://x')).toThrow(DatabaseUrlError);
    expect(() => parseDatabaseUrl('mysql://x')).toThrow(/^DATABASE_URL: must start with "file:"/);
    expect(() => parseDatabaseUrl('postgres://u@host/')).toThrow(/no database name/);
    expect(parseDatabaseUrl('postgresql://u:p%40ss@db:6543/bb')).toMatchObject({
      kind: 'postgres',
      host: 'db',
      port: 6543,
      password: 'p@ss',
      database: 'bb',
    });
  });
});

describe.each(DB_KINDS)('conversations on %s', (db) => {
  it('a restart continues the conversation where it was', async () => {
    const app = await createTestApp({ db });
    const message = (id: string, text: string) => ({
      id,
      surface: 'web' as const,
      userRef: 'web:abcdefgh',
      userName: 'Anna',
      channelId: 'web:abcdefgh',
      text,
      direct: true,
    });
    await app.turns.dispatch(message('1', 'english'));
    const key = 'web|web:abcdefgh|-|web:abcdefgh';
    const before = await app.database.db.conversation.findUniqueOrThrow({ where: { key } });
    await app.close();

    const again = await createApp(app.config, { logger: silentLogger, clock: app.clock });
    const replies = await again.turns.dispatch(message('2', 'hello'));
    // The language chosen before the restart is still in force, and the transcript continues.
    expect(replies?.[0]?.text).toMatch(/^Hi Anna!/);
    const after = await again.database.db.conversation.findUniqueOrThrow({ where: { key }, include: { messages: true } });
    expect(after.id).toBe(before.id);
    expect(after.messages.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['english', 'hello']);
    await again.close();
  });

  it('detects a concurrent state write instead of losing it', async () => {
    const app = await createTestApp({ db });
    const user = await app.users.touch('cli:x');
    const open = () => app.conversations.open({ key: 'k', userId: user.id, surface: 'cli', channelId: 'c', initial: { n: 0 } });
    const a = await open();
    const b = await open();
    a.state = { n: 1 };
    b.state = { n: 2 };
    expect(await app.conversations.finishTurn(a, [])).toBe(true);
    expect(await app.conversations.finishTurn(b, [])).toBe(false);
    expect((await open()).state).toEqual({ n: 1 });
    await app.close();
  });
});
