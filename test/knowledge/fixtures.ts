import fs from 'node:fs';
import path from 'node:path';
import type { KbEntry } from '../../src/core/knowledge/types.js';

/** A small bilingual knowledge base for answerer tests (the real content is tested separately). */
export function entry(fields: Partial<KbEntry> & Pick<KbEntry, 'topic' | 'language' | 'title' | 'body'>): KbEntry {
  return {
    id: `${fields.topic}-${fields.language}`,
    kind: 'fact',
    tags: [],
    source: 'Raadsinformatiebrief transitieproces buurtnetwerken (2016)',
    updated: '2026-11-28',
    unknown: false,
    file: `facts/${fields.topic}.${fields.language}.md`,
    ...fields,
  };
}

export const ENTRIES: KbEntry[] = [
  entry({
    topic: 'plan-van-aanpak-deadline',
    language: 'nl',
    title: 'Plan van Aanpak inleveren uiterlijk 31 december 2016',
    tags: ['plan van aanpak', 'deadline', 'inleveren'],
    body: 'Elk buurtplatform levert uiterlijk 31 december 2016 een Plan van Aanpak in.\n\nUit het plan moet blijken hoe het platform de transitie vorm wil geven.',
  }),
  entry({
    topic: 'plan-van-aanpak-deadline',
    language: 'en',
    title: 'Hand in the Plan van Aanpak by 31 December 2016',
    tags: ['plan van aanpak', 'deadline', 'submit', 'hand in'],
    body: 'Every buurtplatform hands in a Plan van Aanpak (plan of approach) by 31 December 2016.\n\nThe plan shows how the platform wants to shape the transition.',
  }),
  entry({
    topic: 'eis-3-bestuursleden',
    language: 'nl',
    title: 'Eis: 3 bestuursleden die aan alle formele eisen voldoen',
    tags: ['bestuursleden', 'bestuur', 'eisen'],
    body: 'Bij het Plan van Aanpak moet een buurtplatform 3 bestuursleden hebben die aan alle formele eisen voldoen.',
  }),
  entry({
    topic: 'eis-3-bestuursleden',
    language: 'en',
    title: 'Requirement: 3 board members who meet all formal requirements',
    tags: ['board members', 'bestuursleden', 'requirements'],
    body: 'With the Plan van Aanpak a buurtplatform must have 3 board members (bestuursleden) who meet all formal requirements.',
  }),
  entry({
    topic: 'startbijeenkomst',
    language: 'nl',
    title: 'Startbijeenkomst op 2 april 2016',
    tags: ['startbijeenkomst', 'kick-off'],
    body: 'Op 2 april 2016 was de startbijeenkomst voor en met de buurtplatforms.',
  }),
  // Only in Dutch on purpose: the twin fallback.
  entry({
    topic: 'buurtnetblad',
    language: 'nl',
    kind: 'glossary',
    title: 'Begrip: Buurtnetblad, de visie van de buurtplatforms (november 2015)',
    tags: ['buurtnetblad', 'visie'],
    body: 'Het Buurtnetblad is de visie die de buurtplatforms in november 2015 aan de gemeenteraad presenteerden.',
  }),
  entry({
    topic: 'onbekend-subsidiebedragen',
    language: 'nl',
    kind: 'faq',
    unknown: true,
    title: 'Hoeveel subsidie krijgt een buurtnetwerk? De brief noemt geen bedragen',
    tags: ['subsidie', 'bedrag', 'hoeveel', 'euro', 'geld'],
    source: 'Raadsinformatiebrief transitieproces buurtnetwerken (2016): zegt hier niets over',
    body: 'De brief noemt geen subsidiebedragen. Vraag het aan de procescoördinator zelfsturing van de gemeente.\n\nbuurtbot kan je vraag doorsturen.',
  }),
  entry({
    topic: 'onbekend-subsidiebedragen',
    language: 'en',
    kind: 'faq',
    unknown: true,
    title: 'How much subsidy does a buurtnetwerk get? The letter gives no amounts',
    tags: ['subsidy', 'amount', 'how much', 'euro', 'money'],
    source: 'Raadsinformatiebrief transitieproces buurtnetwerken (2016): silent on this',
    body: 'The letter gives no subsidy amounts. Ask the procescoördinator zelfsturing of the municipality.',
  }),
];

/** An entry as the Markdown file a coordinator writes (front matter, then the body). */
function entryMarkdown(entry: KbEntry): string {
  const front = {
    id: entry.id,
    topic: entry.topic,
    language: entry.language,
    kind: entry.kind,
    title: entry.title,
    tags: entry.tags,
    source: entry.source,
    updated: entry.updated,
    unknown: entry.unknown,
    ...(entry.questions ? { questions: entry.questions } : {}),
  };
  return `---\n${Object.entries(front)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n')}\n---\n${entry.body}\n`;
}

/** A knowledge-base folder of these entries, for tests that run the app or the CLI on it. */
export function writeKnowledgeBase(dir: string, entries: readonly KbEntry[]): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const e of entries) fs.writeFileSync(path.join(dir, `${e.topic}.${e.language}.md`), entryMarkdown(e));
}
