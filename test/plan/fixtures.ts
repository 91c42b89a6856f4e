/** Shared test data: the real template from content/, and plan states built from it. */
import { fileURLToPath } from 'node:url';
import { loadPlanTemplate } from '../../src/content-files.js';
import type { PlanTemplate } from '../../src/core/plan/template-schema.js';
import type { PlanState, SectionValue } from '../../src/core/plan/plan-state.js';

export const TEMPLATE_FILE = fileURLToPath(new URL('../../content/plan-template.yaml', import.meta.url));

export function defaultTemplate(): PlanTemplate {
  const { template, problems } = loadPlanTemplate(TEMPLATE_FILE);
  if (template === undefined) throw new Error(`template did not load: ${JSON.stringify(problems)}`);
  return template;
}

export const GOOD_BOARD_TEXT = [
  'Anna Jansen - voorzitter',
  'Piet de Vries - secretaris',
  'Karin Smeets - penningmeester',
  'Alle bestuursleden voldoen aan de formele eisen.',
].join('\n');

/** A validated value of the right kind for any section, without going through chat. */
export function valueFor(template: PlanTemplate, id: string): SectionValue {
  const section = template.sections.find((item) => item.id === id);
  if (section === undefined) throw new Error(`no section ${id}`);
  if (section.validation.type === 'board') {
    return {
      kind: 'board',
      members: [
        { name: 'Anna Jansen', role: 'voorzitter' },
        { name: 'Piet de Vries', role: 'secretaris' },
        { name: 'Karin Smeets', role: 'penningmeester' },
      ],
      confirmed: true,
      text: GOOD_BOARD_TEXT,
    };
  }
  return { kind: 'text', text: `Antwoord voor ${id}.` };
}

/** A plan state where exactly the listed sections are answered (and the skipped ones skipped). */
export function stateWith(template: PlanTemplate, answered: readonly string[], skipped: readonly string[] = []): PlanState {
  const sections: PlanState['sections'] = {};
  for (const id of answered) {
    const value = valueFor(template, id);
    sections[id] = { value, text: value.text, revision: 1 };
  }
  for (const id of skipped) sections[id] = { text: '', skipped: true, revision: 0 };
  return { sections };
}
