/**
 * Prompts are versioned text files (prompts/v1/system.nl.txt, ...), so wording changes are
 * reviewed like code and a new version can be tried beside the old one. They are loaded and
 * checked once at startup: a missing file, a missing placeholder or an unknown one (a typo such
 * as {{pasages}}) stops startup with an error naming the file.
 */
import path from 'node:path';
import { CodedError } from '../errors.js';
import { LANGUAGES, type Bilingual, type Language } from '../language.js';

export const PROMPT_VERSION = 'v1';

/** Each prompt and the placeholders it must contain (and may contain: no others). */
export const PROMPT_SPEC = {
  system: [],
  answer: ['passages', 'question'],
  refusal: [],
  coach: ['title', 'guidance', 'draft'],
} as const satisfies Record<string, readonly string[]>;

export type PromptName = keyof typeof PROMPT_SPEC;

export type PromptSet = { version: string } & Record<PromptName, Bilingual>;

export class PromptError extends CodedError {
  override name = 'PromptError';
  constructor(message: string) {
    super('prompt', message);
  }
}

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

/**
 * Builds and checks the prompt set from `dir`; `read` gives a file's text, undefined when it is
 * missing (src/adapters/llm/prompt-files.ts reads them from disk: the core does no file I/O).
 */
export function buildPrompts(read: (file: string) => string | undefined, dir: string, version: string = PROMPT_VERSION): PromptSet {
  const set = { version } as PromptSet;
  for (const name of Object.keys(PROMPT_SPEC) as PromptName[]) {
    const texts = {} as Bilingual;
    for (const language of LANGUAGES) {
      const file = path.join(dir, version, `${name}.${language}.txt`);
      const text = read(file);
      if (text === undefined) throw new PromptError(`${file}: prompt file is missing (every prompt needs a .nl.txt and an .en.txt)`);
      texts[language] = checkPrompt(file, text, PROMPT_SPEC[name]);
    }
    set[name] = texts;
  }
  // The API's JSON mode refuses a conversation that never mentions JSON; say so at startup instead.
  for (const language of LANGUAGES) {
    if (!/json/i.test(set.system[language]))
      throw new PromptError(`${path.join(dir, version, `system.${language}.txt`)}: must ask for JSON output (the word "JSON" is missing)`);
  }
  return set;
}

export function checkPrompt(file: string, text: string, required: readonly string[]): string {
  const trimmed = text.trim();
  if (!trimmed) throw new PromptError(`${file}: prompt file is empty`);
  const found = new Set([...trimmed.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''));
  const missing = required.filter((name) => !found.has(name));
  if (missing.length)
    throw new PromptError(`${file}: missing placeholder${missing.length > 1 ? 's' : ''} ${missing.map((m) => `{{${m}}}`).join(', ')}`);
  const unknown = [...found].filter((name) => !required.includes(name));
  if (unknown.length)
    throw new PromptError(
      `${file}: unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((m) => `{{${m}}}`).join(', ')} (allowed: ${required.map((m) => `{{${m}}}`).join(', ') || 'none'})`,
    );
  return trimmed;
}

/** Fills placeholders in one pass, so text inserted for one cannot be read as another. */
export function render(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

export function promptFor(set: PromptSet, name: PromptName, language: Language): string {
  return set[name][language];
}
