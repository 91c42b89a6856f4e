/**
 * A Reply's `form` as a Slack modal. The open-modal button carries the form itself in its value
 * (Slack hands it back on the click), so a restart between posting and clicking still opens the
 * right modal; only the pre-filled draft, which may be longer than a button value allows, waits in
 * memory. Where the conversation continues (channel, thread) travels in the modal's
 * private_metadata and comes back with the submission. Text longer than one input holds is spread
 * over several inputs and joined again: a modal never saves less than it showed.
 */
import { randomUUID } from 'node:crypto';
import type { types } from '@slack/bolt';
import type { Language } from '../../core/language.js';
import type { FormStep } from '../../core/messages.js';
import { FRESH, joinInputs, SEPARATOR_CODES, separatorOf, splitPieces, type Piece } from '../text-pieces.js';
import { fitWords } from '../fit-text.js';
import { SLACK_LIMITS, truncate } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { st } from './texts.js';

export const FORM_CALLBACK_ID = 'buurtbot_form';
const INPUT_BLOCK = 'answer';
/** The first input's block: where a validation error is shown. */
export const FORM_INPUT_BLOCK = INPUT_BLOCK;
const INPUT_ACTION = 'text';
const QUESTION_BLOCK = 'question';
const PART_BLOCK = /^answer:(\d+):([pnsx])$/;
/** Empty inputs offered at most: room for the longest answer the core accepts (MAX_ANSWER_CHARS, 20,000). */
const MAX_INPUTS = 7;

interface EncodedForm {
  id: string;
  t: string;
  l: string;
  m: number;
  p?: string;
  /** Key of the draft kept in memory. */
  k?: string;
}

/** Where the answer to a modal goes: the conversation the form button was pressed in. */
export interface FormOrigin {
  stepId: string;
  channel: string;
  threadTs?: string;
  /** For forms on ephemeral messages: answer ephemerally again. */
  ephemeral?: boolean;
}

export class FormRegistry {
  private readonly drafts = new Map<string, { text: string; at: number }>();

  constructor(private readonly options: { maxDrafts?: number; ttlMs?: number; now?: () => number } = {}) {}

  /** The open-modal button's value. */
  encode(form: FormStep): string {
    const encoded: EncodedForm = { id: form.id, t: form.title, l: form.label, m: form.maxLength };
    if (form.placeholder) encoded.p = form.placeholder;
    if (form.initial) {
      encoded.k = randomUUID().slice(0, 12);
      this.remember(encoded.k, form.initial);
    }
    let value = JSON.stringify(encoded);
    if (value.length > SLACK_LIMITS.buttonValue && encoded.p) {
      // The guidance is also in the message the button sits under: it goes first.
      delete encoded.p;
      value = JSON.stringify(encoded);
    }
    if (value.length > SLACK_LIMITS.buttonValue) {
      // A very long label is the only part that can grow; the modal shows the rest.
      encoded.l = truncate(encoded.l, Math.max(40, encoded.l.length - (value.length - SLACK_LIMITS.buttonValue) - 10));
      value = JSON.stringify(encoded);
    }
    return value;
  }

  decode(value: string | undefined): FormStep | null {
    if (!value) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return null;
    }
    if (!isEncodedForm(parsed)) return null;
    const form: FormStep = { id: parsed.id, title: parsed.t, label: parsed.l, maxLength: parsed.m };
    if (parsed.p) form.placeholder = parsed.p;
    const draft = parsed.k ? this.draft(parsed.k) : undefined;
    if (draft) form.initial = draft;
    return form;
  }

  private remember(key: string, text: string): void {
    const now = this.now();
    this.drafts.set(key, { text, at: now });
    const max = this.options.maxDrafts ?? 2000;
    while (this.drafts.size > max) {
      const oldest = this.drafts.keys().next().value;
      if (oldest === undefined) break;
      this.drafts.delete(oldest);
    }
  }

  private draft(key: string): string | undefined {
    const entry = this.drafts.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.at > (this.options.ttlMs ?? 24 * 3600_000)) {
      this.drafts.delete(key);
      return undefined;
    }
    return entry.text;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}

function isEncodedForm(value: unknown): value is EncodedForm {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.t === 'string' && typeof v.l === 'string' && typeof v.m === 'number';
}

/**
 * The modal: the whole question in a section at the top (an input label would do, but a section
 * reads as the question it is), the guidance as the placeholder when it fits whole, else beside
 * the input; a title of whole words. A plain_text_input holds at most 3,000 characters, so a
 * longer draft (or a form that allows more) is spread over several inputs: the first keeps
 * block_id `answer`, the others `answer:<i>:<separator code>`, and the submission joins them back
 * exactly as they were split.
 */
export function buildFormModal(form: FormStep, origin: FormOrigin, language: Language): types.ModalView {
  const title = fitWords(form.title, SLACK_LIMITS.modalTitle) || 'buurtbot';
  const heading = title === form.title ? '' : `*${escapeMrkdwn(form.title)}*\n`;
  const blocks: types.KnownBlock[] = [
    {
      type: 'section',
      block_id: QUESTION_BLOCK,
      text: { type: 'mrkdwn', text: truncate(`${heading}${escapeMrkdwn(form.label)}`, SLACK_LIMITS.sectionText) },
    },
  ];
  const guidance = form.placeholder?.trim();
  const asPlaceholder = guidance && guidance.length <= SLACK_LIMITS.placeholder ? guidance : undefined;
  if (guidance && !asPlaceholder)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(`💡 ${escapeMrkdwn(guidance)}`, SLACK_LIMITS.sectionText) }],
    });

  const pieces = form.initial ? splitPieces(form.initial, SLACK_LIMITS.plainTextInput) : [];
  const byLength = Math.ceil(Math.max(1, form.maxLength) / SLACK_LIMITS.plainTextInput);
  // Every piece of the draft gets its input (nothing shown cut); empty extra inputs only up to the cap.
  const count = Math.max(1, pieces.length, Math.min(byLength, MAX_INPUTS));
  for (let i = 0; i < count; i++) {
    const piece = pieces[i];
    const separator = piece?.before ?? (i === 0 ? '' : FRESH);
    const element: types.PlainTextInput = {
      type: 'plain_text_input',
      action_id: INPUT_ACTION,
      multiline: true,
      max_length: count === 1 ? Math.max(1, Math.min(form.maxLength, SLACK_LIMITS.plainTextInput)) : SLACK_LIMITS.plainTextInput,
    };
    if (piece?.text) element.initial_value = piece.text;
    if (i === 0 && asPlaceholder) element.placeholder = { type: 'plain_text', text: asPlaceholder };
    const label =
      count === 1
        ? st(language, 'modal.answer')
        : i === 0
          ? `${st(language, 'modal.answer')} (1/${count})`
          : `${st(language, 'modal.continued')} (${i + 1}/${count})`;
    blocks.push({
      type: 'input',
      block_id: i === 0 ? INPUT_BLOCK : `${INPUT_BLOCK}:${i}:${SEPARATOR_CODES[separator]}`,
      label: { type: 'plain_text', text: label },
      element,
      ...(i > 0 ? { optional: true } : {}),
    });
  }
  blocks.push({ type: 'context', elements: [{ type: 'plain_text', text: st(language, 'modal.hint') }] });
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK_ID,
    title: { type: 'plain_text', text: title },
    submit: { type: 'plain_text', text: st(language, 'modal.submit') },
    close: { type: 'plain_text', text: st(language, 'modal.close') },
    private_metadata: encodeOrigin(origin),
    blocks,
  };
}

function encodeOrigin(origin: FormOrigin): string {
  const out: Record<string, string | boolean> = { s: origin.stepId, c: origin.channel };
  if (origin.threadTs) out.t = origin.threadTs;
  if (origin.ephemeral) out.e = true;
  return JSON.stringify(out).slice(0, SLACK_LIMITS.privateMetadata);
}

/** The submitted text and where it belongs, or null for a view that is not ours or is damaged. */
export function readFormSubmission(view: {
  private_metadata?: string;
  state?: { values?: Record<string, Record<string, { value?: string | null }>> };
}): { origin: FormOrigin; text: string } | null {
  let meta: unknown;
  try {
    meta = JSON.parse(view.private_metadata ?? '');
  } catch {
    return null;
  }
  if (typeof meta !== 'object' || meta === null) return null;
  const m = meta as Record<string, unknown>;
  if (typeof m.s !== 'string' || typeof m.c !== 'string') return null;
  const origin: FormOrigin = { stepId: m.s, channel: m.c };
  if (typeof m.t === 'string') origin.threadTs = m.t;
  if (m.e === true) origin.ephemeral = true;
  const parts: Array<{ index: number; piece: Piece }> = [];
  for (const [blockId, inputs] of Object.entries(view.state?.values ?? {})) {
    const value = inputs[INPUT_ACTION]?.value ?? '';
    if (blockId === INPUT_BLOCK) parts.push({ index: 0, piece: { text: value, before: '' } });
    const m = PART_BLOCK.exec(blockId);
    if (m?.[1] && m[2]) parts.push({ index: Number(m[1]), piece: { text: value, before: separatorOf(m[2]) } });
  }
  return { origin, text: joinInputs(parts) };
}
