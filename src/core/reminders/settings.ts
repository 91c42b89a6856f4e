import { z } from 'zod';
import { AMSTERDAM, parseLocalTime } from '../time.js';

const timeOfDay = z.string().refine((value) => parseLocalTime(value) !== undefined, {
  error: 'must be a time like 08:00 (HH:mm, 24-hour clock)',
});

const validTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** Reminder settings with the defaults the brief chose; the config layer can embed this schema. */
export const reminderSettingsSchema = z.object({
  timeZone: z.string().refine(validTimeZone, { error: 'unknown time zone' }).default(AMSTERDAM),
  /** No personal message is sent from start (inclusive) to end (exclusive); may wrap midnight; start = end means none. */
  quietHours: z.object({ start: timeOfDay, end: timeOfDay }).default({ start: '21:00', end: '08:00' }),
  /** Local time of day at which reminders are planned. */
  channelPostTime: timeOfDay.default('10:00'),
  /** How late a missed reminder may still be sent; later ones are recorded as skipped. */
  graceHours: z.number().positive().default(36),
});

export type ReminderSettings = z.output<typeof reminderSettingsSchema>;
export type ReminderSettingsInput = z.input<typeof reminderSettingsSchema>;

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = reminderSettingsSchema.parse({});

/** Fills in defaults and validates; throws a ZodError naming the bad field. */
export function resolveReminderSettings(input: ReminderSettingsInput = {}): ReminderSettings {
  return reminderSettingsSchema.parse(input);
}
