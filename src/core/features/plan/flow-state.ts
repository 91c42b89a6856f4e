import type { SectionValue } from '../../plan/index.js';
import type { ConversationState } from '../../state.js';

/** Where one person is in the plan flow; stored in the conversation, so a restart resumes here. */
export interface PlanFlowState {
  slug: string;
  /** Which document (plan template id); absent in flows saved before there were several: the default one. */
  document?: string | undefined;
  sectionId?: string | undefined;
  /** The section's revision when it was shown: saving checks it to catch concurrent edits. */
  baseRevision: number;
  mode: 'answer' | 'confirm-overwrite' | 'conflict' | 'confirm-submit';
  /** A validated answer waiting for a yes/no (overwrite or conflict). */
  pending?: { text: string; value: SectionValue } | undefined;
  /** Sections this person chose to skip for now (not shared with the other board members). */
  skipped: string[];
}

export function getFlow(state: ConversationState): PlanFlowState | undefined {
  const plan = state.plan as Partial<PlanFlowState> | undefined;
  if (!plan || typeof plan.slug !== 'string') return undefined;
  return { baseRevision: 0, mode: 'answer', skipped: [], ...plan } as PlanFlowState;
}

export function setFlow(state: ConversationState, flow: PlanFlowState | undefined): void {
  state.plan = flow ? (JSON.parse(JSON.stringify(flow)) as Record<string, unknown>) : undefined;
}
