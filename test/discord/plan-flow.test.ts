/**
 * The whole Plan van Aanpak through Discord alone: /plan, every section written in a modal,
 * submitted with buttons. Only the setup (a platform with Alice on its board) is admin work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformRecord } from '../../src/core/platforms/ports.js';
import { ALICE, type Sent, type WireButton } from '../support/fake-discord.js';
import { isEphemeral, startHarness, type Harness } from './harness.js';

let h: Harness;
let platform: PlatformRecord;

beforeAll(async () => {
  h = await startHarness();
  platform = await h.app.platforms.create({ name: 'Buurtplatform Wyck', buurt: 'Wyck' });
  await h.app.platforms.addMember(platform.id, `discord:${ALICE.id}`, 'board');
});
afterAll(async () => {
  await h?.stop();
});

const BOARD = [
  'Anna Jansen - voorzitter',
  'Piet de Vries - secretaris',
  'Karin Smeets - penningmeester',
  'Alle bestuursleden voldoen aan de formele eisen.',
].join('\n');

/** A real-looking answer with enough distinct words for any text section. */
function answerFor(sectionId: string): string {
  if (sectionId === 'bestuur') return BOARD;
  return [
    `Voor het onderdeel ${sectionId.replace(/-/g, ' ')} hebben wij als bestuur van Buurtplatform Wyck in het voorjaar met bewoners gesproken.`,
    'Tijdens drie avonden in het buurthuis kwamen ongeveer veertig mensen langs, jong en oud, huurders en eigenaren.',
    'Zij vertelden wat goed gaat in de wijk, waar zorgen liggen en welke ideeën zij zelf willen oppakken met hulp van vrijwilligers.',
    'Die gesprekken vormen de basis van dit deel van ons plan; we stemmen het af met de opbouwwerker van Trajekt en de procescoördinator.',
  ].join(' ');
}

function buttons(batch: Sent[]): WireButton[] {
  return batch.flatMap((s) => s.components.flatMap((row) => row.components));
}

describe('discord: the plan flow end to end', () => {
  it('writes every section in modals and submits the plan, without typing a single message', async () => {
    let from = h.fake.sent.length;
    h.fake.slashCommand(ALICE, 'plan');
    const written: string[] = [];
    let submitted = false;
    for (let turn = 0; turn < 40 && !submitted; turn++) {
      const batch = await h.settle(from);
      // Everything of the plan flow in a server channel is for Alice's eyes only.
      for (const s of batch) if (s.via !== 'edit' && s.callbackType !== 9) expect(isEphemeral(s)).toBe(true);
      const ids = buttons(batch).map((b) => b.custom_id);
      const formButton = ids.find((id) => id.startsWith('bbform:'));
      from = h.fake.sent.length;
      if (formButton) {
        h.fake.pressButton(ALICE, formButton);
        const [opened] = await h.fake.waitForSent(from);
        const modal = opened?.modal;
        const input = modal?.components[0]?.component;
        if (!modal || !input) throw new Error(`expected a modal, got ${JSON.stringify(opened?.raw)}`);
        const sectionId = modal.custom_id.replace(/^bbmodal:plan:/, '');
        written.push(sectionId);
        from = h.fake.sent.length;
        h.fake.submitModal(ALICE, modal.custom_id, { [input.custom_id]: answerFor(sectionId) });
      } else if (ids.some((id) => id.startsWith('plan:yes@'))) {
        // The confirmation carries the step it was shown for (plan:yes@confirm-submit/…).
        h.fake.pressButton(
          ALICE,
          ids.find((id) => id.startsWith('plan:yes@'))!,
        );
      } else if (ids.includes('plan:submit')) {
        h.fake.pressButton(ALICE, 'plan:submit');
      } else {
        submitted = batch.some((s) => /ingediend/i.test(s.content));
        if (!submitted) throw new Error(`the flow stalled: ${batch.map((s) => s.content).join(' | ')}`);
      }
    }
    expect(submitted).toBe(true);
    const template = h.app.template();
    expect(new Set(written)).toEqual(new Set(template.sections.map((s) => s.id)));
    const plan = await h.app.plans.load(platform);
    expect(plan.status).toBe('submitted');
    expect(plan.submittedBy).toBe(`discord:${ALICE.id}`);
    expect(plan.sections['bestuur']?.text).toContain('Karin Smeets');
    // Every press and submit reached the core as a button action or a form, never as typed text.
    const fromAlice = h.inbound.filter((m) => m.userRef === `discord:${ALICE.id}`);
    expect(fromAlice.filter((m) => m.form).length).toBe(template.sections.length);
    expect(fromAlice.filter((m) => m.action).map((m) => m.action?.split('@')[0])).toEqual(['plan:submit', 'plan:yes']);
  });
});

describe('discord: the keuze', () => {
  it('a board member records the keuze in a DM with the buttons', async () => {
    let from = h.fake.sent.length;
    h.fake.directMessage(ALICE, 'keuze');
    let batch = await h.settle(from);
    const ids = buttons(batch).map((b) => b.custom_id);
    expect(ids.filter((id) => id.startsWith('keuze:pick:'))).toHaveLength(5);
    // Discord bold, and the consequence of each path in the message itself.
    expect(batch.map((s) => s.content).join('\n')).toContain('**We worden een buurtnetwerk**');
    from = h.fake.sent.length;
    h.fake.pressButton(
      ALICE,
      ids.find((id) => id.endsWith(':eigen-kracht'))!,
      'dm',
    );
    batch = await h.settle(from);
    const confirm = buttons(batch)
      .map((b) => b.custom_id)
      .find((id) => id.startsWith('keuze:confirm:'));
    expect(confirm).toBe(`keuze:confirm:${platform.slug}:eigen-kracht`);
    from = h.fake.sent.length;
    h.fake.pressButton(ALICE, confirm!, 'dm');
    batch = await h.settle(from);
    expect(batch.map((s) => s.content).join('\n')).toContain('Vastgelegd: Buurtplatform Wyck kiest **Verder op eigen kracht**');
    expect(await h.app.keuze.store.choiceOf(platform.id)).toMatchObject({ path: 'eigen-kracht', by: `discord:${ALICE.id}` });
  });
});
