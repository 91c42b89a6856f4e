/** The plan-of-approach core: template, answer validation, progress, navigation, export. */
export { CONFIRMATION_SENTENCE } from './answer-messages.js';
export type { Confirmation } from './board-confirmation.js';
export { parseBoard, type ParsedBoard } from './board-parse.js';
export { matchChoice } from './choice.js';
export {
  planToJson,
  planToJsonObject,
  renderPlanMarkdown,
  type ExportSection,
  type PlanForExport,
  type PlanJson,
  type PlanStatus,
} from './export.js';
export { findSection, nextOpenSection, previousSection, sectionNumber } from './navigation.js';
export { isAnswered, isSkipped, type BoardMember, type PlanState, type SectionState, type SectionValue } from './plan-state.js';
export { canSubmit, overview, sectionRef, type OverviewOptions, type PlanOverview, type SectionRef, type SubmitCheck } from './progress.js';
export { parsePlanTemplate, type TemplateLoad, type TemplateProblem } from './template.js';
export type {
  BoardValidation,
  ChoiceOption,
  ChoiceValidation,
  PlanDeadline,
  PlanSection,
  PlanTemplate,
  SectionValidation,
  TextValidation,
} from './template-schema.js';
export { MAX_ANSWER_CHARS, cleanAnswer } from './text-checks.js';
export { validateAnswer, type ValidationResult } from './validate.js';
export { PLAN_TIME_ZONE, calendarDaysBetween } from './zoned-time.js';
