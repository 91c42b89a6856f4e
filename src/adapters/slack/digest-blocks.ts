/**
 * The coordinator digest in Block Kit, from its data (`reply.digest`) instead of its Markdown:
 * Slack's mrkdwn has no tables, so `| Platform | Voortgang |…` would show as typed. A header, the
 * period, then one section per platform with its figures as fields (label above value), the other
 * parts as headed mrkdwn sections, the totals as a context line. Each part also carries plain
 * words for the message's fallback `text` (notifications, screen readers), without pipes.
 */
import type { Digest } from '../../core/digest/digest.js';
import { digestLayout } from '../../core/digest/digest-render.js';
import type { Language } from '../../core/language.js';
import type { Block } from './blocks.js';
import { SLACK_LIMITS, truncate } from './limits.js';
import { escapeMrkdwn, splitMrkdwn, toMrkdwn } from './mrkdwn.js';

/** One block and the words it adds to the message's fallback text. */
export interface BlockUnit {
  block: Block;
  text: string;
}

/** Characters of a header block's plain text. */
const HEADER_TEXT = 150;
/** Characters of one section field. */
const FIELD_TEXT = 2000;

export function digestUnits(digest: Digest, language: Language): BlockUnit[] {
  const layout = digestLayout(digest, language);
  const units: BlockUnit[] = [
    {
      block: { type: 'header', text: { type: 'plain_text', text: truncate(layout.title, HEADER_TEXT), emoji: true } },
      text: escapeMrkdwn(layout.title),
    },
    { block: { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(layout.period) }] }, text: escapeMrkdwn(layout.period) },
  ];
  const { progress } = layout;
  const heading = `*${escapeMrkdwn(progress.heading)}*`;
  if (progress.rows.length === 0) units.push(section(`${heading}\n${escapeMrkdwn(progress.empty)}`));
  else units.push(section(heading));
  // The first column is the platform itself: its name heads the section, the rest become fields.
  const labels = progress.columns.slice(1);
  for (const row of progress.rows) {
    const name = `*${escapeMrkdwn(row.name)}*`;
    const fields = row.cells.map((value, i) => ({
      type: 'mrkdwn' as const,
      text: truncate(`*${escapeMrkdwn(labels[i] ?? '')}*\n${escapeMrkdwn(value)}`, FIELD_TEXT),
    }));
    const words = row.cells.map((value, i) => `${escapeMrkdwn(labels[i] ?? '')}: ${escapeMrkdwn(value)}`).join(' · ');
    units.push({
      block: { type: 'section', text: { type: 'mrkdwn', text: truncate(name, SLACK_LIMITS.sectionText) }, fields },
      text: `${name} — ${words}`,
    });
  }
  for (const part of layout.sections) {
    const pieces = splitMrkdwn(toMrkdwn(`**${part.heading}**\n${part.lines.join('\n')}`), SLACK_LIMITS.sectionText);
    units.push(...pieces.map(section));
  }
  const footer = layout.footer.map(escapeMrkdwn);
  units.push({
    block: {
      type: 'context',
      elements: footer
        .map((text) => ({ type: 'mrkdwn' as const, text: truncate(text, SLACK_LIMITS.sectionText) }))
        .slice(0, SLACK_LIMITS.contextElements),
    },
    text: footer.join('\n'),
  });
  return units;
}

function section(text: string): BlockUnit {
  return { block: { type: 'section', text: { type: 'mrkdwn', text } }, text };
}
