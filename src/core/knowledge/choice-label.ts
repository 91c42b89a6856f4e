/** Button labels ("Bedoel je…?", "Zie ook") from entry titles, short enough for Slack and Discord buttons. */

/**
 * A button label from an entry title: the question part of a "Question? Answer" title; for a
 * "Begrip: X (…)" title the term; else the title up to a colon. At most LABEL_MAX characters, cut on a
 * word boundary, a trailing "(…)" dropped first.
 */
const LABEL_MAX = 60; // "Zie ook: " or "1. " in front still fits Slack's 75 and Discord's 80 characters
export function choiceLabel(title: string): string {
  const question = /^[^?]{8,}\?/.exec(title)?.[0];
  const colon = title.indexOf(': ');
  const [prefix, rest] = colon > 0 ? [title.slice(0, colon), title.slice(colon + 2)] : [title, ''];
  let head = question ?? (prefix.length <= 12 && rest ? rest : prefix);
  if (head.length > LABEL_MAX) head = head.replace(/\s*\([^)]*\)\s*$/, '');
  if (head.length <= LABEL_MAX) return head;
  const cut = head.slice(0, LABEL_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), LABEL_MAX / 2))}…`;
}
