/**
 * Socket Mode: the real Bolt SocketModeReceiver connects to the fake's WebSocket (the URL comes
 * from apps.connections.open), acks each envelope by its envelope_id, and answers via the Web API.
 * The last test goes through serve(), the way `buurtbot serve` starts Slack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../src/serve.js';
import { t } from '../../src/core/texts.js';
import { createTestApp } from '../support/app.js';
import { eventEnvelope, FakeSlack } from '../support/fake-slack.js';
import { APP_TOKEN, BOT_TOKEN, memoryLogger, sectionTexts, startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ mode: 'socket' });
});

afterAll(async () => {
  await h.close();
});

describe('Slack Socket Mode', () => {
  it('opens the connection with the app-level token and serves no HTTP endpoint', async () => {
    const [open] = await h.fake.waitForCalls('apps.connections.open', 1);
    expect(open?.token).toBe(APP_TOKEN);
    const res = await fetch(h.eventsUrl, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
  });

  it('acks an events_api envelope by its envelope_id and answers the DM via chat.postMessage', async () => {
    const ts = '1480001000.000100';
    const ack = await h.fake.deliver({
      envelope_id: 'env-dm-1',
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
      payload: eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'hulp', ts, event_ts: ts }),
    });
    expect(ack.envelope_id).toBe('env-dm-1');
    const [post] = await h.fake.waitFor(
      () =>
        h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'D1').length &&
        h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'D1'),
      'answer',
    );
    expect(post?.token).toBe(BOT_TOKEN);
    expect(sectionTexts(post?.args ?? {}).join('\n')).toContain(t('nl', 'help.intro'));
  });

  it('does not answer a redelivered envelope (retry_attempt) twice', async () => {
    const ts = '1480001001.000100';
    const payload = eventEnvelope(
      { type: 'app_mention', channel: 'C2', user: 'U2', text: '<@UBOT> hulp', ts, event_ts: ts },
      'EvSocketRetry',
    );
    await h.fake.deliver({
      envelope_id: 'env-r-1',
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
      payload,
    });
    await h.fake.deliver({
      envelope_id: 'env-r-2',
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 1,
      retry_reason: 'timeout',
      payload,
    });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').some((c) => c.args.channel === 'C2'), 'answer in C2');
    await h.app.turns.idle();
    await h.slack.idle();
    const posts = h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C2');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args.thread_ts).toBe(ts);
  });

  it('acknowledges an envelope only once the message is stored; one that could not be stored is left for redelivery', async () => {
    const ts = '1480001002.000100';
    const payload = eventEnvelope(
      { type: 'message', channel_type: 'im', channel: 'D7', user: 'U7', text: 'hulp', ts, event_ts: ts },
      'EvSocketFull',
    );
    const admit = h.app.inbox.admit.bind(h.app.inbox);
    let stored = false;
    h.app.inbox.admit = async (...args) => {
      if (!stored) throw new Error('SQLITE_FULL: database or disk is full');
      return admit(...args);
    };
    try {
      await expect(
        h.fake.deliver(
          { envelope_id: 'env-full-1', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload },
          1500,
        ),
      ).rejects.toThrow(/ack of env-full-1/);
      stored = true;
      const ack = await h.fake.deliver({
        envelope_id: 'env-full-2',
        type: 'events_api',
        accepts_response_payload: false,
        retry_attempt: 1,
        retry_reason: 'timeout',
        payload,
      });
      expect(ack.envelope_id).toBe('env-full-2');
    } finally {
      h.app.inbox.admit = admit;
    }
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').some((c) => c.args.channel === 'D7'), 'answer in D7');
    await h.app.turns.idle();
    await h.slack.idle();
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'D7')).toHaveLength(1);
  });

  it('acks a slash command envelope and answers through its response_url', async () => {
    const ack = await h.fake.deliver({
      envelope_id: 'env-cmd-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        token: 'x',
        team_id: 'T1',
        team_domain: 'buurten',
        channel_id: 'C3',
        channel_name: 'algemeen',
        user_id: 'U3',
        user_name: 'u3',
        command: '/buurtbot',
        text: 'hulp',
        api_app_id: 'A1',
        response_url: h.fake.responseUrl('socket-cmd'),
        trigger_id: 'trigger-socket-1',
      },
    });
    expect(ack.envelope_id).toBe('env-cmd-1');
    const [response] = await h.fake.waitFor(
      () => h.fake.responses.filter((r) => r.id === 'socket-cmd').length && h.fake.responses.filter((r) => r.id === 'socket-cmd'),
      'command answer',
    );
    expect(response?.body.response_type).toBe('ephemeral');
  });
});

describe('serve() with Slack in Socket Mode', () => {
  it('starts Slack next to the web chat and answers over the socket', async () => {
    const fake = await FakeSlack.start();
    const logger = memoryLogger();
    const app = await createTestApp({
      env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl, HOST: '127.0.0.1' },
      logger,
    });
    const running = await serve(app);
    try {
      await fake.socket();
      await fake.waitFor(() => logger.entries.some((e) => e.msg?.startsWith('Slack connected')), 'connected log line');
      const ts = '1480002000.000100';
      const ack = await fake.deliver({
        envelope_id: 'env-serve-1',
        type: 'events_api',
        accepts_response_payload: false,
        retry_attempt: 0,
        retry_reason: '',
        payload: eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D9', user: 'U9', text: 'hulp', ts, event_ts: ts }),
      });
      expect(ack.envelope_id).toBe('env-serve-1');
      await fake.waitForCalls('chat.postMessage', 1);
      // The web chat still answers on the same process.
      const res = await fetch(`${running.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: 'web-client-1', text: 'hulp' }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { replies: unknown[] }).replies.length).toBeGreaterThan(0);
      expect(logger.text()).not.toContain(BOT_TOKEN);
      expect(logger.text()).not.toContain(APP_TOKEN);
    } finally {
      await running.stop();
      await fake.close();
    }
  });
});
