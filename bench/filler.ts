import type { Language } from '../src/core/language.js';
import type { KbEntry } from '../src/core/knowledge/types.js';

/**
 * Deterministic filler passages: plausible municipal text in Dutch and English, generated
 * from word lists with a seeded PRNG, so a benchmark over 5,000 or 50,000 passages is the same
 * on every run and every machine.
 */

/** mulberry32: small, fast, good enough for picking words. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Lexicon {
  subjects: readonly string[];
  verbs: readonly string[];
  objects: readonly string[];
  places: readonly string[];
  times: readonly string[];
  connectors: readonly string[];
  titleTemplates: readonly string[];
}

const LEXICON: Record<Language, Lexicon> = {
  nl: {
    subjects: [
      'De gemeente',
      'Het college',
      'De wijkagent',
      'De bewonersvereniging',
      'Het wijkteam',
      'De ondernemers',
      'De sportvereniging',
      'De bibliotheek',
      'Het jongerenwerk',
      'De woningcorporatie',
      'De raad',
      'Vrijwilligers',
    ],
    verbs: [
      'onderzoekt',
      'verbetert',
      'organiseert',
      'plant',
      'bespreekt',
      'financiert',
      'onderhoudt',
      'evalueert',
      'vernieuwt',
      'ondersteunt',
      'controleert',
      'verduurzaamt',
    ],
    objects: [
      'de straatverlichting',
      'het afvalbeleid',
      'de speeltuinen',
      'het parkeerbeleid',
      'de groenvoorziening',
      'de fietspaden',
      'het bestemmingsplan',
      'de evenementenvergunning',
      'de weekmarkt',
      'het zwembad',
      'de bushaltes',
      'de containerlocaties',
      'de verkeersveiligheid',
      'het wijkcentrum',
      'de riolering',
    ],
    places: [
      'in de binnenstad',
      'langs de Maas',
      'in het centrum',
      'bij het station',
      'in de nieuwe wijk',
      'op het plein',
      'rond de school',
      'in het park',
      'aan de rand van de stad',
      'bij het sportpark',
    ],
    times: [
      'dit voorjaar',
      'na de zomer',
      'in het najaar',
      'volgend jaar',
      'binnen drie maanden',
      'voor de kerst',
      'in de komende periode',
      'elke week',
      'twee keer per jaar',
      'vanaf maart',
    ],
    connectors: ['Daarnaast', 'Ook', 'Verder', 'Tegelijk', 'Bovendien', 'Daarom'],
    titleTemplates: ['Nieuws over {o}', 'Plannen voor {o} {p}', 'Werkzaamheden aan {o}', 'Informatie: {o}'],
  },
  en: {
    subjects: [
      'The municipality',
      'The council',
      'The community officer',
      'The residents association',
      'The district team',
      'Local businesses',
      'The sports club',
      'The library',
      'Youth workers',
      'The housing association',
      'Volunteers',
    ],
    verbs: [
      'reviews',
      'improves',
      'organises',
      'plans',
      'discusses',
      'funds',
      'maintains',
      'evaluates',
      'renews',
      'supports',
      'inspects',
      'upgrades',
    ],
    objects: [
      'the street lighting',
      'the waste policy',
      'the playgrounds',
      'the parking policy',
      'the green spaces',
      'the cycle paths',
      'the zoning plan',
      'the event permits',
      'the weekly market',
      'the swimming pool',
      'the bus stops',
      'the container sites',
      'road safety',
      'the community centre',
      'the sewer system',
    ],
    places: [
      'in the city centre',
      'along the river',
      'near the station',
      'in the new district',
      'on the square',
      'around the school',
      'in the park',
      'on the edge of town',
      'near the sports park',
    ],
    times: [
      'this spring',
      'after the summer',
      'in the autumn',
      'next year',
      'within three months',
      'before Christmas',
      'in the coming period',
      'every week',
      'twice a year',
      'from March',
    ],
    connectors: ['In addition', 'Also', 'Furthermore', 'At the same time', 'Moreover', 'Therefore'],
    titleTemplates: ['News about {o}', 'Plans for {o} {p}', 'Works on {o}', 'Information: {o}'],
  },
};

function pickFrom<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('empty word list');
  return item;
}

function sentence(random: () => number, lexicon: Lexicon, lead?: string): string {
  const subject = pickFrom(random, lexicon.subjects);
  const text = `${subject} ${pickFrom(random, lexicon.verbs)} ${pickFrom(random, lexicon.objects)} ${pickFrom(random, lexicon.places)} ${pickFrom(random, lexicon.times)}.`;
  return lead ? `${lead} ${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

/** `count` filler entries (one passage each), alternating Dutch and English. */
export function fillerEntries(count: number, seed = 2016): KbEntry[] {
  const random = seededRandom(seed);
  const entries: KbEntry[] = [];
  for (let i = 0; i < count; i++) {
    const language: Language = i % 2 === 0 ? 'nl' : 'en';
    const lexicon = LEXICON[language];
    const object = pickFrom(random, lexicon.objects);
    const title = pickFrom(random, lexicon.titleTemplates).replace('{o}', object).replace('{p}', pickFrom(random, lexicon.places));
    const sentences = 3 + Math.floor(random() * 4);
    const body: string[] = [];
    for (let s = 0; s < sentences; s++)
      body.push(sentence(random, lexicon, s > 0 && random() < 0.4 ? pickFrom(random, lexicon.connectors) : undefined));
    const topic = `filler-${Math.floor(i / 2)}`;
    entries.push({
      id: `${topic}-${language}`,
      topic,
      language,
      kind: 'fact',
      title: title.charAt(0).toUpperCase() + title.slice(1),
      tags: [object.replace(/^(de|het|the) /, ''), pickFrom(random, lexicon.places).split(' ').pop() ?? ''],
      source: 'Generated filler (benchmark only)',
      updated: '2026-11-28',
      unknown: false,
      body: body.join(' '),
      file: `filler/${topic}.${language}.md`,
    });
  }
  return entries;
}
