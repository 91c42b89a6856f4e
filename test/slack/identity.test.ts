/**
 * The Slack identity cache, with the real WebClient against the fake Slack: a person never seen
 * waits for users.info once; after the TTL the known name is served at once and refreshed behind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { SlackIdentity } from '../../src/adapters/slack/identity.js';
import { silentLogger } from '../../src/core/ports.js';
import { FakeSlack } from '../support/fake-slack.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fakes: FakeSlack[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function setup(names: Record<string, string>) {
  const fake = await FakeSlack.start({ names });
  fakes.push(fake);
  // No retries: a failing users.info must fail at once in the test.
  const client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  return { fake, identity: new SlackIdentity(client, { logger: silentLogger, ttlMs: 50, failureTtlMs: 50 }) };
}

describe('SlackIdentity', () => {
  it('serves the known name after the TTL at once and picks up the new one behind the scenes', async () => {
    const names = { U1: 'Anna' };
    const { fake, identity } = await setup(names);
    expect(await identity.person('U1')).toEqual({ name: 'Anna', timeZone: 'Europe/Amsterdam' });
    expect((await identity.person('U1')).name).toBe('Anna');
    expect(fake.callsTo('users.info')).toHaveLength(1);

    names.U1 = 'Anna B';
    await sleep(80);
    // Expired: answered from the cache without waiting, while users.info is asked again.
    expect((await identity.person('U1')).name).toBe('Anna');
    await fake.waitForCalls('users.info', 2);
    for (let i = 0; i < 100 && (await identity.person('U1')).name !== 'Anna B'; i++) await sleep(10);
    expect((await identity.person('U1')).name).toBe('Anna B');
    expect(fake.callsTo('users.info')).toHaveLength(2);
  });

  it('keeps the known name when a refresh fails', async () => {
    const { fake, identity } = await setup({ U2: 'Bram' });
    expect((await identity.person('U2')).name).toBe('Bram');
    fake.override('users.info', () => ({ body: { ok: false, error: 'user_not_found' } }));
    await sleep(80);
    expect((await identity.person('U2')).name).toBe('Bram');
    await fake.waitForCalls('users.info', 2);
    await sleep(20);
    expect((await identity.person('U2')).name).toBe('Bram');
  });
});
