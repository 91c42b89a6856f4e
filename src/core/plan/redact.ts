/**
 * Privacy deletion: when a board member asks to be removed, their name must disappear from the
 * stored answer while the plan keeps its shape (roles, the confirmation, the other sections).
 */
import type { SectionValue } from './plan-state.js';

export const REDACTED = '[verwijderd]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replace every occurrence of the names, case-insensitive and tolerant of extra spaces. */
export function redactNamesInText(text: string, names: readonly string[]): string {
  // Longest first, so "Anna Jansen" is replaced whole before a shorter "Anna" could split it.
  const sorted = [...new Set(names.map((name) => name.trim()).filter((name) => name.length > 0))].sort((a, b) => b.length - a.length);
  let result = text;
  for (const name of sorted) {
    const pattern = name.split(/\s+/).map(escapeRegExp).join('\\s+');
    result = result.replace(new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'giu'), REDACTED);
  }
  return result;
}

/**
 * The value with names replaced by "[verwijderd]". For a board, `names` defaults to every
 * member; pass some names to remove only those people. Text and choice values only change when
 * names are given (a name can appear in any section's text). Only names written as listed are
 * found: a first name used alone elsewhere in the text stays, so check the text too.
 */
export function redactMemberNames<V extends SectionValue>(value: V, names?: readonly string[]): V {
  if (value.kind === 'board') {
    const targets = names ?? value.members.map((member) => member.name);
    const redactedKeys = new Set(targets.map((name) => name.trim().toLowerCase().replace(/\s+/g, ' ')));
    const members = value.members.map((member) =>
      redactedKeys.has(member.name.trim().toLowerCase().replace(/\s+/g, ' ')) ? { name: REDACTED, role: member.role } : { ...member },
    );
    return { ...value, members, text: redactNamesInText(value.text, targets) };
  }
  if (names === undefined || names.length === 0) return value;
  return { ...value, text: redactNamesInText(value.text, names) };
}
