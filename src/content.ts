/**
 * Loading the content folder's plan template and deadlines, failing with a ContentError that names
 * every problem (file:line). Separate from app.ts so the CLI can check content (and name the
 * error class) without loading the whole app.
 */
import path from 'node:path';
import type { PlanTemplate } from './core/plan/index.js';
import { loadDeadlines, loadPlanTemplate, readText } from './content-files.js';
import { ContentError } from './content-error.js';
import { formatProblem as formatDeadlineProblem, type Deadline } from './core/reminders/index.js';
import { readdirSync } from 'node:fs';
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

/**
 * Every plan document: content/plan-template.yaml (the default document, opened with `plan`) first,
 * then each other `content/*-template.yaml` (a Buurtplan, …), each with its own id, chat words and
 * deadline. Ids and section ids must be unique across them: a form or button names only its section.
 */
export function loadTemplatesOrFail(contentDir: string): PlanTemplate[] {
  const templates = [loadTemplateOrFail(contentDir)];
  const others = readdirSync(contentDir)
    .filter((f) => f.endsWith('-template.yaml') && f !== 'plan-template.yaml')
    .sort();
  const problems: string[] = [];
  for (const name of others) {
    const file = path.join(contentDir, name);
    const { template, problems: found } = loadPlanTemplate(file);
    if (!template || found.length) {
      problems.push(...found.map((p) => `${p.file}:${p.line}: ${p.message}`));
      continue;
    }
    if (template.words.length === 0) problems.push(`${file}: a second document needs "words:" (what people type to open it)`);
    const ids = new Set(templates.map((t) => t.id));
    if (ids.has(template.id)) problems.push(`${file}: id "${template.id}" is already another document's (give each template its own id)`);
    const sections = new Set(templates.flatMap((t) => t.sections.map((s) => s.id)));
    for (const s of template.sections)
      if (sections.has(s.id)) problems.push(`${file}: section id "${s.id}" is already used by another document`);
    templates.push(template);
  }
  if (problems.length) throw new ContentError(`the plan templates have problems:\n  ${problems.join('\n  ')}`);
  return templates;
}

export function loadDeadlinesOrFail(contentDir: string): Deadline[] {
  const { deadlines, problems } = loadDeadlines(path.join(contentDir, 'deadlines.yaml'));
  if (problems.length) throw new ContentError(`the deadlines have problems:\n  ${problems.map(formatDeadlineProblem).join('\n  ')}`);
  return deadlines;
}

/** content/transition.yaml: the keuze's paths (see the file's header). */
export function loadTransitionOrFail(contentDir: string): TransitionContent {
  const file = path.join(contentDir, 'transition.yaml');
  const read = readText(file);
  if ('reason' in read) throw new ContentError(`cannot read ${file}: ${read.reason}`);
  const { content, problems } = parseTransition(read.text, file);
  if (!content || problems.length)
    throw new ContentError(`the transition paths have problems:\n  ${problems.map(formatContentProblem).join('\n  ')}`);
  return content;
}
