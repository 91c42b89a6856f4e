/**
 * Is this answer good enough to store as the section's value? Returns the value, or a reason in
 * the user's language that says what is missing and how to fix it.
 */
import type { Language } from '../language.js';
import {
  emptyBoardMessage,
  missingConfirmationMessage,
  negatedConfirmationMessage,
  textProblemMessage,
  tooFewMembersMessage,
  unknownChoiceMessage,
  withoutNameMessage,
  withoutRoleMessage,
} from './answer-messages.js';
import { parseBoard } from './board-parse.js';
import { matchChoice } from './choice.js';
import type { BoardMember, SectionValue } from './plan-state.js';
import type { BoardValidation, ChoiceValidation, PlanSection, TextValidation } from './template-schema.js';
import { cleanAnswer, contentProblem, lengthProblem } from './text-checks.js';
import { foldedPhrase } from './text-fold.js';

export type ValidationResult = { ok: true; value: SectionValue } | { ok: false; reason: string };

export function validateAnswer(section: PlanSection, rawText: string, language: Language): ValidationResult {
  const text = cleanAnswer(rawText);
  const { validation } = section;
  switch (validation.type) {
    case 'text':
      return validateText(section, validation, text, language);
    case 'board':
      return validateBoard(section, validation, text, language);
    case 'choice':
      return validateChoice(validation, text, language);
  }
}

function examplesOf(section: PlanSection): string[] {
  return [section.example.nl, section.example.en];
}

function validateText(section: PlanSection, validation: TextValidation, text: string, language: Language): ValidationResult {
  const problem = contentProblem(text, examplesOf(section)) ?? lengthProblem(text, validation.minWords, validation.minChars);
  if (problem !== undefined) return { ok: false, reason: textProblemMessage(problem, language) };
  return { ok: true, value: { kind: 'text', text } };
}

function validateBoard(section: PlanSection, validation: BoardValidation, text: string, language: Language): ValidationResult {
  const min = validation.minMembers;
  if (text.length === 0) return { ok: false, reason: emptyBoardMessage(min, language) };
  // Board lists are short and share their closing sentence with the example, so word overlap says
  // little; the example's invented names showing up says it was pasted.
  const problem = contentProblem(text, []);
  if (problem !== undefined) return { ok: false, reason: textProblemMessage(problem, language) };

  const board = parseBoard(text);
  if (usesExampleNames(board.members, section)) return { ok: false, reason: textProblemMessage({ kind: 'copied-example' }, language) };
  // A "no" to the requirements is the one thing that matters most; say only that.
  if (board.confirmation === 'negated') return { ok: false, reason: negatedConfirmationMessage(min, language) };

  // Everything else is listed at once so one correction round is enough.
  const reasons: string[] = [];
  if (board.withoutRole.length > 0) reasons.push(withoutRoleMessage(board.withoutRole, language));
  if (board.withoutName.length > 0) reasons.push(withoutNameMessage(board.withoutName, language));
  if (board.members.length < min) reasons.push(tooFewMembersMessage(board.members, min, language));
  if (board.confirmation === 'missing') reasons.push(missingConfirmationMessage(language));
  if (reasons.length > 0) return { ok: false, reason: reasons.join('\n') };

  return { ok: true, value: { kind: 'board', members: board.members, confirmed: true, text } };
}

function usesExampleNames(members: readonly BoardMember[], section: PlanSection): boolean {
  const exampleNames = new Set(
    examplesOf(section).flatMap((example) => parseBoard(example).members.map((member) => foldedPhrase(member.name))),
  );
  const shared = members.filter((member) => exampleNames.has(foldedPhrase(member.name))).length;
  return shared >= Math.min(2, exampleNames.size) && shared > 0;
}

function validateChoice(validation: ChoiceValidation, text: string, language: Language): ValidationResult {
  const option = matchChoice(validation.options, text);
  if (option === undefined) return { ok: false, reason: unknownChoiceMessage(validation.options, language) };
  return { ok: true, value: { kind: 'choice', option: option.id, text: option.label[language] } };
}
