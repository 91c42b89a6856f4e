/** The keuze and initiatives as the core sees them; storage implements this on Prisma. */

export interface ChoiceRecord {
  platformId: string;
  /** A path id from content/transition.yaml. */
  path: string;
  /** Who chose; null once that person asked to be forgotten (the choice stays the platform's). */
  by: string | null;
  byName: string | null;
  at: Date;
}

export interface InitiativeRecord {
  id: string;
  buurt: string;
  /** Who registered it, to be contacted; null once forgotten. */
  contact: string | null;
  contactName: string | null;
  createdAt: Date;
}

export interface DecisionRecord {
  platformId: string;
  /** An outcome id from content/transition.yaml (`decision.outcomes`). */
  outcome: string;
  note: string | null;
  /** The coordinator who recorded it; null once forgotten. */
  by: string | null;
  byName: string | null;
  at: Date;
}

export interface TransitionStore {
  /** Adds a choice; the latest one per platform is its current choice, earlier ones are its history. */
  recordChoice(platformId: string, path: string, by: string, at: Date): Promise<void>;
  /** The current choice of every platform that made one, by platform id. */
  currentChoices(): Promise<Map<string, ChoiceRecord>>;
  choiceOf(platformId: string): Promise<ChoiceRecord | null>;
  registerInitiative(input: { buurt: string; contact: string; at: Date }): Promise<InitiativeRecord>;
  initiatives(): Promise<InitiativeRecord[]>;
  /** Adds a decision; the latest per platform is the current one. */
  recordDecision(platformId: string, input: { outcome: string; note: string | null; by: string; at: Date }): Promise<void>;
  currentDecisions(): Promise<Map<string, DecisionRecord>>;
  /** One platform's current decision (its latest), or null. */
  decisionOf(platformId: string): Promise<DecisionRecord | null>;
}
