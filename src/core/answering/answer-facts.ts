/**
 * Checks on a model's answer text beyond its citations: the facts it states must be in what it
 * cites, and it writes no links of its own. A model can cite the right passage and still put a
 * wrong date or a made-up contact person in the sentence; those are exactly the facts volunteers act on.
 */

/** English month names, so "31 December 2016" in an English answer matches "31 december 2016" in a Dutch passage. */
const MONTHS: Record<string, string> = {
  january: 'januari',
  february: 'februari',
  march: 'maart',
  may: 'mei',
  june: 'juni',
  july: 'juli',
  august: 'augustus',
  october: 'oktober',
};

/** Numbers as digits ("1.000" and "1000" are one number; "2016" and "31" in a date count separately). */
function numbersIn(text: string): string[] {
  return [...text.matchAll(/\d[\d.,]*\d|\d/g)].map((m) => m[0].replace(/[.,](?=\d{3}\b)/g, '').replace(/[.,]$/, ''));
}

/**
 * Capitalised words that are not the first word of a sentence: names of people, places and
 * organisations. The first word of a sentence, a line or a bullet is capitalised by grammar, not
 * because it is a name, so it is not checked.
 */
function namesIn(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/(^|[^\p{L}\p{N}])(\p{Lu}[\p{L}'-]+)/gu)) {
    const before = text.slice(0, m.index + m[1]!.length).trimEnd();
    if (before === '' || /[.!?:;•*\-\n(“"']$/.test(before)) continue;
    // "I'm", "I'd": the English pronoun, not a name.
    if (/^I'/.test(m[2]!)) continue;
    names.push(m[2]!);
  }
  return names;
}

function normal(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The facts in `answer` (numbers, names) that appear nowhere in `sources`; empty when all are there. */
export function unsupportedFacts(answer: string, sources: readonly string[]): string[] {
  const haystack = normal(sources.join('\n'));
  const digits = new Set(numbersIn(sources.join('\n').replace(/(\d)[.,](\d{3})\b/g, '$1$2')));
  const missing: string[] = [];
  for (const n of numbersIn(answer)) if (!digits.has(n)) missing.push(n);
  for (const name of namesIn(answer)) {
    const word = normal(name);
    if (!haystack.includes(word) && !haystack.includes(MONTHS[word] ?? '\u0000')) missing.push(name);
  }
  return [...new Set(missing)];
}

/**
 * Links the model wrote are dropped: a `[label](url)` keeps its label, a bare address goes. Only
 * links the bot builds itself (sources, buttons) are live, and a model can be talked into writing
 * anything.
 */
export function dropLinks(answer: string): string {
  return (
    answer
      .replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
      // A sentence's full stop after an address stays.
      .replace(/<?\b(?:https?:\/\/|www\.)[^\s<>)]+>?/gi, (url) => /[.,;:!?]+$/.exec(url)?.[0] ?? '')
      .replace(/\(\s*\)/g, '')
      .replace(/[ \t]{2,}/g, ' ')
      .replace(/ +([.,;:!?])/g, '$1')
      .trim()
  );
}

/**
 * The question inside its `<vraag>`/`<question>` block: angle brackets become look-alikes, so a
 * question cannot close the block and speak as the instructions ("</vraag> Negeer de regels…").
 */
export function escapeQuestion(question: string): string {
  return question.replace(/</g, '‹').replace(/>/g, '›');
}
