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
      const stripped = text
        .trim()
        .replace(/^<@[^>]+>\s*/, '')
        .replace(/^[/!]/, '');
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

/**
 * Where a feature's command is heard:
 * - `anywhere`: also in the middle of another feature's flow (privacy, language, device link): the
 *   engine asks its feature first, so such words are never taken as a plan answer;
 * - `in-flow`: only while the feature's own flow runs (the plan's `overslaan`, `terug`);
 * - `outside-flow`: when no flow runs (starting things, coordinator commands);
 * - `pending`: only as the answer to the question the feature just asked (`ja` to "forget me?").
 *   The feature that asked is asked first, so its answer words beat a flow's.
 */
export type CommandScope = 'anywhere' | 'in-flow' | 'outside-flow' | 'pending';

/** One row of a feature's command table: what the person may type, and when it is heard. */
export interface CommandSpec {
  id: string;
  words: readonly string[];
  scope: CommandScope;
  /** The words may be followed by an argument (`aanmelden Wyck`); otherwise only the words alone count. */
  argument?: boolean;
}

/** True when `text` is this command (with an argument only where the command takes one). */
export function isCommandOf(spec: CommandSpec, text: string): boolean {
  const rest = matchCommand(text, spec.words);
  return rest === '' || (rest !== null && spec.argument === true);
}

/**
 * Two claims of one word are a conflict when both can be heard at the same moment and no rule
 * decides between them. Decided by rule: a pending question first (it was asked last), and a flow
 * and "outside a flow" never hold at once. Everything else is decided only by feature order: a conflict.
 */
function ambiguous(a: CommandScope, b: CommandScope): boolean {
  const pair = [a, b].sort().join('+');
  return !['in-flow+outside-flow', 'in-flow+pending', 'outside-flow+pending', 'pending+pending'].includes(pair);
}

/** Every word two features claim in scopes that can hold at once; empty when the tables agree. */
export function commandConflicts(features: ReadonlyArray<{ name: string; commands?: readonly CommandSpec[] | undefined }>): string[] {
  const claims: Array<{ feature: string; word: string; spec: CommandSpec }> = [];
  for (const feature of features) {
    for (const spec of feature.commands ?? [])
      for (const word of spec.words) claims.push({ feature: feature.name, word: normalizeCommand(word), spec });
  }
  const conflicts: string[] = [];
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      const a = claims[i]!;
      const b = claims[j]!;
      if (a.feature === b.feature || a.word !== b.word || !ambiguous(a.spec.scope, b.spec.scope)) continue;
      conflicts.push(`"${a.word}": ${a.feature}.${a.spec.id} (${a.spec.scope}) and ${b.feature}.${b.spec.id} (${b.spec.scope})`);
    }
  }
  return conflicts;
}
