/**
 * Splits long text into pieces Discord accepts (2,000 characters for message content, 4,096 for
 * an embed description, 4,000 for a modal text input). It cuts at the nicest boundary available
 * (paragraph, line, word) and keeps code blocks valid across pieces, so a long answer still reads
 * as one answer.
 */
import { isHighSurrogate } from './limits.js';

/** What was removed between two pieces, so modal parts can be joined back exactly. */
export type Separator = '\n\n' | '\n' | ' ' | '';

export interface Piece {
  text: string;
  /** The separator dropped before this piece ('' for the first piece or a hard cut). */
  before: Separator;
}

const SEPARATORS: Separator[] = ['\n\n', '\n', ' '];

/**
 * Splits `text` into pieces of at most `max` characters, cutting at a separator when one lies in
 * the second half of the window (otherwise a hard cut). The separator itself is dropped and
 * reported, which makes `joinPieces(splitPieces(t))` return `t` exactly.
 */
export function splitPieces(text: string, max: number): Piece[] {
  if (max < 2) throw new RangeError('max must be at least 2');
  const pieces: Piece[] = [];
  let rest = text;
  let before: Separator = '';
  while (rest.length > max) {
    let cut = -1;
    let sep: Separator = '';
    for (const candidate of SEPARATORS) {
      const at = rest.lastIndexOf(candidate, max - candidate.length);
      // A boundary very early in the window would make many tiny pieces; prefer a hard cut then.
      if (at >= Math.floor(max / 2)) {
        cut = at;
        sep = candidate;
        break;
      }
    }
    if (cut < 0) {
      cut = max;
      if (isHighSurrogate(rest.charCodeAt(cut - 1))) cut--;
    }
    pieces.push({ text: rest.slice(0, cut), before });
    rest = rest.slice(cut + sep.length);
    before = sep;
  }
  pieces.push({ text: rest, before });
  return pieces;
}

export function joinPieces(pieces: readonly Piece[]): string {
  return pieces.map((p, i) => (i === 0 ? p.text : p.before + p.text)).join('');
}

const FENCE = /^```(\S*)/gm;

/**
 * Splits message text for display. Whitespace at the cuts is dropped (it would only show as empty
 * lines), and a code block that spans a cut is closed and reopened, so both halves render as code.
 */
export function splitMessage(text: string, max: number): string[] {
  const trimmed = text.trim();
  if (trimmed.length <= max) return [trimmed];
  // Room for closing a fence ("\n```") and reopening it ("```lang\n") on the next piece.
  const reserve = trimmed.includes('```') ? 24 : 0;
  const raw = splitPieces(trimmed, max - reserve).map((p) => p.text);
  const out: string[] = [];
  let openLanguage: string | null = null;
  for (const piece of raw) {
    let body = openLanguage !== null ? `\`\`\`${openLanguage}\n${piece}` : piece;
    for (const m of piece.matchAll(FENCE)) openLanguage = openLanguage === null ? (m[1] ?? '').slice(0, 16) : null;
    if (openLanguage !== null) body += '\n```';
    const clean = body.trim();
    if (clean) out.push(clean);
  }
  return out.length ? out : [''];
}
