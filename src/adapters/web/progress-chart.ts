/**
 * The coordinator page's chart of progress per week, as inline SVG (no script, no library, allowed
 * by the page's CSP), with the same numbers in a table for screen readers and for reading exact
 * values. Two lines: plan parts written (all platforms) and platforms with a keuze.
 */
import type { WeekPoint } from '../../core/digest/progress-history.js';
import { formatDate } from '../../core/dates.js';
import { escapeHtml as e } from './http.js';

// Small enough that its 15-unit text stays readable when a phone scales it down to ~360 px.
const W = 420;
const H = 200;
const PAD = { left: 36, right: 8, top: 12, bottom: 34 };
const SERIES = [
  { key: 'partsWritten', label: 'Onderdelen van plannen ingevuld', color: '#2b6cb0', dash: '' },
  { key: 'platformsChosen', label: 'Platforms met een keuze', color: '#b7791f', dash: '6 4' },
] as const;

export function renderProgressChart(points: readonly WeekPoint[]): string {
  if (points.length < 2) return '';
  const max = Math.max(1, ...points.flatMap((p) => [p.partsWritten, p.platformsChosen]));
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / (points.length - 1);
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / max);
  const lines = SERIES.map((s) => {
    const path = points.map((p, i) => `${x(i).toFixed(1)},${y(p[s.key]).toFixed(1)}`).join(' ');
    return `<polyline fill="none" stroke="${s.color}" stroke-width="2.5" ${s.dash ? `stroke-dasharray="${s.dash}"` : ''} points="${path}"/>`;
  }).join('');
  const day = (d: Date) => formatDate(d, 'nl', { month: 'short' }).replace(/ \d{4}$/, '');
  const ticks = [0, Math.round(max / 2), max]
    .map(
      (v) =>
        `<text x="${PAD.left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text><line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="#e4e7ec"/>`,
    )
    .join('');
  // Every third week is labelled, the last one always (anchored at its end so it is not cut off).
  const labels = points
    .map((p, i) => {
      const last = i === points.length - 1;
      return last || (points.length - 1 - i) % 3 === 0
        ? `<text x="${x(i)}" y="${H - 10}" text-anchor="${last ? 'end' : 'middle'}">${e(day(p.at))}</text>`
        : '';
    })
    .join('');
  const legend = SERIES.map(
    (s) =>
      `<span class="legend"><svg width="28" height="10" aria-hidden="true"><line x1="0" x2="28" y1="5" y2="5" stroke="${s.color}" stroke-width="3" ${s.dash ? `stroke-dasharray="${s.dash}"` : ''}/></svg> ${s.label}</span>`,
  ).join(' ');
  const last = points.at(-1)!;
  const summary = `Voortgang per week, de laatste ${points.length} weken: nu ${last.partsWritten} onderdelen ingevuld en ${last.platformsChosen} platforms met een keuze.`;
  const rows = points
    .map((p) => `<tr><td>${e(formatDate(p.at, 'nl'))}</td><td>${p.partsWritten}</td><td>${p.platformsChosen}</td></tr>`)
    .join('');
  return (
    `<h2>Voortgang per week</h2><figure class="chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${e(summary)}" font-size="15" fill="#1d2330">${ticks}${lines}${labels}</svg>` +
    `<figcaption>${legend}</figcaption></figure>` +
    `<details><summary>De cijfers per week</summary><table><thead><tr><th>Week tot</th><th>Onderdelen ingevuld</th><th>Platforms met een keuze</th></tr></thead><tbody>${rows}</tbody></table></details>`
  );
}
