/**
 * The coordinator digest: where every platform stands and what happened since the last one. Built
 * as data (the --json output), then worded and rendered as Markdown for chat (digest-render.ts);
 * Slack and Discord render the same data natively.
 */
import type { Clock } from '../clock.js';
import { overview, type PlanTemplate } from '../plan/index.js';
import type { PlanStatus } from '../plan/status.js';
import type { PlanStore, PlatformStore } from '../platforms/ports.js';
import { upcomingDeadlines, type Deadline } from '../reminders/index.js';
import type { ActivityStats, StatsSource } from './ports.js';
import type { Keuze } from '../transition/keuze.js';
import { countOmslag, type Omslag } from '../transition/omslag.js';
import { onceEach } from '../knowledge/unanswered-review.js';

export interface PlatformProgressRow {
  slug: string;
  name: string;
  status: PlanStatus;
  sectionsDone: number;
  sectionsTotal: number;
  requiredDone: number;
  requiredTotal: number;
  lastActivity: string | null;
  daysToDeadline: number;
  deadlinePassed: boolean;
}

export interface Digest {
  at: string;
  since: string;
  platforms: PlatformProgressRow[];
  /** The letter's "Indicatie omslag" now: platforms per path of the keuze, next to its estimate. */
  omslag: Omslag;
  /** Each platform's current keuze (a path id), by slug; absent when none was recorded. */
  choices: Record<string, string>;
  /** Each platform's January 2017 decision (an outcome id), by slug; absent when none was recorded. */
  decisions: Record<string, string>;
  plansChanged: Array<{ platform: string; status: 'submitted' | 'revised'; at: string }>;
  /** `offTopic`: about nothing of this domain; not in `unanswered` nor in the list below. */
  questions: {
    total: number;
    answered: number;
    unanswered: number;
    offTopic: number;
    byLanguage: { nl: number; en: number };
    topTopics: Array<{ topic: string; title: string; count: number }>;
    /** Of the unanswered ones, how many the knowledge base answers by now (added to an entry since). */
    answeredSince: number;
  };
  /** Unanswered questions the knowledge base still does not answer, each once (the same words, see onceEach), at most ten. */
  unansweredQuestions: string[];
  waitingForCoordinator: Array<{ id: string; text: string; asker: string | null; since: string }>;
  negativeFeedback: Array<{ question: string; reason: string | null }>;
  upcomingDeadlines: Array<{ id: string; title: string; at: string; daysLeft: number }>;
  reminders: ActivityStats['deliveries'];
  modelUsage: ActivityStats['modelUsage'];
}

export interface DigestDeps {
  platforms: PlatformStore;
  plans: PlanStore;
  stats: StatsSource;
  template: () => PlanTemplate;
  deadlines: () => readonly Deadline[];
  topicTitle: (topic: string) => string;
  /**
   * Does the knowledge base as it is now answer this question? A question a coordinator has
   * added to an entry since it was asked is done, not work left (content/kb/README.md).
   */
  answersNow: (question: string, language: 'nl' | 'en') => boolean;
  keuze: Keuze;
  clock: Clock;
}

export const DIGEST_PERIOD_DAYS = 7;

export async function buildDigest(deps: DigestDeps, at: Date = deps.clock.now(), since?: Date): Promise<Digest> {
  const from = since ?? new Date(at.getTime() - DIGEST_PERIOD_DAYS * 86_400_000);
  const template = deps.template();
  const rows: PlatformProgressRow[] = [];
  const platforms = await deps.platforms.list();
  const [choices, decisions, initiatives] = await Promise.all([
    deps.keuze.store.currentChoices(),
    deps.keuze.store.currentDecisions(),
    deps.keuze.store.initiatives(),
  ]);
  for (const platform of platforms) {
    const plan = await deps.plans.load(platform);
    const view = overview(
      template,
      { sections: plan.sections },
      { now: at, deadline: template.deadline.at, timeZone: template.deadline.timeZone },
    );
    const lastEdit = Object.values(plan.sections).reduce<Date | null>(
      (latest, s) => (s.updatedAt && (!latest || s.updatedAt > latest) ? s.updatedAt : latest),
      null,
    );
    rows.push({
      slug: platform.slug,
      name: platform.name,
      status: plan.status,
      sectionsDone: view.done.length,
      sectionsTotal: template.sections.length,
      requiredDone: view.requiredDone,
      requiredTotal: view.requiredTotal,
      lastActivity: lastEdit ? lastEdit.toISOString() : null,
      daysToDeadline: view.daysLeft,
      deadlinePassed: view.deadlinePassed,
    });
  }
  const stats = await deps.stats.activity(from, at);
  const topicCounts = new Map<string, number>();
  for (const q of stats.questions) for (const t of q.topics.slice(0, 1)) topicCounts.set(t, (topicCounts.get(t) ?? 0) + 1);
  const topTopics = [...topicCounts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([topic, count]) => ({ topic, title: deps.topicTitle(topic), count }));
  const answered = stats.questions.filter((q) => q.answered).length;
  // Each question once (asked again in the same words), asked again of the knowledge base as it is now.
  const unanswered = onceEach(stats.questions.filter((q) => !q.answered && !q.offTopic)).map((asked) => ({
    ...asked,
    answeredNow: deps.answersNow(asked.first.text, asked.first.language),
  }));
  // Off-topic questions (the weather, football) are counted but not put before coordinators.
  const offTopic = stats.questions.filter((q) => !q.answered && q.offTopic).length;
  return {
    at: at.toISOString(),
    since: from.toISOString(),
    platforms: rows,
    omslag: countOmslag(
      deps.keuze.content,
      platforms.map((p) => p.id),
      { choices, decisions, initiatives: initiatives.length },
    ),
    choices: bySlug(platforms, (id) => choices.get(id)?.path),
    decisions: bySlug(platforms, (id) => decisions.get(id)?.outcome),
    plansChanged: stats.plansChanged.map((p) => ({ ...p, at: p.at.toISOString() })),
    questions: {
      total: stats.questions.length,
      answered,
      unanswered: stats.questions.length - answered - offTopic,
      offTopic,
      byLanguage: {
        nl: stats.questions.filter((q) => q.language === 'nl').length,
        en: stats.questions.filter((q) => q.language === 'en').length,
      },
      topTopics,
      answeredSince: unanswered.filter((q) => q.answeredNow).reduce((sum, q) => sum + q.times, 0),
    },
    unansweredQuestions: unanswered
      .filter((q) => !q.answeredNow)
      .map((q) => q.first.text)
      .slice(0, 10),
    waitingForCoordinator: stats.waitingForCoordinator.map((w) => ({
      id: w.id.slice(-6),
      text: w.text,
      asker: w.asker,
      since: w.createdAt.toISOString(),
    })),
    negativeFeedback: stats.negativeFeedback.map((f) => ({ question: f.question, reason: f.reason })),
    upcomingDeadlines: upcomingDeadlines(deps.deadlines(), at, 3).map((u) => ({
      id: u.deadline.id,
      title: u.deadline.title.nl,
      at: u.deadlineAt.toISOString(),
      daysLeft: u.daysLeft,
    })),
    reminders: stats.deliveries,
    modelUsage: stats.modelUsage,
  };
}

/** `value(platform id)` by platform slug, leaving out platforms without one. */
function bySlug(
  platforms: ReadonlyArray<{ id: string; slug: string }>,
  value: (platformId: string) => string | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of platforms) {
    const v = value(p.id);
    if (v !== undefined) out[p.slug] = v;
  }
  return out;
}
