/**
 * The one way dates are written for people: "3 december 2016" / "3 December 2016" (or "3 dec.
 * 2016" where space is short), in the bot's time zone. Every text uses this, so a date reads the
 * same in a reminder, the digest, the plan and `mijn gegevens`.
 */
import type { Language } from './language.js';
import { AMSTERDAM } from './time.js';

export interface DateStyle {
  /** `short` abbreviates the month (tables, lists). */
  month?: 'long' | 'short';
  /** Adds hours and minutes. */
  time?: boolean;
  timeZone?: string;
}

export function formatDate(date: Date | string, language: Language, style: DateStyle = {}): string {
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: style.timeZone ?? AMSTERDAM,
    day: 'numeric',
    month: style.month ?? 'long',
    year: 'numeric',
    ...(style.time ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(typeof date === 'string' ? new Date(date) : date);
}
