/**
 * The shape of content/plan-template.yaml. Coordinators edit that file without touching code,
 * so the schema is strict (a typo such as `requird:` is an error, not a silently ignored key)
 * and its messages say what to write instead.
 */
import { z } from 'zod';
import type { Bilingual } from '../language.js';
import { isKnownTimeZone, wallClockToInstant } from './zoned-time.js';

export interface TextValidation {
  type: 'text';
  minWords: number;
  minChars?: number;
}

export interface BoardValidation {
  type: 'board';
  minMembers: number;
}

export interface ChoiceOption {
  id: string;
  label: Bilingual;
}

export interface ChoiceValidation {
  type: 'choice';
  options: ChoiceOption[];
}

export type SectionValidation = TextValidation | BoardValidation | ChoiceValidation;

export interface PlanSection {
  id: string;
  title: Bilingual;
  /** What the bot asks. */
  question: Bilingual;
  /** What a good answer covers. */
  guidance: Bilingual;
  /** An example answer from an invented platform; the text itself says so. */
  example: Bilingual;
  required: boolean;
  /** Knowledge-base topic ids worth offering with this section; empty when none. They may not exist yet. */
  kb: string[];
  validation: SectionValidation;
}

export interface PlanDeadline {
  /** As written in the template, e.g. "2016-12-31T23:59". */
  local: string;
  timeZone: string;
  /** The instant the wall clock in `timeZone` reads `local`. */
  at: Date;
}

/** The document a template without an `id` is: the one `plan` opens (content/plan-template.yaml). */
export const DEFAULT_DOCUMENT = 'plan';

export interface PlanTemplate {
  /** Which document this is; a platform has one plan per document. */
  id: string;
  /** Chat words that open this document (`buurtplan`); the default document opens with `plan`. */
  words: string[];
  version: number;
  title: Bilingual;
  deadline: PlanDeadline;
  sections: PlanSection[];
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const kebab = (what: string) =>
  z.string({ error: `${what} must be text` }).regex(KEBAB, `${what} must be lowercase words joined by hyphens, e.g. "het-bestuur"`);

const languageText = (language: 'nl' | 'en') =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `the ${language === 'nl' ? 'Dutch' : 'English'} text (${language}) is missing`
          : `the ${language === 'nl' ? 'Dutch' : 'English'} text (${language}) must be text`,
    })
    .trim()
    .min(1, `the ${language === 'nl' ? 'Dutch' : 'English'} text (${language}) is empty`);

const bilingual = z.strictObject({ nl: languageText('nl'), en: languageText('en') }, { error: 'needs both languages: nl: and en:' });

const positiveInt = (what: string) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? `${what} is missing` : `${what} must be a number`) })
    .int(`${what} must be a whole number`)
    .min(1, `${what} must be at least 1`);

const textValidation = z.strictObject({
  type: z.literal('text'),
  minWords: positiveInt('minWords'),
  minChars: positiveInt('minChars').optional(),
});

const boardValidation = z.strictObject({
  type: z.literal('board'),
  minMembers: positiveInt('minMembers'),
});

const choiceValidation = z
  .strictObject({
    type: z.literal('choice'),
    options: z
      .array(z.strictObject({ id: kebab('option id'), label: bilingual }), { error: 'options must be a list' })
      .min(2, 'a choice needs at least 2 options'),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.options.forEach((option, index) => {
      if (seen.has(option.id)) {
        ctx.addIssue({ code: 'custom', path: ['options', index, 'id'], message: `option id "${option.id}" is used twice` });
      }
      seen.add(option.id);
    });
  });

const validation = z.discriminatedUnion('type', [textValidation, boardValidation, choiceValidation], {
  error: 'validation.type must be one of: text, board, choice',
});

const section = z.strictObject({
  id: kebab('id'),
  title: bilingual,
  question: bilingual,
  guidance: bilingual,
  example: bilingual,
  required: z.boolean({ error: 'required must be true or false' }),
  kb: z.array(kebab('kb topic id'), { error: 'kb must be a list of topic ids' }).optional(),
  validation,
});

/** "2016-12-31T23:59 Europe/Amsterdam": a wall-clock time and the IANA zone it is read in. */
const DEADLINE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}) (\S+)$/;

export interface ParsedDeadline {
  wall: { year: number; month: number; day: number; hour: number; minute: number };
  local: string;
  timeZone: string;
}

export function parseDeadline(text: string): ParsedDeadline | undefined {
  const match = DEADLINE.exec(text.trim());
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, timeZone] = match;
  const wall = { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi) };
  // Date.UTC rolls 31 February over into March; a round trip catches impossible dates.
  const probe = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute));
  const real =
    probe.getUTCFullYear() === wall.year &&
    probe.getUTCMonth() === wall.month - 1 &&
    probe.getUTCDate() === wall.day &&
    probe.getUTCHours() === wall.hour &&
    probe.getUTCMinutes() === wall.minute;
  if (!real || timeZone === undefined || !isKnownTimeZone(timeZone)) return undefined;
  return { wall, local: text.trim().slice(0, 16), timeZone };
}

const deadline = z
  .string({ error: 'deadline must be text like "2016-12-31T23:59 Europe/Amsterdam"' })
  .refine((text) => parseDeadline(text) !== undefined, {
    message: 'deadline must be a real date and time plus a time zone, like "2016-12-31T23:59 Europe/Amsterdam"',
  });

export const planTemplateSchema = z
  .strictObject({
    id: kebab('id').optional(),
    words: z
      .array(z.string({ error: 'each word must be text' }).trim().toLowerCase().min(2, 'a word is at least 2 letters'), {
        error: 'words must be a list',
      })
      .optional(),
    version: positiveInt('version'),
    title: bilingual,
    deadline,
    sections: z.array(section, { error: 'sections must be a list' }).min(1, 'the template needs at least one section'),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.sections.forEach((item, index) => {
      if (seen.has(item.id)) {
        ctx.addIssue({ code: 'custom', path: ['sections', index, 'id'], message: `section id "${item.id}" is used twice` });
      }
      seen.add(item.id);
    });
  });

export type RawPlanTemplate = z.output<typeof planTemplateSchema>;

/** From the validated file to the shape the rest of the core uses (deadline resolved, kb defaulted). */
export function toPlanTemplate(raw: RawPlanTemplate): PlanTemplate {
  const parsed = parseDeadline(raw.deadline);
  if (parsed === undefined) throw new Error('toPlanTemplate: deadline was not validated');
  return {
    id: raw.id ?? DEFAULT_DOCUMENT,
    words: raw.words ?? [],
    version: raw.version,
    title: raw.title,
    deadline: { local: parsed.local, timeZone: parsed.timeZone, at: wallClockToInstant(parsed.wall, parsed.timeZone) },
    sections: raw.sections.map((item) => ({
      id: item.id,
      title: item.title,
      question: item.question,
      guidance: item.guidance,
      example: item.example,
      required: item.required,
      kb: item.kb ?? [],
      validation: toValidation(item.validation),
    })),
  };
}

// exactOptionalPropertyTypes: zod's optional output is `minChars?: number | undefined`; drop the key instead.
function toValidation(raw: RawPlanTemplate['sections'][number]['validation']): SectionValidation {
  if (raw.type === 'text') {
    return raw.minChars === undefined
      ? { type: 'text', minWords: raw.minWords }
      : { type: 'text', minWords: raw.minWords, minChars: raw.minChars };
  }
  if (raw.type === 'board') return { type: 'board', minMembers: raw.minMembers };
  return { type: 'choice', options: raw.options.map((option) => ({ id: option.id, label: option.label })) };
}
