/**
 * The plan documents the flow can write: the default one (`plan`, content/plan-template.yaml) and
 * every other template (a Buurtplan, …) with its own words. Which template a flow, a form or a
 * section belongs to is decided here, so the flow itself never names a document.
 */
import type { PlanTemplate } from '../../plan/index.js';
import { PlanSteps } from './plan-steps.js';

export class PlanDocuments {
  private readonly steps = new Map<string, PlanSteps>();

  constructor(
    private readonly defaultTemplate: () => PlanTemplate,
    private readonly all: () => readonly PlanTemplate[] = () => [],
  ) {}

  get default(): PlanTemplate {
    return this.defaultTemplate();
  }

  /** The documents other than the default one, each opened with its own words. */
  others(): readonly PlanTemplate[] {
    const id = this.default.id;
    return this.all().filter((t) => t.id !== id);
  }

  /** The template of a flow's document (the default one when none is named or it no longer exists). */
  of(flow: { document?: string | undefined } | undefined): PlanTemplate {
    const id = flow?.document;
    return (id && this.others().find((t) => t.id === id)) || this.default;
  }

  stepsOf(flow: { document?: string | undefined } | undefined): PlanSteps {
    const id = this.of(flow).id;
    let steps = this.steps.get(id);
    if (!steps) {
      steps = new PlanSteps(() => this.of({ document: id }));
      this.steps.set(id, steps);
    }
    return steps;
  }

  /** The document a form's section belongs to (section ids are unique across documents). */
  ofSection(sectionId: string): PlanTemplate {
    return this.others().find((t) => t.sections.some((s) => s.id === sectionId)) ?? this.default;
  }
}
