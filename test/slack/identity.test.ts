/**
 * The Slack identity cache, with the real WebClient against the fake Slack: a person never seen
 * waits for users.info once; after the TTL the known name is served at once and refreshed behind.
 * The cache's clock is moved by hand, so nothing depends on how fast this machine is.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { SlackIdentity } from '../../src/adapters/slack/identity.js';
import { silentLogger } from '../../src/core/ports.js';
import { FakeSlack } from '../support/fake-slack.js';

const HOUR = 3_600_000;
const fakes: FakeSlack[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function setup(names: Record<string, string>, members?: string[]) {
  const fake = await FakeSlack.start({ names, ...(members ? { members } : {}) });
  fakes.push(fake);
  const clock = { now: 1_000_000 };
  // No retries: a failing users.info must fail at once in the test.
  const client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  const identity = new SlackIdentity(client, { logger: silentLogger, ttlMs: HOUR, failureTtlMs: HOUR, now: () => clock.now });
  return { fake, identity, clock };
}

describe('SlackIdentity', () => {
  it('serves the known name after the TTL at once and picks up the new one behind the scenes', async () => {
    const names = { U1: 'Anna' };
    const { fake, identity, clock } = await setup(names);
    expect(await identity.person('U1')).toEqual({ name: 'Anna', timeZone: 'Europe/Amsterdam' });
    expect((await identity.person('U1')).name).toBe('Anna');
    expect(fake.callsTo('users.info')).toHaveLength(1);

    names.U1 = 'Anna B';
    clock.now += HOUR + 1;
    // Expired: answered from the cache without waiting, while users.info is asked again.
    expect((await identity.person('U1')).name).toBe('Anna');
    await fake.waitForCalls('users.info', 2);
    // The refresh lands shortly after users.info answers (the clock stands still, so nothing expires).
    let name: string | undefined;
    for (let i = 0; i < 200 && name !== 'Anna B'; i++) {
      name = (await identity.person('U1')).name;
      if (name !== 'Anna B') await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(name).toBe('Anna B');
    // Fresh again: no further lookups.
    expect(fake.callsTo('users.info')).toHaveLength(2);
  });

  it('keeps the known name when a refresh fails', async () => {
    const { fake, identity, clock } = await setup({ U2: 'Bram' });
    expect((await identity.person('U2')).name).toBe('Bram');
    fake.override('users.info', () => ({ body: { ok: false, error: 'user_not_found' } }));
    clock.now += HOUR + 1;
    expect((await identity.person('U2')).name).toBe('Bram');
    await fake.waitForCalls('users.info', 2);
    // However the refresh ended, the name stays.
    for (let i = 0; i < 5; i++) expect((await identity.person('U2')).name).toBe('Bram');
  });

  it("reads the member list page by page, so a member's first message needs no users.info", async () => {
    const members = Array.from({ length: 450 }, (_, i) => `M${i}`);
    const { fake, identity } = await setup({ M0: 'Carla', M449: 'Dirk' }, members);
    expect(await identity.loadDirectory()).toBe(450);
    expect(fake.callsTo('users.list')).toHaveLength(3);
    expect(await identity.person('M0')).toEqual({ name: 'Carla', timeZone: 'Europe/Amsterdam' });
    expect((await identity.person('M449')).name).toBe('Dirk');
    expect(fake.callsTo('users.info')).toHaveLength(0);
    // Someone not in the list (joined later, another workspace) is still looked up.
    expect((await identity.person('X1')).name).toBe('Anna');
    expect(fake.callsTo('users.info')).toHaveLength(1);
  });

  it('takes names from team_join / user_change user objects', async () => {
    const { fake, identity } = await setup({ U3: 'Old name' });
    expect((await identity.person('U3')).name).toBe('Old name');
    identity.remember({ id: 'U3', name: 'eva', profile: { display_name: 'Eva', real_name: 'Eva de Vries' }, tz: 'Europe/Brussels' });
    expect(await identity.person('U3')).toEqual({ name: 'Eva', timeZone: 'Europe/Brussels' });
    identity.remember({ id: 'U4', name: 'frits', profile: { display_name: '', real_name: 'Frits' } });
    expect((await identity.person('U4')).name).toBe('Frits');
    expect(fake.callsTo('users.info')).toHaveLength(1);
  });

  it('waits out a rate limit on the member list (Retry-After) and reads on from the same page', async () => {
    const members = Array.from({ length: 250 }, (_, i) => `R${i}`);
    const fake = await FakeSlack.start({ names: { R249: 'Henk' }, members });
    fakes.push(fake);
    fake.override('users.list', (_call, index) =>
      index === 1 ? { status: 429, headers: { 'retry-after': '2' }, body: { ok: false, error: 'ratelimited' } } : undefined,
    );
    const client = new webApi.WebClient('xoxb-test', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    const waits: number[] = [];
    const identity = new SlackIdentity(client, { logger: silentLogger, sleep: async (ms) => void waits.push(ms) });
    expect(await identity.loadDirectory()).toBe(250);
    expect(waits).toEqual([2000]);
    // Page one, the refused page two, page two again.
    expect(fake.callsTo('users.list').map((c) => c.args.cursor ?? '')).toEqual(['', '200', '200']);
    expect((await identity.person('R249')).name).toBe('Henk');
    expect(fake.callsTo('users.info')).toHaveLength(0);
  });

  it('falls back to users.info when the member list cannot be read', async () => {
    const { fake, identity } = await setup({ U5: 'Gerda' }, ['U5']);
    fake.override('users.list', () => ({ body: { ok: false, error: 'missing_scope' } }));
    expect(await identity.loadDirectory()).toBe(0);
    expect((await identity.person('U5')).name).toBe('Gerda');
    expect(fake.callsTo('users.info')).toHaveLength(1);
  });
});
