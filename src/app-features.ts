/**
 * The conversation's features, in the order they are asked: the first that claims a message
 * answers it, so this order is behaviour. Split from the composition root (app.ts), which builds
 * the stores and services handed in here.
 */
import type { App } from './app.js';
import type { ModelServices } from './adapters/llm/index.js';
import { AskFeature } from './core/features/ask/ask-feature.js';
import { CoordinatorInboxFeature } from './core/features/ask/coordinator-inbox.js';
import { HelpFeature } from './core/features/help.js';
import { LanguageFeature } from './core/features/language.js';
import { MembershipFeature } from './core/features/membership.js';
import { KeuzeFeature } from './core/features/keuze.js';
import { DecisionFeature } from './core/features/decision.js';
import { ReviewFeature } from './core/features/review.js';
import { EventsFeature } from './core/features/events.js';
import { PlanFeature } from './core/features/plan/plan-feature.js';
import { AccountFeature } from './core/features/account.js';
import { DeviceLinkFeature } from './core/features/device-link.js';
import type { Feature } from './core/turn.js';
import type { PrismaEventSignups } from './storage/repositories/event-signups.js';

type FeatureParts = Pick<
  App,
  | 'config'
  | 'clock'
  | 'users'
  | 'conversations'
  | 'questions'
  | 'platforms'
  | 'plans'
  | 'access'
  | 'privacy'
  | 'reviews'
  | 'keuze'
  | 'outbox'
  | 'knowledge'
  | 'answerer'
  | 'digests'
  | 'template'
  | 'templates'
  | 'deadlines'
> & {
  signups: PrismaEventSignups;
  model: ModelServices | undefined;
  /** The App being built: its links are set once the web server listens, so they are read when used. */
  app: Pick<App, 'loginLink' | 'planLink' | 'calendarUrl'>;
};

export function createFeatures(parts: FeatureParts): { features: Feature[]; help: HelpFeature } {
  const { config, clock, users, conversations, questions, platforms, plans, access, privacy, reviews, keuze, outbox, knowledge } = parts;
  const { answerer, digests, template, templates, deadlines, signups, model, app } = parts;
  const features: Feature[] = [];
  const help = new HelpFeature(
    () => features,
    (user) => access.isCoordinator(user),
  );
  features.push(
    new LanguageFeature(users),
    // Before the plan flow: inside a plan step these words must not be saved as an answer.
    new DeviceLinkFeature(async (userRef) => app.loginLink?.(userRef)),
    new PlanFeature({
      platforms,
      plans,
      access,
      template,
      documents: templates,
      notifier: outbox,
      passage: (topic, language) => {
        const entry = knowledge.knowledge.entryFor(topic, language);
        return entry ? { title: entry.title, text: entry.body, source: entry.source } : undefined;
      },
      // The link is a capability for one plan and carries nobody's identity (issue 16).
      viewLink: (_userRef, slug) => app.planLink?.(slug),
      planNotNeeded: (platformId) => keuze.planNotNeeded(platformId),
      reviews,
      ...(model ? { coach: model.coach } : {}),
    }),
    help,
    // Before membership: `aanmelden workshop` is not a request to join a platform called "workshop".
    new EventsFeature({ deadlines, signups, access, clock, calendarUrl: () => app.calendarUrl }),
    new MembershipFeature({ platforms, access, notifier: outbox }),
    new KeuzeFeature({ keuze, platforms, access, notifier: outbox }),
    new DecisionFeature({ keuze, platforms, access, notifier: outbox, outbox: outbox }),
    new ReviewFeature({ platforms, plans, reviews, template, access, notifier: outbox, outbox: outbox }),
    new AccountFeature({
      users,
      privacy,
      access,
      quietHours: config.QUIET_HOURS,
      digest: async () => {
        const digest = await digests.build();
        return { digest, reply: digests.reply(digest) };
      },
    }),
    // Coordinators' `vragen`/`antwoord`/`kb toevoegen`, before the knowledge base takes the rest.
    new CoordinatorInboxFeature({ questions, access, outbox: outbox, admin: knowledge }),
    // Last: everything no other feature claims is a question for the knowledge base.
    new AskFeature({ answerer, questions, conversations, outbox: outbox }),
  );
  return { features, help };
}
