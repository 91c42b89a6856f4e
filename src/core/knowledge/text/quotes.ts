/** A quotation between quote marks; an apostrophe inside a word ("it's", "z'n") opens none. */
const QUOTED = /(?:^|[\s(])['"‘“]([^'"‘’“”]{3,80}?)['"’”](?=$|[\s).,!?:;])/gu;

/** What a text puts between quote marks ("het 'Buurtnetblad'", "the session 'Buurtplan, hoe dan?'"), as written. */
export function quotations(text: string): string[] {
  return [...text.matchAll(QUOTED)].map((match) => match[1] ?? '').filter(Boolean);
}

/** The text with its quotations left out (the quote marks too), for reading the words of the writer's own language. */
export function withoutQuotations(text: string): string {
  return text.replace(QUOTED, (match) => (/^[\s(]/u.test(match) ? match.charAt(0) : ''));
}
