/**
 * The coordinator digest: where every platform stands and what happened since the last one. Built
 * as data (the --json output), then rendered as Markdown for chat; Slack and Discord render the
 * same data natively.
 */
import type { Clock } from '../clock.js';
import type { Language } from '../language.js';
import { overview, type PlanTemplate } from '../plan/index.js';
import { planStatusLabel, type PlanStatus } from '../plan/status.js';
import type { PlanStore, PlatformStore } from '../platforms/ports.js';
import { upcomingDeadlines, type Deadline } from '../reminders/index.js';
import type { ActivityStats, StatsSource } from './ports.js';
import { fill } from '../texts.js';
import type { Keuze } from '../transition/keuze.js';
import { countOmslag, omslagLines, type Omslag } from '../transition/omslag.js';
import { formatDate } from '../dates.js';

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
  };
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
    },
    unansweredQuestions: stats.questions
      .filter((q) => !q.answered && !q.offTopic)
      .map((q) => q.text)
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

/** A bar of 10 blocks: "███████░░░". */
export function progressBar(done: number, total: number, width = 10): string {
  const filled = total > 0 ? Math.round((done / total) * width) : 0;
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

const L = {
  nl: {
    title: 'Overzicht buurtbot',
    period: 'over {from} tot {to}',
    progress: 'Voortgang Plan van Aanpak',
    omslag: 'Indicatie omslag: de keuze per platform',
    head: ['Platform', 'Voortgang', 'Status', 'Laatst bewerkt', 'Dagen tot deadline'],
    passed: 'verstreken',
    none: 'Nog geen platforms.',
    changed: 'Ingediend of herzien sinds het vorige overzicht',
    questions: 'Vragen',
    questionsLine: '{total} vragen ({nl} Nederlands, {en} Engels); {answered} beantwoord, {unanswered} niet beantwoord.',
    offTopicLine: 'Niet over de overstap (bijvoorbeeld het weer): {count}. Die staan hieronder niet.',
    top: 'Meest gevraagd',
    unanswered: 'Niet beantwoord',
    waiting: 'Wachten op een coördinator',
    waitingHint: 'Beantwoord met `antwoord <nr> <tekst>`.',
    negative: 'Negatieve reacties',
    noReason: '(geen reden gegeven)',
    deadlines: 'Komende deadlines',
    daysLeft: 'nog {n} dagen',
    reminders: 'Herinneringen: {sent} verstuurd, {failed} mislukt, {skipped} overgeslagen.',
    model: 'Taalmodel: {requests} verzoeken, {failures} mislukt, {tokens} tokens.',
    nothing: 'Niets.',
    never: '—',
  },
  en: {
    title: 'buurtbot digest',
    period: 'from {from} to {to}',
    progress: 'Plan van Aanpak progress',
    omslag: 'Indicatie omslag: each platform’s choice',
    head: ['Platform', 'Progress', 'Status', 'Last edited', 'Days to deadline'],
    passed: 'passed',
    none: 'No platforms yet.',
    changed: 'Submitted or revised since the last digest',
    questions: 'Questions',
    questionsLine: '{total} questions ({nl} Dutch, {en} English); {answered} answered, {unanswered} not answered.',
    offTopicLine: 'Not about the transition (the weather, for example): {count}. They are not listed below.',
    top: 'Most asked',
    unanswered: 'Not answered',
    waiting: 'Waiting for a coordinator',
    waitingHint: 'Answer with `answer <nr> <text>`.',
    negative: 'Negative feedback',
    noReason: '(no reason given)',
    deadlines: 'Upcoming deadlines',
    daysLeft: '{n} days left',
    reminders: 'Reminders: {sent} sent, {failed} failed, {skipped} skipped.',
    model: 'Language model: {requests} requests, {failures} failed, {tokens} tokens.',
    nothing: 'Nothing.',
    never: '—',
  },
} as const;

function day(iso: string, language: Language): string {
  return formatDate(iso, language, { month: 'short' });
}

/** Markdown cells must not break the table: pipes and line breaks in names are neutralised. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

/** The progress table as data: column names and one row of cells per platform (already worded). */
export interface DigestTable {
  heading: string;
  columns: string[];
  rows: Array<{ name: string; cells: string[] }>;
  /** Said instead of the table when there are no platforms. */
  empty: string;
}

/**
 * The digest worded in one language, as parts a surface can lay out natively (Slack fields,
 * Discord embed fields): title, period, the progress table, then headed sections of light
 * Markdown lines (bullets, `**bold**`), and closing lines. `renderDigestMarkdown` joins the same
 * parts, so every surface says the same.
 */
export interface DigestLayout {
  title: string;
  period: string;
  progress: DigestTable;
  sections: Array<{ heading: string; lines: string[] }>;
  footer: string[];
}

export function digestLayout(d: Digest, language: Language = 'nl'): DigestLayout {
  const t = L[language];
  const progress: DigestTable = {
    heading: t.progress,
    columns: [...t.head],
    rows: d.platforms.map((p) => ({
      name: p.name,
      cells: [
        `${progressBar(p.sectionsDone, p.sectionsTotal)} ${p.sectionsDone}/${p.sectionsTotal}`,
        planStatusLabel(p.status, language),
        p.lastActivity ? day(p.lastActivity, language) : t.never,
        p.deadlinePassed ? t.passed : String(p.daysToDeadline),
      ],
    })),
    empty: t.none,
  };
  const questions = [
    fill(t.questionsLine, {
      total: d.questions.total,
      nl: d.questions.byLanguage.nl,
      en: d.questions.byLanguage.en,
      answered: d.questions.answered,
      unanswered: d.questions.unanswered,
    }),
  ];
  if (d.questions.offTopic) questions.push(fill(t.offTopicLine, { count: d.questions.offTopic }));
  if (d.questions.topTopics.length)
    questions.push('', `**${t.top}:**`, ...d.questions.topTopics.map((x) => `- ${cell(x.title)} (${x.count}×)`));
  if (d.unansweredQuestions.length) questions.push('', `**${t.unanswered}:**`, ...d.unansweredQuestions.map((q) => `- "${cell(q)}"`));
  const sections = [
    { heading: t.omslag, lines: omslagLines(d.omslag, language) },
    {
      heading: t.changed,
      lines: d.plansChanged.length
        ? d.plansChanged.map((c) => `- ${cell(c.platform)}: ${planStatusLabel(c.status, language)} (${day(c.at, language)})`)
        : [t.nothing],
    },
    { heading: t.questions, lines: questions },
    {
      heading: t.waiting,
      lines: d.waitingForCoordinator.length
        ? [...d.waitingForCoordinator.map((w) => `- ${w.id}: "${cell(w.text)}" — ${cell(w.asker ?? '?')}`), t.waitingHint]
        : [t.nothing],
    },
    {
      heading: t.negative,
      lines: d.negativeFeedback.length
        ? d.negativeFeedback.map((f) => `- "${cell(f.question)}": ${cell(f.reason ?? t.noReason)}`)
        : [t.nothing],
    },
    {
      heading: t.deadlines,
      lines: d.upcomingDeadlines.length
        ? d.upcomingDeadlines.map((u) => `- ${day(u.at, language)}: ${cell(u.title)} (${fill(t.daysLeft, { n: u.daysLeft })})`)
        : [t.nothing],
    },
  ];
  const footer = [fill(t.reminders, { sent: d.reminders.sent, failed: d.reminders.failed, skipped: d.reminders.skipped })];
  if (d.modelUsage)
    footer.push(
      fill(t.model, {
        requests: d.modelUsage.requests,
        failures: d.modelUsage.failures,
        tokens: d.modelUsage.promptTokens + d.modelUsage.completionTokens,
      }),
    );
  return { title: t.title, period: fill(t.period, { from: day(d.since, language), to: day(d.at, language) }), progress, sections, footer };
}

/** The digest as Markdown (CLI, web, terminal, the plain-text fallback of chat surfaces). */
export function renderDigestMarkdown(d: Digest, language: Language = 'nl'): string {
  const layout = digestLayout(d, language);
  const { progress } = layout;
  const out: string[] = [`# ${layout.title}`, layout.period, '', `## ${progress.heading}`];
  if (progress.rows.length === 0) out.push(progress.empty);
  else {
    out.push(`| ${progress.columns.join(' | ')} |`, `|${progress.columns.map(() => '---').join('|')}|`);
    for (const row of progress.rows) out.push(`| ${[cell(row.name), ...row.cells].join(' | ')} |`);
  }
  for (const section of layout.sections) out.push('', `## ${section.heading}`, ...section.lines);
  out.push('', ...layout.footer);
  return out.join('\n') + '\n';
}
