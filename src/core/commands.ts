/**
 * Typed commands in Dutch and English. A command is recognised when the whole message (after
 * normalising case, accents, a leading slash or bot mention, and trailing punctuation) is one of
 * its words, optionally followed by an argument.
 */
export function normalizeCommand(text: string): string {
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
  return normalizeCommand(text) !== '' && words.includes(normalizeCommand(text));
}

/** "plan van aanpak" must win over "plan", so the argument is not "van aanpak". */
function longestFirst(words: readonly string[]): string[] {
  return [...words].sort((a, b) => b.length - a.length);
}
