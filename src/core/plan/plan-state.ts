/**
 * The data the plan functions work on. Storage and the chat flow own these records; the core
 * only reads them, so everything here is plain data (no classes, no database types).
 */
import type { PlanSection, SectionValidation } from './template-schema.js';

export interface BoardMember {
  name: string;
  role: string;
}

/** A validated answer. `text` is the answer as the user wrote it (trimmed, line breaks kept). */
export type SectionValue =
  | { kind: 'text'; text: string }
  | { kind: 'board'; members: BoardMember[]; confirmed: true; text: string }
  /** `option` is the option id; `text` its label in the language the user answered in. */
  | { kind: 'choice'; option: string; text: string };

export interface SectionState {
  /** Present only when the text passed validation. */
  value?: SectionValue;
  /** The latest text, also for drafts that did not pass validation yet. */
  text: string;
  /** The user chose to leave this section for now ("sla over"). */
  skipped?: boolean;
  author?: string;
  updatedAt?: Date;
  revision: number;
}

export interface PlanState {
  sections: Record<string, SectionState>;
}

const KIND_FOR: Record<SectionValidation['type'], SectionValue['kind']> = { text: 'text', board: 'board', choice: 'choice' };

/**
 * A section counts as answered when it holds a validated value of the kind the template asks for.
 * We do not re-run validation here: if coordinators raise a minimum later, answers that were
 * accepted stay accepted instead of silently turning a finished plan incomplete.
 */
export function isAnswered(section: PlanSection, state: PlanState): boolean {
  const value = state.sections[section.id]?.value;
  return value !== undefined && value.kind === KIND_FOR[section.validation.type];
}

export function isSkipped(section: PlanSection, state: PlanState): boolean {
  return state.sections[section.id]?.skipped === true;
}
