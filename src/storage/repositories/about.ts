/**
 * Who a transcript line or notice is about, stored as `|ref|ref|`. The delimiters make the match
 * exact: forgetting `web:ab` must not touch a line about `web:abc`. Refs never contain `|`.
 */
export function encodeAbout(refs: readonly string[] | undefined): string | null {
  const clean = [...new Set(refs ?? [])].filter((ref) => ref.length > 0 && !ref.includes('|'));
  return clean.length ? `|${clean.join('|')}|` : null;
}

/** The Prisma filter for rows about one person. */
export function aboutFilter(ref: string): { about: { contains: string } } {
  return { about: { contains: `|${ref}|` } };
}
