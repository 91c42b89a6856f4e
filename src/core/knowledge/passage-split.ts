import { examplesOf } from './listed-questions.js';
import type { KbEntry } from './types.js';

/**
 * What MiniSearch indexes: a passage of one entry. Short entries are one passage; long bodies
 * are split at paragraphs so one long entry cannot win every query on length alone. Every
 * passage repeats its entry's title and tags (they describe all of it) and keeps the entry id.
 */
export interface Passage {
  id: string;
  entryId: string;
  /** The topic key in words ("plan-van-aanpak-deadline" → "plan van aanpak deadline"). */
  topic: string;
  title: string;
  tags: string;
  questions: string;
  body: string;
}

/** Body text per passage: paragraphs are packed together up to about this many characters. */
const PASSAGE_CHARS = 900;
export function splitPassages(entry: KbEntry): Passage[] {
  const paragraphs = entry.body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const chunks: string[] = [];
  let current = '';
  for (const paragraph of paragraphs) {
    if (current && current.length + paragraph.length > PASSAGE_CHARS) {
      chunks.push(current);
      current = paragraph;
    } else {
      current = current ? `${current}\n\n${paragraph}` : paragraph;
    }
  }
  if (current || chunks.length === 0) chunks.push(current);
  return chunks.map((body, i) => ({
    id: `${entry.id}#${i}`,
    entryId: entry.id,
    topic: entry.topic.replace(/-/g, ' '),
    title: entry.title,
    tags: entry.tags.join(', '),
    questions: examplesOf(entry).join('\n'),
    body,
  }));
}
