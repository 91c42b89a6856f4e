/**
 * Slack's limits: a 429 with Retry-After is waited out (the message arrives once, later), posts to
 * one channel are spaced, and a long message is split into several messages within Block Kit's
 * limits. Long texts come in through the Messenger (digests are the long ones).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventEnvelope, sendToSlackEndpoint } from '../support/fake-slack.js';
import { SIGNING_SECRET, sectionTexts, startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ slack: { minIntervalMs: 250 } });
});

afterAll(async () => {
  await h.close();
});

const postsTo = (channel: string) => h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

describe('Slack rate limits and message limits', () => {
  it('waits out a 429 (Retry-After) and then delivers the message exactly once', async () => {
    let refused = false;
    h.fake.override('chat.postMessage', (call) => {
      if (call.args.channel !== 'D429' || refused) return undefined;
      refused = true;
      return { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } };
    });
    try {
      const ts = '1480003000.000100';
      const body = JSON.stringify(eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D429', user: 'U1', text: 'hulp', ts }));
      expect((await sendToSlackEndpoint(h.eventsUrl, body, { secret: SIGNING_SECRET })).status).toBe(200);
      const [limited, delivered] = await h.fake.waitFor(() => postsTo('D429').length >= 2 && postsTo('D429'), 'the retried post', 5000);
      await h.app.turns.idle();
      await h.slack.idle();
      // One refused try, one delivery of the same message, at least Retry-After later.
      expect(postsTo('D429')).toHaveLength(2);
      expect(delivered?.args.text).toBe(limited?.args.text);
      expect((delivered?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(950);
      expect(h.logger.text()).toContain('Slack rate limit');
    } finally {
      h.fake.override('chat.postMessage', () => undefined);
    }
  });

  it('spaces posts to one channel but does not hold up another channel', async () => {
    const replies = [{ text: 'Een' }, { text: 'Twee' }, { text: 'Drie' }];
    const slow = h.slack.messenger.postToChannel('CPACE', replies);
    const other = h.slack.messenger.postToChannel('COTHER', [{ text: 'Ander kanaal' }]);
    await Promise.all([slow, other]);
    const times = postsTo('CPACE').map((c) => c.at);
    expect(postsTo('CPACE').map((c) => c.args.text)).toEqual(['Een', 'Twee', 'Drie']);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(240);
    expect((times[2] ?? 0) - (times[1] ?? 0)).toBeGreaterThanOrEqual(240);
    expect((postsTo('COTHER')[0]?.at ?? Infinity) - (times[0] ?? 0)).toBeLessThan(200);
  });

  it('splits a long message into several messages, each within Slack’s limits, losing nothing', async () => {
    const paragraph = (i: number) => `Alinea ${i}: ${'buurtnetwerk & plan <ok> '.repeat(40).trim()} einde-${i}.`;
    const text = Array.from({ length: 160 }, (_, i) => paragraph(i)).join('\n\n');
    expect(text.length).toBeGreaterThan(150_000);
    await h.slack.messenger.postToChannel('CLONG', [
      {
        kind: 'digest',
        text,
        citations: [{ id: 'rib', title: 'Raadsinformatiebrief', source: 'Gemeente Maastricht, 2016' }],
        buttons: [{ id: 'forward:q1', label: 'Doorsturen', typed: 'doorsturen' }],
      },
    ]);
    const posts = postsTo('CLONG');
    expect(posts.length).toBeGreaterThan(1);
    for (const post of posts) {
      const blocks = post.args.blocks as Array<{ type: string }>;
      expect(blocks.length).toBeLessThanOrEqual(50);
      expect(String(post.args.text).length).toBeLessThanOrEqual(40_000);
      for (const section of sectionTexts(post.args)) expect(section.length).toBeLessThanOrEqual(3000);
    }
    const all = posts.flatMap((p) => sectionTexts(p.args)).join('\n\n');
    for (let i = 0; i < 160; i += 1) expect(all).toContain(`einde-${i}.`);
    expect(all).toContain('buurtnetwerk &amp; plan &lt;ok&gt;');
    // Citations and buttons come once, after the last piece of text.
    const types = posts.map((p) => (p.args.blocks as Array<{ type: string }>).map((b) => b.type));
    expect(types.flat().filter((t) => t === 'actions')).toHaveLength(1);
    expect(types.at(-1)?.slice(-2)).toEqual(['context', 'actions']);
  });
});
