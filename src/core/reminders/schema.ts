import { z } from 'zod';
import type { Bilingual } from '../language.js';
import { parseLocalDateTime } from '../time.js';

/**
 * Who a deadline is for. `unsubmitted` = board members of platforms whose Plan van Aanpak is not
 * submitted yet (plus a post in the announcement channels, since everyone may still choose).
 */
export type Audience = 'everyone' | 'unsubmitted' | 'coordinators';

/** Workshops and other dates to attend are events; things to hand in are deadlines. */
export type DeadlineKind = 'deadline' | 'event';

/** One curated deadline from content/deadlines.yaml, validated. */
export interface Deadline {
  /** Stable and part of every delivery key, so it must never contain ':'. */
  readonly id: string;
  readonly kind: DeadlineKind;
  readonly title: Bilingual;
  /** The reminder text itself: B1, short; it states the date the way the letter does. */
  readonly text: Bilingual;
  /** Local date-time in the reminder time zone (Europe/Amsterdam), `YYYY-MM-DDTHH:mm`. */
  readonly at: string;
  readonly audience: Audience;
  /** Days before `at` on which to remind; positive, unique. */
  readonly leadDays: readonly number[];
  /** Where the date comes from (document and section). */
  readonly source: string;
  /** An event people sign up for in chat (`aanmelden workshop`); they get a reminder the day before. */
  readonly signup?: boolean | undefined;
}

const text = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${what} is missing` : `${what} must be text`) })
    .trim()
    .min(1, `${what} is empty`);

const bilingual = (what: string) => z.strictObject({ nl: text(`${what} in Dutch (nl)`), en: text(`${what} in English (en)`) });

export const deadlineSchema = z.strictObject({
  id: text('id').regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lower-case words joined by "-" (no ":" or spaces)'),
  kind: z.enum(['deadline', 'event'], { error: 'kind must be "deadline" or "event"' }).default('deadline'),
  title: bilingual('title'),
  text: bilingual('text'),
  at: z
    .string({ error: 'at must be a local date-time like 2016-12-31T23:59 (put it in quotes if unsure)' })
    .refine((value) => parseLocalDateTime(value) !== undefined, {
      error: 'at must be a real local date-time like 2016-12-31T23:59 (YYYY-MM-DDTHH:mm, 24-hour clock)',
    }),
  audience: z.enum(['everyone', 'unsubmitted', 'coordinators'], {
    error: 'audience must be everyone, unsubmitted or coordinators',
  }),
  leadDays: z
    .array(
      z.number({ error: 'each lead day must be a number' }).int('lead days must be whole days').positive('lead days must be 1 or more'),
      {
        error: 'leadDays must be a list of days, like [30, 14, 7, 3, 1]',
      },
    )
    .min(1, 'leadDays needs at least one day')
    .refine((days) => new Set(days).size === days.length, { error: 'leadDays has the same day twice' }),
  source: text('source'),
  signup: z.boolean({ error: 'signup must be true or false' }).optional(),
});

// Compile-time guard: the schema's output must stay assignable to the documented interface.
const _schemaMatchesInterface = (parsed: z.output<typeof deadlineSchema>): Deadline => parsed;
void _schemaMatchesInterface;

export const deadlinesFileSchema = z.strictObject({
  deadlines: z.array(z.unknown(), { error: 'the file needs a "deadlines:" list' }),
});
