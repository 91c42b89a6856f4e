/**
 * What the plan conversation shows: the step's form, its buttons (navigation, yes/no), the
 * deadline line, and user text quoted back. Pure functions of the template and the flow.
 */
import { formatDate } from '../../dates.js';
import type { Language } from '../../language.js';
import type { Button } from '../../messages.js';
import { sectionNumber, type PlanSection, type PlanTemplate } from '../../plan/index.js';
import type { PlanFlowState } from './flow-state.js';
import { BUTTON_LABELS, pt, TYPED } from './texts.js';

/** How much of a stored answer is quoted back. */
export const SNIPPET = 600;

export function deadlineLine(template: PlanTemplate, language: Language, daysLeft: number, passed: boolean): string {
  const date = formatDate(template.deadline.at, language);
  if (passed) return pt(language, 'deadlinePassed', { date });
  if (daysLeft === 0) return pt(language, 'deadlineToday', { date });
  if (daysLeft === 1) return pt(language, 'dayLeft', { date });
  return pt(language, 'daysLeft', { days: daysLeft, date });
}

export function formFor(template: PlanTemplate, section: PlanSection, language: Language, initial: string | undefined) {
  const n = sectionNumber(template, section.id);
  return {
    id: `plan:${section.id}`,
    // Whole words and whole texts: each surface fits them to its own limits (never mid-word, never less than was there).
    title: pt(language, 'formTitle', { n, title: section.title[language] }),
    label: section.question[language],
    placeholder: section.guidance[language],
    maxLength: 4000,
    ...(initial ? { initial } : {}),
  };
}

export function navButtons(language: Language): Button[] {
  return [
    { id: 'plan:skip', label: BUTTON_LABELS.skip[language], typed: TYPED.skip[language] },
    { id: 'plan:back', label: BUTTON_LABELS.back[language], typed: TYPED.back[language] },
    { id: 'plan:example', label: BUTTON_LABELS.example[language], typed: TYPED.example[language] },
    { id: 'plan:overview', label: BUTTON_LABELS.overview[language], typed: TYPED.overview[language] },
    { id: 'plan:pause', label: BUTTON_LABELS.pause[language], typed: TYPED.pause[language] },
  ];
}

export function confirmButtons(language: Language, flow: PlanFlowState): Button[] {
  const typedYes = TYPED.yes[language];
  const typedNo = TYPED.no[language];
  const [yes, no] =
    flow.mode === 'conflict'
      ? [BUTTON_LABELS.mine, BUTTON_LABELS.theirs]
      : flow.mode === 'confirm-submit'
        ? [BUTTON_LABELS.yesSubmit, BUTTON_LABELS.notYet]
        : [BUTTON_LABELS.yesReplace, BUTTON_LABELS.noKeep];
  return [
    { id: 'plan:yes', label: yes[language], typed: typedYes, style: flow.mode === 'confirm-submit' ? 'primary' : 'danger' },
    { id: 'plan:no', label: no[language], typed: typedNo },
  ];
}

/** Buttons that act on the step they were shown for; they carry its stamp. */
export const STEP_ACTIONS: ReadonlySet<string> = new Set(['plan:skip', 'plan:back', 'plan:example', 'plan:yes', 'plan:no']);

/** Where the flow is: the mode and the step. A button from another moment is stale. */
export function stampOf(flow: PlanFlowState): string {
  return `${flow.mode}/${flow.sectionId ?? '-'}`;
}

export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max).trimEnd()}…` : text;
}

/** User text shown back as a quote block, so it cannot be mistaken for the bot's own words. */
export function quote(text: string, max = SNIPPET): string {
  return shorten(text, max)
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

export function firstSentences(text: string): string {
  const paragraph = text.split(/\n\s*\n/)[0] ?? text;
  return paragraph.replace(/\s+/g, ' ').trim();
}

export function withTip(text: string, tip: string | undefined): string {
  return tip ? `${text}\n\n${tip}` : text;
}
