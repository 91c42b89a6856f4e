/**
 * Escaping user text for the Markdown export. Answers come from chat, so a line such as
 * "# Ingediend" or "[klik](http://...)" must show up as typed instead of becoming a heading or a
 * link in the document a coordinator reads. Line breaks stay.
 */

// Characters that can start or end Markdown/HTML constructs anywhere in a line. `#` too: a trailing
// "#" closes an ATX heading, and `&` would start an entity such as "&lt;".
const ANYWHERE = /[\\`*_[\]<>|~&#]/g;

/** One line of user text inside our own line (a heading, a label): newlines become spaces. */
export function escapeInline(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(ANYWHERE, '\\$&');
}

function escapeLine(line: string): string {
  // Leading spaces would make an indented code block; they carry no meaning in a chat answer.
  const escaped = line.trimStart().replace(ANYWHERE, '\\$&');
  return escaped
    .replace(/^([-+=])/, '\\$1') // list item, setext underline ("---", "===")
    .replace(/^(\d+)([.)])/, '$1\\$2'); // ordered list item ("1. ", "2) ")
}

/**
 * A multi-line answer as Markdown paragraphs: blank lines stay paragraph breaks, single line
 * breaks become hard breaks (two trailing spaces), so the answer keeps the shape it was typed in.
 */
export function escapeBlock(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => escapeLine(line.trimEnd()))
        .filter((line) => line.length > 0)
        .join('  \n'),
    )
    .filter((paragraph) => paragraph.length > 0);
  return paragraphs.join('\n\n');
}
