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

async function setup(names: Record<string, string>) {
  const fake = await FakeSlack.start({ names });
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
});
