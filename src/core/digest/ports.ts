import type { ProgressEvents } from './progress-history.js';

/** The figures a coordinator digest needs, over a period. Storage answers them with queries. */
export interface ActivityStats {
  questions: Array<{
    text: string;
    language: 'nl' | 'en';
    answered: boolean;
    offTopic: boolean;
    topics: string[];
    forwarded: boolean;
    createdAt: Date;
  }>;
  waitingForCoordinator: Array<{ id: string; text: string; asker: string | null; createdAt: Date }>;
  negativeFeedback: Array<{ question: string; reason: string | null; createdAt: Date }>;
  deliveries: { sent: number; failed: number; skipped: number; failures: Array<{ target: string; error: string | null }> };
  modelUsage: { requests: number; failures: number; promptTokens: number; completionTokens: number } | null;
  plansChanged: Array<{ platform: string; status: 'submitted' | 'revised'; at: Date }>;
}

export interface StatsSource {
  activity(since: Date, until: Date): Promise<ActivityStats>;
  /** When each plan part was first answered and each platform first chose: the chart's data. */
  progressEvents(): Promise<ProgressEvents>;
}
