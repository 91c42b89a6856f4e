/**
 * Fitting the core's words into a platform's small fields (a modal title, a label, a
 * placeholder) without cutting a word in half: whole sentences where they fit, else whole words
 * and an ellipsis. Shared by the Slack and Discord modals.
 */

/** `text` if it fits, else its longest prefix of whole words that fits with "…" after it. */
export function fitWords(text: string, max: number): string {
  const clean = text.trim();
  return clean.length <= max ? clean : `${wordsHead(clean, max - 1)}…`;
}

/** The longest prefix of whole words within `max` characters, without trailing punctuation. */
function wordsHead(text: string, max: number): string {
  const window = text.slice(0, Math.max(0, max));
  // The window ends inside a word unless the next character is a space.
  const space = /\s/.test(text.charAt(max)) ? window.length : window.search(/\s\S*$/);
  return (space > 0 ? window.slice(0, space) : window).replace(/[\s,;:–—-]+$/u, '');
}

/** The longest run of whole sentences of `text` that fits; failing that, whole words (fitWords). */
export function fitSentences(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  let end = -1;
  for (const m of clean.matchAll(/[.!?](?=\s)/g)) {
    if (m.index + 1 > max) break;
    end = m.index + 1;
  }
  return end > 0 ? clean.slice(0, end) : fitWords(clean, max);
}

/**
 * A question over a short label and a longer description (Discord: 45 and 100 characters): the
 * first sentences that fit the label, the rest in the description. Failing that, the label's
 * first words and the whole question in the description; for a longer question the label ends in
 * "…" at a word and the description continues with "…". Only a question longer than both
 * together is shortened, and then at a word.
 */
export function splitQuestion(question: string, labelMax: number, descriptionMax: number): { label: string; description?: string } {
  const clean = question.replace(/\s+/g, ' ').trim();
  if (clean.length <= labelMax) return { label: clean };
  const sentences = fitSentences(clean, labelMax);
  const after = clean.slice(sentences.length).trim();
  if (!sentences.endsWith('…') && after.length <= descriptionMax) return { label: sentences, description: after };
  // The description fallback: the label's first words, the whole question below it.
  if (clean.length <= descriptionMax) return { label: fitWords(clean, labelMax), description: clean };
  if (!sentences.endsWith('…')) return { label: sentences, description: fitWords(after, descriptionMax) };
  const head = wordsHead(clean, labelMax - 1);
  const rest = clean.slice(head.length).replace(/^[\s,;:–—-]+/u, '');
  return { label: `${head}…`, description: fitWords(`…${rest}`, descriptionMax) };
}
