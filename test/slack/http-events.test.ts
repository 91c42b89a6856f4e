/**
 * Signed HTTP events through our own WebServer at /slack/events, handled by the real Bolt App,
 * answered through the fake Slack Web API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/core/texts.js';
import { eventEnvelope, sendToSlackEndpoint, slackSignature } from '../support/fake-slack.js';
import { SIGNING_SECRET, sectionTexts, startHarness, type Harness } from './harness.js';

let h: Harness;
let tsCounter = 1_480_000_100;
const nextTs = () => `${(tsCounter += 1)}.000100`;

beforeAll(async () => {
  h = await startHarness({ fake: { names: { UEVIL: '<!channel> & <@U1>', UMEM: 'Ilse' }, members: ['UMEM', 'UCHG'] } });
});

afterAll(async () => {
  await h.close();
});

async function sendEvent(event: Record<string, unknown>, options: { eventId?: string; retryNum?: number } = {}): Promise<Response> {
  const body = JSON.stringify(eventEnvelope(event, options.eventId));
  return sendToSlackEndpoint(h.eventsUrl, body, {
    secret: SIGNING_SECRET,
    ...(options.retryNum !== undefined ? { retryNum: options.retryNum } : {}),
  });
}

function postsTo(channel: string) {
  return h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
}

describe('Slack HTTP events', () => {
  it('answers Slack’s URL verification with the challenge', async () => {
    const body = JSON.stringify({ token: 'x', challenge: 'c-123', type: 'url_verification' });
    const res = await sendToSlackEndpoint(h.eventsUrl, body, { secret: SIGNING_SECRET });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'c-123' });
  });

  it('answers a mention in a channel in the thread of that mention, with the bot token', async () => {
    const ts = nextTs();
    const res = await sendEvent({ type: 'app_mention', user: 'U1', text: '<@UBOT> help', ts, channel: 'C1', event_ts: ts });
    expect(res.status).toBe(200);
    const [post] = await h.fake.waitFor(() => (postsTo('C1').length ? postsTo('C1') : undefined), 'answer in C1');
    expect(post?.args.thread_ts).toBe(ts);
    expect(post?.token).toMatch(/^xoxb-/);
    // "help" alone may read as Dutch or English; either way it is the help overview.
    expect(sectionTexts(post?.args ?? {}).join('\n')).toMatch(new RegExp(`${t('en', 'help.intro')}|${t('nl', 'help.intro')}`));
    const inbound = h.inbound.find((m) => m.channelId === 'C1');
    expect(inbound).toMatchObject({
      surface: 'slack',
      userRef: 'slack:T1:U1',
      userName: 'Anna',
      text: 'help',
      threadId: ts,
      direct: true,
      id: `C1:${ts}`,
    });
    // A fast answer is acknowledgement enough: no 👀 added and removed around it.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(h.fake.callsTo('reactions.add').find((c) => c.args.timestamp === ts)).toBeUndefined();
  });

  it('puts 👀 on a mention whose answer takes more than a second, without delaying the ack, and takes it off after the answer', async () => {
    const ts = nextTs();
    // Slack is slow to take the answer: the turn is not done within a second.
    h.fake.override('chat.postMessage', (call) =>
      call.args.channel === 'C2' ? { body: { ok: true, ts: nextTs() }, delayMs: 1500 } : undefined,
    );
    h.fake.override('reactions.add', (call) => (call.args.timestamp === ts ? { body: { ok: true }, delayMs: 1000 } : undefined));
    const started = Date.now();
    const res = await sendEvent({ type: 'app_mention', user: 'U1', text: '<@UBOT> help', ts, channel: 'C2', event_ts: ts });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(800);
    const added = await h.fake.waitFor(() => h.fake.callsTo('reactions.add').find((c) => c.args.timestamp === ts), 'the 👀 added');
    expect(added.args).toMatchObject({ channel: 'C2', name: 'eyes' });
    const removed = await h.fake.waitFor(() => h.fake.callsTo('reactions.remove').find((c) => c.args.timestamp === ts), 'removed');
    const posted = h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'C2');
    // Off only once the answer was taken (1.5 s) and after the add's own answer arrived (1 s: had the add
    // been awaited before the event was stored, as it once was, the ack above would have taken that second).
    expect(removed.at - (posted?.at ?? 0)).toBeGreaterThanOrEqual(1400);
    expect(removed.at - added.at).toBeGreaterThanOrEqual(900);
  });

  it('moves `@buurtbot plan` in a channel to the DM, telling only the person where, with a link', async () => {
    const ts = nextTs();
    await sendEvent({ type: 'app_mention', user: 'U7', text: '<@UBOT> plan', ts, channel: 'C7', event_ts: ts });
    const [note] = await h.fake.waitFor(
      () =>
        h.fake.callsTo('chat.postEphemeral').filter((c) => c.args.channel === 'C7').length
          ? h.fake.callsTo('chat.postEphemeral').filter((c) => c.args.channel === 'C7')
          : undefined,
      'note in C7',
    );
    expect(note?.args.user).toBe('U7');
    expect(JSON.stringify(note?.args)).toMatch(/<https:\/\/app\.slack\.com\/client\/T1\/DU7\|[^>]*buurtbot>/);
    // Nothing about the plan in the channel itself; the plan flow answers in the DM.
    expect(postsTo('C7')).toEqual([]);
    const inbound = h.inbound.find((m) => m.id === `C7:${ts}`);
    expect(inbound).toMatchObject({ channelId: 'DU7', text: 'plan' });
    await h.fake.waitFor(() => (postsTo('DU7').length ? postsTo('DU7') : undefined), 'plan answer in the DM');
  });

  it('answers a DM directly (no thread), in Dutch for a Dutch message', async () => {
    const ts = nextTs();
    await sendEvent({ type: 'message', channel_type: 'im', channel: 'D2', user: 'U2', text: 'hulp', ts, event_ts: ts });
    const [post] = await h.fake.waitFor(() => (postsTo('D2').length ? postsTo('D2') : undefined), 'answer in D2');
    expect(post?.args.thread_ts).toBeUndefined();
    expect(sectionTexts(post?.args ?? {}).join('\n')).toContain(t('nl', 'help.intro'));
  });

  it('knows members from the member list and user_change events without asking users.info', async () => {
    expect(await h.slack.directory).toBe(2);
    const before = h.fake.callsTo('users.info').length;
    const ts = nextTs();
    await sendEvent({ type: 'message', channel_type: 'im', channel: 'DMEM', user: 'UMEM', text: 'hulp', ts, event_ts: ts });
    await h.fake.waitFor(() => postsTo('DMEM').length > 0, 'answer in DMEM');
    expect(h.inbound.find((m) => m.channelId === 'DMEM')?.userName).toBe('Ilse');
    // A new display name arrives as an event; the next message carries it.
    const changeTs = nextTs();
    const change = { type: 'user_change', user: { id: 'UCHG', name: 'jan', profile: { display_name: 'Jan Renamed' } }, event_ts: changeTs };
    expect((await sendEvent(change)).status).toBe(200);
    // Bolt runs the listener right after the ack; give it a moment before the next event.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const ts2 = nextTs();
    await sendEvent({ type: 'message', channel_type: 'im', channel: 'DCHG', user: 'UCHG', text: 'hulp', ts: ts2, event_ts: ts2 });
    await h.fake.waitFor(() => postsTo('DCHG').length > 0, 'answer in DCHG');
    expect(h.inbound.find((m) => m.channelId === 'DCHG')?.userName).toBe('Jan Renamed');
    expect(h.fake.callsTo('users.info').length).toBe(before);
  });

  it('answers a retried delivery (X-Slack-Retry-Num) only once', async () => {
    const ts = nextTs();
    const event = { type: 'message', channel_type: 'im', channel: 'D3', user: 'U3', text: 'hulp', ts, event_ts: ts };
    expect((await sendEvent(event, { eventId: 'EvRetry1' })).status).toBe(200);
    expect((await sendEvent(event, { eventId: 'EvRetry1', retryNum: 1 })).status).toBe(200);
    expect((await sendEvent(event, { eventId: 'EvRetry1', retryNum: 2 })).status).toBe(200);
    await h.fake.waitFor(() => postsTo('D3').length > 0, 'answer in D3');
    await h.app.turns.idle();
    await h.slack.idle();
    expect(postsTo('D3')).toHaveLength(1);
    // Repeats are dropped before the core: it sees the message once.
    expect(h.inbound.filter((m) => m.channelId === 'D3')).toHaveLength(1);
  });

  it('does not acknowledge an event it could not store: Slack gets a 503, retries, and the retry is answered once', async () => {
    const ts = nextTs();
    const event = { type: 'message', channel_type: 'im', channel: 'D9', user: 'U9', text: 'hulp', ts, event_ts: ts };
    const admit = h.app.inbox.admit.bind(h.app.inbox);
    h.app.inbox.admit = async () => {
      throw new Error('SQLITE_FULL: database or disk is full');
    };
    try {
      expect((await sendEvent(event, { eventId: 'EvFull' })).status).toBe(503);
    } finally {
      h.app.inbox.admit = admit;
    }
    expect((await sendEvent(event, { eventId: 'EvFull', retryNum: 1 })).status).toBe(200);
    await h.fake.waitFor(() => postsTo('D9').length > 0, 'answer in D9');
    await h.app.turns.idle();
    await h.slack.idle();
    expect(postsTo('D9')).toHaveLength(1);
  });

  it('rejects a bad signature and a stale one with 401, and the core never sees them', async () => {
    const ts = nextTs();
    const body = JSON.stringify(eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D4', user: 'U4', text: 'hulp', ts }));
    const bad = await sendToSlackEndpoint(h.eventsUrl, body, {
      secret: SIGNING_SECRET,
      signature: slackSignature('wrong-secret', Math.floor(Date.now() / 1000), body),
    });
    expect(bad.status).toBe(401);
    const staleAt = Math.floor(Date.now() / 1000) - 10 * 60;
    const stale = await sendToSlackEndpoint(h.eventsUrl, body, { secret: SIGNING_SECRET, timestamp: staleAt });
    expect(stale.status).toBe(401);
    const future = await sendToSlackEndpoint(h.eventsUrl, body, {
      secret: SIGNING_SECRET,
      timestamp: Math.floor(Date.now() / 1000) + 10 * 60,
    });
    expect(future.status).toBe(401);
    const unsigned = await fetch(h.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);
    await h.app.turns.idle();
    expect(h.inbound.some((m) => m.channelId === 'D4')).toBe(false);
    expect(h.logger.text()).toContain('signature rejected');
    expect(h.logger.text()).not.toContain(SIGNING_SECRET);
  });

  it('never answers its own messages, other bots, or edits', async () => {
    const own = nextTs();
    await sendEvent({
      type: 'message',
      channel_type: 'im',
      channel: 'D5',
      user: 'UBOT',
      bot_id: 'BBOT',
      text: 'Dit kan ik voor je doen:',
      ts: own,
    });
    const otherBot = nextTs();
    await sendEvent({ type: 'app_mention', channel: 'C5', user: 'U9', bot_id: 'B9', text: '<@UBOT> hulp', ts: otherBot });
    const edit = nextTs();
    await sendEvent({
      type: 'message',
      subtype: 'message_changed',
      channel_type: 'im',
      channel: 'D5',
      hidden: true,
      message: { user: 'U5', text: 'hulp' },
      ts: edit,
    });
    const joined = nextTs();
    await sendEvent({
      type: 'message',
      subtype: 'channel_join',
      channel_type: 'im',
      channel: 'D5',
      user: 'U5',
      text: 'joined',
      ts: joined,
    });
    // Then a person: this one is answered, and it is the only one that reached the core.
    const person = nextTs();
    await sendEvent({ type: 'message', channel_type: 'im', channel: 'D5', user: 'U5', text: 'hulp', ts: person });
    await h.fake.waitFor(() => postsTo('D5').length > 0, 'answer to the person');
    await h.app.turns.idle();
    await h.slack.idle();
    expect(postsTo('D5')).toHaveLength(1);
    expect(postsTo('C5')).toHaveLength(0);
    expect(h.inbound.filter((m) => m.channelId === 'D5' || m.channelId === 'C5').map((m) => m.id)).toEqual([`D5:${person}`]);
  });

  it('escapes user text in replies: a name like "<!channel> & <@U1>" cannot ping anyone', async () => {
    const ts = nextTs();
    await sendEvent({ type: 'message', channel_type: 'im', channel: 'D6', user: 'UEVIL', text: 'hallo', ts });
    const [greeting] = await h.fake.waitFor(() => (postsTo('D6').length ? postsTo('D6') : undefined), 'greeting');
    const mrkdwn = sectionTexts(greeting?.args ?? {}).join('\n');
    expect(mrkdwn).toContain('&lt;!channel&gt; &amp; &lt;@U1&gt;');
    expect(mrkdwn).not.toMatch(/<!channel>|<@U1>/);
    expect(String(greeting?.args.text)).not.toMatch(/<!channel>|<@U1>/);
  });

  it('turns Slack markup in a message into plain text for the core', async () => {
    const ts = nextTs();
    await sendEvent({
      type: 'message',
      channel_type: 'im',
      channel: 'D7',
      user: 'U7',
      text: '<@UBOT> vraag &amp; <@U1|piet> <!channel> <https://example.org|site> &lt;3',
      ts,
    });
    const inbound = await h.fake.waitFor(() => h.inbound.find((m) => m.channelId === 'D7'), 'inbound D7');
    expect(inbound.text).toBe('vraag & @piet @channel site (https://example.org) <3');
  });
});
