/**
 * Reads one "name + role" chunk of a board list ("Anna Jansen - voorzitter", "Voorzitter: Anna
 * Jansen", "Anna Jansen (voorzitter)"): the role and name vocabularies and the accepted formats.
 * Split from board-parse.ts, which cuts the typed text into such chunks.
 */
import { aboutRequirements } from './board-confirmation.js';
import { foldedWords } from './text-fold.js';

const ROLE_WORDS = new Set([
  'voorzitter',
  'vicevoorzitter',
  'vice',
  'secretaris',
  'penningmeester',
  'lid',
  'bestuurslid',
  'algemeen',
  'notulist',
  'contactpersoon',
  'coordinator',
  'chair',
  'chairman',
  'chairwoman',
  'chairperson',
  'secretary',
  'treasurer',
  'member',
  'board',
  'general',
  'en',
  'and',
  'tevens',
  'ook',
  'also',
]);

/** "voorzitter", "Secretaris en penningmeester", "vice-chair": only role vocabulary. */
export function looksLikeRole(text: string): boolean {
  const words = foldedWords(text);
  return (
    words.length > 0 &&
    words.every((word) => ROLE_WORDS.has(word)) &&
    words.some((word) => !['en', 'and', 'tevens', 'ook', 'also'].includes(word))
  );
}

// Words that mark a heading or remark rather than a person's name ("Ons bestuur", "Board members").
const NOT_A_NAME = new Set([
  'bestuur',
  'bestuursleden',
  'ons',
  'onze',
  'our',
  'board',
  'members',
  'leden',
  'namen',
  'names',
  'team',
  'het',
  'the',
  'wij',
  'we',
  'zijn',
  'are',
  'is',
  'bestaat',
  'consists',
  'uit',
  'of',
  'vacature',
  'vacant',
  'vacancy',
]);

// Bullets and stray marks around a chunk (board-parse.ts strips bullets from whole lines too).
export const BULLET = /^\s*(?:[-*•·▪‣◦+]|\d{1,2}[.)])\s+/u;
const EDGE_MARKS = /^[\s*_~`"'“”‘’]+|[\s*_~`"'“”‘’.,;]+$/gu;

export function clean(part: string): string {
  return part.replace(EDGE_MARKS, '').replace(/\s+/g, ' ').trim();
}

export interface Candidate {
  name: string;
  role: string;
}

function fitsName(text: string): boolean {
  const words = text.split(' ').filter((word) => word.length > 0);
  return (
    words.length >= 1 &&
    words.length <= 6 &&
    text.length <= 80 &&
    /\p{L}/u.test(text) &&
    !aboutRequirements(text) &&
    !foldedWords(text).some((word) => NOT_A_NAME.has(word))
  );
}

function fitsRole(text: string): boolean {
  const words = text.split(' ').filter((word) => word.length > 0);
  return words.length >= 1 && words.length <= 8 && text.length <= 80 && /\p{L}/u.test(text);
}

// Separators between name and role, most specific first. A hyphen needs a space on at least one
// side so double surnames ("Jansen-de Vries") stay whole.
// Dashes before parentheses: in "Anna Jansen - voorzitter (tijdelijk)" the brackets belong to the role.
const FORMATS: ReadonlyArray<RegExp> = [
  /^(.+?)\s*[–—]+\s*(.+)$/u, // Anna Jansen – voorzitter
  /^(.+?)(?:\s+-+\s*|\s*-+\s+)(.+)$/u, // Anna Jansen - voorzitter
  /^(.+?)\s*\(([^()]+)\)$/u, // Anna Jansen (voorzitter)
  /^(.+?)\t+(.+)$/u, // pasted from a spreadsheet
  /^(.+?)\s*:\s*(.+)$/u, // Voorzitter: Anna Jansen / Anna Jansen: voorzitter
  /^(.+?)\s*,\s*(.+)$/u, // Anna Jansen, voorzitter
];

/** One "name + role" chunk, or undefined. Swaps "Voorzitter: Anna" into name/role order. */
export function parseMemberChunk(chunk: string): Candidate | undefined {
  const text = clean(chunk.replace(BULLET, ''));
  for (const format of FORMATS) {
    const match = format.exec(text);
    if (match === null) continue;
    let name = clean(match[1] ?? '');
    let role = clean(match[2] ?? '');
    if (looksLikeRole(name) && !looksLikeRole(role)) [name, role] = [role, name];
    if (fitsName(name) && fitsRole(role) && !looksLikeRole(name)) return { name, role };
  }
  return undefined;
}

/** "Anna Jansen", "Piet de Vries": short, starts with a capital, no sentence punctuation. */
export function looksLikeBareName(text: string): boolean {
  return /^\p{Lu}/u.test(text) && !/[.!?]/u.test(text) && fitsName(text) && text.split(' ').length <= 5;
}
