/**
 * The pure parts of the Discord adapter: splitting, rendering, modals, identity, commands.
 */
import { describe, expect, it } from 'vitest';
import { apiBase } from '../../src/adapters/discord/client.js';
import { KeyedQueue } from '../../src/core/keyed-queue.js';
import { COMMANDS, commandText } from '../../src/adapters/discord/commands.js';
import { FormRegistry } from '../../src/adapters/discord/forms.js';
import { DisplayNames, displayNameOf, userIdOf, userRefOf } from '../../src/adapters/discord/identity.js';
import { buildModal, modalFits, readModal } from '../../src/adapters/discord/modal.js';
import { discordBold, renderReply } from '../../src/adapters/discord/render.js';
import { joinPieces, splitMessage, splitPieces } from '../../src/adapters/discord/split.js';
import { describeFailure } from '../../src/adapters/discord/surface.js';
import type { Button, FormStep } from '../../src/core/messages.js';

describe('split', () => {
  it('cuts at paragraph, then line, then word boundaries and rebuilds the text exactly', () => {
    const text = ['Eerste alinea '.repeat(200).trim(), 'Tweede regel\nmet een regelovergang '.repeat(80).trim(), 'x'.repeat(4500)].join(
      '\n\n',
    );
    const pieces = splitPieces(text, 4000);
    expect(pieces.length).toBeGreaterThan(2);
    for (const p of pieces) expect(p.text.length).toBeLessThanOrEqual(4000);
    expect(pieces[1]?.before).toBe('\n\n');
    expect(joinPieces(pieces)).toBe(text);
  });

  it('never splits a surrogate pair on a hard cut', () => {
    const text = 'a' + '😀'.repeat(1500);
    for (const p of splitPieces(text, 2000)) {
      expect(p.text).not.toMatch(/[\uD800-\uDBFF]$/);
      expect(p.text).not.toMatch(/^[\uDC00-\uDFFF]/);
    }
    expect(joinPieces(splitPieces(text, 2000))).toBe(text);
  });

  it('keeps code blocks valid across message pieces', () => {
    const code = Array.from({ length: 150 }, (_, i) => `regel ${i} van de export`).join('\n');
    const text = `Hier is de export:\n\n\`\`\`text\n${code}\n\`\`\`\n\nDat was het.`;
    const parts = splitMessage(text, 2000);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(2000);
      expect((part.match(/```/g) ?? []).length % 2).toBe(0);
    }
    expect(parts[1]?.startsWith('```text\n')).toBe(true);
  });

  it('leaves short text alone', () => {
    expect(splitMessage('  Hallo!  ', 2000)).toEqual(['Hallo!']);
  });
});

describe('render', () => {
  const many = (n: number): Button[] => Array.from({ length: n }, (_, i) => ({ id: `b:${i}`, label: `Knop ${i}`, typed: `knop ${i}` }));

  it('puts up to 25 buttons in rows of 5 and offers the rest as typed text', () => {
    const [message] = renderReply({ text: 'Kies', buttons: many(27) });
    expect(message?.components).toHaveLength(5);
    expect(message?.components?.every((row) => row.components.length === 5)).toBe(true);
    expect(message?.content).toContain('[knop 25] Knop 25');
    expect(message?.content).toContain('[knop 26] Knop 26');
    expect(message?.content).not.toContain('[knop 24]');
  });

  it('never sends a custom_id over 100 characters or a duplicate; those become typed text', () => {
    const long = { id: 'x'.repeat(101), label: 'Lang', typed: 'lang' };
    const [message] = renderReply({
      text: 'Kies',
      buttons: [{ id: 'a', label: 'A', typed: 'a' }, { id: 'a', label: 'A2', typed: 'a2' }, long],
    });
    expect(message?.components?.[0]?.components.map((b) => ('custom_id' in b ? b.custom_id : b.url))).toEqual(['a']);
    expect(message?.content).toContain('[a2] A2');
    expect(message?.content).toContain('[lang] Lang');
  });

  it('renders a link button in Discord’s link style, with its address and no custom_id', () => {
    const [message] = renderReply({
      text: 'Overzicht',
      buttons: [{ id: 'link:page', label: 'Open', typed: 'https://bot.example/coordinator', url: 'https://bot.example/coordinator' }],
    });
    expect(message?.components?.[0]?.components).toEqual([{ type: 2, style: 5, url: 'https://bot.example/coordinator', label: 'Open' }]);
  });

  it('clamps button labels to 80 characters', () => {
    const [message] = renderReply({ text: 'Kies', buttons: [{ id: 'a', label: 'L'.repeat(120), typed: 'a' }] });
    expect(message?.components?.[0]?.components[0]?.label).toHaveLength(80);
  });

  it('shows a form as a button only when a registry accepts it', () => {
    const form: FormStep = { id: 'plan:visie', title: 'Visie', label: 'Visie', maxLength: 4000 };
    expect(renderReply({ text: 'Schrijf', form })[0]?.components).toBeUndefined();
    const forms = new FormRegistry();
    const [message] = renderReply({ text: 'Schrijf', form }, { formButton: (f) => forms.register(f, '123456') });
    const first = message?.components?.[0]?.components[0];
    const id = first && 'custom_id' in first ? first.custom_id : '';
    expect(forms.lookup(id)).toEqual({ form, userId: '123456' });
  });

  it('uses the reply language for the sources title', () => {
    const citations = [{ id: 'c', title: 'Brief', source: 'raadsinformatiebrief' }];
    expect(
      renderReply({ text: 'The plan must be handed in by 31 December 2016, and what does the board need?', citations }).at(-1)?.embeds?.[0]
        ?.title,
    ).toBe('Sources');
    expect(
      renderReply({ text: 'Het plan moet uiterlijk 31 december binnen zijn, wat moet het bestuur doen?', citations }).at(-1)?.embeds?.[0]
        ?.title,
    ).toBe('Bronnen');
  });

  it("labels the sources in the person's language when the core says it, not in the language of the quoted text", () => {
    const citations = [{ id: 'c', title: 'Letter', source: 'council letter' }];
    // A Dutch speaker shown the English entry (no Dutch one): the chrome stays Dutch.
    const reply = {
      text: 'The plan must be handed in by 31 December 2016, and what does the board need?',
      citations,
      language: 'nl' as const,
    };
    expect(renderReply(reply).at(-1)?.embeds?.[0]?.title).toBe('Bronnen');
  });
});

describe('modal', () => {
  const form = (initial: string | undefined, maxLength = 4000): FormStep => ({
    id: 'plan:visie',
    title: 'Stap 3 van 9: Visie en doelen van het buurtnetwerk',
    label: 'Wat willen jullie als buurtnetwerk bereiken in de komende twee jaar?',
    maxLength,
    ...(initial === undefined ? {} : { initial }),
  });

  it('keeps every text within Discord limits', () => {
    const modal = buildModal(form('Kort.'), 'bbmodal:plan:visie', { withDraft: true, language: 'nl' });
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect(modal.components).toHaveLength(1);
    const label = modal.components[0];
    expect(label?.type).toBe(18);
    expect(label?.label.length).toBeLessThanOrEqual(45);
    expect(label?.description).toBe('Wat willen jullie als buurtnetwerk bereiken in de komende twee jaar?');
    expect(label?.component).toMatchObject({ type: 4, style: 2, value: 'Kort.', max_length: 4000, required: true });
  });

  it('offers enough inputs for the section length, at most five', () => {
    expect(buildModal(form(undefined, 9000), 'm', { withDraft: true, language: 'nl' }).components).toHaveLength(3);
    expect(buildModal(form(undefined, 50_000), 'm', { withDraft: true, language: 'nl' }).components).toHaveLength(5);
  });

  it('round-trips a long draft and joins new text in extra inputs as a paragraph', () => {
    const initial = Array.from({ length: 9 }, (_, i) => `Alinea ${i}: ` + 'tekst over de buurt '.repeat(50).trim()).join('\n\n');
    const modal = buildModal(form(initial, 12_000), 'm', { withDraft: true, language: 'nl' });
    const inputs = modal.components.map((c) => c.component);
    const values = new Map<string, string>(inputs.map((i) => [i.custom_id, i.value ?? '']));
    expect(readModal(values)).toBe(initial);
    expect(inputs.length).toBe(3);
    const [first, second] = buildModal(form('Begin.', 8000), 'm', { withDraft: true, language: 'nl' }).components.map(
      (c) => c.component.custom_id,
    );
    if (!first || !second) throw new Error('expected two inputs');
    expect(
      readModal(
        new Map([
          [first, 'Begin.'],
          [second, 'Nieuw deel.'],
        ]),
      ),
    ).toBe('Begin.\n\nNieuw deel.');
    expect(
      readModal(
        new Map([
          [first, ''],
          [second, 'Alleen dit.'],
        ]),
      ),
    ).toBe('Alleen dit.');
  });

  it('does not offer a modal when the draft cannot fit five inputs', () => {
    expect(modalFits(form('y'.repeat(20_001)))).toBe(false);
    expect(new FormRegistry().register(form('y'.repeat(20_001)))).toBeNull();
    expect(new FormRegistry().register({ ...form('kort'), id: 'p'.repeat(95) })).toBeNull();
  });

  it('leaves the draft out for someone else', () => {
    const modal = buildModal(form('Geheim concept.'), 'm', { withDraft: false, language: 'nl' });
    expect(modal.components[0]?.component.value).toBeUndefined();
  });
});

describe('identity, commands, config', () => {
  it('maps Discord users to discord:ID refs and back', () => {
    expect(userRefOf('800000000000000001')).toBe('discord:800000000000000001');
    expect(userIdOf('discord:800000000000000001')).toBe('800000000000000001');
    expect(userIdOf('slack:T1:U1')).toBeNull();
    expect(userIdOf('discord:abc')).toBeNull();
  });

  it('prefers the server nickname, then the global name, then the username', () => {
    expect(displayNameOf({ id: '1', username: 'anna1', globalName: 'Anna' }, { nickname: 'Anna (Wyck)' })).toBe('Anna (Wyck)');
    expect(displayNameOf({ id: '1', username: 'anna1', globalName: 'Anna' }, { nickname: null })).toBe('Anna');
    expect(displayNameOf({ id: '1', username: 'anna1', globalName: null })).toBe('anna1');
  });

  it('caches display names with a bound, most recently used kept', () => {
    const names = new DisplayNames(2);
    names.remember('1', 'Een');
    names.remember('2', 'Twee');
    expect(names.get('1')).toBe('Een');
    names.remember('3', 'Drie');
    expect(names.get('2')).toBeUndefined();
    expect(names.remember('1', undefined)).toBe('Een');
  });

  it('translates slash commands into their typed equivalents', () => {
    expect(commandText('vraag', 'Wat is een buurtnetwerk?')).toBe('Wat is een buurtnetwerk?');
    expect(commandText('ask', 'What is a buurtnetwerk?')).toBe('What is a buurtnetwerk?');
    expect(commandText('plan', null)).toBe('plan');
    expect(commandText('digest', null)).toBe('digest');
    expect(commandText('onbekend', null)).toBeNull();
    for (const c of COMMANDS) {
      expect(c.name).toMatch(/^[a-z]{1,32}$/);
      expect(c.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('accepts DISCORD_API_URL with or without version and slash', () => {
    expect(apiBase('http://127.0.0.1:9/api')).toBe('http://127.0.0.1:9/api');
    expect(apiBase('http://127.0.0.1:9/api/v10/')).toBe('http://127.0.0.1:9/api');
    expect(apiBase(undefined)).toBeUndefined();
  });

  it('tells a refused token and a refused intent apart from an outage', () => {
    expect(describeFailure(Object.assign(new Error('An invalid token was provided.'), { code: 'TokenInvalid' })).retry).toBe(false);
    expect(describeFailure(new Error('Used disallowed intents')).message).toContain('Message Content');
    const outage = describeFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }));
    expect(outage.retry).toBe(true);
    expect(outage.message).toContain('unreachable');
  });

  it('a channel queue keeps order per channel and survives a failed task', async () => {
    const queue = new KeyedQueue();
    const seen: string[] = [];
    const slow = (label: string, ms: number) => () => new Promise<void>((r) => setTimeout(() => (seen.push(label), r()), ms));
    const a1 = queue.add('a', slow('a1', 30));
    const failing = queue.add('a', async () => {
      throw new Error('boom');
    });
    const a2 = queue.add('a', slow('a2', 1));
    const b1 = queue.add('b', slow('b1', 5));
    await expect(failing).rejects.toThrow('boom');
    await Promise.all([a1, a2, b1]);
    expect(seen).toEqual(['b1', 'a1', 'a2']);
    await queue.idle();
    expect(queue.size).toBe(0);
  });
});

describe('bold in Discord', () => {
  it('turns the core’s *bold* into **bold**, and leaves bullets, double stars and lone stars alone', () => {
    expect(discordBold('*Stap 1 van 9: Jullie platform* (verplicht)')).toBe('**Stap 1 van 9: Jullie platform** (verplicht)');
    expect(discordBold('al **vet** blijft')).toBe('al **vet** blijft');
    expect(discordBold('* punt een\n* punt twee')).toBe('* punt een\n* punt twee');
    expect(discordBold('3 * 4 = 12, en a*b')).toBe('3 * 4 = 12, en a*b');
    expect(renderReply({ kind: 'plan', text: 'We zijn nu bij: *Bestuur*.' })[0]?.content).toBe('We zijn nu bij: **Bestuur**.');
  });
});

describe("a reminder's deadline in Discord", () => {
  it("is shown in the reader's own time and relative (<t:…:F>, <t:…:R>)", () => {
    const [message] = renderReply({ kind: 'notice', text: 'Nog 7 dagen.', deadline: new Date('2016-12-31T22:59:00Z') });
    expect(message?.embeds?.[0]?.description).toContain('⏰ <t:1483225140:F> (<t:1483225140:R>)');
  });
});
