/**
 * The Messenger side: channel names resolved at startup, coordinator and announcement posts through
 * the app's outbox, personal messages into the DM, and names cached (one users.info per person).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventEnvelope, sendToSlackEndpoint } from '../support/fake-slack.js';
import { SIGNING_SECRET, startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    env: { SLACK_ANNOUNCE_CHANNEL: '#Buurtbot-Nieuws', SLACK_COORDINATOR_CHANNEL: 'C0COORD01' },
    fake: {
      channels: [
        { id: 'C0GENERAL', name: 'algemeen' },
        { id: 'C0NEWS01', name: 'buurtbot-nieuws' },
      ],
    },
  });
});

afterAll(async () => {
  await h.close();
});

const postsTo = (channel: string) => h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
const send = (event: Record<string, unknown>) =>
  sendToSlackEndpoint(h.eventsUrl, JSON.stringify(eventEnvelope(event)), { secret: SIGNING_SECRET });

describe('Slack messenger', () => {
  it('resolves channel names via conversations.list and keeps ids as they are', () => {
    expect(h.slack.messenger.channels).toEqual({ announcements: 'C0NEWS01', coordinators: 'C0COORD01' });
    expect(h.fake.callsTo('conversations.list')[0]?.args).toMatchObject({
      types: 'public_channel,private_channel',
      exclude_archived: 'true',
    });
  });

  it('is registered with the outbox: coordinator notices and announcements land in their channels', async () => {
    await h.app.outbox.toCoordinators([{ kind: 'notice', text: 'Buurtplatform Wyck heeft het plan *ingediend*.' }]);
    await h.app.outbox.toAnnouncements([{ kind: 'notice', text: 'Nog 3 dagen tot de deadline.' }]);
    expect(postsTo('C0COORD01').map((c) => c.args.text)).toEqual(['Buurtplatform Wyck heeft het plan *ingediend*.']);
    expect(postsTo('C0NEWS01').map((c) => c.args.text)).toEqual(['Nog 3 dagen tot de deadline.']);
  });

  it('sends a personal message into the person’s DM', async () => {
    await h.app.outbox.toUser('slack:T1:U77', [
      { kind: 'notice', text: 'Herinnering: jullie plan mist nog 2 onderdelen.', ephemeral: true },
    ]);
    expect(h.fake.callsTo('conversations.open').some((c) => c.args.users === 'U77')).toBe(true);
    expect(postsTo('DU77').map((c) => c.args.text)).toEqual(['Herinnering: jullie plan mist nog 2 onderdelen.']);
  });

  it('reports a channel name that does not exist', async () => {
    const other = await startHarness({ env: { SLACK_COORDINATOR_CHANNEL: '#bestaat-niet' } });
    try {
      expect(other.slack.messenger.channels.coordinators).toBeUndefined();
      expect(
        other.logger.entries.some(
          (e) => e.level === 'error' && e.msg?.includes('SLACK_COORDINATOR_CHANNEL: Slack channel "#bestaat-niet" not found'),
        ),
      ).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('answers an only-for-you reply to a mention ephemerally in the thread (chat.postEphemeral)', async () => {
    const ts = '1480005000.000100';
    await send({ type: 'app_mention', channel: 'C0GENERAL', user: 'U5', text: '<@UBOT> mijn gegevens', ts, event_ts: ts });
    const [ephemeral] = await h.fake.waitForCalls('chat.postEphemeral', 1);
    expect(ephemeral?.args).toMatchObject({ channel: 'C0GENERAL', user: 'U5', thread_ts: ts });
    await h.app.turns.idle();
    await h.slack.idle();
    expect(postsTo('C0GENERAL')).toHaveLength(0);
  });

  it('looks a person up once (users.info is cached), however many messages they send', async () => {
    for (const n of [1, 2, 3]) {
      const ts = `1480005100.00010${n}`;
      await send({ type: 'message', channel_type: 'im', channel: 'DU6', user: 'U6', text: 'hulp', ts, event_ts: ts });
    }
    await h.fake.waitFor(() => postsTo('DU6').length >= 3, 'three answers');
    expect(h.fake.callsTo('users.info').filter((c) => c.args.user === 'U6')).toHaveLength(1);
    expect(h.inbound.filter((m) => m.channelId === 'DU6').every((m) => m.userName === 'Anna')).toBe(true);
  });
});
