import { z } from 'zod';

/** Dates in YAML may come through as strings or (with YAML 1.1 timestamps) as Date objects. */
const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-28'),
);

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** The front matter of a knowledge-base file. Field order is the order problems are reported. */
export const frontMatterSchema = z.object({
  id: nonEmpty.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes'),
  topic: nonEmpty.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes'),
  language: z.enum(['nl', 'en'], 'must be nl or en'),
  kind: z.enum(['fact', 'glossary', 'faq'], 'must be fact, glossary or faq'),
  title: nonEmpty,
  tags: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
  /** Ways people ask for this entry, in their own words (indexed like the title and tags). */
  questions: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
  /** Yes/no questions this entry answers with yes, and with no: the answer then starts with "Ja."/"Nee." (yes-no.ts). */
  yes: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
  no: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
  source: nonEmpty,
  updated: isoDate,
  unknown: z.boolean('must be true or false').default(false),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const FRONT_MATTER_KEYS: ReadonlySet<string> = new Set(Object.keys(frontMatterSchema.shape));
