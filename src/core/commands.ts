/**
 * Typed commands in Dutch and English. A command is recognised when the whole message (after
 * normalising case, accents, a leading slash or bot mention, and trailing punctuation) is one of
 * its words, optionally followed by an argument.
 */
export function normalizeCommand(text: string): string {
  // Every feature tests the same message against its commands: normalise it once, not dozens of times.
  if (text === lastText) return lastNormalized;
  lastNormalized = normalizeUncached(text);
  lastText = text;
  return lastNormalized;
}

let lastText = '';
let lastNormalized = '';

function normalizeUncached(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/^<@[^>]+>\s*/, '')
    .replace(/^[/!]/, '')
    .replace(/[.!?]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** When `text` starts with one of `words` (as whole words), returns the rest (the argument), else null. */
export function matchCommand(text: string, words: readonly string[]): string | null {
  const norm = normalizeCommand(text);
  for (const word of longestFirst(words)) {
    if (norm === word) return '';
    if (norm.startsWith(word + ' ')) return norm.slice(word.length + 1).trim();
  }
  return null;
}

/** Like matchCommand but keeps the argument's original case and accents (names, free text). */
export function matchCommandRaw(text: string, words: readonly string[]): string | null {
  const norm = normalizeCommand(text);
  for (const word of longestFirst(words)) {
    if (norm === word) return '';
    if (norm.startsWith(word + ' ')) {
      const count = word.split(' ').length;
      const stripped = text.trim().replace(/^<@[^>]+>\s*/, '').replace(/^[/!]/, '');
      return stripped.split(/\s+/).slice(count).join(' ').trim();
    }
  }
  return null;
}

export function isCommand(text: string, words: readonly string[]): boolean {
  const norm = normalizeCommand(text);
  return norm !== '' && words.includes(norm);
}

/** "plan van aanpak" must win over "plan", so the argument is not "van aanpak". */
function longestFirst(words: readonly string[]): readonly string[] {
  let sorted = sortedWords.get(words);
  if (!sorted) {
    sorted = [...words].sort((a, b) => b.length - a.length);
    sortedWords.set(words, sorted);
  }
  return sorted;
}

/** Word lists are module constants: sort each once. */
const sortedWords = new WeakMap<readonly string[], readonly string[]>();
