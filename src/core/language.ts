/** The two languages buurtbot speaks. Dutch first: most volunteers write Dutch. */
export type Language = 'nl' | 'en';

export const LANGUAGES: readonly Language[] = ['nl', 'en'];

export const DEFAULT_LANGUAGE: Language = 'nl';

/** Pick the text for a language from a bilingual pair. */
export type Bilingual<T = string> = Record<Language, T>;

export function pick<T>(texts: Bilingual<T>, language: Language): T {
  return texts[language];
}
