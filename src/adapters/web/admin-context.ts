/**
 * What the coordinator page and the plan pages get from the app: the reads they show and the turn
 * runner their forms go through (a form is one chat turn, so the page can do nothing chat cannot).
 * Narrow on purpose, like the chat surfaces' SurfaceContext: no storage, not the whole App; the
 * App satisfies it structurally.
 */
import type { Config } from '../../config/load.js';
import type { KnowledgeHolder } from '../../core/answering/knowledge-holder.js';
import type { Clock } from '../../core/clock.js';
import type { PlanTemplate } from '../../core/plan/index.js';
import type { PlanStore, PlatformStore } from '../../core/platforms/ports.js';
import type { Logger, NoticeStore, UserStore } from '../../core/ports.js';
import type { ReviewStore } from '../../core/review/ports.js';
import type { DigestService } from '../../core/scheduling/digest-service.js';
import type { Keuze } from '../../core/transition/keuze.js';
import type { TurnRunner } from '../../core/turn-runner.js';

export interface AdminContext {
  config: Config;
  logger: Logger;
  clock: Clock;
  users: Pick<UserStore, 'touch' | 'setRole'>;
  notices: Pick<NoticeStore, 'since'>;
  platforms: Pick<PlatformStore, 'bySlug' | 'pendingJoinRequests'>;
  plans: Pick<PlanStore, 'load'>;
  reviews: Pick<ReviewStore, 'list'>;
  template: () => PlanTemplate;
  digests: Pick<DigestService, 'build' | 'progress'>;
  /** The decision's outcomes, for the page's decision form. */
  keuze: Pick<Keuze, 'content'>;
  turns: Pick<TurnRunner, 'dispatch'>;
  knowledge: Pick<KnowledgeHolder, 'reload'>;
  /** The secret that signs plan links and the page's CSRF tokens. */
  linkSecret(): Promise<string>;
  enablePlanLinks(baseUrl: string): Promise<void>;
}
