/**
 * Whether a board list's answer confirms that everyone meets the formal requirements
 * ("Iedereen voldoet aan de eisen", "all meet the requirements", or a negation). Split from
 * board-parse.ts: the confirmation vocabulary is its own concern, used to read trailing and inline
 * clauses and to keep requirement talk from being read as a name.
 */
import { foldedPhrase } from './text-fold.js';

export type Confirmation = 'confirmed' | 'negated' | 'missing';

const REQUIREMENT_NOUN = /\b(?:eisen|eis|vereisten|voorwaarden|requirements?|conditions|criteria)\b/;
const MEETS_NL = /\bvoldo(?:e|en|et)\b/;
const MEETS_EN = /\b(?:meets?|meeting|fulfil(?:l|ls|s)?|satisf(?:y|ies)|compl(?:y|ies))\b/;
const CONFIRMED = /\b(?:bevestig(?:d|en|e)?|confirm(?:ed|s)?)\b/;
const NEGATION = /\b(?:niet|geen|niemand|nooit|nee|onbevestigd|not|no|dont|doesnt|isnt|arent|cannot|cant|never|nobody|none|unconfirmed)\b/;

/** Does this sentence talk about meeting the requirements or confirming? */
export function aboutRequirements(text: string): boolean {
  const phrase = foldedPhrase(text);
  return MEETS_NL.test(phrase) || MEETS_EN.test(phrase) || REQUIREMENT_NOUN.test(phrase) || CONFIRMED.test(phrase);
}

/** 'confirmed', 'negated', or undefined when the sentence is about requirements but says neither. */
export function classifyConfirmation(text: string): Exclude<Confirmation, 'missing'> | undefined {
  const phrase = foldedPhrase(text);
  if (!aboutRequirements(text)) return undefined;
  // A negation anywhere in the sentence wins: a false "yes" would hand in a plan that fails the rule.
  if (NEGATION.test(phrase)) return 'negated';
  const verb = MEETS_NL.test(phrase) || MEETS_EN.test(phrase);
  // A short "voldoet" / "meets all" after a member's role is a confirmation for that member.
  const meets = verb && (REQUIREMENT_NOUN.test(phrase) || phrase.split(' ').length <= 4);
  return meets || CONFIRMED.test(phrase) ? 'confirmed' : undefined;
}
