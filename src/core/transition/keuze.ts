/**
 * The keuze as the rest of the core asks about it: which path a platform is on, whether it still
 * owes a Plan van Aanpak, whether choosing is still open. Content (the paths) and storage (the
 * choices) behind one small object, so the plan flow, reminders and the digest agree.
 */
import type { ChoiceRecord, TransitionStore } from './ports.js';
import type { DecisionOutcome, TransitionContent, TransitionPath } from './schema.js';

export class Keuze {
  constructor(private readonly deps: { store: TransitionStore; content: () => TransitionContent }) {}

  get content(): TransitionContent {
    return this.deps.content();
  }

  get store(): TransitionStore {
    return this.deps.store;
  }

  path(id: string): TransitionPath | undefined {
    return this.content.paths.find((p) => p.id === id);
  }

  outcome(id: string): DecisionOutcome | undefined {
    return this.content.decision.outcomes.find((o) => o.id === id);
  }

  /** Choosing (and changing a choice) is open until the letter's deadline. */
  isOpen(at: Date): boolean {
    return at.getTime() <= this.content.deadline.at.getTime();
  }

  async current(platformId: string): Promise<{ record: ChoiceRecord; path: TransitionPath | undefined } | null> {
    const record = await this.deps.store.choiceOf(platformId);
    return record ? { record, path: this.path(record.path) } : null;
  }

  /**
   * The chosen path when it leads away from a Plan van Aanpak (stop, volunteer organisation, own
   * steam); null while the platform goes ahead, has not decided, or has not answered. A path id no
   * longer in the content counts as undecided: nobody is told "no plan needed" by a removed option.
   */
  async planNotNeeded(platformId: string): Promise<TransitionPath | null> {
    const path = (await this.current(platformId))?.path;
    return path && leadsAwayFromPlan(path) ? path : null;
  }
}

/** A decided path without a Plan van Aanpak (stop, volunteer organisation, own steam). */
export function leadsAwayFromPlan(path: TransitionPath): boolean {
  return !path.needsPlan && !path.undecided;
}
