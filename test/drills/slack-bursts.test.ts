/**
 * Drill: Slack answering with bursts of 429 and 5xx. Replies arrive later, each exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventEnvelope, sendToSlackEndpoint } from '../support/fake-slack.js';
import { SIGNING_SECRET, startHarness, type Harness } from '../slack/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    slack: { minIntervalMs: 0, tuning: { retries: 3, minRetryDelayMs: 50, maxRetryDelayMs: 200, requestTimeoutMs: 2000 } },
  });
});
afterAll(async () => {
  await h.close();
});

describe('Slack 429 and 5xx bursts', () => {
  it('delays replies through a burst of errors without losing or doubling any', async () => {
    // The first 6 posts fail: 429, 500, 503 in turn; everything after succeeds.
    let failures = 0;
    h.fake.override('chat.postMessage', () => {
      if (failures >= 6) return undefined;
      const kind = failures++ % 3;
      if (kind === 0) return { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } };
      return { status: kind === 1 ? 500 : 503, body: { ok: false, error: 'internal_error' } };
    });
    try {
      const channels = ['DB1', 'DB2', 'DB3', 'DB4', 'DB5'];
      await Promise.all(
        channels.map((channel, i) => {
          const ts = `148000500${i}.000100`;
          const body = JSON.stringify(eventEnvelope({ type: 'message', channel_type: 'im', channel, user: `U${i}`, text: 'hulp', ts }));
          return sendToSlackEndpoint(h.eventsUrl, body, { secret: SIGNING_SECRET });
        }),
      );
      const ok = () => h.fake.callsTo('chat.postMessage').filter((c) => (c.response as { ok?: boolean } | undefined)?.ok === true);
      await h.fake.waitFor(
        () =>
          channels.every((c) => h.fake.callsTo('chat.postMessage').some((x) => x.args.channel === c)) && failures >= 6 ? true : undefined,
        'all channels tried',
        15_000,
      );
      await h.app.turns.idle();
      await h.slack.idle();
      expect(failures).toBe(6);
      // Every channel got its answer, and exactly one successful copy of it.
      for (const channel of channels) {
        const delivered = ok().filter((c) => c.args.channel === channel);
        expect(delivered.length, channel).toBe(1);
      }
    } finally {
      h.fake.override('chat.postMessage', () => undefined);
    }
  }, 30_000);
});
