/**
 * content/transition.yaml: the paths a buurtplatform can choose in the keuze (the letter's
 * "Indicatie omslag"), validated, and the shape the rest of the core uses.
 */
import { z } from 'zod';
import type { Bilingual } from '../language.js';
import { parseDeadline } from '../plan/template-schema.js';
import { wallClockToInstant } from '../plan/zoned-time.js';

export interface TransitionPath {
  id: string;
  label: Bilingual;
  explain: Bilingual;
  /** How many platforms the letter expected on this path. */
  estimate: number;
  /** The path leads to a Plan van Aanpak. */
  needsPlan: boolean;
  /** "No choice yet": recorded, but not a decision. */
  undecided: boolean;
}

export interface TransitionContent {
  /** Until when a platform chooses, and may change its choice. */
  deadline: { at: Date; timeZone: string };
  source: string;
  paths: TransitionPath[];
  initiatives: { estimate: number; explain: Bilingual };
  /** The January 2017 decision coordinators record per platform. */
  decision: { source: string; explain: Bilingual; outcomes: DecisionOutcome[] };
}

export interface DecisionOutcome {
  id: string;
  label: Bilingual;
  /** What the board reads; `{platform}` is the platform's name. */
  tell: Bilingual;
}

const text = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${what} is missing` : `${what} must be text`) })
    .trim()
    .min(1, `${what} is empty`);
const bilingual = (what: string, max?: number) => {
  const one = (language: string) =>
    max
      ? text(`${what} in ${language}`).max(max, `${what} in ${language} is longer than ${max} characters`)
      : text(`${what} in ${language}`);
  return z.strictObject({ nl: one('Dutch (nl)'), en: one('English (en)') }, { error: `${what} needs nl: and en:` });
};
const estimate = z
  .number({ error: 'estimate must be a number' })
  .int('estimate must be a whole number')
  .min(0, 'estimate cannot be negative');

const pathSchema = z.strictObject({
  id: text('id').regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lower-case words joined by "-"'),
  // A button label: Slack cuts button text at 75 characters, Discord at 80; phones show far less.
  label: bilingual('label', 40),
  explain: bilingual('explain'),
  estimate,
  needsPlan: z.boolean({ error: 'needsPlan must be true or false' }).default(false),
  undecided: z.boolean({ error: 'undecided must be true or false' }).default(false),
});

export const transitionFileSchema = z
  .strictObject({
    deadline: text('deadline').refine((value) => parseDeadline(value) !== undefined, {
      message: 'deadline must be a real date and time plus a time zone, like "2016-12-31T23:59 Europe/Amsterdam"',
    }),
    source: text('source'),
    paths: z.array(pathSchema, { error: 'paths must be a list' }).min(2, 'paths needs at least two paths to choose from'),
    initiatives: z.strictObject({ estimate, explain: bilingual('explain') }),
    decision: z.strictObject({
      source: text('source'),
      explain: bilingual('explain'),
      outcomes: z
        .array(
          z.strictObject({
            id: text('id').regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lower-case words joined by "-"'),
            label: bilingual('label', 40),
            tell: bilingual('tell'),
          }),
          { error: 'outcomes must be a list' },
        )
        .min(2, 'outcomes needs at least two outcomes'),
    }),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.paths.forEach((item, index) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['paths', index, 'id'], message: `path id "${item.id}" is used twice` });
      seen.add(item.id);
    });
    if (!value.paths.some((item) => item.needsPlan))
      ctx.addIssue({
        code: 'custom',
        path: ['paths'],
        message: 'one path needs "needsPlan: true" (the one that leads to a Plan van Aanpak)',
      });
  });

export function toTransitionContent(raw: z.output<typeof transitionFileSchema>): TransitionContent {
  const deadline = parseDeadline(raw.deadline);
  if (deadline === undefined) throw new Error('toTransitionContent: deadline was not validated');
  return {
    deadline: { at: wallClockToInstant(deadline.wall, deadline.timeZone), timeZone: deadline.timeZone },
    source: raw.source,
    paths: raw.paths,
    initiatives: raw.initiatives,
    decision: raw.decision,
  };
}
