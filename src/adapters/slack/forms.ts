/**
 * A Reply's `form` as a Slack modal. The open-modal button carries the form itself in its value
 * (Slack hands it back on the click), so a restart between posting and clicking still opens the
 * right modal; only the pre-filled draft, which may be longer than a button value allows, waits in
 * memory. Where the conversation continues (channel, thread) travels in the modal's
 * private_metadata and comes back with the submission.
 */
import { randomUUID } from 'node:crypto';
import type { types } from '@slack/bolt';
import type { Language } from '../../core/language.js';
import type { FormStep } from '../../core/messages.js';
import { SLACK_LIMITS, truncate } from './limits.js';
import { st } from './texts.js';

export const FORM_CALLBACK_ID = 'buurtbot_form';
const INPUT_BLOCK = 'answer';
const INPUT_ACTION = 'text';

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

  constructor(
    private readonly options: { maxDrafts?: number; ttlMs?: number; now?: () => number } = {},
  ) {}

  /** The open-modal button's value. */
  encode(form: FormStep): string {
    const encoded: EncodedForm = { id: form.id, t: form.title, l: form.label, m: form.maxLength };
    if (form.placeholder) encoded.p = truncate(form.placeholder, SLACK_LIMITS.placeholder);
    if (form.initial) {
      encoded.k = randomUUID().slice(0, 12);
      this.remember(encoded.k, form.initial);
    }
    let value = JSON.stringify(encoded);
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

export function buildFormModal(form: FormStep, origin: FormOrigin, language: Language): types.ModalView {
  const maxLength = Math.max(1, Math.min(form.maxLength, SLACK_LIMITS.plainTextInput));
  const element: types.PlainTextInput = {
    type: 'plain_text_input',
    action_id: INPUT_ACTION,
    multiline: true,
    max_length: maxLength,
  };
  if (form.initial) element.initial_value = form.initial.slice(0, maxLength);
  if (form.placeholder) element.placeholder = { type: 'plain_text', text: truncate(form.placeholder, SLACK_LIMITS.placeholder) };
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK_ID,
    title: { type: 'plain_text', text: truncate(form.title, SLACK_LIMITS.modalTitle) || 'buurtbot' },
    submit: { type: 'plain_text', text: st(language, 'modal.submit') },
    close: { type: 'plain_text', text: st(language, 'modal.close') },
    private_metadata: encodeOrigin(origin),
    blocks: [
      { type: 'context', elements: [{ type: 'plain_text', text: st(language, 'modal.hint') }] },
      {
        type: 'input',
        block_id: INPUT_BLOCK,
        label: { type: 'plain_text', text: truncate(form.label, SLACK_LIMITS.inputLabel) },
        element,
      },
    ],
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
  const text = view.state?.values?.[INPUT_BLOCK]?.[INPUT_ACTION]?.value ?? '';
  return { origin, text };
}
