/**
 * The bot's own words, Dutch first, plain language (B1), short and friendly. Features keep their
 * longer texts next to their code; the shared ones live here.
 */
import type { Bilingual, Language } from './language.js';

export type Vars = Record<string, string | number>;

/** Fill {name} placeholders. Unknown placeholders stay visible, so a missing variable is noticed. */
export function fill(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A feature's own texts: `const tt = textCatalog({...})`, then `tt(language, 'key', vars)`. */
export function textCatalog<K extends string>(texts: Record<K, Bilingual>): (language: Language, key: K, vars?: Vars) => string {
  return (language, key, vars) => fill(texts[key][language], vars);
}

const catalog = {
  'error.generic': {
    nl: 'Sorry, er ging bij mij iets mis. Je bericht is niet verloren; probeer het zo nog eens.',
    en: 'Sorry, something went wrong on my side. Your message is not lost; please try again in a moment.',
  },
  'input.empty': {
    nl: 'Je bericht is leeg. Typ je vraag, of `hulp` om te zien wat ik kan.',
    en: 'Your message is empty. Type your question, or `help` to see what I can do.',
  },
  'input.tooLong': {
    nl: 'Je bericht is te lang ({length} tekens). Ik lees er maximaal {max}. Kun je het korter maken of in delen sturen?',
    en: 'Your message is too long ({length} characters). I read at most {max}. Could you shorten it or send it in parts?',
  },
  greeting: {
    nl: 'Hoi {name}! Ik ben buurtbot. Ik help buurtplatforms op weg naar een buurtnetwerk.',
    en: 'Hi {name}! I am buurtbot. I help buurtplatforms on their way to a buurtnetwerk (neighbourhood network).',
  },
  'greeting.again': {
    nl: 'Welkom terug, {name}! Stel je vraag, of ga verder met jullie Plan van Aanpak.',
    en: 'Welcome back, {name}! Ask your question, or continue with your Plan van Aanpak.',
  },
  'help.intro': {
    nl: 'Dit kan ik voor je doen:',
    en: 'This is what I can do for you:',
  },
  'help.ask': {
    nl: '• Stel een vraag over de overgang naar buurtnetwerken, bijvoorbeeld: *Wanneer moet ons Plan van Aanpak binnen zijn?*',
    en: '• Ask a question about the move to buurtnetwerken, for example: *When is our Plan van Aanpak due?*',
  },
  'help.footer': {
    nl: 'Typ `english` voor Engels, `nederlands` voor Nederlands.',
    en: 'Type `nederlands` for Dutch, `english` for English.',
  },
  'language.set': {
    nl: 'Prima, ik praat vanaf nu Nederlands met je.',
    en: 'Fine, I will speak English with you from now on.',
  },
  'unknown.command': {
    nl: 'Dat begrijp ik niet. Typ `hulp` om te zien wat ik kan.',
    en: "I don't understand that. Type `help` to see what I can do.",
  },
  'button.help': { nl: 'Hulp', en: 'Help' },
  'typed.help': { nl: 'hulp', en: 'help' },
  'button.plan': { nl: 'Plan van Aanpak', en: 'Plan van Aanpak' },
} satisfies Record<string, Bilingual>;

export type TextKey = keyof typeof catalog;

export function t(language: Language, key: TextKey, vars?: Vars): string {
  return fill(catalog[key][language], vars);
}
