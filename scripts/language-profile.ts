// Writes src/core/knowledge/language-profile.json: how often each three-letter sequence occurs in
// the knowledge base's Dutch and English entries. language-detect.ts votes with it on messages
// whose function words do not decide (it replaced the eld package: 80 MB of memory for the same
// job). Run again after large content changes: npx tsx scripts/language-profile.ts
import fs from 'node:fs';
import path from 'node:path';
import { tokenize } from '../src/core/knowledge/text/normalize.js';
import { trigramsOf } from '../src/core/knowledge/trigrams.js';

const root = path.resolve(import.meta.dirname, '..');

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return markdownFiles(file);
    return /\.(nl|en)\.md$/.test(e.name) ? [file] : [];
  });
}

const counts: Record<'nl' | 'en', Record<string, number>> = { nl: {}, en: {} };
const words: Record<'nl' | 'en', Set<string>> = { nl: new Set(), en: new Set() };
for (const file of markdownFiles(path.join(root, 'content/kb'))) {
  const language = file.endsWith('.nl.md') ? 'nl' : 'en';
  // Title and body, not the front matter's field names.
  const [, front = '', body = ''] = fs.readFileSync(file, 'utf8').split(/^---$/m);
  const title = /^title:\s*"?(.*?)"?$/m.exec(front)?.[1] ?? '';
  for (const gram of trigramsOf(`${title} ${body}`)) counts[language][gram] = (counts[language][gram] ?? 0) + 1;
  for (const word of tokenize(`${title} ${body}`)) words[language].add(word);
}
// Sequences seen once carry more noise than signal.
const keep = (table: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(table)
      .filter(([, n]) => n >= 2)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
// Words both languages' entries use (buurtplan, buurtnetwerk, Maastricht, 2016): the English
// entries keep the project's Dutch terms, so these words say nothing about a message's language.
const shared = [...words.en].filter((word) => words.nl.has(word) && word.length >= 4 && !/^[0-9]+$/.test(word)).sort();
const profile = { nl: keep(counts.nl), en: keep(counts.en), shared };
fs.writeFileSync(path.join(root, 'src/core/knowledge/language-profile.json'), JSON.stringify(profile) + '\n');
console.log(
  `wrote src/core/knowledge/language-profile.json (${Object.keys(profile.nl).length} Dutch, ${Object.keys(profile.en).length} English sequences, ${shared.length} shared words)`,
);
