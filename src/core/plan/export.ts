/**
 * The plan as a document (Markdown, for people) and as JSON (for scripts: `buurtbot plan export --json`).
 */
import type { Language } from '../language.js';
import { CONFIRMATION_SENTENCE } from './answer-messages.js';
import { parseBoard } from './board-parse.js';
import { matchChoice } from './choice.js';
import { escapeBlock, escapeInline } from './markdown-escape.js';
import type { PlanSection, PlanTemplate } from './template-schema.js';
import { formatDate } from '../dates.js';

import { planStatusLabel, type PlanStatus } from './status.js';

export type { PlanStatus };

export interface ExportSection {
  text: string;
  author?: string;
  updatedAt?: Date;
  revision: number;
}

export interface PlanForExport {
  platform: { slug: string; name: string; buurt?: string };
  status: PlanStatus;
  submittedBy?: string;
  submittedAt?: Date;
  sections: Record<string, ExportSection>;
}

/** The `--json` contract; keep these names and this key order. */
export interface PlanJson {
  platform: string;
  status: PlanStatus;
  sections: Array<{ id: string; title: string; answer: string; author: string; updatedAt: string }>;
}

const LABELS = {
  nl: {
    platform: 'Buurtplatform',
    buurt: 'Buurt',
    status: 'Status',
    submitted: 'Ingediend',
    by: 'door',
    deadline: 'Inleveren uiterlijk',
    optional: 'optioneel',
    empty: 'Nog niet ingevuld.',
    writtenBy: 'Ingevuld door',
    updated: 'Bijgewerkt',
    on: 'op',
    revision: 'versie',
    notConfirmed: 'Let op: nog niet bevestigd dat alle bestuursleden aan de formele eisen voldoen.',
  },
  en: {
    platform: 'Neighbourhood platform',
    buurt: 'Neighbourhood',
    status: 'Status',
    submitted: 'Submitted',
    by: 'by',
    deadline: 'Hand in by',
    optional: 'optional',
    empty: 'Not filled in yet.',
    writtenBy: 'Written by',
    updated: 'Updated',
    on: 'on',
    revision: 'revision',
    notConfirmed: 'Note: not yet confirmed that all board members meet the formal requirements.',
  },
} as const;

function formatDateTime(date: Date, language: Language, timeZone: string): string {
  return formatDate(date, language, { time: true, timeZone });
}

function hasAnswer(entry: ExportSection | undefined): entry is ExportSection {
  return entry !== undefined && entry.text.trim().length > 0;
}

function renderBoard(text: string, language: Language): string {
  const board = parseBoard(text);
  // Text that does not read as a board list (an old draft, free prose) is shown as written.
  if (board.members.length === 0) return escapeBlock(text);
  const lines = board.members.map((member) => `- **${escapeInline(member.name)}**: ${escapeInline(member.role)}`);
  const parts = [lines.join('\n')];
  // Lead-ins such as "Ons bestuur:" introduced the list we now render ourselves.
  const notes = [...board.notes.filter((note) => !note.endsWith(':')), ...board.withoutRole, ...board.withoutName];
  if (notes.length > 0) parts.push(escapeBlock(notes.join('\n')));
  parts.push(board.confirmation === 'confirmed' ? escapeInline(CONFIRMATION_SENTENCE[language]) : LABELS[language].notConfirmed);
  return parts.join('\n\n');
}

function renderAnswer(section: PlanSection, text: string, language: Language): string {
  if (section.validation.type === 'board') return renderBoard(text, language);
  if (section.validation.type === 'choice') {
    // Stored in the answerer's language; show the label in the document's language.
    const option = matchChoice(section.validation.options, text);
    if (option !== undefined) return escapeInline(option.label[language]);
  }
  return escapeBlock(text);
}

function renderMeta(entry: ExportSection, language: Language, timeZone: string): string | undefined {
  const labels = LABELS[language];
  const bits: string[] = [];
  if (entry.author !== undefined && entry.author.trim().length > 0) {
    const when = entry.updatedAt === undefined ? '' : ` ${labels.on} ${formatDateTime(entry.updatedAt, language, timeZone)}`;
    bits.push(`${labels.writtenBy} ${escapeInline(entry.author)}${when}`);
  } else if (entry.updatedAt !== undefined) {
    bits.push(`${labels.updated} ${labels.on} ${formatDateTime(entry.updatedAt, language, timeZone)}`);
  }
  if (entry.revision > 0) bits.push(`${labels.revision} ${entry.revision}`);
  return bits.length === 0 ? undefined : `*${bits.join(' · ')}*`;
}

/** A readable document in `language`: header facts, then every template section in order. */
export function renderPlanMarkdown(plan: PlanForExport, template: PlanTemplate, language: Language): string {
  const labels = LABELS[language];
  const timeZone = template.deadline.timeZone;
  const out: string[] = [`# ${escapeInline(template.title[language])}: ${escapeInline(plan.platform.name)}`, ''];

  const facts = [`- **${labels.platform}:** ${escapeInline(plan.platform.name)}`];
  if (plan.platform.buurt !== undefined && plan.platform.buurt.trim().length > 0) {
    facts.push(`- **${labels.buurt}:** ${escapeInline(plan.platform.buurt)}`);
  }
  facts.push(`- **${labels.status}:** ${planStatusLabel(plan.status, language)}`);
  if (plan.submittedBy !== undefined || plan.submittedAt !== undefined) {
    const who = plan.submittedBy === undefined ? '' : ` ${labels.by} ${escapeInline(plan.submittedBy)}`;
    const when = plan.submittedAt === undefined ? '' : ` ${labels.on} ${formatDateTime(plan.submittedAt, language, timeZone)}`;
    facts.push(`- **${labels.submitted}:**${who}${when}`);
  }
  facts.push(`- **${labels.deadline}:** ${formatDateTime(template.deadline.at, language, timeZone)}`);
  out.push(...facts);

  template.sections.forEach((section, index) => {
    const optional = section.required ? '' : ` (${labels.optional})`;
    out.push('', `## ${index + 1}. ${escapeInline(section.title[language])}${optional}`, '');
    const entry = plan.sections[section.id];
    if (!hasAnswer(entry)) {
      out.push(`*${labels.empty}*`);
      return;
    }
    out.push(renderAnswer(section, entry.text, language));
    const meta = renderMeta(entry, language, timeZone);
    if (meta !== undefined) out.push('', meta);
  });
  return `${out.join('\n')}\n`;
}

/**
 * The JSON contract, sections in template order with Dutch titles. An empty section (no entry,
 * or only whitespace) has "" for answer, author and updatedAt, never null or a missing key, so
 * scripts can rely on every field being a string. Answers of sections no longer in the
 * template are left out.
 */
export function planToJsonObject(plan: PlanForExport, template: PlanTemplate): PlanJson {
  return {
    platform: plan.platform.name,
    status: plan.status,
    sections: template.sections.map((section) => {
      const entry = plan.sections[section.id];
      if (!hasAnswer(entry)) return { id: section.id, title: section.title.nl, answer: '', author: '', updatedAt: '' };
      return {
        id: section.id,
        title: section.title.nl,
        answer: entry.text,
        author: entry.author ?? '',
        updatedAt: entry.updatedAt?.toISOString() ?? '',
      };
    }),
  };
}

/** `planToJsonObject` serialized compactly (callers pretty-print if they want). */
export function planToJson(plan: PlanForExport, template: PlanTemplate): string {
  return JSON.stringify(planToJsonObject(plan, template));
}
