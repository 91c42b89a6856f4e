/**
 * What the parts of the plan conversation share: the dependencies, the documents, and opening the
 * person's plan (checked on every turn: membership can be withdrawn while a conversation is open).
 */
import type { Language } from '../../language.js';
import type { Reply } from '../../messages.js';
import type { PlanSection, PlanTemplate } from '../../plan/index.js';
import type { StoredPlan } from '../../platforms/ports.js';
import type { TurnContext } from '../../turn.js';
import { setFlow, type PlanFlowState } from './flow-state.js';
import { pt } from './texts.js';
import type { PlanSteps } from './plan-steps.js';
import type { PlanDocuments } from './plan-documents.js';
import type { PlanFeatureDeps } from './plan-feature.js';

export class PlanParts {
  constructor(
    protected readonly deps: PlanFeatureDeps,
    protected readonly documents: PlanDocuments,
  ) {}

  templateOf(flow: { document?: string | undefined } | undefined): PlanTemplate {
    return this.documents.of(flow);
  }

  stepsOf(flow: { document?: string | undefined } | undefined): PlanSteps {
    return this.documents.stepsOf(flow);
  }

  async openPlan(turn: TurnContext, flow: PlanFlowState): Promise<StoredPlan | undefined> {
    const platform = await this.deps.platforms.bySlug(flow.slug);
    // Membership can be withdrawn while a conversation is open: check on every turn.
    if (!platform || !(await this.deps.access.canUsePlan(turn.user, platform))) return undefined;
    return this.deps.plans.load(platform, this.templateOf(flow).id);
  }

  lostAccess(turn: TurnContext): Reply[] {
    turn.state.flow = undefined;
    setFlow(turn.state, undefined);
    return [{ kind: 'plan', text: pt(turn.language, 'notMember') }];
  }

  /** Coaching applies to free-text sections only; a failing coach never disturbs the flow. */
  async tip(section: PlanSection, text: string, language: Language): Promise<string | undefined> {
    if (!this.deps.coach || section.validation.type !== 'text') return undefined;
    return this.deps.coach(section, text, language).catch(() => undefined);
  }
}
