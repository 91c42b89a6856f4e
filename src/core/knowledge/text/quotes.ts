/** A quotation between quote marks; an apostrophe inside a word ("it's", "z'n") opens none. */
const QUOTED = /(?:^|[\s(])['"‘“]([^'"‘’“”]{3,80}?)['"’”](?=$|[\s).,!?:;])/gu;

/** What a text puts between quote marks ("het 'Buurtnetblad'", "the session 'Buurtplan, hoe dan?'"), as written. */
export function quotations(text: string): string[] {
  return [...text.matchAll(QUOTED)].map((match) => match[1] ?? '').filter(Boolean);
}
