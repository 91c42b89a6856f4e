/**
 * Reads a board list typed in chat. People write "Anna Jansen - voorzitter", "Anna Jansen,
 * voorzitter", "Anna Jansen (voorzitter)", "Voorzitter: Anna Jansen", bullets, one per line or
 * separated by ";". The confirmation that everyone meets the formal requirements is part of the
 * same answer, so there is one step in the chat instead of a separate yes/no question that could
 * get lost between sessions.
 */
import { aboutRequirements, classifyConfirmation, type Confirmation } from './board-confirmation.js';
import { BULLET, clean, looksLikeBareName, looksLikeRole, parseMemberChunk, type Candidate } from './board-member.js';
import type { BoardMember } from './plan-state.js';
import { foldedPhrase } from './text-fold.js';

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
