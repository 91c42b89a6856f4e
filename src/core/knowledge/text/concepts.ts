import type { Language } from '../../language.js';
import { normalize } from './normalize.js';

/*
 * Paraphrases of the letter's concepts. Volunteers ask about "funding", "the board" or "who
 * signed it"; the knowledge base says "subsidy", "bestuursleden" and "written by". Stemming
 * cannot bridge that, so a question word also searches for the words the content uses for the
 * same concept. A small domain map, not a thesaurus: only concepts this letter is about, and
 * only words that mean the concept in any context ("af", "klaar" and "end" are left out).
 *
 * Query side only: the index stays as written, so a mapping can never make an entry match
 * words it does not contain, only make a question find the words an entry does contain.
 * Within a group every word also searches for every other one (true synonyms); a `to` list
 * maps informal words one way, to the content's vocabulary.
 */
interface Concept {
  /** Words that stand for each other. */
  group?: readonly string[];
  /** Informal words, and the content words they should also search for. */
  from?: readonly string[];
  to?: readonly string[];
}

const DUTCH: readonly Concept[] = [
  // the deadline of 31 December 2016 ("uiterlijk op ...")
  { from: ['einddatum', 'inleverdatum', 'sluitingsdatum', 'uiterste'], to: ['deadline', 'uiterlijk'] },
  { from: ['insturen', 'opsturen', 'versturen', 'aanleveren', 'afgeven'], to: ['inleveren', 'indienen'] },
  // money
  {
    from: ['financiering', 'financien', 'centen', 'geldpot', 'bijdrage', 'poen'],
    to: ['geld', 'subsidie'],
  },
  // the board
  { from: ['bestuurder', 'bestuurders'], to: ['bestuurslid'] },
  // stopping
  { from: ['ophouden', 'opheffen', 'opgeheven', 'kappen', 'beeindigen'], to: ['stoppen'] },
  // choosing
  // ("de knoop doorhakken": to decide)
  {
    from: ['kiezen', 'kies', 'kiest', 'koos', 'kozen', 'gekozen', 'beslissen', 'beslist', 'beslissing', 'doorhakken'],
    to: ['keuze'],
  },
  // help and support
  { group: ['hulp', 'helpen', 'ondersteuning', 'begeleiding'] },
  { from: ['steun', 'ondersteunen', 'begeleiden', 'geholpen'], to: ['ondersteuning', 'hulp'] },
  // talking with the platforms: the letter's "gesprekken" ("wie praat er met ons")
  { from: ['praten', 'praat', 'praatte', 'praatten', 'spreken', 'spreekt'], to: ['gesprekken'] },
  // meetings
  { from: ['kickoff', 'aftrap', 'openingsbijeenkomst'], to: ['startbijeenkomst'] },
  // the workshops were evenings to volunteers ("die avond over vinden en verbinden")
  { from: ['sessie', 'sessies', 'cursus', 'training', 'themaavond', 'avond', 'avonden'], to: ['workshop'] },
  { from: ['spreker', 'sprekers', 'presentatie', 'presentaties', 'lezing'], to: ['sprekers', 'gepresenteerd'] },
  // the letter and its author
  { from: ['ondertekend', 'getekend', 'ondertekening', 'schrijver', 'auteur', 'briefschrijver'], to: ['afzender', 'geschreven'] },
  // the transition from platform to network ("de overstap maken")
  { from: ['overstap', 'overstappen', 'omschakeling', 'omschakelen', 'omvorming', 'omzetting'], to: ['transitie'] },
  { from: ['tijdlijn', 'tijdschema', 'planning', 'stappenplan'], to: ['tijdpad'] },
];

const ENGLISH: readonly Concept[] = [
  { from: ['due', 'cutoff'], to: ['deadline'] },
  {
    from: ['funding', 'funds', 'fund', 'grant', 'grants', 'cash', 'financing', 'finance', 'finances'],
    to: ['subsidy', 'money'],
  },
  { from: ['quit', 'quits', 'quitting', 'cease', 'disband', 'dissolve'], to: ['stop'] },
  // choosing, as in Dutch
  { from: ['choose', 'chooses', 'chose', 'chosen', 'pick', 'picks', 'picked'], to: ['choice'] },
  { group: ['help', 'support', 'guidance', 'assistance'] },
  // "talk" is both talking with the platforms (the conversations) and a talk at the kick-off (next line)
  { from: ['talk', 'talks', 'talking'], to: ['conversations'] },
  { from: ['talk', 'talks', 'speech', 'speeches', 'presentation', 'presentations', 'lecture', 'presenter'], to: ['speaker', 'spoke'] },
  { from: ['session', 'sessions', 'class', 'course', 'training', 'evening', 'evenings'], to: ['workshop'] },
  { from: ['kickoff', 'launch'], to: ['kick-off', 'startbijeenkomst'] },
  { from: ['signed', 'sign', 'signature', 'wrote', 'writer'], to: ['author', 'written'] },
  { group: ['timeline', 'schedule', 'timetable', 'roadmap'] },
  { from: ['based'], to: ['basis'] },
  // the transition from platform to network ("make the switch")
  { from: ['switch', 'changeover', 'conversion', 'transform', 'transformation'], to: ['transition'] },
];

function build(concepts: readonly Concept[]): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  const add = (word: string, others: readonly string[]): void => {
    const key = normalize(word);
    const list = map.get(key) ?? [];
    for (const other of others.map(normalize)) if (other !== key && !list.includes(other)) list.push(other);
    map.set(key, list);
  };
  for (const concept of concepts) {
    for (const word of concept.group ?? []) add(word, concept.group ?? []);
    for (const word of concept.from ?? []) add(word, concept.to ?? []);
  }
  return map;
}

const MAPS: Record<Language, ReadonlyMap<string, readonly string[]>> = { nl: build(DUTCH), en: build(ENGLISH) };

/** Words the content uses for the concept a (normalized) question word stands for; [] when none. */
export function conceptWords(token: string, language: Language): readonly string[] {
  return MAPS[language].get(token) ?? [];
}
