/**
 * The passages a model answers from: knowledge-base entries, each with the id it must cite. Gaps
 * (entries with `unknown: true`) are sent too, marked as such, so the model can see that the
 * sources are silent; an answer citing one becomes that entry's "we don't know, ask ..." text.
 */
import type { KbEntry } from '../knowledge/index.js';
import type { Language } from '../language.js';

/** Long entries are cut here; the first paragraphs carry the answer (a content rule of the KB). */
const PASSAGE_MAX_CHARS = 2000;

export interface Passage {
  id: string;
  topic: string;
  title: string;
  source: string;
  text: string;
  gap: boolean;
  language: Language;
}

export function passageOf(entry: KbEntry): Passage {
  return {
    id: entry.id,
    topic: entry.topic,
    title: entry.title,
    source: entry.source,
    text: cut(entry.body.trim(), PASSAGE_MAX_CHARS),
    gap: entry.unknown,
    language: entry.language,
  };
}

/** `<passage>` blocks; a closing tag inside curated text is defused so blocks cannot be forged. */
export function formatPassages(passages: readonly Passage[]): string {
  return passages
    .map((p) =>
      [
        `<passage id="${p.id}" kind="${p.gap ? 'gap' : 'fact'}">`,
        `title: ${p.title}`,
        `source: ${p.source}`,
        '',
        p.text.replace(/<\/?passage/gi, (tag) => tag.replace('passage', 'passage\u200b')),
        '</passage>',
      ].join('\n'),
    )
    .join('\n\n');
}

/** The first paragraph of a gap entry: what is not known and whom to ask. */
export function gapText(passage: Passage): string {
  const first =
    passage.text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .find(Boolean) ?? passage.text;
  return cut(first, 600);
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const slice = text.slice(0, max);
  const end = Math.max(slice.lastIndexOf('\n\n'), slice.lastIndexOf('. '));
  return `${end > max / 2 ? slice.slice(0, end + 1) : slice}…`;
}
