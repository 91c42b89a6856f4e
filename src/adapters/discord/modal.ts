/**
 * A form step as a Discord modal, and the submitted modal back as one text. A text input holds at
 * most 4,000 characters and a modal at most 5 inputs, so longer sections (or longer drafts) are
 * spread over several inputs and joined again on submit, exactly as they were split. The question
 * is spread over the first input's label and description, cut only between words.
 */
import {
  ComponentType,
  TextInputStyle,
  type APILabelComponent,
  type APIModalInteractionResponseCallbackData,
  type APITextInputComponent,
} from 'discord.js';
import type { Language } from '../../core/language.js';
import type { FormStep } from '../../core/messages.js';
import { clamp, LIMITS } from './limits.js';
import { fitSentences, fitWords, splitQuestion } from '../fit-text.js';
import { FRESH, joinInputs, SEPARATOR_CODES, separatorOf, splitPieces, type Piece } from '../text-pieces.js';
import { say } from './texts.js';
const PART_ID = /^part:(\d):([pnsx])$/;

function draftPieces(form: FormStep): Piece[] {
  return form.initial ? splitPieces(form.initial, LIMITS.textInputValue) : [];
}

function inputCount(form: FormStep, drafted: number): number {
  const byLength = Math.ceil(Math.min(form.maxLength, LIMITS.textInputValue * LIMITS.modalComponents) / LIMITS.textInputValue);
  return Math.max(1, drafted, byLength);
}

/** False when the draft does not fit five inputs: then the step is offered as typed text only. */
export function modalFits(form: FormStep): boolean {
  return draftPieces(form).length <= LIMITS.modalComponents;
}

/** A labelled text input: the only kind of modal field buurtbot uses. */
export type TextInputField = APILabelComponent & { component: APITextInputComponent };

export type FormModal = Omit<APIModalInteractionResponseCallbackData, 'components'> & { components: TextInputField[] };

export function buildModal(form: FormStep, customId: string, options: { withDraft: boolean; language: Language }): FormModal {
  const pieces = options.withDraft ? draftPieces(form) : [];
  const count = Math.min(LIMITS.modalComponents, inputCount(form, pieces.length));
  const components: TextInputField[] = [];
  // The question over the label (45) and its description (100), cut only between words.
  const question = splitQuestion(form.label, LIMITS.labelText - (count === 1 ? 0 : ` (1/${count})`.length), LIMITS.labelDescription);
  for (let i = 0; i < count; i++) {
    const piece = pieces[i];
    const separator = piece?.before ?? (i === 0 ? '' : FRESH);
    const label =
      count === 1
        ? question.label
        : i === 0
          ? `${question.label} (1/${count})`
          : `${say(options.language, 'continued')} (${i + 1}/${count})`;
    const max = count === 1 ? Math.min(Math.max(form.maxLength, 1), LIMITS.textInputValue) : LIMITS.textInputValue;
    const component: TextInputField = {
      type: ComponentType.Label,
      label: clamp(label, LIMITS.labelText),
      component: {
        type: ComponentType.TextInput,
        custom_id: `part:${i}:${SEPARATOR_CODES[separator]}`,
        style: TextInputStyle.Paragraph,
        // A draft longer than the section's limit must still fit, or Discord refuses the modal; the core checks length.
        max_length: Math.max(max, piece?.text.length ?? 0),
        required: i === 0,
        ...(piece?.text ? { value: piece.text } : {}),
        ...(i === 0 && form.placeholder ? { placeholder: fitSentences(form.placeholder, LIMITS.textInputPlaceholder) } : {}),
      },
    };
    if (i === 0 && question.description) component.description = question.description;
    components.push(component);
  }
  return { custom_id: customId, title: fitWords(form.title, LIMITS.modalTitle) || 'buurtbot', components };
}

/** Joins the submitted inputs (custom id → value) back into one text. Unknown inputs are ignored. */
export function readModal(values: ReadonlyMap<string, string>): string {
  const parts: Array<{ index: number; piece: Piece }> = [];
  for (const [id, value] of values) {
    const m = PART_ID.exec(id);
    if (!m || !m[1] || !m[2]) continue;
    parts.push({ index: Number(m[1]), piece: { text: value, before: separatorOf(m[2]) } });
  }
  return joinInputs(parts);
}
