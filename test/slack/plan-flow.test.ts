/**
 * The whole Plan van Aanpak through Slack alone: `plan` in a DM, the first section typed in the DM,
 * every other section written in a modal, then submitted with the buttons. Only the setup (a
 * platform with Fenna on its board) is admin work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformRecord } from '../../src/core/platforms/ports.js';
import { eventEnvelope, FORM_CONTENT_TYPE, interactionForm, sendToSlackEndpoint, type ApiCall } from '../support/fake-slack.js';
import { SIGNING_SECRET, startHarness, type Harness } from './harness.js';

let h: Harness;
let platform: PlatformRecord;
const USER = 'UFENNA';
const DM = `D${USER}`;

beforeAll(async () => {
  h = await startHarness({ fake: { names: { [USER]: 'Fenna' } } });
  platform = await h.app.platforms.create({ name: 'Buurtplatform Wyck', buurt: 'Wyck' });
  await h.app.platforms.addMember(platform.id, `slack:T1:${USER}`, 'board');
});

afterAll(async () => {
  await h.close();
});

const BOARD = [
  'Anna Jansen - voorzitter',
  'Piet de Vries - secretaris',
  'Karin Smeets - penningmeester',
  'Alle bestuursleden voldoen aan de formele eisen.',
].join('\n');

function answerFor(sectionId: string): string {
  if (sectionId === 'bestuur') return BOARD;
  return [
    `Voor het onderdeel ${sectionId.replace(/-/g, ' ')} hebben wij als bestuur van Buurtplatform Wyck in het voorjaar met bewoners gesproken.`,
    'Tijdens drie avonden in het buurthuis kwamen ongeveer veertig mensen langs, jong en oud, huurders en eigenaren.',
    'Zij vertelden wat goed gaat in de wijk, waar zorgen liggen en welke ideeën zij zelf willen oppakken met hulp van vrijwilligers.',
    'Die gesprekken vormen de basis van dit deel van ons plan; we stemmen het af met de opbouwwerker van Trajekt & de procescoördinator.',
  ].join(' ');
}

let seq = 0;
const nextTs = () => `${1_480_010_000 + (seq += 1)}.000100`;
const dmPosts = () => h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === DM);

type Element = { action_id?: string; value?: string };
function elements(call: ApiCall): Element[] {
  return ((call.args.blocks ?? []) as Array<{ type: string; elements?: Element[] }>)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);
}

/** Waits until the bot has answered (dispatcher idle, no post queued, nothing new for a moment). */
async function settle(from: number): Promise<ApiCall[]> {
  await h.fake.waitFor(() => dmPosts().length > from, 'an answer in the DM');
  let count = -1;
  while (count !== dmPosts().length) {
    count = dmPosts().length;
    await h.app.turns.idle();
    await h.slack.idle();
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
  return dmPosts().slice(from);
}

async function send(body: string, contentType = 'application/json'): Promise<void> {
  const res = await sendToSlackEndpoint(h.eventsUrl, body, { secret: SIGNING_SECRET, contentType });
  expect(res.status).toBe(200);
}

async function typeInDm(text: string): Promise<void> {
  const ts = nextTs();
  await send(JSON.stringify(eventEnvelope({ type: 'message', channel_type: 'im', channel: DM, user: USER, text, ts, event_ts: ts })));
}

async function press(message: ApiCall, element: Element): Promise<string> {
  const trigger = `trigger-${(seq += 1)}`;
  const ts = (message.response as { ts?: string } | undefined)?.ts ?? nextTs();
  await send(
    interactionForm({
      type: 'block_actions',
      user: { id: USER, username: 'fenna', name: 'fenna', team_id: 'T1' },
      team: { id: 'T1', domain: 'buurten' },
      api_app_id: 'A1',
      token: 'x',
      trigger_id: trigger,
      container: { type: 'message', message_ts: ts, channel_id: DM, is_ephemeral: false },
      channel: { id: DM, name: 'directmessage' },
      message: { type: 'message', ts, text: String(message.args.text) },
      response_url: h.fake.responseUrl(trigger),
      actions: [
        {
          type: 'button',
          action_id: element.action_id,
          block_id: 'b',
          value: element.value,
          text: { type: 'plain_text', text: 'x' },
          action_ts: '1',
        },
      ],
    }),
    FORM_CONTENT_TYPE,
  );
  return trigger;
}

describe('slack: the plan flow end to end', () => {
  it('writes every section (typed and in modals) and submits the plan, all through Slack', async () => {
    let from = dmPosts().length;
    await typeInDm('plan');
    const template = h.app.template();
    const written: string[] = [];
    let typedFirst = false;
    let submitted = false;
    for (let turn = 0; turn < 40 && !submitted; turn += 1) {
      const batch = await settle(from);
      from = dmPosts().length;
      const last = batch.at(-1);
      if (!last) throw new Error('no answer');
      const all = batch.flatMap((call) => elements(call).map((element) => ({ call, element })));
      const form = all.find((e) => e.element.action_id === 'buurtbot:form');
      // Step buttons carry their step after '@' (plan:yes@confirm-submit/…): match the action itself.
      const byId = (id: string) => all.find((e) => e.element.action_id === id || e.element.action_id?.startsWith(`${id}@`));
      if (form) {
        const stepId = (JSON.parse(form.element.value ?? '{}') as { id: string }).id;
        const sectionId = stepId.replace(/^plan:/, '');
        written.push(sectionId);
        if (!typedFirst) {
          // The first section the plain way: typed in the DM, no modal.
          typedFirst = true;
          await typeInDm(answerFor(sectionId));
          continue;
        }
        const opensBefore = h.fake.callsTo('views.open').length;
        await press(form.call, form.element);
        const [open] = (await h.fake.waitForCalls('views.open', opensBefore + 1)).slice(-1);
        const view = open?.args.view as { private_metadata: string };
        await send(
          interactionForm({
            type: 'view_submission',
            team: { id: 'T1', domain: 'buurten' },
            user: { id: USER, name: 'fenna', team_id: 'T1' },
            api_app_id: 'A1',
            token: 'x',
            trigger_id: `trigger-view-${turn}`,
            view: {
              id: `VPLAN${turn}`,
              type: 'modal',
              callback_id: 'buurtbot_form',
              hash: 'h',
              private_metadata: view.private_metadata,
              state: { values: { answer: { text: { type: 'plain_text_input', value: answerFor(sectionId) } } } },
            },
          }),
          FORM_CONTENT_TYPE,
        );
      } else if (byId('plan:yes')) {
        const yes = byId('plan:yes');
        if (yes) await press(yes.call, yes.element);
      } else if (byId('plan:submit')) {
        const submit = byId('plan:submit');
        if (submit) await press(submit.call, submit.element);
      } else {
        submitted = batch.some((c) => /ingediend|submitted/i.test(String(c.args.text)));
        if (!submitted) throw new Error(`the flow stalled: ${batch.map((c) => String(c.args.text)).join(' | ')}`);
      }
    }
    expect(submitted).toBe(true);
    expect(new Set(written)).toEqual(new Set(template.sections.map((s) => s.id)));
    const plan = await h.app.plans.load(platform);
    expect(plan.status).toBe('submitted');
    expect(plan.submittedBy).toBe(`slack:T1:${USER}`);
    expect(plan.sections['bestuur']?.text).toContain('Karin Smeets');
    expect(plan.sections[written[0] ?? '']?.text).toBe(answerFor(written[0] ?? ''));
    // Everything reached the core in the neutral shape: one typed answer, modals as forms, presses as actions.
    const fromFenna = h.inbound.filter((m) => m.userRef === `slack:T1:${USER}`);
    expect(fromFenna.filter((m) => m.form)).toHaveLength(template.sections.length - 1);
    expect(fromFenna.filter((m) => m.action).map((m) => m.action?.split('@')[0])).toEqual(['plan:submit', 'plan:yes']);
    // The confirmation carried the step it was shown for.
    expect(fromFenna.find((m) => m.action?.startsWith('plan:yes'))?.action).toMatch(/^plan:yes@confirm-submit\//);
    // In the DM nothing was threaded and nothing was ephemeral.
    expect(dmPosts().every((c) => c.args.thread_ts === undefined)).toBe(true);
    expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(0);
  });
});

describe('slack: the keuze', () => {
  it('a board member records the keuze with the buttons in the DM', async () => {
    let from = dmPosts().length;
    await typeInDm('keuze');
    const [shown] = await settle(from);
    const paths = elements(shown!);
    // The five paths as buttons, the buurtnetwerk path marked as the main one.
    expect(paths.map((e) => e.action_id?.split(':')[3])).toEqual([
      'buurtnetwerk',
      'nog-geen-keuze',
      'stoppen',
      'vrijwilligersorganisatie',
      'eigen-kracht',
    ]);
    expect(JSON.stringify(shown!.args.blocks)).toContain('Verordening subsidie Vrijwilligersactiviteiten');
    from = dmPosts().length;
    await press(shown!, paths[3]!);
    const [confirm] = await settle(from);
    expect(String(confirm!.args.text)).toContain('Verder als vrijwilligersorganisatie');
    from = dmPosts().length;
    await press(confirm!, elements(confirm!)[0]!);
    const [done] = await settle(from);
    expect(String(done!.args.text)).toContain('Vastgelegd: Buurtplatform Wyck kiest');
    expect(await h.app.keuze.store.choiceOf(platform.id)).toMatchObject({ path: 'vrijwilligersorganisatie', by: `slack:T1:${USER}` });
  });
});
