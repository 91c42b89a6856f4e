/**
 * Checks that say whether a text is a real answer. They return what is wrong as data; the
 * wording for the user lives in answer-messages.ts so both languages stay side by side.
 */
import { countWords, foldedPhrase, foldedWords } from './text-fold.js';

/** Chat platforms allow long messages; beyond this an answer is almost surely a paste accident. */
export const MAX_ANSWER_CHARS = 20_000;

export type TextProblem =
  | { kind: 'empty' }
  | { kind: 'too-long'; max: number; actual: number }
  | { kind: 'placeholder'; text: string }
  | { kind: 'lorem' }
  | { kind: 'repeated'; word?: string }
  | { kind: 'copied-example' }
  | { kind: 'too-few-words'; min: number; actual: number }
  | { kind: 'too-few-chars'; min: number; actual: number };

/** Trimmed, NFC, Unix line breaks, no trailing spaces on lines: how every answer is stored. */
export function cleanAnswer(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// Whole answers that only say "I don't know (yet)" or "nothing here". Compared on folded words,
// so "N.v.t." and "n.v.t" both become "n v t".
const PLACEHOLDER_PHRASES = new Set([
  'weet ik niet',
  'weet ik nog niet',
  'ik weet het niet',
  'ik weet het nog niet',
  'weet niet',
  'geen idee',
  'nog geen idee',
  'n v t',
  'nvt',
  'niet van toepassing',
  'n b',
  'nb',
  'volgt',
  'volgt nog',
  'komt nog',
  'komt later',
  'later',
  'nog invullen',
  'in te vullen',
  'invullen',
  'nog niet bekend',
  'onbekend',
  'geen',
  'niks',
  'niets',
  'leeg',
  'nee',
  'ja',
  'ok',
  'oke',
  'test',
  'testen',
  'probeersel',
  'i dont know',
  'i do not know',
  'dont know',
  'dunno',
  'idk',
  'no idea',
  'n a',
  'na',
  'not applicable',
  'tbd',
  'tba',
  'tbc',
  'todo',
  'to do',
  'none',
  'nothing',
  'empty',
  'placeholder',
  'asdf',
  'qwerty',
  'xxx',
  'xx',
  'x',
]);

// Words that carry no content on their own; an answer made only of these is a placeholder too
// ("todo later", "x x x", "nvt tbd").
const FILLER_WORDS = new Set([
  'todo',
  'tbd',
  'tba',
  'tbc',
  'nvt',
  'x',
  'xx',
  'xxx',
  'test',
  'asdf',
  'qwerty',
  'later',
  'volgt',
  'leeg',
  'placeholder',
  'bla',
  'blah',
  'blabla',
  'etc',
  'enz',
  'idk',
]);

export function isPlaceholder(text: string): boolean {
  const words = foldedWords(text);
  if (words.length === 0) return true; // only punctuation: "-", "...", "???"
  if (PLACEHOLDER_PHRASES.has(words.join(' '))) return true;
  return words.every((word) => FILLER_WORDS.has(word));
}

export function isLoremIpsum(text: string): boolean {
  return /\blorem ipsum\b|\bdolor sit amet\b/.test(foldedPhrase(text));
}

/**
 * One word over and over ("bla bla bla"), or a sentence pasted until the word count is reached.
 * Real prose of 15+ words keeps well over a fifth of its words distinct.
 */
export function repetition(text: string): { word?: string } | undefined {
  const words = foldedWords(text);
  const distinct = new Set(words);
  if (words.length >= 3 && distinct.size === 1) return { word: words[0] ?? '' };
  if (words.length >= 3 && distinct.size === 2) return {};
  if (words.length >= 15 && distinct.size / words.length < 0.2) return {};
  return undefined;
}

const SHINGLE = 4;

function shingles(words: string[]): string[] {
  const result: string[] = [];
  for (let i = 0; i + SHINGLE <= words.length; i++) result.push(words.slice(i, i + SHINGLE).join(' '));
  return result;
}

/**
 * True when most of the answer is the template's example pasted back. The example is about an
 * invented platform, so sending it in would put made-up facts in a real plan.
 */
export function copiesExample(text: string, examples: readonly string[]): boolean {
  const own = shingles(foldedWords(text));
  if (own.length < 5) return false;
  const theirs = new Set(examples.flatMap((example) => shingles(foldedWords(example))));
  const shared = own.filter((shingle) => theirs.has(shingle)).length;
  return shared / own.length >= 0.6;
}

/** Characters as a reader sees them: whitespace runs count once. */
export function countChars(text: string): number {
  return [...text.replace(/\s+/gu, ' ').trim()].length;
}

/** Problems that make a text useless whatever the section asks: empty, pasted, filler. */
export function contentProblem(text: string, examples: readonly string[]): TextProblem | undefined {
  if (text.length === 0) return { kind: 'empty' };
  const chars = countChars(text);
  if (chars > MAX_ANSWER_CHARS) return { kind: 'too-long', max: MAX_ANSWER_CHARS, actual: chars };
  // Repetition first: "bla bla bla" is better answered with "you repeat one word" than with "not an answer".
  const repeated = repetition(text);
  if (repeated !== undefined) return repeated.word === undefined ? { kind: 'repeated' } : { kind: 'repeated', word: repeated.word };
  if (isPlaceholder(text)) return { kind: 'placeholder', text: text.length > 40 ? `${text.slice(0, 40)}…` : text };
  if (isLoremIpsum(text)) return { kind: 'lorem' };
  if (copiesExample(text, examples)) return { kind: 'copied-example' };
  return undefined;
}

/** Length against the section's minimums. */
export function lengthProblem(text: string, minWords: number, minChars: number | undefined): TextProblem | undefined {
  const words = countWords(text);
  if (words < minWords) return { kind: 'too-few-words', min: minWords, actual: words };
  if (minChars !== undefined) {
    const chars = countChars(text);
    if (chars < minChars) return { kind: 'too-few-chars', min: minChars, actual: chars };
  }
  return undefined;
}
