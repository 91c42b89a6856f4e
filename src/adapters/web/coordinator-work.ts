/**
 * The coordinator page as a place to work: record the January decision, accept or return a
 * handed-in plan, answer a forwarded question, approve a join request. Each form becomes one chat
 * turn of the coordinator page's own user through the same turn path as every message (the inbox,
 * the features, their checks and notifications), so the page can do nothing chat cannot.
 *
 * Who acts: the holder of COORDINATOR_TOKEN, verified on every request (HTTP Basic), recorded as
 * `web:coordinator-page`. Forms carry a CSRF token (an HMAC of the install's secret) and must come
 * from this origin: a page elsewhere cannot ride on a browser that holds the password.
 */
import crypto from 'node:crypto';
import type { Digest } from '../../core/digest/digest.js';
import type { InboundMessage } from '../../core/messages.js';
import type { JoinRequestRecord } from '../../core/platforms/ports.js';
import { escapeHtml as e, HttpError } from './http.js';
import { sameSecret } from './signed-link.js';

export const COORDINATOR_PAGE_REF = 'web:coordinator-page';
export const COORDINATOR_PAGE_NAME = 'Coördinatorpagina';

export function csrfToken(secret: string): string {
  return crypto.createHmac('sha256', secret).update('coordinator-page-forms').digest('base64url');
}

const ID = /^[a-z0-9-]{1,64}$/;
const MAX_TEXT = 1000;

/** A form's fields as one chat message of the coordinator page; refuses anything malformed. */
export function formToMessage(fields: URLSearchParams, csrf: string, outcomes: readonly string[]): Pick<InboundMessage, 'text' | 'action'> {
  if (!sameSecret(fields.get('csrf') ?? '', csrf)) throw new HttpError(403, 'this form has expired: reload the page and try again');
  const id = (name: string) => {
    const value = (fields.get(name) ?? '').trim().toLowerCase();
    if (!ID.test(value)) throw new HttpError(400, `${name} is missing or malformed`);
    return value;
  };
  const text = (name: string, required: boolean) => {
    const value = (fields.get(name) ?? '').replace(/\s+/g, ' ').trim();
    if (required && !value) throw new HttpError(400, `${name} is empty: say why, in a sentence or two`);
    if (value.length > MAX_TEXT) throw new HttpError(400, `${name} is longer than ${MAX_TEXT} characters`);
    return value;
  };
  switch (fields.get('kind')) {
    case 'decision': {
      const outcome = id('outcome');
      if (!outcomes.includes(outcome)) throw new HttpError(400, 'outcome is not one of the decision outcomes');
      return { text: `besluit ${id('slug')} ${outcome} ${text('note', false)}`.trim() };
    }
    case 'accept':
      return { text: '', action: `review:accept:${id('slug')}` };
    case 'return':
      return { text: `terugsturen ${id('slug')} ${text('reason', true)}` };
    case 'answer':
      return { text: `antwoord ${id('question')} ${text('answer', true)}` };
    case 'approve':
      return { text: '', action: `join:approve:${id('request')}` };
    case 'reject':
      return { text: '', action: `join:reject:${id('request')}` };
    default:
      throw new HttpError(400, 'unknown form');
  }
}

/** The forms, above the overview; `flash` is what the last action answered. */
export function renderWork(input: {
  digest: Digest;
  joinRequests: readonly JoinRequestRecord[];
  csrf: string;
  flash?: string | undefined;
}): string {
  const { digest, csrf } = input;
  const form = (kind: string, body: string, hidden: Record<string, string> = {}) =>
    `<form method="post" action="/coordinator/act" class="work"><input type="hidden" name="csrf" value="${e(csrf)}"><input type="hidden" name="kind" value="${kind}">${Object.entries(
      hidden,
    )
      .map(([k, v]) => `<input type="hidden" name="${k}" value="${e(v)}">`)
      .join('')}${body}</form>`;
  let n = 0;
  const field = (label: string, control: (id: string) => string) => {
    const id = `f${++n}`;
    return `<label for="${id}">${label}</label> ${control(id)}`;
  };
  const review = digest.platforms.filter((p) => p.status === 'submitted' || p.status === 'revised');
  const parts = [
    input.flash ? `<div class="flash" role="status">${e(input.flash)}</div>` : '',
    '<h2>Te doen</h2>',
    '<h3>Ingediende plannen beoordelen</h3>',
    review.length
      ? review
          .map(
            (p) =>
              `<div class="card"><p><a href="/coordinator/plan/${encodeURIComponent(p.slug)}">${e(p.name)}</a> — opmerkingen per onderdeel geef je in de chat (<code>opmerking ${e(p.slug)} &lt;nr&gt; &lt;tekst&gt;</code>).</p>` +
              form('accept', `<button type="submit">Accepteren</button>`, { slug: p.slug }) +
              form(
                'return',
                `${field('Reden om terug te sturen', (id) => `<input id="${id}" name="reason" required maxlength="${MAX_TEXT}">`)} <button type="submit">Terugsturen</button>`,
                { slug: p.slug },
              ) +
              '</div>',
          )
          .join('')
      : '<p>Geen plannen die wachten.</p>',
    '<h3>Vragen beantwoorden</h3>',
    digest.waitingForCoordinator.length
      ? digest.waitingForCoordinator
          .map(
            (w) =>
              `<div class="card"><p>“${e(w.text)}” — ${e(w.asker ?? '?')}</p>${form('answer', `${field('Antwoord', (id) => `<textarea id="${id}" name="answer" required maxlength="${MAX_TEXT}" rows="2"></textarea>`)} <button type="submit">Versturen</button>`, { question: w.id })}</div>`,
          )
          .join('')
      : '<p>Geen vragen die wachten.</p>',
    '<h3>Aanmeldingen</h3>',
    input.joinRequests.length
      ? input.joinRequests
          .slice(0, 20)
          .map((r) => {
            const short = r.id.slice(-6).toLowerCase();
            return `<div class="card"><p>${e(r.displayName ?? r.userRef)} wil lid worden van ${e(r.platform.name)}.</p>${form('approve', '<button type="submit">Goedkeuren</button>', { request: short })}${form('reject', '<button type="submit">Afwijzen</button>', { request: short })}</div>`;
          })
          .join('')
      : '<p>Geen aanmeldingen die wachten.</p>',
    '<h3>Besluit januari 2017</h3>',
    digest.platforms.length
      ? digest.platforms
          .map((p) => {
            const options = digest.omslag.decisions.outcomes
              .map((o) => `<option value="${e(o.id)}"${digest.decisions[p.slug] === o.id ? ' selected' : ''}>${e(o.label.nl)}</option>`)
              .join('');
            return `<div class="card"><p>${e(p.name)}</p>${form(
              'decision',
              `${field('Besluit', (id) => `<select id="${id}" name="outcome">${options}</select>`)} ${field('Notitie (optioneel)', (id) => `<input id="${id}" name="note" maxlength="${MAX_TEXT}">`)} <button type="submit">Vastleggen</button>`,
              { slug: p.slug },
            )}</div>`;
          })
          .join('')
      : '<p>Nog geen platforms.</p>',
  ];
  return parts.join('');
}
