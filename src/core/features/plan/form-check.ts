/**
 * The plan's form check for surfaces that validate inside a modal (Feature.checkForm): the same
 * validateAnswer the turn runs, as a pure call on the template, so a too-short answer keeps the
 * modal open with the reason next to the text instead of closing it.
 */
import type { Language } from '../../language.js';
import { validateAnswer, type PlanTemplate } from '../../plan/index.js';

export const PLAN_FORM_PREFIX = 'plan:';

export function planFormProblem(template: PlanTemplate, form: { stepId: string; text: string }, language: Language): string | undefined {
  if (!form.stepId.startsWith(PLAN_FORM_PREFIX)) return undefined;
  const sectionId = form.stepId.slice(PLAN_FORM_PREFIX.length);
  const section = template.sections.find((s) => s.id === sectionId);
  // An unknown step (the template changed since the modal opened): the turn answers it.
  if (!section) return undefined;
  const result = validateAnswer(section, form.text, language);
  return result.ok ? undefined : result.reason;
}
