/**
 * Guards the partial text shown while the model writes (AnswerRequest.onPartial): the same fact
 * and link rules as the judged answer (citation-gate.ts), applied word by word. Split from
 * grounded.ts, which passes it to the model call.
 */
import { dropLinks, unsupportedFacts } from './answer-facts.js';
import type { Passage } from './passages.js';
import type { AnswerRequest } from './ports.js';

/**
 * Partial text goes out only while every number and name in it is in the passages (or the
 * question): a model that starts to invent ("10.000 euro extra") stops being shown at once, and the
 * judged answer replaces what was shown. Only whole words are checked ("201" may become "2016"),
 * and links are taken out as they are from the final answer.
 */
export function showOnlySupported(
  onPartial: AnswerRequest['onPartial'],
  passages: readonly Passage[],
  question: string,
): AnswerRequest['onPartial'] {
  if (!onPartial) return undefined;
  const sources = [...passages.map((p) => `${p.title}\n${p.text}`), question];
  let halted = false;
  let shown = '';
  return (text) => {
    if (halted) return;
    const cut = text.search(/\s\S*$/);
    // The final answer's own rule too: no links (dropLinks), so none shows while it is written.
    const whole = dropLinks(cut < 0 ? '' : text.slice(0, cut)).trimEnd();
    if (whole.length <= shown.length) return;
    if (unsupportedFacts(whole, sources).length) {
      halted = true;
      return;
    }
    shown = whole;
    onPartial(whole);
  };
}
