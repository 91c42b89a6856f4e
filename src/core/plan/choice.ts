/**
 * Matching a typed answer to one option of a choice section. Every button needs a typed
 * equivalent, so "2", the option id, and (the start of) either label all work.
 */
import type { ChoiceOption } from './template-schema.js';
import { foldedPhrase } from './text-fold.js';

export function matchChoice<T extends ChoiceOption>(options: readonly T[], raw: string): T | undefined {
  const query = foldedPhrase(raw);
  if (query.length === 0) return undefined;
  if (/^\d+$/.test(query)) return options[Number(query) - 1];
  const byId = options.find((option) => option.id === raw.trim().toLowerCase());
  if (byId !== undefined) return byId;
  const labels = (option: T): string[] => [foldedPhrase(option.label.nl), foldedPhrase(option.label.en)];
  const exact = options.filter((option) => labels(option).includes(query));
  if (exact.length === 1) return exact[0];
  // A prefix counts only when it points at exactly one option; "ja" must not pick "jaarlijks".
  if (query.length >= 3) {
    const prefixed = options.filter((option) => labels(option).some((label) => label.startsWith(query)));
    if (prefixed.length === 1) return prefixed[0];
  }
  return undefined;
}
