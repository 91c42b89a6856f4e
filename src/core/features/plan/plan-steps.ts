/**
 * Where a plan stands against its template: the sections, their numbers, which are done, and
 * which comes next (skipped ones last). Pure; the plan feature asks it, the views number with it.
 */
import { nextOpenSection, sectionNumber, type PlanSection, type PlanState, type PlanTemplate } from '../../plan/index.js';
import type { StoredPlan } from '../../platforms/ports.js';
import type { PlanFlowState } from './flow-state.js';

export class PlanSteps {
  constructor(private readonly template: () => PlanTemplate) {}

  section(id: string): PlanSection | undefined {
    return this.template().sections.find((s) => s.id === id);
  }

  number(section: PlanSection): number {
    return sectionNumber(this.template(), section.id);
  }

  isDone(section: PlanSection, plan: StoredPlan): boolean {
    return plan.sections[section.id]?.value !== undefined;
  }

  planState(plan: StoredPlan, flow: Pick<PlanFlowState, 'skipped'>): PlanState {
    const sections: PlanState['sections'] = {};
    for (const [id, s] of Object.entries(plan.sections)) sections[id] = { ...s, skipped: false };
    for (const id of flow.skipped) sections[id] = { ...(sections[id] ?? { text: '', revision: 0 }), skipped: true };
    return { sections };
  }

  next(plan: StoredPlan, flow: PlanFlowState, afterId: string | undefined): PlanSection | undefined {
    return nextOpenSection(this.template(), this.planState(plan, flow), afterId);
  }

  currentOrNext(plan: StoredPlan, flow: PlanFlowState): PlanSection | undefined {
    const current = flow.sectionId ? this.section(flow.sectionId) : undefined;
    return current ?? this.next(plan, flow, undefined);
  }
}
