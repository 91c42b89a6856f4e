/**
 * Slack's assistant surface through Bolt's Assistant class: suggested prompts when a thread opens,
 * "thinking" status while the core works, the answer in the thread. And the same DM thread on a
 * workspace without that surface (setStatus refused) still gets its answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/core/texts.js';
import { eventEnvelope, sendToSlackEndpoint } from '../support/fake-slack.js';
import { SIGNING_SECRET, sectionTexts, startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

const send = (event: Record<string, unknown>) =>
  sendToSlackEndpoint(h.eventsUrl, JSON.stringify(eventEnvelope(event)), { secret: SIGNING_SECRET });

describe('Slack assistant threads', () => {
  it('offers the suggested prompts when an assistant thread starts', async () => {
    const res = await send({
      type: 'assistant_thread_started',
      assistant_thread: {
        user_id: 'U1',
        context: { channel_id: 'C1', team_id: 'T1', enterprise_id: null },
        channel_id: 'DA1',
        thread_ts: '1480004000.000100',
      },
      event_ts: '1480004000.000200',
    });
    expect(res.status).toBe(200);
    const [call] = await h.fake.waitForCalls('assistant.threads.setSuggestedPrompts', 1);
    expect(call?.args.channel_id).toBe('DA1');
    expect(call?.args.thread_ts).toBe('1480004000.000100');
    const messages = (call?.args.prompts as Array<{ title: string; message: string }>).map((p) => p.message);
    expect(messages).toEqual(['Wanneer moet ons Plan van Aanpak binnen zijn?', 'Start ons Plan van Aanpak']);
  });

  it('shows "thinking" while answering and posts the answer in the assistant thread', async () => {
    const thread = '1480004100.000100';
    const ts = '1480004100.000200';
    await send({ type: 'message', channel_type: 'im', channel: 'DA2', user: 'U2', text: 'hulp', ts, thread_ts: thread, event_ts: ts });
    const [answer] = await h.fake.waitFor(
      () =>
        h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'DA2').length &&
        h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'DA2'),
      'answer',
    );
    expect(answer?.args.thread_ts).toBe(thread);
    expect(sectionTexts(answer?.args ?? {}).join('\n')).toContain(t('nl', 'help.intro'));
    const status = h.fake.callsTo('assistant.threads.setStatus').find((c) => c.args.channel_id === 'DA2');
    expect(status?.args).toMatchObject({ thread_ts: thread, status: 'denkt na…' });
    expect(h.fake.calls.indexOf(status ?? h.fake.calls[0]!)).toBeLessThan(h.fake.calls.indexOf(answer!));
  });

  it('titles the thread with its first message, once, cut at a word', async () => {
    const thread = '1480004150.000100';
    const question = 'Hoeveel bestuursleden moeten er in een buurtnetwerk zitten als we volgend jaar beginnen?';
    await send({
      type: 'message',
      channel_type: 'im',
      channel: 'DA5',
      user: 'U2',
      text: question,
      ts: '1480004150.000200',
      thread_ts: thread,
      event_ts: '1480004150.000200',
    });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').some((c) => c.args.channel === 'DA5'), 'first answer');
    await send({
      type: 'message',
      channel_type: 'im',
      channel: 'DA5',
      user: 'U2',
      text: 'en wanneer?',
      ts: '1480004150.000300',
      thread_ts: thread,
      event_ts: '1480004150.000300',
    });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'DA5').length >= 2, 'second answer');
    const titles = h.fake.callsTo('assistant.threads.setTitle').filter((c) => c.args.channel_id === 'DA5');
    expect(titles.map((c) => [c.args.thread_ts, c.args.title])).toEqual([
      [thread, 'Hoeveel bestuursleden moeten er in een buurtnetwerk zitten…'],
    ]);
  });

  it('still answers a DM thread when the workspace has no assistant surface (setStatus refused)', async () => {
    h.fake.override('assistant.threads.setStatus', () => ({ body: { ok: false, error: 'invalid_thread' } }));
    try {
      const thread = '1480004200.000100';
      const ts = '1480004200.000200';
      await send({ type: 'message', channel_type: 'im', channel: 'DA3', user: 'U3', text: 'hulp', ts, thread_ts: thread, event_ts: ts });
      const [answer] = await h.fake.waitFor(
        () =>
          h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'DA3').length &&
          h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'DA3'),
        'answer',
      );
      expect(answer?.args.thread_ts).toBe(thread);
      expect(h.fake.callsTo('assistant.threads.setStatus').some((c) => c.args.channel_id === 'DA3')).toBe(true);
    } finally {
      h.fake.override('assistant.threads.setStatus', () => undefined);
    }
  });

  it('the "Start ons Plan van Aanpak" prompt starts the plan flow in the thread', async () => {
    const platform = await h.app.platforms.create({ name: 'Buurtplatform Mariaberg', buurt: 'Mariaberg' });
    await h.app.platforms.addMember(platform.id, 'slack:T1:U4', 'board');
    const thread = '1480004300.000100';
    const ts = '1480004300.000200';
    await send({
      type: 'message',
      channel_type: 'im',
      channel: 'DA4',
      user: 'U4',
      text: 'Start ons Plan van Aanpak',
      ts,
      thread_ts: thread,
      event_ts: ts,
    });
    const withForm = await h.fake.waitFor(
      () =>
        h.fake
          .callsTo('chat.postMessage')
          .find((c) => c.args.channel === 'DA4' && JSON.stringify(c.args.blocks).includes('"buurtbot:form"')),
      'the first plan section',
    );
    expect(withForm.args.thread_ts).toBe(thread);
    expect(JSON.stringify(withForm.args.blocks)).toContain('"plan:skip@answer/platform-en-buurt"');
  });
});
