/**
 * Form steps: a button that opens a modal, and the modal's submit reaching the core as `form`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormStep } from '../../src/core/messages.js';
import { ALICE, BOB, type Modal, type Sent, type WireButton, type WireTextInput } from '../support/fake-discord.js';
import { isEphemeral, startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

/** The modal a callback opened (fails the test when the bot answered something else). */
function modalOf(sent: Sent | undefined): Modal {
  if (!sent?.modal) throw new Error(`expected a modal, got ${JSON.stringify(sent?.raw)}`);
  return sent.modal;
}

/** Text inputs of a modal, in order. */
function inputs(sent: Sent | undefined): WireTextInput[] {
  return modalOf(sent).components.map((c) => c.component);
}

function formButton(sentMessage: Sent | undefined): WireButton {
  const button = sentMessage?.components.flatMap((row) => row.components).find((c) => c.custom_id.startsWith('bbform:'));
  if (!button) throw new Error('no form button');
  return button;
}

describe('discord: form steps as modals', () => {
  it('a short section: one paragraph input with the draft; the submit reaches the core as form', async () => {
    const form: FormStep = {
      id: 'plan:visie',
      title: 'Visie',
      label: 'Wat wil jullie buurtnetwerk bereiken?',
      initial: 'Een buurt waar iedereen meedoet.',
      maxLength: 3000,
    };
    h.canned.set('schrijf', [
      { kind: 'plan', text: 'Schrijf jullie visie.', form, buttons: [{ id: 'plan:skip', label: 'Overslaan', typed: 'overslaan' }] },
    ]);
    h.canned.set('form:plan:visie', [{ kind: 'plan', text: 'Opgeslagen.' }]);
    let from = h.fake.sent.length;
    h.fake.directMessage(ALICE, 'schrijf');
    const [prompt] = await h.fake.waitForSent(from);
    const button = formButton(prompt);
    expect(button.label).toContain('Visie');
    expect(button.custom_id.length).toBeLessThanOrEqual(100);
    // The form button comes first, then the core's own buttons.
    expect(prompt?.components[0]?.components.map((c) => c.custom_id)).toEqual([button.custom_id, 'plan:skip']);

    from = h.fake.sent.length;
    h.fake.pressButton(ALICE, button.custom_id, 'dm');
    const [modal] = await h.fake.waitForSent(from);
    expect(modal).toMatchObject({ via: 'callback', callbackType: 9 });
    expect(modalOf(modal).custom_id).toBe('bbmodal:plan:visie');
    expect(modalOf(modal).title).toBe('Visie');
    const fields = inputs(modal);
    expect(fields).toHaveLength(1);
    expect(fields[0]).toMatchObject({ value: 'Een buurt waar iedereen meedoet.', max_length: 3000, required: true, style: 2 });
    // No core turn happens before the modal opens (it must be the first response).
    const turnsBefore = h.inbound.length;

    from = h.fake.sent.length;
    const submit = h.fake.submitModal(ALICE, 'bbmodal:plan:visie', { [fields[0]!.custom_id]: 'Een buurt waar iedereen telt.' }, 'dm');
    const [saved] = await h.fake.waitForSent(from);
    expect(h.inbound.slice(turnsBefore)).toHaveLength(1);
    expect(h.inbound.at(-1)).toMatchObject({
      id: submit,
      form: { stepId: 'plan:visie', text: 'Een buurt waar iedereen telt.' },
      userRef: `discord:${ALICE.id}`,
    });
    expect(saved).toMatchObject({ via: 'callback', callbackType: 4, content: 'Opgeslagen.' });
  });

  it('a draft over 4,000 characters is spread over several inputs and joined back exactly', async () => {
    const paragraph = (n: number) =>
      `Alinea ${n}: ` + 'wij organiseren activiteiten in de buurt en betrekken bewoners daarbij. '.repeat(25).trim();
    const initial = [1, 2, 3, 4, 5, 6].map(paragraph).join('\n\n');
    expect(initial.length).toBeGreaterThan(8000);
    const form: FormStep = {
      id: 'plan:activiteiten',
      title: 'Activiteiten',
      label: 'Welke activiteiten plannen jullie?',
      initial,
      maxLength: 12000,
    };
    h.canned.set('lang', [{ kind: 'plan', text: 'Pas de activiteiten aan.', form }]);
    h.canned.set('form:plan:activiteiten', [{ kind: 'plan', text: 'Bijgewerkt.' }]);
    let from = h.fake.sent.length;
    h.fake.slashCommand(BOB, 'vraag', { vraag: 'lang' });
    const [prompt] = await h.fake.waitForSent(from);
    from = h.fake.sent.length;
    h.fake.pressButton(BOB, formButton(prompt).custom_id);
    const [modal] = await h.fake.waitForSent(from);
    const fields = inputs(modal);
    expect(fields.length).toBeGreaterThanOrEqual(3);
    expect(fields.length).toBeLessThanOrEqual(5);
    for (const f of fields) expect((f.value ?? '').length).toBeLessThanOrEqual(4000);
    for (const c of modalOf(modal).components) expect(c.label.length).toBeLessThanOrEqual(45);

    // Submit the inputs unchanged: the core gets the draft back, character for character.
    from = h.fake.sent.length;
    h.fake.submitModal(BOB, modalOf(modal).custom_id, Object.fromEntries(fields.map((f) => [f.custom_id, f.value ?? ''])));
    const [done] = await h.fake.waitForSent(from);
    expect(h.inbound.at(-1)?.form).toEqual({ stepId: 'plan:activiteiten', text: initial });
    expect(isEphemeral(done)).toBe(true);
  });

  it('a long question is spread over the label and its description, cut only between words; the title too', async () => {
    const section = h.app.template().sections[0]!;
    const question = section.question.nl;
    expect(question.length).toBeGreaterThan(45);
    const form: FormStep = {
      id: 'plan:vraag-lang',
      title: `Stap 5: ${'Activiteiten en planning 2017-2018'} en meer`,
      label: question,
      placeholder: section.guidance.nl,
      maxLength: 3000,
    };
    h.canned.set('lange vraag', [{ kind: 'plan', text: 'Vertel.', form }]);
    let from = h.fake.sent.length;
    h.fake.directMessage(ALICE, 'lange vraag');
    const [prompt] = await h.fake.waitForSent(from);
    from = h.fake.sent.length;
    h.fake.pressButton(ALICE, formButton(prompt).custom_id, 'dm');
    const [modal] = await h.fake.waitForSent(from);
    const [first] = modalOf(modal).components;
    expect(first?.label.length).toBeLessThanOrEqual(45);
    expect(`${first?.label} ${first?.description ?? ''}`.trim()).toBe(question);
    const title = modalOf(modal).title;
    expect(title.length).toBeLessThanOrEqual(45);
    expect(title.endsWith('…')).toBe(true);
    expect(form.title.charAt(title.length - 1)).toMatch(/\s/);
    // The placeholder: whole sentences of the guidance.
    const placeholder = first?.component.placeholder ?? '';
    expect(placeholder.length).toBeLessThanOrEqual(100);
    expect(placeholder).toMatch(/[.!?]$/);
    expect(section.guidance.nl.replace(/\s+/g, ' ')).toContain(placeholder);
  });

  it('someone else pressing a shared form button gets an empty form, not the other person\u2019s draft', async () => {
    const form: FormStep = {
      id: 'plan:bestuur',
      title: 'Bestuur',
      label: 'Wie zitten in het bestuur?',
      initial: 'Anna, Piet en Fatima.',
      maxLength: 2000,
    };
    h.canned.set('bestuur', [{ kind: 'plan', text: 'Wie zitten in het bestuur?', form }]);
    let from = h.fake.sent.length;
    h.fake.channelMessage(ALICE, `<@900000000000000001> bestuur`, {
      mentions: [{ id: '900000000000000001', username: 'buurtbot', bot: true }],
    });
    const [prompt] = await h.fake.waitForSent(from);
    from = h.fake.sent.length;
    h.fake.pressButton(BOB, formButton(prompt).custom_id);
    const [modal] = await h.fake.waitForSent(from);
    expect(modal?.callbackType).toBe(9);
    expect(inputs(modal)[0]?.value).toBeUndefined();
  });

  it('a form button from before a restart answers with a friendly note instead of failing', async () => {
    h.canned.set('oud', [{ text: 'Oude knop', buttons: [{ id: 'bbform:verlopen123', label: 'Schrijf', typed: 'schrijf' }] }]);
    let from = h.fake.sent.length;
    h.fake.slashCommand(ALICE, 'vraag', { vraag: 'oud' });
    await h.fake.waitForSent(from);
    from = h.fake.sent.length;
    h.fake.pressButton(ALICE, 'bbform:verlopen123');
    const [note] = await h.fake.waitForSent(from);
    expect(note).toMatchObject({ via: 'callback', callbackType: 4 });
    expect(note?.content).toMatch(/verlopen/);
    expect(isEphemeral(note)).toBe(true);
  });
});
