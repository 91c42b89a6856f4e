/**
 * The digest (digest.ts) worded in Dutch or English: the layout every surface lays out (Slack
 * fields, Discord embeds) and the Markdown for the CLI, web and the plain-text fallback. Split
 * from digest.ts, which gathers the data.
 */
import { formatDate } from '../dates.js';
import type { Language } from '../language.js';
import { planStatusLabel } from '../plan/status.js';
import { fill } from '../texts.js';
import { omslagLines } from '../transition/omslag.js';
import type { Digest } from './digest.js';

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
    answeredSince: '{count} van de niet beantwoorde vragen beantwoordt buurtbot inmiddels.',
    teach:
      'Zet een vraag in dezelfde woorden bij `questions:` van de entry die haar beantwoordt; `buurtbot kb unanswered` wijst de bestanden aan.',
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
    answeredSince: 'buurtbot answers {count} of the unanswered questions by now.',
    teach: 'Add a question, in the same words, to `questions:` of the entry that answers it; `buurtbot kb unanswered` points to the files.',
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
  if (d.unansweredQuestions.length)
    questions.push('', `**${t.unanswered}:**`, ...d.unansweredQuestions.map((q) => `- "${cell(q)}"`), '', t.teach);
  // After a blank line: a line right under a list item would be read as part of it.
  if (d.questions.answeredSince) questions.push('', fill(t.answeredSince, { count: d.questions.answeredSince }));
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
