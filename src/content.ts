/**
 * Loading the content folder's plan template and deadlines, failing with a ContentError that names
 * every problem (file:line). Separate from app.ts so the CLI can check content (and name the
 * error class) without loading the whole app.
 */
import path from 'node:path';
import { loadPlanTemplate, type PlanTemplate } from './core/plan/index.js';
import { ContentError } from './content-error.js';
import { loadDeadlines, formatProblem as formatDeadlineProblem, type Deadline } from './core/reminders/index.js';
import { readFileSync } from 'node:fs';
import { formatContentProblem } from './core/content/yaml-problems.js';
import { parseTransition } from './core/transition/loader.js';
import type { TransitionContent } from './core/transition/schema.js';

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


/** content/transition.yaml: the keuze's paths (see the file's header). */
export function loadTransitionOrFail(contentDir: string): TransitionContent {
  const file = path.join(contentDir, 'transition.yaml');
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ContentError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { content, problems } = parseTransition(source, file);
  if (!content || problems.length) throw new ContentError(`the transition paths have problems:\n  ${problems.map(formatContentProblem).join('\n  ')}`);
  return content;
}
