/**
 * Where a plan stands: what is done, what is still missing, and how many days are left. Used by
 * the chat ("wat moet er nog?"), reminders and coordinator digests alike, so they agree.
 */
import type { Bilingual } from '../language.js';
import { isAnswered, isSkipped, type PlanState } from './plan-state.js';
import type { PlanSection, PlanTemplate } from './template-schema.js';
import { PLAN_TIME_ZONE, calendarDaysBetween } from './zoned-time.js';

/** A section as lists show it: "3. Visie en doelen". */
export interface SectionRef {
  id: string;
  /** 1-based position in the template: what people type to jump there. */
  number: number;
  title: Bilingual;
  required: boolean;
}

export interface PlanOverview {
  /** Answered sections (a validated value), required and optional. */
  done: SectionRef[];
  /** Required sections without a validated value, skipped or not. */
  missing: SectionRef[];
  /** Optional sections without a value that were not skipped. */
  optionalOpen: SectionRef[];
  /** Unanswered sections someone chose to skip, required or not. */
  skipped: SectionRef[];
  requiredDone: number;
  requiredTotal: number;
  /**
   * Calendar days in the plan's time zone from today to the deadline day: 0 on the deadline day
   * itself, never negative (after the deadline it stays 0 and `deadlinePassed` is true).
   */
  daysLeft: number;
  /** True once `now` is later than the deadline instant. */
  deadlinePassed: boolean;
  /** Every required section has a validated value. */
  complete: boolean;
}

export interface OverviewOptions {
  now: Date;
  deadline: Date;
  /** Defaults to Europe/Amsterdam; pass `template.deadline.timeZone` to follow the template. */
  timeZone?: string;
}

export function sectionRef(template: PlanTemplate, section: PlanSection): SectionRef {
  return {
    id: section.id,
    number: template.sections.indexOf(section) + 1,
    title: section.title,
    required: section.required,
  };
}

export function overview(template: PlanTemplate, state: PlanState, options: OverviewOptions): PlanOverview {
  const ref = (section: PlanSection): SectionRef => sectionRef(template, section);
  const answered = (section: PlanSection): boolean => isAnswered(section, state);
  const required = template.sections.filter((section) => section.required);
  const missing = required.filter((section) => !answered(section));
  const timeZone = options.timeZone ?? PLAN_TIME_ZONE;
  return {
    done: template.sections.filter(answered).map(ref),
    missing: missing.map(ref),
    optionalOpen: template.sections.filter((section) => !section.required && !answered(section) && !isSkipped(section, state)).map(ref),
    skipped: template.sections.filter((section) => !answered(section) && isSkipped(section, state)).map(ref),
    requiredDone: required.length - missing.length,
    requiredTotal: required.length,
    daysLeft: Math.max(0, calendarDaysBetween(options.now, options.deadline, timeZone)),
    deadlinePassed: options.now.getTime() > options.deadline.getTime(),
    complete: missing.length === 0,
  };
}

export type SubmitCheck = { ok: true } | { ok: false; missing: SectionRef[] };

/**
 * Can the plan be handed in: every required section holds a validated value. The deadline is
 * deliberately not checked here: the letter does not say what happens to a late plan, so whether
 * to accept one is for the chat flow or a coordinator to decide (see `overview().deadlinePassed`).
 */
export function canSubmit(template: PlanTemplate, state: PlanState): SubmitCheck {
  const missing = template.sections.filter((section) => section.required && !isAnswered(section, state));
  return missing.length === 0 ? { ok: true } : { ok: false, missing: missing.map((section) => sectionRef(template, section)) };
}
