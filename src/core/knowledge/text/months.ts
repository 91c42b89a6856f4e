import type { Language } from '../../language.js';

/*
 * Chat writes dates short: "10 okt", "4 jul", "Oct 10". After a day number (or before one), a
 * month's abbreviation means the month, which is how the entries write it ("10 oktober 2016"),
 * and "April 18th" is the 18th.
 * Only next to a number: "jan" alone is a name, "mar" and "may" are words.
 */
const NL: Readonly<Record<string, string>> = {
  jan: 'januari',
  feb: 'februari',
  mrt: 'maart',
  maa: 'maart',
  apr: 'april',
  jun: 'juni',
  jul: 'juli',
  aug: 'augustus',
  sep: 'september',
  sept: 'september',
  okt: 'oktober',
  oct: 'oktober',
  nov: 'november',
  dec: 'december',
};
const EN: Readonly<Record<string, string>> = {
  jan: 'january',
  feb: 'february',
  mar: 'march',
  mrt: 'march',
  apr: 'april',
  jun: 'june',
  jul: 'july',
  aug: 'august',
  sep: 'september',
  sept: 'september',
  oct: 'october',
  okt: 'october',
  nov: 'november',
  dec: 'december',
};

const DAY = /^(?:[1-9]|[12]\d|3[01])(?:e|ste|de|st|nd|rd|th)?$/;
const ORDINAL = /^([1-9]|[12]\d|3[01])(?:e|ste|de|st|nd|rd|th)$/;
const MONTH_NAMES: ReadonlySet<string> = new Set([...Object.keys(NL), ...Object.values(NL), ...Object.values(EN)]);

/**
 * What the token at `i` means in a date: the month for an abbreviation next to a day number
 * ("10 okt" → oktober), the bare day for an ordinal next to a month ("April 18th" → 18).
 */
export function dateWordAt(tokens: readonly string[], i: number, language: Language): string | undefined {
  const token = tokens[i] ?? '';
  const month = (language === 'nl' ? NL : EN)[token];
  if (month) return DAY.test(tokens[i - 1] ?? '') || DAY.test(tokens[i + 1] ?? '') ? month : undefined;
  const day = ORDINAL.exec(token)?.[1];
  return day && (MONTH_NAMES.has(tokens[i - 1] ?? '') || MONTH_NAMES.has(tokens[i + 1] ?? '')) ? day : undefined;
}
