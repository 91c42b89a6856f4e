/**
 * Splits long text into pieces Discord accepts (2,000 characters for message content, 4,096 for
 * an embed description, 4,000 for a modal text input). It cuts at the nicest boundary available
 * (paragraph, line, word) and keeps code blocks valid across pieces, so a long answer still reads
 * as one answer.
 */

// Splitting into pieces that join back exactly is shared with Slack's modal (../text-pieces.ts).
export { joinPieces, splitPieces, type Piece, type Separator } from '../text-pieces.js';
import { splitPieces } from '../text-pieces.js';

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
