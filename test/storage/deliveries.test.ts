/**
 * The delivery store on both databases: which keys a tick may skip without claiming them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/config/load.js';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { MAX_TOTAL_ATTEMPTS, PrismaDeliveryStore } from '../../src/storage/repositories/deliveries.js';
import { DB_KINDS, freshDatabaseUrl } from '../support/databases.js';

const open: Database[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()));
});

describe.each(DB_KINDS)('deliveries on %s', (kind) => {
  it('settled: sent, skipped, claimed and given-up keys, not the ones a later tick may retry', async () => {
    const database = await openDatabase({ url: await freshDatabaseUrl(kind), rootDir: ROOT_DIR, migrate: true });
    open.push(database);
    const store = new PrismaDeliveryStore(database.db);
    const info = { target: 'slack:C1', text: 'Nog 7 dagen' };
    for (const key of ['sent', 'skipped', 'claimed', 'failed-once', 'given-up']) expect(await store.claim(key, info)).toBe(true);
    await store.markSent('sent');
    await store.markSkipped('skipped');
    await store.markFailed('failed-once', 'Slack down', 3);
    await store.markFailed('given-up', 'Slack down', MAX_TOTAL_ATTEMPTS);

    // More keys than one query takes, most of them never claimed.
    const asked = ['sent', 'skipped', 'claimed', 'failed-once', 'given-up', ...Array.from({ length: 1200 }, (_, i) => `other-${i}`)];
    expect([...(await store.settled(asked))].sort()).toEqual(['claimed', 'given-up', 'sent', 'skipped']);
    // The one not settled can indeed be claimed again, once.
    expect(await store.claim('failed-once', info)).toBe(true);
    expect(await store.claim('failed-once', info)).toBe(false);
  });
});
