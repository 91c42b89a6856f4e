/**
 * Form steps shown as a button that opens a modal. A modal must be opened as the very first
 * answer to the button press (within 3 seconds, no time to ask the core), so the form's title,
 * label and draft text are kept here under a short key that travels in the button's custom_id.
 * Kept in memory: after a restart old form buttons answer with a friendly "expired" note.
 */
import crypto from 'node:crypto';
import type { FormStep } from '../../core/messages.js';
import { LIMITS } from './limits.js';
import { modalFits } from './modal.js';

export const FORM_BUTTON_PREFIX = 'bbform:';
export const MODAL_PREFIX = 'bbmodal:';

export interface FormEntry {
  form: FormStep;
  /** The person the form was rendered for; only they get the draft text pre-filled. */
  userId?: string;
}

export class FormRegistry {
  private readonly entries = new Map<string, FormEntry>();
  constructor(private readonly capacity = 2000) {}

  /** The custom_id for a button opening this form, or null when Discord cannot show it as a modal. */
  register(form: FormStep, userId?: string): string | null {
    if (!modalCustomId(form.id) || !modalFits(form)) return null;
    const key = crypto.randomBytes(9).toString('base64url');
    this.entries.set(key, userId === undefined ? { form } : { form, userId });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    return FORM_BUTTON_PREFIX + key;
  }

  lookup(customId: string): FormEntry | null {
    if (!customId.startsWith(FORM_BUTTON_PREFIX)) return null;
    return this.entries.get(customId.slice(FORM_BUTTON_PREFIX.length)) ?? null;
  }
}

/** The modal's custom_id carries the step id, so a submit works even if the registry forgot the form. */
export function modalCustomId(stepId: string): string | null {
  const id = MODAL_PREFIX + stepId;
  return id.length <= LIMITS.customId ? id : null;
}

export function stepIdOfModal(customId: string): string | null {
  return customId.startsWith(MODAL_PREFIX) ? customId.slice(MODAL_PREFIX.length) : null;
}
