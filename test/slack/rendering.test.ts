/**
 * Pure rendering and parsing: mrkdwn escaping and conversion, splitting within limits, Block Kit
 * for a Reply, the form round trip, Slack markup in, slash command words.
 */
import { describe, expect, it } from 'vitest';
import { FORM_ACTION, renderReply, type RenderOptions } from '../../src/adapters/slack/blocks.js';
import { buildFormModal, FormRegistry, readFormSubmission } from '../../src/adapters/slack/forms.js';
import { escapeMrkdwn, fromSlackText, splitMrkdwn, toMrkdwn } from '../../src/adapters/slack/mrkdwn.js';
import { parseSlashCommand } from '../../src/adapters/slack/slash-command.js';
import type { Reply } from '../../src/core/messages.js';

const forms = new FormRegistry();
const options: RenderOptions = { formValue: (f) => forms.encode(f), formButtonLabel: (f) => `✏️ ${f.title}` };

describe('mrkdwn', () => {
  it('escapes &, < and > so user text cannot mention, link or ping', () => {
    expect(escapeMrkdwn('<!channel> & <@U1> <https://x|y>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; &lt;https://x|y&gt;');
    expect(toMrkdwn('Hoi <!here>, zie <#C1>')).toBe('Hoi &lt;!here&gt;, zie &lt;#C1&gt;');
  });

  it('turns the core’s Markdown into mrkdwn and keeps our own links live', () => {
    expect(toMrkdwn('**Let op**: lees [de brief](https://www.maastricht.nl/brief?a=1&b=2) eerst')).toBe(
      '*Let op*: lees <https://www.maastricht.nl/brief?a=1&amp;b=2|de brief> eerst',
    );
    expect(toMrkdwn('# Overzicht\n- een\n- twee')).toBe('*Overzicht*\n• een\n• twee');
    // Slack's own bold and code stay as they are.
    expect(toMrkdwn('*vet* en `plan`')).toBe('*vet* en `plan`');
  });

  it('splits long text at paragraph, line or word breaks, never inside an entity or a link', () => {
    const text = `${'a'.repeat(2990)} &amp; <https://example.org|link>\n\n${'b '.repeat(2000)}`;
    const pieces = splitMrkdwn(text, 3000);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(3000);
    expect(pieces.join(' ')).toContain('&amp;');
    expect(pieces.some((p) => p.includes('<https://example.org|link>'))).toBe(true);
    const word = splitMrkdwn(`${'x'.repeat(2998)}&amp;yyy`, 3000);
    expect(word[0]?.endsWith('x')).toBe(true);
    expect(word[1]?.startsWith('&amp;')).toBe(true);
  });

  it('reads Slack markup in a message as plain text', () => {
    expect(fromSlackText('<@UBOT> hoi <@U2|piet> in <#C1|algemeen>: <!here> <mailto:a@b.nl|a@b.nl> &lt;tag&gt; &amp;', 'UBOT')).toBe(
      'hoi @piet in #algemeen: @here a@b.nl <tag> &',
    );
    expect(fromSlackText('<https://x.nl>')).toBe('https://x.nl');
  });
});

describe('Block Kit rendering of a Reply', () => {
  it('renders text, citations as context, buttons as actions with action_id = id and value = typed', () => {
    const reply: Reply = {
      text: 'Het Plan van Aanpak moet *uiterlijk 31 december 2016* binnen zijn.',
      citations: [{ id: 'rib', title: 'Raadsinformatiebrief <2016>', source: 'Gemeente Maastricht' }],
      buttons: [
        { id: 'feedback:up:q1', label: 'Nuttig', typed: 'nuttig', style: 'primary' },
        { id: 'feedback:down:q1', label: 'Niet nuttig', typed: 'niet nuttig' },
        { id: 'feedback:up:q1', label: 'Dubbel', typed: 'x' },
      ],
    };
    const [message, ...rest] = renderReply(reply, options);
    expect(rest).toHaveLength(0);
    expect(message?.blocks.map((b) => b.type)).toEqual(['section', 'context', 'actions']);
    expect(JSON.stringify(message?.blocks[1])).toContain('Raadsinformatiebrief &lt;2016&gt;');
    const actions = message?.blocks[2] as { elements: Array<{ action_id: string; value: string; style?: string }> };
    expect(actions.elements.map((e) => [e.action_id, e.value, e.style])).toEqual([
      ['feedback:up:q1', 'nuttig', 'primary'],
      ['feedback:down:q1', 'niet nuttig', undefined],
    ]);
    expect(message?.text).toContain('uiterlijk 31 december 2016');
  });

  it('renders a link button with its address (Slack opens it; the click is only acknowledged)', () => {
    const [message] = renderReply(
      {
        text: 'Overzicht',
        buttons: [{ id: 'link:page', label: 'Open', typed: 'https://bot.example/coordinator', url: 'https://bot.example/coordinator' }],
      },
      options,
    );
    const actions = message?.blocks.find((b) => b.type === 'actions') as { elements: Array<Record<string, unknown>> } | undefined;
    expect(actions?.elements[0]).toMatchObject({ type: 'button', action_id: 'link:page', url: 'https://bot.example/coordinator' });
  });

  it('shows a reminder\'s deadline in the reader\'s own time and as "in N days"', () => {
    const [message] = renderReply({ kind: 'notice', text: 'Nog 7 dagen.', deadline: new Date('2016-12-31T22:59:00Z') }, options);
    const context = JSON.stringify(message?.blocks.find((b) => b.type === 'context'));
    expect(context).toContain('⏰ <!date^1483225140^{date_long_pretty} {time} ({ago})|2016-12-31 22:59 UTC>');
  });

  it('shows a citation by its short label (document and section) when it has one', () => {
    const [message] = renderReply(
      {
        text: 'Uiterlijk 31 december 2016.',
        citations: [
          {
            id: 'x',
            title: 'Plan van Aanpak inleveren uiterlijk 31 december 2016',
            source: 'Lange bron; § Meer',
            label: 'Raadsinformatiebrief (2016), § Wat gebeurde er tot nu, punt 2',
          },
        ],
      },
      options,
    );
    const context = JSON.stringify(message?.blocks.find((b) => b.type === 'context'));
    expect(context).toContain('📄 Raadsinformatiebrief (2016), § Wat gebeurde er tot nu, punt 2');
    expect(context).not.toContain('Plan van Aanpak inleveren');
  });

  it('adds a primary open-modal button for a form, first among the buttons', () => {
    const reply: Reply = {
      text: 'Stap 1',
      buttons: [{ id: 'plan:skip', label: 'Overslaan', typed: 'overslaan' }],
      form: { id: 'plan:visie', title: 'Visie en doelen', label: 'Wat willen jullie bereiken?', maxLength: 4000, initial: 'Concept' },
    };
    const [message] = renderReply(reply, options);
    const actions = message?.blocks.find((b) => b.type === 'actions') as {
      elements: Array<{ action_id: string; value: string; style?: string }>;
    };
    expect(actions.elements[0]).toMatchObject({ action_id: FORM_ACTION, style: 'primary' });
    expect(forms.decode(actions.elements[0]?.value)).toMatchObject({
      id: 'plan:visie',
      title: 'Visie en doelen',
      initial: 'Concept',
      maxLength: 4000,
    });
  });

  it('gives a message of only buttons a readable fallback text', () => {
    const [message] = renderReply({ text: '', buttons: [{ id: 'help', label: 'Hulp', typed: 'hulp' }] }, options);
    expect(message?.text).toBe('Hulp (hulp)');
  });

  it('keeps more than 25 buttons in several actions blocks', () => {
    const buttons = Array.from({ length: 30 }, (_, i) => ({ id: `b${i}`, label: `Knop ${i}`, typed: `${i}` }));
    const [message] = renderReply({ text: 'Kies', buttons }, options);
    const actionBlocks = message?.blocks.filter((b) => b.type === 'actions') as Array<{ elements: unknown[] }>;
    expect(actionBlocks.map((b) => b.elements.length)).toEqual([25, 5]);
  });
});

describe('forms as modals', () => {
  it('builds a modal inside Slack’s limits and reads the submission back with its origin', () => {
    const form = {
      id: 'plan:bestuur',
      title: 'Stap 2 van 7: Het bestuur van het platform',
      label: 'Wie zitten er in het bestuur?',
      maxLength: 4000,
      initial: 'Anna',
    };
    const modal = buildFormModal(form, { stepId: form.id, channel: 'D1', threadTs: '1.2' }, 'nl');
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    expect(modal.submit?.text).toBe('Opslaan');
    const input = modal.blocks.find((b) => b.type === 'input') as { element: { max_length: number; initial_value: string } };
    expect(input.element.max_length).toBe(3000);
    expect(input.element.initial_value).toBe('Anna');
    const submission = readFormSubmission({
      ...(modal.private_metadata !== undefined ? { private_metadata: modal.private_metadata } : {}),
      state: { values: { answer: { text: { value: 'Anna Jansen - voorzitter' } } } },
    });
    expect(submission).toEqual({ origin: { stepId: 'plan:bestuur', channel: 'D1', threadTs: '1.2' }, text: 'Anna Jansen - voorzitter' });
    expect(readFormSubmission({ private_metadata: 'not json' })).toBeNull();
  });

  it('still opens the right modal (without the draft) after a restart forgot the draft', () => {
    const value = new FormRegistry().encode({ id: 'plan:x', title: 'X', label: 'Vraag', maxLength: 500, initial: 'concept' });
    expect(new FormRegistry().decode(value)).toEqual({ id: 'plan:x', title: 'X', label: 'Vraag', maxLength: 500 });
  });
});

describe('/buurtbot words', () => {
  it('understands vraag/ask, plan, help and digest, and takes anything else as a question', () => {
    expect(parseSlashCommand('vraag Wanneer moet het plan binnen zijn?')).toEqual({
      kind: 'ask',
      text: 'Wanneer moet het plan binnen zijn?',
    });
    expect(parseSlashCommand('ask When is the plan due?')).toEqual({ kind: 'ask', text: 'When is the plan due?' });
    expect(parseSlashCommand('plan')).toEqual({ kind: 'plan', text: 'plan' });
    expect(parseSlashCommand('')).toEqual({ kind: 'help', text: 'hulp' });
    expect(parseSlashCommand('help')).toEqual({ kind: 'help', text: 'help' });
    expect(parseSlashCommand('digest')).toEqual({ kind: 'digest', text: 'digest' });
    expect(parseSlashCommand('wat is een buurtnetwerk?')).toEqual({ kind: 'ask', text: 'wat is een buurtnetwerk?' });
  });
});
