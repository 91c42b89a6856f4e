import type { Bilingual } from '../language.js';
import type { DeadlineKind } from './schema.js';

/**
 * The bot's own words around a curated reminder text. Dutch first, plain (B1), short.
 * Curated content (titles, texts) lives in content/deadlines.yaml; only the glue is here.
 */
export const REMINDER_TEXTS = {
  /** Opens a reminder: a deadline asks for action, an event only for attention. */
  lead: {
    deadline: { nl: 'Herinnering', en: 'Reminder' },
    event: { nl: 'Binnenkort', en: 'Coming up' },
  } satisfies Record<DeadlineKind, Bilingual>,
  daysLeft: {
    nl: (days: number): string => (days <= 0 ? 'vandaag' : days === 1 ? 'nog 1 dag' : `nog ${days} dagen`),
    en: (days: number): string => (days <= 0 ? 'today' : days === 1 ? '1 day left' : `${days} days left`),
  } satisfies Bilingual<(days: number) => string>,
  /** Marks the English line under the Dutch one in a channel post. */
  englishMarker: 'EN:',
  greeting: { nl: 'Hoi!', en: 'Hi!' } satisfies Bilingual,
  /** The day-before message to people who signed up for an event. */
  tomorrow: { nl: 'Morgen is het zover, je bent aangemeld:', en: 'Tomorrow is the day, you are signed up:' } satisfies Bilingual,
  missing: {
    nl: (platform: string, sections: string): string => `Nog niet klaar voor ${platform}: ${sections}.`,
    en: (platform: string, sections: string): string => `Not done yet for ${platform}: ${sections}.`,
  } satisfies Bilingual<(platform: string, sections: string) => string>,
  nothingMissing: {
    nl: (platform: string): string => `Het plan van ${platform} is ingevuld, maar nog niet ingeleverd.`,
    en: (platform: string): string => `The plan of ${platform} is filled in, but not handed in yet.`,
  } satisfies Bilingual<(platform: string) => string>,
  /** `plan` starts or resumes the Plan van Aanpak conversation on every surface. */
  continuePlan: { nl: 'Typ "plan" om verder te gaan.', en: 'Type "plan" to continue.' } satisfies Bilingual,
  and: { nl: 'en', en: 'and' } satisfies Bilingual,
} as const;
