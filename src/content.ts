/**
 * Loading the content folder's plan template and deadlines, failing with a ContentError that names
 * every problem (file:line). Separate from app.ts so the CLI can check content (and name the
 * error class) without loading the whole app.
 */
import path from 'node:path';
import { loadPlanTemplate, type PlanTemplate } from './core/plan/index.js';
import { ContentError } from './content-error.js';
import { loadDeadlines, formatProblem as formatDeadlineProblem, type Deadline } from './core/reminders/index.js';

export { ContentError };

export function loadTemplateOrFail(contentDir: string): PlanTemplate {
  const file = path.join(contentDir, 'plan-template.yaml');
  const { template, problems } = loadPlanTemplate(file);
  if (!template || problems.length) {
    throw new ContentError(`the plan template has problems:\n  ${problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n  ')}`);
  }
  return template;
}

export function loadDeadlinesOrFail(contentDir: string): Deadline[] {
  const { deadlines, problems } = loadDeadlines(path.join(contentDir, 'deadlines.yaml'));
  if (problems.length) throw new ContentError(`the deadlines have problems:\n  ${problems.map(formatDeadlineProblem).join('\n  ')}`);
  return deadlines;
}

