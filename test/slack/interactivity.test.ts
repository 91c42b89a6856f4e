/**
 * Slash commands, buttons, modals and the App Home over signed HTTP, through the real Bolt App.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformRecord } from '../../src/core/platforms/ports.js';
import { t } from '../../src/core/texts.js';
import { commandForm, eventEnvelope, FORM_CONTENT_TYPE, interactionForm, sendToSlackEndpoint } from '../support/fake-slack.js';
import { SIGNING_SECRET, sectionTexts, startHarness, type Harness } from './harness.js';

interface ModalView {
  private_metadata: string;
  title: { text: string };
  blocks: Array<{
    type: string;
    block_id?: string;
    text?: { text: string };
    label?: { text: string };
    element?: { initial_value?: string; max_length?: number; placeholder?: { text: string } };
    elements?: Array<{ text: string }>;
  }>;
}

let h: Harness;
let platform: PlatformRecord;
let counter = 0;
const unique = (prefix: string) => `${prefix}${(counter += 1)}`;

beforeAll(async () => {
  h = await startHarness({ fake: { names: { UBOARD: 'Fenna' } } });
  platform = await h.app.platforms.create({ name: 'Buurtplatform Wyck', buurt: 'Wyck' });
  await h.app.platforms.addMember(platform.id, 'slack:T1:UBOARD', 'board');
});

afterAll(async () => {
  await h.close();
});

function command(text: string, user = 'U1', channel = 'C1'): { body: string; responseId: string; trigger: string } {
  const responseId = unique('resp');
  const trigger = unique('trigger');
  const body = commandForm({
    token: 'x',
    team_id: 'T1',
    team_domain: 'buurten',
    channel_id: channel,
    channel_name: 'algemeen',
    user_id: user,
    user_name: 'anna',
    command: '/buurtbot',
    text,
    api_app_id: 'A1',
    response_url: h.fake.responseUrl(responseId),
    trigger_id: trigger,
  });
  return { body, responseId, trigger };
}

function blockAction(input: {
  user: string;
  actionId: string;
  value: string;
  channel?: string;
  messageTs?: string;
  threadTs?: string;
  ephemeral?: boolean;
  home?: boolean;
  responseId?: string;
  /** The blocks of the message the button is on (Slack sends them along). */
  blocks?: unknown[];
}): Record<string, unknown> {
  const container = input.home
    ? { type: 'view', view_id: 'VHOME' }
    : {
        type: 'message',
        message_ts: input.messageTs,
        channel_id: input.channel,
        is_ephemeral: input.ephemeral ?? false,
        ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
      };
  return {
    type: 'block_actions',
    user: { id: input.user, username: 'u', name: 'u', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'x',
    container,
    trigger_id: unique('trigger'),
    team: { id: 'T1', domain: 'buurten' },
    ...(input.channel && !input.home ? { channel: { id: input.channel, name: 'x' } } : {}),
    ...(input.messageTs && !input.home && !input.ephemeral
      ? {
          message: {
            type: 'message',
            ts: input.messageTs,
            text: 'x',
            ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
            ...(input.blocks ? { blocks: input.blocks } : {}),
          },
        }
      : {}),
    ...(input.home ? { view: { id: 'VHOME', type: 'home' } } : {}),
    response_url: h.fake.responseUrl(input.responseId ?? unique('resp')),
    actions: [
      {
        type: 'button',
        action_id: input.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'x' },
        value: input.value,
        action_ts: '1.2',
      },
    ],
  };
}

/** Every string in a payload (text, fields, fallback) is free of Markdown table syntax. */
function expectNoMarkdownTable(payload: unknown): void {
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(payload);
  for (const text of strings) {
    expect(text).not.toContain('|---');
    expect(text).not.toMatch(/^\s*\|.*\|\s*$/m);
  }
}

const post = (body: string, contentType = FORM_CONTENT_TYPE) =>
  sendToSlackEndpoint(h.eventsUrl, body, { secret: SIGNING_SECRET, contentType });
const postsTo = (channel: string) => h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

describe('used buttons', () => {
  it('a feedback press replaces the feedback buttons on that message with what was chosen; other buttons stay', async () => {
    const ts = '1480002001.000100';
    await post(
      JSON.stringify(
        eventEnvelope({
          type: 'message',
          channel_type: 'im',
          channel: 'DUFEED',
          user: 'UFEED',
          text: 'Wanneer moet ons Plan van Aanpak binnen zijn?',
          ts,
        }),
      ),
      'application/json',
    );
    const [answer] = await h.fake.waitFor(() => (postsTo('DUFEED').length ? postsTo('DUFEED') : undefined), 'the answer');
    const blocks = (answer?.args.blocks ?? []) as Array<{
      type: string;
      elements?: Array<{ action_id?: string; text?: { text: string } }>;
    }>;
    const up = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id?.startsWith('feedback:up:'));
    expect(up?.action_id).toBeDefined();
    await post(
      interactionForm(
        blockAction({
          user: 'UFEED',
          actionId: up!.action_id!,
          value: 'nuttig',
          channel: 'DUFEED',
          messageTs: '1480002001.000200',
          blocks,
        }),
      ),
    );
    const [update] = await h.fake.waitFor(
      () =>
        h.fake.callsTo('chat.update').filter((c) => c.args.ts === '1480002001.000200').length
          ? h.fake.callsTo('chat.update').filter((c) => c.args.ts === '1480002001.000200')
          : undefined,
      'chat.update',
    );
    expect(update?.args.channel).toBe('DUFEED');
    const after = JSON.stringify(update?.args.blocks);
    expect(after).not.toContain('feedback:');
    expect(after).toContain(`✓ ${up!.text!.text}`);
    // A "Zie ook" topic or the forward button, when the answer had one, is still there.
    const others = blocks.flatMap((b) => b.elements ?? []).filter((e) => e.action_id && !e.action_id.startsWith('feedback:'));
    for (const other of others) expect(after).toContain(other.action_id!);
  });
});

describe('slash command /buurtbot', () => {
  it('acks at once with an empty 200 and answers a question only to the asker (response_url)', async () => {
    const { body, responseId, trigger } = command('vraag Wanneer moet ons Plan van Aanpak binnen zijn?');
    const res = await post(body);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const responses = await h.fake.waitFor(
      () => h.fake.responses.filter((r) => r.id === responseId).length && h.fake.responses.filter((r) => r.id === responseId),
      'response',
    );
    expect(responses[0]?.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(responses[0]?.body.blocks)).toContain('section');
    const inbound = h.inbound.find((m) => m.id === `command:${trigger}`);
    expect(inbound).toMatchObject({
      text: 'Wanneer moet ons Plan van Aanpak binnen zijn?',
      channelId: 'C1',
      userRef: 'slack:T1:U1',
      direct: true,
    });
    expect(postsTo('C1')).toHaveLength(0);
  });

  it('answers `help` ephemerally with the help overview', async () => {
    const { body, responseId } = command('help');
    await post(body);
    const [response] = await h.fake.waitFor(
      () => h.fake.responses.filter((r) => r.id === responseId).length && h.fake.responses.filter((r) => r.id === responseId),
      'help response',
    );
    expect(response?.body.response_type).toBe('ephemeral');
    expect(String(response?.body.text)).toMatch(new RegExp(`${t('en', 'help.intro')}|${t('nl', 'help.intro')}`));
  });

  it('moves `plan` to the DM and says so privately in the channel', async () => {
    const { body, responseId, trigger } = command('plan', 'UBOARD', 'C1');
    await post(body);
    const dmPosts = await h.fake.waitFor(
      () => postsTo('DUBOARD').some((p) => JSON.stringify(p.args.blocks).includes('buurtbot:form')) && postsTo('DUBOARD'),
      'plan in DM',
    );
    expect(h.fake.callsTo('conversations.open').some((c) => c.args.users === 'UBOARD')).toBe(true);
    const [notice] = await h.fake.waitForResponses(1).then(() => h.fake.responses.filter((r) => r.id === responseId));
    expect(String(notice?.body.text)).toMatch(/privébericht|direct message/);
    expect(h.inbound.find((m) => m.id === `command:${trigger}`)).toMatchObject({ channelId: 'DUBOARD', text: 'plan' });
    // The plan reply offers the modal button next to the core's own buttons.
    const actionIds = dmPosts.flatMap((p) =>
      ((p.args.blocks ?? []) as Array<{ type: string; elements?: Array<{ action_id?: string }> }>).flatMap((b) =>
        b.type === 'actions' ? (b.elements ?? []).map((e) => e.action_id) : [],
      ),
    );
    expect(actionIds).toContain('buurtbot:form');
    expect(actionIds).toContain('plan:skip@answer/platform-en-buurt');
  });

  it('gives a coordinator the digest ephemerally, and tells others it is for coordinators', async () => {
    await h.app.users.touch('slack:T1:UCOORD');
    await h.app.users.setRole('slack:T1:UCOORD', 'coordinator');
    const coordinator = command('digest', 'UCOORD', 'C9');
    await post(coordinator.body);
    const volunteer = command('digest', 'UVOL', 'C9');
    await post(volunteer.body);
    const byId = (id: string) => h.fake.responses.filter((r) => r.id === id);
    const [digest] = await h.fake.waitFor(() => byId(coordinator.responseId).length && byId(coordinator.responseId), 'digest');
    const [refusal] = await h.fake.waitFor(() => byId(volunteer.responseId).length && byId(volunteer.responseId), 'refusal');
    expect(digest?.body.response_type).toBe('ephemeral');
    expect(String(refusal?.body.text)).toMatch(/alleen voor coördinatoren|for coordinators only/);
    expect(String(digest?.body.text)).not.toMatch(/alleen voor coördinatoren|for coordinators only/);
    expect(String(digest?.body.text).length).toBeGreaterThan(20);
    // Laid out natively: the platform's figures are section fields, and no Markdown table anywhere.
    expectNoMarkdownTable(digest?.body);
    const blocks = (digest?.body.blocks ?? []) as Array<{ type: string; text?: { text?: string }; fields?: Array<{ text: string }> }>;
    const row = blocks.find((b) => b.type === 'section' && b.text?.text?.includes('Buurtplatform Wyck'));
    expect(row?.fields?.map((f) => f.text.split('\n')[0])).toEqual(['*Voortgang*', '*Status*', '*Laatst bewerkt*', '*Dagen tot deadline*']);
    expect(row?.fields?.[0]?.text).toMatch(/[█░]{10} \d+\/\d+/);
  });

  it('posts the scheduled digest in a channel as blocks, without Markdown table rows', async () => {
    const reply = h.app.digests.reply(await h.app.digests.build());
    await h.slack.messenger.postToChannel('CCOORD', [reply]);
    const posts = await h.fake.waitFor(() => postsTo('CCOORD').length && postsTo('CCOORD'), 'digest post');
    for (const p of posts) expectNoMarkdownTable(p.args);
    expect(posts.flatMap((p) => (p.args.blocks ?? []) as Array<{ type: string }>).map((b) => b.type)).toContain('header');
  });

  it('acknowledges before the answer is ready (the work happens after the 200)', async () => {
    const original = h.app.engine.handle;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    h.app.engine.handle = async (message, options) => {
      await gate;
      return original.call(h.app.engine, message, options);
    };
    try {
      const { body, responseId } = command('help');
      const res = await post(body);
      expect(res.status).toBe(200);
      expect(h.fake.responses.some((r) => r.id === responseId)).toBe(false);
      release();
      await h.fake.waitFor(() => h.fake.responses.some((r) => r.id === responseId), 'late answer');
    } finally {
      h.app.engine.handle = original;
      release();
    }
  });
});

describe('buttons and modals', () => {
  it('a button press reaches the dispatcher as `action` (with its typed twin as text), answered in place', async () => {
    const messageTs = '1480000500.000100';
    const res = await post(interactionForm(blockAction({ user: 'U2', actionId: 'help', value: 'hulp', channel: 'D2', messageTs })));
    expect(res.status).toBe(200);
    const [answer] = await h.fake.waitFor(() => postsTo('D2').length && postsTo('D2'), 'answer to press');
    expect(sectionTexts(answer?.args ?? {}).join('\n')).toContain(t('nl', 'help.intro'));
    expect(answer?.args.thread_ts).toBeUndefined();
    expect(h.inbound.find((m) => m.channelId === 'D2')).toMatchObject({ action: 'help', text: 'hulp', id: `D2:${messageTs}:help` });
  });

  it('a double click on the same button of the same message counts once', async () => {
    const messageTs = '1480000501.000100';
    await post(interactionForm(blockAction({ user: 'U3', actionId: 'help', value: 'hulp', channel: 'D3', messageTs })));
    await post(interactionForm(blockAction({ user: 'U3', actionId: 'help', value: 'hulp', channel: 'D3', messageTs })));
    await h.fake.waitFor(() => postsTo('D3').length > 0, 'first answer');
    await h.app.turns.idle();
    await h.slack.idle();
    expect(postsTo('D3')).toHaveLength(1);
  });

  it('a press on a channel thread answers in that thread; on an ephemeral message, ephemerally', async () => {
    await post(
      interactionForm(
        blockAction({
          user: 'U4',
          actionId: 'help',
          value: 'hulp',
          channel: 'C4',
          messageTs: '1480000502.000200',
          threadTs: '1480000502.000100',
        }),
      ),
    );
    const [inThread] = await h.fake.waitFor(() => postsTo('C4').length && postsTo('C4'), 'thread answer');
    expect(inThread?.args.thread_ts).toBe('1480000502.000100');

    const responseId = unique('resp');
    await post(
      interactionForm(
        blockAction({
          user: 'U4',
          actionId: 'help',
          value: 'hulp',
          channel: 'C5',
          messageTs: '1480000503.000100',
          ephemeral: true,
          responseId,
        }),
      ),
    );
    const [response] = await h.fake.waitFor(
      () => h.fake.responses.filter((r) => r.id === responseId).length && h.fake.responses.filter((r) => r.id === responseId),
      'ephemeral answer',
    );
    expect(response?.body.response_type).toBe('ephemeral');
    expect(postsTo('C5')).toHaveLength(0);
  });

  it('the form button opens a modal; its submission reaches the dispatcher as `form` and is answered in the conversation', async () => {
    // A DM `plan` from a board member yields a reply with a form.
    const ts = '1480000600.000100';
    await post(
      JSON.stringify(eventEnvelope({ type: 'message', channel_type: 'im', channel: 'DUBOARD', user: 'UBOARD', text: 'plan', ts })),
      'application/json',
    );
    const before = postsTo('DUBOARD').length;
    const planPost = await h.fake.waitFor(
      () =>
        postsTo('DUBOARD')
          .slice(before)
          .find((p) => JSON.stringify(p.args.blocks).includes('buurtbot:form')),
      'plan reply with form',
    );
    const formButton = ((planPost.args.blocks ?? []) as Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>)
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'buurtbot:form');
    expect(formButton?.value).toBeTruthy();

    const press = blockAction({
      user: 'UBOARD',
      actionId: 'buurtbot:form',
      value: formButton?.value ?? '',
      channel: 'DUBOARD',
      messageTs: '1480000601.000100',
      blocks: planPost.args.blocks as unknown[],
    });
    await post(interactionForm(press));
    const [open] = await h.fake.waitForCalls('views.open', 1);
    // Opening the form is not using it: the ✏️ button stays on the message (the modal may be closed unsent).
    // (A used button's update follows the ack at once; give it the time it would need.)
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.callsTo('chat.update').filter((c) => c.args.ts === '1480000601.000100')).toEqual([]);
    expect(open?.args.trigger_id).toBe(press.trigger_id);
    const view = open?.args.view as {
      callback_id: string;
      private_metadata: string;
      title: { text: string };
      blocks: Array<{ type: string; element?: { max_length?: number } }>;
    };
    expect(view.callback_id).toBe('buurtbot_form');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    const input = view.blocks.find((b) => b.type === 'input');
    expect(input?.element?.max_length).toBeLessThanOrEqual(3000);
    const stepId = (JSON.parse(view.private_metadata) as { s: string }).s;
    expect(stepId).toMatch(/^plan:/);

    const text =
      'Buurtplatform Wyck is actief in de buurt Wyck. Er doen nu twaalf bewoners mee, van wie drie in het bestuur. We organiseren een buurtfeest, een opruimdag & een <buurtkrant>.';
    const submission = {
      type: 'view_submission',
      team: { id: 'T1', domain: 'buurten' },
      user: { id: 'UBOARD', name: 'fenna', team_id: 'T1' },
      api_app_id: 'A1',
      token: 'x',
      trigger_id: unique('trigger'),
      view: {
        id: 'VFORM1',
        type: 'modal',
        callback_id: 'buurtbot_form',
        private_metadata: view.private_metadata,
        hash: 'h',
        state: { values: { answer: { text: { type: 'plain_text_input', value: text } } } },
      },
    };
    const beforeSubmit = postsTo('DUBOARD').length;
    const res = await post(interactionForm(submission));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const inbound = await h.fake.waitFor(() => h.inbound.find((m) => m.id === 'view:VFORM1'), 'form inbound');
    expect(inbound).toMatchObject({ form: { stepId, text }, text, channelId: 'DUBOARD', userRef: 'slack:T1:UBOARD' });
    await h.fake.waitFor(() => postsTo('DUBOARD').length > beforeSubmit, 'answer to the form');
    const saved = await h.app.plans.load(platform);
    expect(saved.sections[stepId.replace(/^plan:/, '')]?.text).toBe(text);
  });
});

describe('App Home', () => {
  it('publishes a Home tab with greeting, plan start and shortcuts when it is opened', async () => {
    await post(
      JSON.stringify(
        eventEnvelope({ type: 'app_home_opened', user: 'UBOARD', channel: 'DUBOARD', tab: 'home', event_ts: '1480000700.000100' }),
      ),
      'application/json',
    );
    const [publish] = await h.fake.waitForCalls('views.publish', 1);
    expect(publish?.args.user_id).toBe('UBOARD');
    const view = publish?.args.view as {
      type: string;
      blocks: Array<{ type: string; text?: { text: string }; elements?: Array<{ action_id?: string; value?: string }> }>;
    };
    expect(view.type).toBe('home');
    const text = view.blocks.map((b) => b.text?.text ?? '').join('\n');
    expect(text).toContain('Fenna');
    expect(text).toContain('Plan van Aanpak');
    const shortcuts = view.blocks.flatMap((b) => b.elements ?? []).map((e) => e.action_id);
    expect(shortcuts).toEqual(expect.arrayContaining(['buurtbot:say:plan', 'buurtbot:say:deadline', 'buurtbot:say:help']));
  });

  it('a Home shortcut acts as if the person typed it in their DM', async () => {
    await post(interactionForm(blockAction({ user: 'U8', actionId: 'buurtbot:say:help', value: 'hulp', home: true })));
    const [answer] = await h.fake.waitFor(() => postsTo('DU8').length && postsTo('DU8'), 'answer in DM');
    expect(sectionTexts(answer?.args ?? {}).join('\n')).toContain(t('nl', 'help.intro'));
    const inbound = h.inbound.find((m) => m.channelId === 'DU8');
    expect(inbound?.text).toBe('hulp');
    expect(inbound?.action).toBeUndefined();
  });
});

/** Asks `plan` in the DM and returns the form button's value of the newest plan reply. */
async function formButtonValue(user: string): Promise<string> {
  const dm = `D${user}`;
  const before = postsTo(dm).length;
  await post(
    JSON.stringify(
      eventEnvelope({
        type: 'message',
        channel_type: 'im',
        channel: dm,
        user,
        text: 'plan',
        ts: `1480001${String((counter += 1)).padStart(3, '0')}.000100`,
      }),
    ),
    'application/json',
  );
  const planPost = await h.fake.waitFor(
    () =>
      postsTo(dm)
        .slice(before)
        .find((p) => JSON.stringify(p.args.blocks).includes('buurtbot:form')),
    'plan reply with form',
  );
  const button = ((planPost.args.blocks ?? []) as Array<{ elements?: Array<{ action_id?: string; value?: string }> }>)
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.action_id === 'buurtbot:form');
  return button?.value ?? '';
}

async function openModal(user: string, value: string): Promise<ModalView> {
  const opened = h.fake.callsTo('views.open').length;
  await post(
    interactionForm(
      blockAction({
        user,
        actionId: 'buurtbot:form',
        value,
        channel: `D${user}`,
        messageTs: `1480002${String((counter += 1)).padStart(3, '0')}.000100`,
      }),
    ),
  );
  const calls = await h.fake.waitForCalls('views.open', opened + 1);
  return calls[opened]?.args.view as ModalView;
}

/** A view_submission of the modal with every input as it was shown (or as `edit` changes it). */
function submission(
  user: string,
  view: ModalView,
  viewId: string,
  edit: (blockId: string, value: string) => string = (_id, v) => v,
): Record<string, unknown> {
  const values: Record<string, Record<string, { type: string; value: string }>> = {};
  for (const block of view.blocks) {
    if (block.type === 'input' && block.block_id)
      values[block.block_id] = { text: { type: 'plain_text_input', value: edit(block.block_id, block.element?.initial_value ?? '') } };
  }
  return {
    type: 'view_submission',
    team: { id: 'T1', domain: 'buurten' },
    user: { id: user, name: 'u', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'x',
    trigger_id: unique('trigger'),
    view: {
      id: viewId,
      type: 'modal',
      callback_id: 'buurtbot_form',
      private_metadata: view.private_metadata,
      hash: 'h',
      state: { values },
    },
  };
}

/** The modal of the step the person is on now (after `plan` in the DM). */
async function openModalFor(user: string): Promise<ModalView> {
  return openModal(user, await formButtonValue(user));
}

let jekerdal: PlatformRecord;

describe('the plan modal', () => {
  beforeAll(async () => {
    jekerdal = await h.app.platforms.create({ name: 'Buurtplatform Jekerdal', buurt: 'Jekerdal' });
    await h.app.platforms.addMember(jekerdal.id, 'slack:T1:UJEKER', 'board');
  });

  it('a 3,500-character section round-trips the modal unchanged (spread over inputs of at most 3,000)', async () => {
    const paragraphs: string[] = [];
    for (let i = 0; paragraphs.join('\n\n').length < 3600; i++) {
      paragraphs.push(
        `Buurtplatform Jekerdal werkt aan plan ${i}: ${Array.from({ length: 14 }, (_, j) => `onderwerp${i * 14 + j}`).join(' ')}.`,
      );
    }
    const long = `${paragraphs.join('\n\n').slice(0, 3499).trimEnd()}.`;
    expect(long.length).toBeGreaterThan(3400);
    const plan = await h.app.plans.load(jekerdal);
    await h.app.plans.saveDraft(plan.id, 'platform-en-buurt', 'slack:T1:UJEKER', long);

    const view = await openModal('UJEKER', await formButtonValue('UJEKER'));
    const inputs = view.blocks.filter((b) => b.type === 'input');
    expect(inputs.length).toBeGreaterThan(1);
    for (const input of inputs) expect((input.element?.initial_value ?? '').length).toBeLessThanOrEqual(3000);

    const before = postsTo('DUJEKER').length;
    const res = await post(interactionForm(submission('UJEKER', view, 'VLONG1')));
    expect(res.status).toBe(200);
    await h.fake.waitFor(() => postsTo('DUJEKER').length > before, 'answer to the long form');
    const saved = await h.app.plans.load(jekerdal);
    expect(saved.sections['platform-en-buurt']?.text).toBe(long);
  });
});

describe('the plan modal shows the whole question', () => {
  it('the question in full above the input, the guidance whole, a title of whole words', async () => {
    const user = 'UJEKER';
    const view = await openModalFor(user);
    const stepId = (JSON.parse(view.private_metadata) as { s: string }).s.replace(/^plan:/, '');
    const section = h.app.template().sections.find((s) => s.id === stepId);
    expect(section).toBeDefined();
    const question = section?.question.nl ?? '';
    expect(question.length).toBeGreaterThan(45);
    const shown = view.blocks
      .map((b) => [b.text?.text, b.label?.text, b.element?.placeholder?.text, ...(b.elements ?? []).map((e) => e.text)].join('\n'))
      .join('\n');
    expect(view.blocks.find((b) => b.type === 'section')?.text?.text).toContain(question);
    expect(shown).toContain(section?.guidance.nl.replace(/\s+/g, ' ').trim());
    // The title: at most 24 characters, and any cut falls between words.
    const title = view.title.text;
    expect(title.length).toBeLessThanOrEqual(24);
    const full = `Stap ${h.app.template().sections.indexOf(section!) + 1}: ${section?.title.nl}`;
    if (title !== full) {
      expect(title.endsWith('…')).toBe(true);
      const head = title.slice(0, -1);
      expect(full.startsWith(head)).toBe(true);
      expect(full.charAt(head.length)).toMatch(/\s/);
    }
  });
});

describe('the plan modal checks the answer before closing', () => {
  it('a too-short answer keeps the modal open with the reason inline; nothing is stored or posted', async () => {
    const user = 'UJEKER';
    const view = await openModalFor(user);
    const stepId = (JSON.parse(view.private_metadata) as { s: string }).s;
    const turnsBefore = h.inbound.length;
    const postsBefore = postsTo(`D${user}`).length;
    const res = await post(interactionForm(submission(user, view, 'VSHORT1', (id) => (id === 'answer' ? 'Anna' : ''))));
    expect(res.status).toBe(200);
    const body = JSON.parse((await res.text()) || '{}') as { response_action?: string; errors?: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors?.answer?.length).toBeGreaterThan(10);
    await h.app.turns.idle();
    await h.slack.idle();
    expect(h.inbound.slice(turnsBefore).some((m) => m.id === 'view:VSHORT1')).toBe(false);
    expect(postsTo(`D${user}`).length).toBe(postsBefore);
    const plan = await h.app.plans.load(jekerdal);
    expect(plan.sections[stepId.replace(/^plan:/, '')]).toBeUndefined();
  });
});
