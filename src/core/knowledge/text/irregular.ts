import type { Language } from '../../language.js';

/*
 * Plurals the Snowball stemmers cannot bring back to their singular, because the stem itself
 * changes (leden → lid). Applied before stemming, to whole words and to the head of a
 * compound (bestuursleden → bestuurs + leden → bestuurslid).
 */
const DUTCH: ReadonlyMap<string, string> = new Map([
  ['leden', 'lid'],
  ['steden', 'stad'],
  ['schepen', 'schip'],
  ['kinderen', 'kind'],
  ['bladeren', 'blad'],
  ['volkeren', 'volk'],
  ['liederen', 'lied'],
  ['goederen', 'goed'],
  ['eieren', 'ei'],
  ['gelegenheden', 'gelegenheid'],
  ['mogelijkheden', 'mogelijkheid'],
  ['moeilijkheden', 'moeilijkheid'],
  ['werkzaamheden', 'werkzaamheid'],
  ['activiteiten', 'activiteit'],
  ['lieden', 'man'],
  ['mensen', 'mens'],
  ['buren', 'buur'],
  ['data', 'datum'],
  ['gegevens', 'gegeven'],
  ['musea', 'museum'],
  ['criteria', 'criterium'],
  // Nouns of measure made from adjectives: "hoe hoog" asks for the "hoogte".
  ['hoogte', 'hoog'],
  ['lengte', 'lang'],
  ['grootte', 'groot'],
  ['breedte', 'breed'],
  ['diepte', 'diep'],
]);

const ENGLISH: ReadonlyMap<string, string> = new Map([
  ['children', 'child'],
  ['people', 'person'],
  ['men', 'man'],
  ['women', 'woman'],
  ['criteria', 'criterion'],
  ['data', 'datum'],
  ['neighbours', 'neighbour'],
  ['neighbors', 'neighbour'],
  ['neighborhood', 'neighbourhood'],
  ['neighborhoods', 'neighbourhood'],
  ['neighbourhoods', 'neighbourhood'],
  ['organization', 'organisation'],
  ['organizations', 'organisation'],
  // Irregular past tenses the Porter stemmer leaves alone ("who wrote" / "was written by").
  ['wrote', 'write'],
  ['written', 'write'],
  ['chose', 'choose'],
  ['chosen', 'choose'],
  ['began', 'begin'],
  ['begun', 'begin'],
  ['gave', 'give'],
  ['given', 'give'],
  ['took', 'take'],
  ['taken', 'take'],
  ['held', 'hold'],
  ['met', 'meet'],
  ['sent', 'send'],
  ['spent', 'spend'],
  ['told', 'tell'],
  ['brought', 'bring'],
  ['thought', 'think'],
  ['sought', 'seek'],
  ['bought', 'buy'],
  ['paid', 'pay'],
  ['knew', 'know'],
  ['known', 'know'],
  ['went', 'go'],
  ['gone', 'go'],
  ['saw', 'see'],
  ['seen', 'see'],
  ['found', 'find'],
  ['became', 'become'],
  ['led', 'lead'],
  ['left', 'leave'],
  ['set', 'set'],
  ['won', 'win'],
]);

const MAPS: Record<Language, ReadonlyMap<string, string>> = { nl: DUTCH, en: ENGLISH };

/** The singular of an irregular plural, or the word itself. */
export function singular(word: string, language: Language): string {
  return MAPS[language].get(word) ?? word;
}

/** Irregular plural suffixes of a Dutch compound head, longest first (…heden → …heid). */
const DUTCH_SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['heden', 'heid'],
  ['leden', 'lid'],
  ['lieden', 'man'],
  ['steden', 'stad'],
];

/**
 * Rewrite a word whose tail is an irregular plural: "bestuursleden" → "bestuurslid",
 * "mogelijkheden" → "mogelijkheid". Only when what remains before the tail is long enough to
 * be a word of its own, so "leden" alone is handled by `singular` and short words stay put.
 */
export function singularTail(word: string, language: Language): string {
  const whole = singular(word, language);
  if (whole !== word || language !== 'nl') return whole;
  for (const [plural, single] of DUTCH_SUFFIXES) {
    if (word.length >= plural.length + 4 && word.endsWith(plural)) {
      return word.slice(0, word.length - plural.length) + single;
    }
  }
  return word;
}
