/**
 * The few words the Discord adapter says itself (everything else comes from the core). Dutch
 * first, plain language, like the rest of the bot.
 */
import type { Bilingual, Language } from '../../core/language.js';

const texts = {
  sources: { nl: 'Bronnen', en: 'Sources' },
  formExpired: {
    nl: 'Dit invulvenster is verlopen (ik ben tussendoor herstart). Typ je tekst gewoon als bericht, of vraag de vorige stap opnieuw op.',
    en: 'This form has expired (I restarted in between). Just type your text as a message, or ask for the previous step again.',
  },
  sentByDm: {
    nl: 'Ik heb je een privébericht gestuurd.',
    en: 'I sent you a direct message.',
  },
  dmFailed: {
    nl: 'Ik kon je geen privébericht sturen. Sta privéberichten van serverleden toe, of stuur mij zelf een bericht.',
    en: 'I could not send you a direct message. Allow direct messages from server members, or message me yourself.',
  },
  continued: { nl: 'vervolg', en: 'continued' },
} satisfies Record<string, Bilingual>;

export type AdapterText = keyof typeof texts;

export function say(language: Language, key: AdapterText): string {
  return texts[key][language];
}
