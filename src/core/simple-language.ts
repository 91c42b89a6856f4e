import type { Language } from './language.js';

const EN = new Set(['the', 'what', 'when', 'who', 'how', 'is', 'are', 'do', 'does', 'our', 'we', 'can', 'is', 'which', 'why', 'you', 'have', 'must', 'should', 'about', 'and', 'hello', 'hi']);
const NL = new Set(['de', 'het', 'wat', 'wanneer', 'wie', 'hoe', 'is', 'zijn', 'ons', 'onze', 'we', 'wij', 'kan', 'kunnen', 'welke', 'waarom', 'je', 'jij', 'moet', 'moeten', 'over', 'en', 'een', 'hallo', 'hoi', 'van']);

/** A word-list guess, used until a better detector is configured; falls back when unsure. */
export function simpleLanguageGuess(text: string, fallback: Language): Language {
  let en = 0;
  let nl = 0;
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    if (EN.has(word)) en++;
    if (NL.has(word)) nl++;
  }
  if (en > nl) return 'en';
  if (nl > en) return 'nl';
  return fallback;
}
