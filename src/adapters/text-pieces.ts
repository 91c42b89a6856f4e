/**
 * Long text in pieces that join back exactly: a modal's text inputs hold a few thousand characters
 * each (Slack 3,000, Discord 4,000), so a longer answer is spread over several inputs and joined
 * again on submit. Used by both chat surfaces.
 */

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

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** One-letter codes for a separator, to carry it in an input's id (block_id, custom_id). */
export const SEPARATOR_CODES: Record<Separator, string> = { '\n\n': 'p', '\n': 'n', ' ': 's', '': 'x' };
const CODE_SEPARATORS = new Map(Object.entries(SEPARATOR_CODES).map(([sep, code]) => [code, sep as Separator]));
/** A fresh extra input (no draft text in it) starts a new paragraph. */
export const FRESH: Separator = '\n\n';

export function separatorOf(code: string | undefined): Separator {
  return (code !== undefined ? CODE_SEPARATORS.get(code) : undefined) ?? FRESH;
}

/**
 * The submitted inputs of a modal back as one text, in input order. Empty inputs contribute
 * nothing, not even their separator; the first non-empty one leads.
 */
export function joinInputs(parts: ReadonlyArray<{ index: number; piece: Piece }>): string {
  const filled = [...parts]
    .sort((a, b) => a.index - b.index)
    .map((p) => p.piece)
    .filter((p) => p.text !== '');
  const first = filled[0];
  if (first) filled[0] = { text: first.text, before: '' };
  return joinPieces(filled);
}
