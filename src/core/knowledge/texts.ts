import type { Bilingual } from '../language.js';

/*
 * Everything the knowledge core says in its own words, Dutch first (B1: short sentences,
 * everyday words) and English. The chat layer adds the "forward to a coordinator" button;
 * these texts only offer it.
 */
export const KNOWLEDGE_TEXTS = {
  notKnown: {
    nl: 'Dat weet ik niet zeker. Ik wil geen fout antwoord geven. Zal ik je vraag doorsturen naar een coördinator? Die helpt je verder.',
    en: "I don't know that for sure, and I don't want to guess. Shall I forward your question to a coordinator? They can help you further.",
  },
  offTopic: {
    nl: 'Daar kan ik niet bij helpen. Ik beantwoord vragen over de overstap van buurtplatform naar buurtnetwerk (zoals de deadline, het Plan van Aanpak en de subsidie) en help jullie bestuur het Plan van Aanpak te schrijven. Typ `help` voor alles wat ik kan.',
    en: "I can't help with that. I answer questions about the change from buurtplatform to buurtnetwerk (such as the deadline, the Plan van Aanpak and the subsidy) and help your board write the Plan van Aanpak. Type `help` for everything I can do.",
  },
  emptyQuestion: {
    nl: 'Wat wil je weten? Stel je vraag in een paar woorden, bijvoorbeeld: "Wanneer moet het Plan van Aanpak klaar zijn?"',
    en: 'What would you like to know? Ask in a few words, for example: "When is the Plan van Aanpak due?"',
  },
  seeAlso: { nl: 'Zie ook', en: 'See also' },
  didYouMean: {
    nl: 'Dat weet ik niet zeker. Bedoel je een van deze? Kies er een (of typ het nummer).',
    en: "I'm not sure. Did you mean one of these? Pick one (or type its number).",
  },
  /** Shown when the entry exists only in the other language. */
  otherLanguageNote: {
    nl: '(Dit staat alleen in het Engels in de kennisbank.)',
    en: '(This is only available in Dutch in the knowledge base.)',
  },
} as const satisfies Record<string, Bilingual>;
