import { dutchWords } from './dictionary.js';

/*
 * The Snowball Dutch stemmer leaves verb forms apart: "telt", "geteld" and "tellen" get three
 * stems, and "schreef" / "geschreven" have nothing in common with "schrijven". Volunteers ask
 * "wie schreef de brief" where the entry says "is geschreven door". So a Dutch verb form also
 * searches for its infinitive: strong verbs from a table, regular forms by the spelling rules,
 * kept only when the dictionary knows the infinitive and does not know the form as a word of its
 * own ("plant" and "kracht" stay nouns).
 */
const STRONG: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['schrijven', ['schreef', 'schreven', 'geschreven']],
  ['kiezen', ['koos', 'kozen', 'gekozen']],
  ['besluiten', ['besloot', 'besloten']],
  ['krijgen', ['kreeg', 'kregen', 'gekregen']],
  ['geven', ['gaf', 'gaven']],
  ['nemen', ['nam', 'namen', 'genomen']],
  ['houden', ['hield', 'hielden', 'gehouden']],
  ['vinden', ['vond', 'vonden', 'gevonden']],
  ['komen', ['kwam', 'kwamen', 'gekomen']],
  ['gaan', ['gaat', 'ging', 'gingen', 'gegaan']],
  ['beginnen', ['begon', 'begonnen']],
  ['blijven', ['bleef', 'bleven', 'gebleven']],
  ['spreken', ['sprak', 'spraken', 'gesproken']],
  ['bieden', ['bood', 'boden', 'geboden']],
  ['staan', ['staat', 'stond', 'stonden', 'gestaan']],
  ['helpen', ['hielp', 'hielpen', 'geholpen']],
  ['zoeken', ['zocht', 'zochten', 'gezocht']],
  ['denken', ['dacht', 'dachten', 'gedacht']],
  ['brengen', ['bracht', 'brachten', 'gebracht']],
  ['lopen', ['liep', 'liepen', 'gelopen']],
  ['sluiten', ['sloot', 'sloten', 'gesloten']],
  ['trekken', ['trok', 'trokken', 'getrokken']],
  ['doen', ['doet', 'deed', 'deden', 'gedaan']],
  ['zien', ['ziet', 'zag', 'zagen', 'gezien']],
  ['weten', ['wist', 'wisten', 'geweten']],
  ['ontvangen', ['ontving', 'ontvingen']],
  ['ontstaan', ['ontstond', 'ontstonden']],
  ['dragen', ['droeg', 'droegen', 'gedragen']],
  ['vallen', ['viel', 'vielen', 'gevallen']],
  ['winnen', ['won', 'wonnen', 'gewonnen']],
  ['verliezen', ['verloor', 'verloren']],
];

const STRONG_FORMS: ReadonlyMap<string, string> = new Map(
  STRONG.flatMap(([infinitive, forms]) => forms.map((form) => [form, infinitive] as const)),
);

const VOWELS = 'aeiou';

/** Infinitives a regular verb stem spells ("tel" → tellen, "maak" → maken, "schrijf" → schrijven). */
function infinitivesOf(stem: string): string[] {
  if (stem.length < 2) return [];
  const last = stem.slice(-1);
  const body = stem.slice(0, -1);
  const before = body.slice(-1);
  const voiced = last === 'f' ? 'v' : last === 's' ? 'z' : last;
  const out: string[] = [];
  if (before.length === 1 && body.length >= 2 && body.slice(-2, -1) === before && VOWELS.includes(before)) {
    // A long vowel is written double in a closed syllable only: "maak" → "maken".
    out.push(`${body.slice(0, -1)}${voiced}en`);
  } else if (VOWELS.includes(before) && !VOWELS.includes(body.slice(-2, -1)) && !VOWELS.includes(last)) {
    // A short vowel keeps its consonant doubled: "tel" → "tellen", "stop" → "stoppen".
    out.push(`${stem}${last}en`);
  }
  out.push(`${body}${voiced}en`, `${stem}en`);
  return [...new Set(out)];
}

/** The particles of separable verbs whose participle has "ge" inside: vastgesteld, ingediend. */
const PARTICLE = /^(vast|in|op|aan|uit|af|mee|door|over|voor|terug|samen|toe|bij|na|weg)ge(.{3,}[dt])$/;

/**
 * A participle "ge…d/t", with a particle in front or not: [particle, stems to try]. The last letter
 * may be the stem's own ("gestart" → start, "gemeld" → meld) or the ending ("geteld" → tel).
 */
function participle(form: string): [string, string[]] | undefined {
  const separable = PARTICLE.exec(form);
  const [particle, rest] = separable?.[1] && separable[2] ? [separable[1], separable[2]] : ['', /^ge(.{3,}[dt])$/.exec(form)?.[1]];
  return rest ? [particle, [rest, rest.slice(0, -1)]] : undefined;
}

/** The stem a regular form is made of: "telt" → tel, "telde(n)" → tel. */
function regularStems(form: string): string[] {
  const stems: string[] = [];
  const past = /^(.{2,}?)(?:de|te)n?$/.exec(form)?.[1];
  if (past) stems.push(past);
  if (/[^dt]t$/.test(form)) stems.push(form.slice(0, -1));
  if (form.endsWith('dt')) stems.push(form.slice(0, -1));
  return stems;
}

/** The infinitive of a Dutch verb form, or undefined when it is not one (or is a word of its own). */
export function dutchInfinitive(form: string): string | undefined {
  const strong = STRONG_FORMS.get(form);
  if (strong) return strong;
  // Short words are too often something else; an -en word is an infinitive or a plural already.
  if (form.length < 4 || (form.endsWith('en') && !/(?:de|te)n$/.test(form))) return undefined;
  const words = dutchWords();
  // The dictionary lists participles as adjectives (geteld, vastgesteld), so they are tried before the
  // check that keeps words of their own.
  const made = participle(form);
  if (made) {
    const [particle, stems] = made;
    // Verbs that begin with "ge" themselves keep it: "gebeurd" → gebeuren, "gebruikt" → gebruiken.
    const inseparable = infinitivesOf(form.slice(0, -1)).find((infinitive) => words.has(infinitive));
    if (inseparable) return inseparable;
    for (const stem of stems) {
      for (const infinitive of infinitivesOf(stem)) if (words.has(particle + infinitive)) return particle + infinitive;
    }
  }
  if (words.has(form)) return undefined;
  for (const stem of regularStems(form)) {
    for (const infinitive of infinitivesOf(stem)) if (infinitive !== form && words.has(infinitive)) return infinitive;
  }
  return undefined;
}
