/**
 * The composition root: the one place that builds the parts and wires them together. Nothing is
 * created at import time anywhere else; tests build an App the same way with their own clock and
 * database.
 */
import path from 'node:path';
import { loadDeadlinesOrFail, loadTemplatesOrFail, loadTransitionOrFail } from './content.js';
import { knowledgeFolder } from './content-files.js';
export { ContentError } from './content-error.js';
import type { Config } from './config/load.js';
import { KnowledgeHolder } from './core/answering/knowledge-holder.js';
import { OfflineAnswererAdapter } from './core/answering/offline.js';
import { createModelServices, type ModelServices } from './adapters/llm/index.js';
import type { Answerer, QuestionStore } from './core/answering/ports.js';
import type { PlanStore, PlatformStore } from './core/platforms/ports.js';
import type { PrivacyStore } from './core/privacy/ports.js';
import type { Clock } from './core/clock.js';
import { systemClock } from './core/clock.js';
import { TurnRunner } from './core/turn-runner.js';
import { ConversationEngine } from './core/engine.js';
import { createFeatures } from './app-features.js';
import { PrismaEventSignups } from './storage/repositories/event-signups.js';
import type { ReviewStore } from './core/review/ports.js';
import { PrismaReviewStore } from './storage/repositories/reviews.js';
import { Keuze } from './core/transition/keuze.js';
import { PrismaTransitionStore } from './storage/repositories/transition.js';
import { PlanHome } from './core/features/plan/plan-home.js';
import { detectLanguage } from './core/knowledge/index.js';
import type { PlanTemplate } from './core/plan/index.js';
import { AccessPolicy } from './core/platforms/access.js';
import type { Logger, NoticeStore, WebSessionStore } from './core/ports.js';
import { MessengerOutbox, WebMessenger } from './outbox.js';
import type { Deadline } from './core/reminders/index.js';
import { ReminderService } from './core/scheduling/reminder-service.js';
import { DigestService } from './core/scheduling/digest-service.js';
import { realSleep, type Sleep } from './core/reminders/ports.js';
import { PrismaDeliveryStore } from './storage/repositories/deliveries.js';
import { PrismaEmbeddingCache, PrismaUsageStore } from './storage/repositories/model-stores.js';
import { PrismaLeaseStore } from './storage/repositories/leases.js';
import { PrismaPrivacyStore } from './storage/repositories/privacy.js';
import { PrismaStatsSource } from './storage/repositories/stats.js';
import { openDatabase, type Database } from './storage/database.js';
import { PrismaNoticeStore } from './storage/repositories/notices.js';
import { PrismaPlanStore } from './storage/repositories/plans.js';
import { PrismaPlatformStore } from './storage/repositories/platforms.js';
import { PrismaSettings } from './storage/repositories/settings.js';
import { planLinkMaker } from './adapters/web/signed-link.js';
import { loginLinkMaker } from './adapters/web/login.js';
import { PrismaWebSessions } from './storage/repositories/web-sessions.js';
import { createTurnStores, type TurnStores } from './storage/turn-stores.js';

export interface App {
  config: Config;
  logger: Logger;
  clock: Clock;
  database: Database;
  users: TurnStores['users'];
  conversations: TurnStores['conversations'];
  notices: NoticeStore;
  inbox: TurnStores['inbox'];
  platforms: PlatformStore;
  plans: PlanStore;
  questions: QuestionStore;
  access: AccessPolicy;
  knowledge: KnowledgeHolder;
  answerer: Answerer;
  template: () => PlanTemplate;
  /** Every plan document (the default one first): the Plan van Aanpak, a Buurtplan, … */
  templates: () => readonly PlanTemplate[];
  deadlines: () => readonly Deadline[];
  /** The keuze: paths (content) and every platform's choice. */
  keuze: Keuze;
  /** Review rounds of handed-in plans (comments, returns, acceptances). */
  reviews: ReviewStore;
  outbox: MessengerOutbox;
  reminders: ReminderService;
  digests: DigestService;
  leases: PrismaLeaseStore;
  privacy: PrivacyStore;
  /** Plan progress per person, for overview surfaces such as Slack's App Home. */
  planHome: PlanHome;
  engine: ConversationEngine;
  /** The one path of every turn: inbox, order, engine, delivery (src/core/turn-runner.ts). */
  turns: TurnRunner;
  /** Set by enablePlanLinks: a read-only, expiring link to one platform's readable plan (no identity in it). */
  planLink?: ((slug: string) => string | undefined) | undefined;
  /** Web browser sessions and one-time login codes (hashed). */
  webSessions: WebSessionStore;
  /** Set by enablePlanLinks: a one-time link that signs a browser in as `userRef`. */
  loginLink?: ReturnType<typeof loginLinkMaker> | undefined;
  /**
   * Called by the web server when it listens: plans shown in chat link to a readable page under
   * `baseUrl`, and `apparaat koppelen` hands out login links there.
   */
  enablePlanLinks(baseUrl: string): Promise<void>;
  /** This install's secret for signed links and form tokens (created once, kept in the database). */
  linkSecret(): Promise<string>;
  /** Set by the web server when it listens: the public calendar feed with every deadline and event. */
  calendarUrl?: string | undefined;
  /** Set by the web server when the coordinator page is on (COORDINATOR_TOKEN): its address. */
  coordinatorPageUrl?: string | undefined;
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  logger: Logger;
  /** Apply pending migrations (PostgreSQL); embedded SQLite always migrates. */
  migrate?: boolean;
  /** Waits between retries of a failed send (tests pass one that does not wait). */
  sleep?: Sleep;
  /** Build the search index at start (default); one-off CLI commands skip it until a question needs it. */
  prepareKnowledge?: boolean;
  /** Replace the answerer (the model-backed one is chosen here once configured). */
  answerer?: (offline: Answerer, app: Pick<App, 'knowledge' | 'database' | 'logger' | 'clock'>) => Answerer;
}

export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger;
  // Content first (a broken template stops startup before anything opens). Every plan document;
  // the first is the default one (`plan`), the rest open with their own words.
  const templates = loadTemplatesOrFail(config.contentDir);
  const template = templates[0]!;
  const deadlines = loadDeadlinesOrFail(config.contentDir);
  const transition = loadTransitionOrFail(config.contentDir);
  const knowledge = new KnowledgeHolder(knowledgeFolder(path.join(config.contentDir, 'kb')), { prepare: true });
  const loaded = await knowledge.reload({ prepare: options.prepareKnowledge !== false });
  if (loaded.problems)
    logger.warn(
      { problems: knowledge.problems.slice(0, 20) },
      `knowledge base loaded with ${loaded.problems} problem(s); run buurtbot kb validate`,
    );

  const database = await openDatabase({
    url: config.DATABASE_URL,
    rootDir: config.rootDir,
    migrate: options.migrate ?? config.BUURTBOT_AUTO_MIGRATE,
  });
  if (database.migrations?.applied.length) logger.info({ applied: database.migrations.applied }, 'database migrated');
  const db = database.db;
  const { users, conversations, inbox, questions } = createTurnStores(database);
  const notices = new PrismaNoticeStore(db);
  const platforms = new PrismaPlatformStore(db);
  const plans = new PrismaPlanStore(db);
  const access = new AccessPolicy(platforms);
  const outbox = new MessengerOutbox(new WebMessenger(notices), logger);
  const leases = new PrismaLeaseStore(db);
  const privacy = new PrismaPrivacyStore(db);
  const webSessions = new PrismaWebSessions(db, () => clock.now());
  const reviews = new PrismaReviewStore(db);
  const signups = new PrismaEventSignups(db);
  const keuze = new Keuze({ store: new PrismaTransitionStore(db), content: () => transition });
  const reminders = new ReminderService({
    platforms,
    plans,
    template: () => template,
    deadlines: () => deadlines,
    planNotNeeded: async (platformId) => (await keuze.planNotNeeded(platformId)) !== null,
    signups,
    messengers: () => outbox.all(),
    outbox,
    store: new PrismaDeliveryStore(db, 'reminder'),
    settings: { quietHours: config.QUIET_HOURS, channelPostTime: config.CHANNEL_POST_TIME, graceHours: config.REMINDER_GRACE_HOURS },
    clock,
    logger,
    sleep: options.sleep ?? realSleep,
  });
  const digests = new DigestService({
    platforms,
    plans,
    stats: new PrismaStatsSource(db),
    template: () => template,
    deadlines: () => deadlines,
    topicTitle: (topic) => knowledge.knowledge.entryFor(topic, 'nl')?.title ?? topic,
    answersNow: (question, language) => knowledge.knowledge.answer(question, { language }).answered,
    keuze,
    clock,
    messengers: () => outbox.all(),
    store: new PrismaDeliveryStore(db, 'digest'),
    logger,
    pageUrl: () => app.coordinatorPageUrl,
  });

  const offline = new OfflineAnswererAdapter(() => knowledge.knowledge);
  // With a model configured: answers grounded in the knowledge base; the offline answerer is the gate and the fallback.
  let model: ModelServices | undefined;
  try {
    model = config.model
      ? createModelServices(config, {
          knowledge: () => knowledge.knowledge,
          offline,
          logger,
          clock,
          stores: { usage: new PrismaUsageStore(db), embeddings: new PrismaEmbeddingCache(db) },
        })
      : undefined;
  } catch (error) {
    await database.close();
    throw error;
  }
  const answerer = options.answerer ? options.answerer(offline, { knowledge, database, logger, clock }) : (model?.answerer ?? offline);

  const app = {} as App;
  const { features, help } = createFeatures({
    config,
    clock,
    users,
    conversations,
    questions,
    platforms,
    plans,
    access,
    privacy,
    reviews,
    keuze,
    outbox,
    knowledge,
    answerer,
    digests,
    template: () => template,
    templates: () => templates,
    deadlines: () => deadlines,
    signups,
    model,
    app,
  });

  const engine = new ConversationEngine({
    users,
    conversations,
    features,
    clock,
    logger,
    detectLanguage: (text, fallback) => detectLanguage(text, fallback),
    maxMessageLength: config.MAX_MESSAGE_LENGTH,
    opening: (input) => help.opening(input),
  });
  const turns = new TurnRunner({ engine, inbox, logger, leaseMs: config.INBOX_LEASE_SECONDS * 1000 });

  return Object.assign(app, {
    config,
    logger,
    clock,
    database,
    users,
    conversations,
    notices,
    inbox,
    platforms,
    plans,
    questions,
    access,
    knowledge,
    answerer,
    template: () => template,
    templates: () => templates,
    deadlines: () => deadlines,
    keuze,
    reviews,
    outbox,
    reminders,
    digests,
    leases,
    privacy,
    planHome: new PlanHome({ platforms, plans, template: () => template, clock, keuze }),
    engine,
    turns,
    webSessions,
    linkSecret: () => new PrismaSettings(db).linkSecret(),
    async enablePlanLinks(baseUrl) {
      const secret = await app.linkSecret();
      app.planLink = planLinkMaker(secret, baseUrl, () => clock.now().getTime());
      app.loginLink = loginLinkMaker(webSessions, baseUrl);
    },
    async close() {
      turns.stop();
      await turns.idle();
      // Background embedding writes to the database: stop it before the database closes.
      await model?.close();
      await database.close();
    },
  } satisfies App);
}
