/**
 * Reads a board list typed in chat. People write "Anna Jansen - voorzitter", "Anna Jansen,
 * voorzitter", "Anna Jansen (voorzitter)", "Voorzitter: Anna Jansen", bullets, one per line or
 * separated by ";". The confirmation that everyone meets the formal requirements is part of the
 * same answer, so there is one step in the chat instead of a separate yes/no question that could
 * get lost between sessions.
 */
import type { BoardMember } from './plan-state.js';
import { foldedPhrase, foldedWords } from './text-fold.js';

export type Confirmation = 'confirmed' | 'negated' | 'missing';

export interface ParsedBoard {
  /** Distinct people in the order written; a second line for the same name adds its role. */
  members: BoardMember[];
  confirmation: Confirmation;
  /** Lines that look like a name but give no role. */
  withoutRole: string[];
  /** Lines that give a role but no name ("Penningmeester: vacature" does not count either). */
  withoutName: string[];
  /** Everything else: headings, remarks. Kept so an export can still show them. */
  notes: string[];
}

// --- confirmation -------------------------------------------------------------------------

const REQUIREMENT_NOUN = /\b(?:eisen|eis|vereisten|voorwaarden|requirements?|conditions|criteria)\b/;
const MEETS_NL = /\bvoldo(?:e|en|et)\b/;
const MEETS_EN = /\b(?:meets?|meeting|fulfil(?:l|ls|s)?|satisf(?:y|ies)|compl(?:y|ies))\b/;
const CONFIRMED = /\b(?:bevestig(?:d|en|e)?|confirm(?:ed|s)?)\b/;
const NEGATION = /\b(?:niet|geen|niemand|nooit|nee|onbevestigd|not|no|dont|doesnt|isnt|arent|cannot|cant|never|nobody|none|unconfirmed)\b/;

/** Does this sentence talk about meeting the requirements or confirming? */
export function aboutRequirements(text: string): boolean {
  const phrase = foldedPhrase(text);
  return MEETS_NL.test(phrase) || MEETS_EN.test(phrase) || REQUIREMENT_NOUN.test(phrase) || CONFIRMED.test(phrase);
}

/** 'confirmed', 'negated', or undefined when the sentence is about requirements but says neither. */
export function classifyConfirmation(text: string): Exclude<Confirmation, 'missing'> | undefined {
  const phrase = foldedPhrase(text);
  if (!aboutRequirements(text)) return undefined;
  // A negation anywhere in the sentence wins: a false "yes" would hand in a plan that fails the rule.
  if (NEGATION.test(phrase)) return 'negated';
  const verb = MEETS_NL.test(phrase) || MEETS_EN.test(phrase);
  // A short "voldoet" / "meets all" after a member's role is a confirmation for that member.
  const meets = verb && (REQUIREMENT_NOUN.test(phrase) || phrase.split(' ').length <= 4);
  return meets || CONFIRMED.test(phrase) ? 'confirmed' : undefined;
}

// --- roles --------------------------------------------------------------------------------

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

// --- splitting ------------------------------------------------------------------------------

const BULLET = /^\s*(?:[-*•·▪‣◦+]|\d{1,2}[.)])\s+/u;
const EDGE_MARKS = /^[\s*_~`"'“”‘’]+|[\s*_~`"'“”‘’.,;]+$/gu;

function clean(part: string): string {
  return part.replace(EDGE_MARKS, '').replace(/\s+/g, ' ').trim();
}

interface Candidate {
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

function hasMemberSeparator(chunk: string): boolean {
  return /\([^()]+\)|[–—\t]|\s-|-\s/u.test(chunk);
}

/**
 * "Anna - voorzitter, Piet - secretaris en Karin (penningmeester)" on one line: split on commas
 * and "en"/"and"/"&" outside parentheses, but only when the line holds several name-role pairs;
 * a piece without its own separator ("secretaris" in "Anna - voorzitter, secretaris") goes back
 * to the piece before it.
 */
function splitMultiMember(line: string): string[] {
  const pairs = (line.match(/\([^()]+\)/gu) ?? []).length + (line.match(/\s[-–—]+\s|\s[–—]|[–—]\s|\t/gu) ?? []).length;
  if (pairs < 2) return [line];
  const pieces: Array<{ text: string; glue: string }> = [];
  let depth = 0;
  let start = 0;
  const separator = /,|;|\s+(?:en|and|&)\s+/giy;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    separator.lastIndex = i;
    const match = separator.exec(line);
    if (match === null) continue;
    pieces.push({ text: line.slice(start, i), glue: match[0] });
    start = i + match[0].length;
    i = start - 1;
  }
  pieces.push({ text: line.slice(start), glue: '' });
  const merged: string[] = [];
  let previousGlue = '';
  for (const piece of pieces) {
    const last = merged.length - 1;
    if (last >= 0 && !hasMemberSeparator(piece.text) && !aboutRequirements(piece.text)) {
      merged[last] = `${merged[last] ?? ''}${previousGlue}${piece.text}`;
    } else {
      merged.push(piece.text);
    }
    previousGlue = piece.glue;
  }
  return merged.map((piece) => piece.trim()).filter((piece) => piece.length > 0);
}

/**
 * Split a trailing confirmation sentence off a line ("Karin - penningmeester. Iedereen voldoet
 * aan de eisen."). Only boundaries followed by requirement talk count, so initials such as
 * "A. Jansen" are never cut.
 */
function splitTrailingConfirmation(line: string): { rest: string; clause?: string } {
  // The last fitting boundary is the one right before the requirement talk ("A. Jansen - voorzitter. Alle ...").
  let found: { rest: string; clause: string } | undefined;
  for (const match of line.matchAll(/[.!?]\s+/gu)) {
    const rest = line.slice(0, match.index);
    const clause = line.slice(match.index + match[0].length);
    if (!aboutRequirements(rest) && aboutRequirements(clause)) found = { rest, clause };
  }
  return found ?? { rest: line };
}

/** "Anna - voorzitter (voldoet aan de eisen)": a member with the confirmation inline. */
function splitInlineClause(chunk: string): { member?: Candidate; clause: string } {
  for (const match of chunk.matchAll(/\s[-–—]+\s|[,(:]/gu)) {
    const before = chunk.slice(0, match.index);
    const after = chunk.slice(match.index + match[0].length).replace(/\)\s*$/u, '');
    if (aboutRequirements(before) || !aboutRequirements(after)) continue;
    const member = parseMemberChunk(before);
    if (member !== undefined) return { member, clause: after };
  }
  return { clause: chunk };
}

export function parseBoard(text: string): ParsedBoard {
  const members: BoardMember[] = [];
  const byName = new Map<string, BoardMember>();
  const withoutRole: string[] = [];
  const withoutName: string[] = [];
  const notes: string[] = [];
  let globalConfirmed = false;
  let negated = false;
  let inlineConfirmed = 0;

  const addMember = (candidate: Candidate): void => {
    // Folded, so "Anna  Jansen" and "anna jansen" are one person.
    const key = foldedPhrase(candidate.name);
    const existing = byName.get(key);
    if (existing === undefined) {
      const member = { name: candidate.name, role: candidate.role };
      byName.set(key, member);
      members.push(member);
    } else if (!foldedPhrase(existing.role).includes(foldedPhrase(candidate.role))) {
      existing.role = `${existing.role}, ${candidate.role}`;
    }
  };

  const addClause = (clause: string, original: string, inline: boolean): void => {
    const verdict = classifyConfirmation(clause);
    if (verdict === 'negated') negated = true;
    else if (verdict === 'confirmed') {
      if (inline) inlineConfirmed++;
      else globalConfirmed = true;
    } else notes.push(clean(original));
  };

  const lines = text
    .split(/\n|;/u)
    .map((line) => line.replace(BULLET, '').trim())
    .filter((line) => line.length > 0);
  for (const rawLine of lines) {
    const { rest, clause } = splitTrailingConfirmation(rawLine);
    if (clause !== undefined) addClause(clause, clause, false);
    // "Ons bestuur: Anna - voorzitter, ..." -> drop the heading before the colon.
    const colon = rest.indexOf(':');
    const heading = colon >= 0 ? rest.slice(0, colon) : '';
    const line =
      colon >= 0 && hasMemberSeparator(rest.slice(colon + 1)) && !hasMemberSeparator(heading) && !looksLikeRole(heading)
        ? rest.slice(colon + 1)
        : rest;
    if (clean(line).length === 0) continue;
    if (/:\s*$/u.test(line)) {
      notes.push(clean(line));
      continue;
    }
    for (const chunk of splitMultiMember(line)) {
      if (aboutRequirements(chunk)) {
        const { member, clause: inlineClause } = splitInlineClause(chunk);
        if (member !== undefined) addMember(member);
        addClause(inlineClause, chunk, member !== undefined);
        continue;
      }
      const member = parseMemberChunk(chunk);
      if (member !== undefined) {
        addMember(member);
        continue;
      }
      const plain = clean(chunk.replace(BULLET, ''));
      if (looksLikeRole(plain)) withoutName.push(plain);
      else if (looksLikeBareName(plain)) withoutRole.push(plain);
      else notes.push(plain);
    }
  }

  // Inline "(voldoet)" counts only when every listed member carries it; otherwise we ask for the closing sentence.
  const confirmation: Confirmation = negated
    ? 'negated'
    : globalConfirmed || (members.length > 0 && inlineConfirmed >= members.length)
      ? 'confirmed'
      : 'missing';
  return { members, confirmation, withoutRole, withoutName, notes };
}

/** "Anna Jansen", "Piet de Vries": short, starts with a capital, no sentence punctuation. */
function looksLikeBareName(text: string): boolean {
  return /^\p{Lu}/u.test(text) && !/[.!?]/u.test(text) && fitsName(text) && text.split(' ').length <= 5;
}
