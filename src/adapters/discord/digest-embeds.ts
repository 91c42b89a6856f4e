/**
 * The coordinator digest as Discord embeds, from its data (`reply.digest`) instead of its
 * Markdown: Discord draws no Markdown tables, so `| Platform | Voortgang |…` would show as typed.
 * The first card has the title and period and one inline field per platform (its figures one per
 * line); then the other parts as fields under their headings, the totals in the footer. Discord
 * allows 25 fields per embed, 1,024 characters per field value; longer parts continue in the
 * next field or embed.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Digest } from '../../core/digest/digest.js';
import { digestLayout } from '../../core/digest/digest-render.js';
import type { Language } from '../../core/language.js';
import { clamp, LIMITS } from './limits.js';
import { splitMessage } from './split.js';

const FIELDS_PER_EMBED = 25;
const FIELD_NAME = 256;
const FIELD_VALUE = 1024;
/** A field needs a name; a continued part shows none (a zero-width space). */
const NO_NAME = '\u200b';

export function digestEmbeds(digest: Digest, language: Language, color: number): APIEmbed[] {
  const layout = digestLayout(digest, language);
  const { progress } = layout;
  const labels = progress.columns.slice(1);
  const platformFields: APIEmbedField[] = progress.rows.map((row) => ({
    name: clamp(row.name, FIELD_NAME),
    value: clamp(row.cells.map((value, i) => (i === 0 ? value : `${labels[i] ?? ''}: ${value}`)).join('\n'), FIELD_VALUE),
    inline: true,
  }));
  const description = [layout.period, '', `**${progress.heading}**`, ...(progress.rows.length ? [] : [progress.empty])].join('\n');
  const embeds: APIEmbed[] = [];
  const first: APIEmbed = {
    title: clamp(layout.title, LIMITS.embedTitle),
    description: clamp(description, LIMITS.embedDescription),
    color,
  };
  embeds.push(...withFields(first, platformFields, color));

  const partFields: APIEmbedField[] = layout.sections.flatMap((part) =>
    splitMessage(part.lines.join('\n'), FIELD_VALUE).map((value, i) => ({
      name: i === 0 ? clamp(part.heading, FIELD_NAME) : NO_NAME,
      value: value || NO_NAME,
      inline: false,
    })),
  );
  const rest = withFields({ color }, partFields, color);
  const last = rest.at(-1);
  if (last && layout.footer.length) last.footer = { text: clamp(layout.footer.join('\n'), LIMITS.embedFooter) };
  embeds.push(...rest);
  return embeds;
}

/** `base` with the first 25 fields, then as many more embeds as the rest needs. */
function withFields(base: APIEmbed, fields: APIEmbedField[], color: number): APIEmbed[] {
  const out: APIEmbed[] = [fields.length ? { ...base, fields: fields.slice(0, FIELDS_PER_EMBED) } : base];
  for (let i = FIELDS_PER_EMBED; i < fields.length; i += FIELDS_PER_EMBED)
    out.push({ color, fields: fields.slice(i, i + FIELDS_PER_EMBED) });
  return out;
}
