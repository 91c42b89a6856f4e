/**
 * Server-rendered pages: a readable, printable plan, and the coordinator overview. All user text
 * is escaped; the pages load nothing from elsewhere.
 */
import type { Digest } from '../../core/digest/digest.js';
import { progressBar } from '../../core/digest/digest-render.js';
import type { Language } from '../../core/language.js';
import type { PlanTemplate } from '../../core/plan/index.js';
import { planStatusLabel } from '../../core/plan/status.js';
import { roundHistory } from '../../core/features/review.js';
import type { ReviewEvent } from '../../core/review/ports.js';
import { openComments } from '../../core/review/rounds.js';
import type { StoredPlan } from '../../core/platforms/ports.js';
import { escapeHtml as e } from './http.js';

const STYLE = `
  body { font: 16px/1.55 system-ui, sans-serif; color:#1d2330; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #d8dce3; }
  .meta { color:#5b6475; font-size:.9rem; } .missing { color:#a61b1b; font-style: italic; } .comment { border-left: 4px solid #b7791f; background:#fffaf0; padding:.4rem .6rem; margin:.5rem 0; }
  .answer { white-space: pre-wrap; } table { border-collapse: collapse; width:100%; } th, td { text-align:left; padding:.3rem .5rem; border-bottom:1px solid #e4e7ec; vertical-align: top; }
  .bar { font-family: monospace; letter-spacing: -1px; } .notice { background:#fff6da; border:1px solid #e9d48b; padding:.5rem; margin:.4rem 0; white-space:pre-wrap; }
  .card { border:1px solid #d8dce3; border-radius:6px; padding:.5rem .75rem; margin:.5rem 0; } form.work { display:inline-block; margin:.25rem .5rem .25rem 0; }
  .chart { margin: .5rem 0; } .chart > svg { width: 100%; height: auto; } .legend { margin-right: 1rem; white-space: nowrap; }
  /* A wide table scrolls sideways on a phone instead of running off the page. */
  .scroll { overflow-x: auto; } .scroll table { min-width: 40rem; } .scroll:focus-visible { outline: 3px solid #f0a500; }
  .flash { background:#e6f4ea; border:1px solid #7bb58a; padding:.5rem .75rem; white-space:pre-wrap; }
  input, select, textarea, button { font: inherit; } textarea { width: 100%; }
  @media print { body { margin: 0; max-width: none; } .noprint { display: none; } }
`;

function page(title: string, body: string, language: Language = 'nl'): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

function date(d: Date | string | null | undefined, language: Language): string {
  if (!d) return '—';
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(
    new Date(d),
  );
}

export function renderPlanPage(plan: StoredPlan, template: PlanTemplate, language: Language, reviews: readonly ReviewEvent[] = []): string {
  const t =
    language === 'nl'
      ? {
          by: 'door',
          on: 'op',
          empty: 'Nog niet ingevuld',
          print: 'Afdrukken',
          status: 'Status',
          buurt: 'Buurt',
          submitted: 'Ingediend',
          comment: 'Opmerking coördinator',
          rounds: 'Beoordeling',
        }
      : {
          by: 'by',
          on: 'on',
          empty: 'Not filled in yet',
          print: 'Print',
          status: 'Status',
          buurt: 'Neighbourhood',
          submitted: 'Submitted',
          comment: 'Coordinator’s comment',
          rounds: 'Review',
        };
  // The comments of the current round stand beside the parts they are about.
  const comments = openComments(reviews);
  const sections = template.sections
    .map((s, i) => {
      const stored = plan.sections[s.id];
      const body = stored?.value
        ? `<div class="answer">${e(stored.text)}</div><p class="meta">${stored.authorName ? `${t.by} ${e(stored.authorName)} ` : ''}${t.on} ${date(stored.updatedAt, language)}</p>`
        : `<p class="missing">${t.empty}</p>`;
      const notes = (comments.get(s.id) ?? [])
        .map((c) => `<p class="comment"><strong>${t.comment}${c.byName ? ` (${e(c.byName)})` : ''}:</strong> ${e(c.text)}</p>`)
        .join('');
      return `<section><h2>${i + 1}. ${e(s.title[language])}</h2>${body}${notes}</section>`;
    })
    .join('');
  const history = roundHistory(reviews, language);
  const rounds = history.length
    ? `<section><h2>${t.rounds}</h2><ul>${history.map((line) => `<li>${e(line.replace(/^• /, ''))}</li>`).join('')}</ul></section>`
    : '';
  const submitted = plan.submittedAt ? ` · ${t.submitted} ${date(plan.submittedAt, language)}` : '';
  return page(
    `${template.title[language]} — ${plan.platform.name}`,
    `<p class="noprint"><button onclick="window.print()">${t.print}</button></p><h1>${e(template.title[language])}: ${e(plan.platform.name)}</h1>` +
      `<p class="meta">${plan.platform.buurt ? `${t.buurt}: ${e(plan.platform.buurt)} · ` : ''}${t.status}: ${planStatusLabel(plan.status, language)}${submitted}</p>${sections}${rounds}`,
    language,
  );
}

export function renderCoordinatorPage(digest: Digest, notices: Array<{ text: string; createdAt: Date }>, work = '', chart = ''): string {
  const rows = digest.platforms
    .map(
      (p) =>
        `<tr><td><a href="/coordinator/plan/${encodeURIComponent(p.slug)}">${e(p.name)}</a></td><td><span class="bar" aria-hidden="true">${progressBar(p.sectionsDone, p.sectionsTotal)}</span> ${p.sectionsDone}/${p.sectionsTotal}</td><td>${planStatusLabel(p.status, 'nl')}</td><td>${date(p.lastActivity, 'nl')}</td><td>${p.deadlinePassed ? 'verstreken' : p.daysToDeadline}</td><td>${e(labelOf(digest.omslag.paths, digest.choices[p.slug]))}</td><td>${e(labelOf(digest.omslag.decisions.outcomes, digest.decisions[p.slug]))}</td></tr>`,
    )
    .join('');
  const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '<p>Niets.</p>');
  return page(
    'buurtbot — coördinatoren',
    `<h1>buurtbot — overzicht voor coördinatoren</h1><p class="meta">Stand van ${date(digest.at, 'nl')} (vragen sinds ${date(digest.since, 'nl')}). Ververs de pagina voor de laatste stand.</p>${work}` +
      `<h2>Voortgang Plan van Aanpak</h2>${digest.platforms.length ? `<div class="scroll" role="region" aria-label="Voortgang per platform (schuift opzij)" tabindex="0"><table><thead><tr><th>Platform</th><th>Voortgang</th><th>Status</th><th>Laatst bewerkt</th><th>Dagen tot deadline</th><th>Keuze</th><th>Besluit jan. 2017</th></tr></thead><tbody>${rows}</tbody></table></div>` : '<p>Nog geen platforms.</p>'}` +
      omslagTable(digest) +
      chart +
      `<h2>Vragen</h2><p>${digest.questions.total} vragen (${digest.questions.byLanguage.nl} NL, ${digest.questions.byLanguage.en} EN); ${digest.questions.answered} beantwoord, ${digest.questions.unanswered} niet${digest.questions.offTopic ? `, ${digest.questions.offTopic} niet over de overstap` : ''}.</p>` +
      `<h3>Wachten op een coördinator</h3>${list(digest.waitingForCoordinator.map((w) => `<code>${e(w.id)}</code> “${e(w.text)}” — ${e(w.asker ?? '?')}`))}` +
      // The questions to teach buurtbot (content/kb/README.md); those it answers by now are only counted.
      `<h3>Niet beantwoord</h3>${list(digest.unansweredQuestions.map((q) => `“${e(q)}”`))}` +
      (digest.unansweredQuestions.length
        ? `<p class="meta">Zet een vraag in dezelfde woorden bij <code>questions:</code> van de entry die haar beantwoordt; <code>buurtbot kb unanswered</code> wijst de bestanden aan.</p>`
        : '') +
      (digest.questions.answeredSince
        ? `<p class="meta">${digest.questions.answeredSince} van de niet beantwoorde vragen beantwoordt buurtbot inmiddels.</p>`
        : '') +
      `<h3>Negatieve reacties</h3>${list(digest.negativeFeedback.map((f) => `“${e(f.question)}”: ${e(f.reason ?? '(geen reden)')}`))}` +
      `<h2>Komende deadlines</h2>${list(digest.upcomingDeadlines.map((u) => `${date(u.at, 'nl')}: ${e(u.title)} (nog ${u.daysLeft} dagen)`))}` +
      `<h2>Herinneringen</h2><p>${digest.reminders.sent} verstuurd, ${digest.reminders.failed} mislukt, ${digest.reminders.skipped} overgeslagen.</p>` +
      (digest.modelUsage
        ? `<h2>Taalmodel</h2><p>${digest.modelUsage.requests} verzoeken, ${digest.modelUsage.failures} mislukt.</p>`
        : '') +
      `<h2>Meldingen</h2>${notices.length ? notices.map((n) => `<div class="notice">${e(n.text)}<div class="meta">${date(n.createdAt, 'nl')}</div></div>`).join('') : '<p>Geen meldingen.</p>'}`,
  );
}

/** The Dutch label of a keuze path or decision outcome by id; a dash when none was recorded. */
function labelOf(options: ReadonlyArray<{ id: string; label: { nl: string } }>, id: string | undefined): string {
  return id === undefined ? '—' : (options.find((o) => o.id === id)?.label.nl ?? id);
}

/** The letter's "Indicatie omslag", live: per path the platforms now and the letter's estimate. */
function omslagTable(digest: Digest): string {
  const { omslag } = digest;
  const rows = [
    ...omslag.paths.map((p) => [e(p.label.nl), p.now, p.estimate] as const),
    ['Nog niets doorgegeven', omslag.notAnswered, '—'] as const,
    ['Initiatieven zonder buurtplatform', omslag.initiatives.now, omslag.initiatives.estimate] as const,
    ...omslag.decisions.outcomes.map((o) => [`Besluit januari 2017: ${e(o.label.nl)}`, o.now, '—'] as const),
  ];
  return (
    `<h2>Indicatie omslag: de keuze per platform</h2><table><thead><tr><th>Keuze</th><th>Nu</th><th>Inschatting brief</th></tr></thead><tbody>` +
    rows.map(([label, now, estimate]) => `<tr><td>${label}</td><td>${now}</td><td>${estimate}</td></tr>`).join('') +
    `</tbody></table>`
  );
}
