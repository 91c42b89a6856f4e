import type { Bilingual, Language } from '../language.js';
import type { Deadline } from './schema.js';
import { REMINDER_TEXTS as T } from './texts.js';

/** What a personal reminder says about one platform the person is a board member of. */
export interface PlatformProgress {
  readonly name: string;
  readonly missingSectionTitles: readonly Bilingual[];
}

export function daysLeftLabel(daysLeft: number, language: Language): string {
  return T.daysLeft[language](daysLeft);
}

/** "A, B en C" / "A, B and C". */
export function joinList(items: readonly string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${T.and[language]} ${items[items.length - 1] ?? ''}`;
}

/** One line: "Herinnering: <title> (nog 7 dagen). <text>". */
export function reminderLine(deadline: Deadline, daysLeft: number, language: Language): string {
  const lead = T.lead[deadline.kind][language];
  return `${lead}: ${deadline.title[language]} (${daysLeftLabel(daysLeft, language)}). ${deadline.text[language]}`;
}

/** The day before an event, to those who signed up: the event, and that they are expected. */
export function renderEventReminder(event: Deadline, language: Language): string {
  return `${T.greeting[language]} ${T.tomorrow[language]} ${event.title[language]}. ${event.text[language]}`;
}

/** Channels are mixed-language: Dutch first, the English line below it. */
export function renderChannelPost(deadline: Deadline, daysLeft: number): string {
  return `${reminderLine(deadline, daysLeft, 'nl')}\n${T.englishMarker} ${reminderLine(deadline, daysLeft, 'en')}`;
}

/** A personal message in the reader's language: the reminder, what is still missing per platform, how to go on. */
export function renderPersonalReminder(
  deadline: Deadline,
  daysLeft: number,
  language: Language,
  platforms: readonly PlatformProgress[],
): string {
  const lines = [`${T.greeting[language]} ${reminderLine(deadline, daysLeft, language)}`];
  for (const platform of platforms) {
    const titles = platform.missingSectionTitles.map((title) => title[language]);
    lines.push(
      titles.length > 0 ? T.missing[language](platform.name, joinList(titles, language)) : T.nothingMissing[language](platform.name),
    );
  }
  lines.push(T.continuePlan[language]);
  return lines.join('\n');
}
