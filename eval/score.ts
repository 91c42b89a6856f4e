import { z } from 'zod';
import type { Answer } from '../src/core/knowledge/types.js';
import { normalize } from '../src/core/knowledge/text/normalize.js';

/** One evaluation question (eval/questions.yaml). */
export const evalQuestionSchema = z.object({
  id: z.string().min(1),
  lang: z.enum(['nl', 'en']),
  q: z.string().min(1),
  expect: z.enum(['answer', 'refuse']),
  contains: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
  /** Alternatives: a right answer contains at least one of them ("31 december" or "31-12"). */
  anyOf: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
  note: z.string().optional(),
});
export const evalSetSchema = z.array(evalQuestionSchema);
export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

export interface Outcome {
  question: EvalQuestion;
  answer: Answer;
  pass: boolean;
  /** Why it failed, in a few words ("refused", "answered", "missing: 31 december 2016"). */
  reason?: string;
  /** Right answers: whether the expected fact is in the first sentence / the first 200 characters. */
  factInFirstSentence?: boolean;
  factEarly?: boolean;
  /** Refused with "Bedoel je…?": whether one of the offered topics answers the question. */
  clarifiedRight?: boolean;
}

/** Case- and accent-insensitive substring test (procescoordinator matches procescoördinatoren). */
export function containsText(haystack: string, needle: string): boolean {
  const squash = (text: string): string => normalize(text).replace(/\s+/g, ' ');
  const hay = squash(haystack);
  const want = squash(needle);
  // A number is a whole number: "20" is not found in "2016".
  if (/^[0-9]+$/.test(want)) return new RegExp(`(^|[^0-9])${want}([^0-9]|$)`).test(hay);
  return hay.includes(want);
}

/** The facts an answer must carry that are missing from `text` (every `contains`, one of `anyOf`). */
export function missingFacts(question: EvalQuestion, text: string): string[] {
  const missing = (question.contains ?? []).filter((needle) => !containsText(text, needle));
  const alternatives = question.anyOf ?? [];
  if (alternatives.length > 0 && !alternatives.some((needle) => containsText(text, needle))) {
    missing.push(`one of ${alternatives.join(' | ')}`);
  }
  return missing;
}

/**
 * The answer's first sentence: what a person reads before deciding whether it answers them. A
 * verdict first ("Ja. 2 platforms gaan door …") is read with the sentence it opens.
 */
export function firstSentence(text: string): string {
  const [first = text, second] = text.split(/(?<=[.!?])\s+/);
  return /^(ja|nee|yes|no)\.$/i.test(first) && second !== undefined ? `${first} ${second}` : first;
}

/** How early a right answer gives its fact (issue #18: "the first sentence answers the question asked"). */
export const EARLY_CHARACTERS = 200;

/**
 * `answerTopic` answers one offered topic, so a "Bedoel je…?" can be judged: did one of its
 * buttons lead to the expected fact?
 */
export function scoreOne(question: EvalQuestion, answer: Answer, answerTopic?: (topic: string) => Answer | undefined): Outcome {
  if (question.expect === 'refuse') {
    return answer.answered
      ? { question, answer, pass: false, reason: `answered (${answer.topics[0] ?? '?'})` }
      : { question, answer, pass: true };
  }
  if (!answer.answered) {
    const why = answer.unknownTopic ? `refused as unknown topic (${answer.topics[0] ?? '?'})` : 'refused';
    const offered = answer.alternatives ?? [];
    if (offered.length === 0 || !answerTopic) return { question, answer, pass: false, reason: why };
    const rightOffered = offered.some((choice) => {
      const chosen = answerTopic(choice.topic);
      return chosen !== undefined && chosen.answered && missingFacts(question, chosen.answer).length === 0;
    });
    return { question, answer, pass: false, reason: `${why}, asked back`, clarifiedRight: rightOffered };
  }
  const missing = missingFacts(question, answer.answer);
  if (missing.length > 0) {
    return {
      question,
      answer,
      pass: false,
      reason: `missing ${missing.map((m) => JSON.stringify(m)).join(', ')} (${answer.topics[0] ?? '?'})`,
    };
  }
  return {
    question,
    answer,
    pass: true,
    factInFirstSentence: missingFacts(question, firstSentence(answer.answer)).length === 0,
    factEarly: missingFacts(question, answer.answer.slice(0, EARLY_CHARACTERS)).length === 0,
  };
}

export interface Rate {
  passed: number;
  total: number;
  rate: number;
}

export interface Summary {
  threshold: number;
  /** Answerable questions answered with every expected string (the "precision"). */
  answerable: Rate;
  /** Of all answers given, the share that were right: a wrong answer is worse than a refusal. */
  answeredCorrectly: Rate;
  /** Unanswerable and off-topic questions refused. */
  refusal: Rate;
  overall: Rate;
  /** Questions answered in another language than they were asked in. */
  languageMismatches: number;
  /** Of the right answers, those with the expected fact in the first sentence / first 200 characters. */
  factInFirstSentence: Rate;
  factEarly: Rate;
  /** Answerable questions met with "Bedoel je…?", and how many offered the right topic among the buttons. */
  clarify: Rate;
  misses: Array<{ id: string; lang: string; q: string; expect: string; got: string; confidence: number; reason: string }>;
}

function rate(passed: number, total: number): Rate {
  return { passed, total, rate: total === 0 ? 1 : passed / total };
}

function share(outcomes: readonly Outcome[], counts: (outcome: Outcome) => boolean): Rate {
  return rate(outcomes.filter(counts).length, outcomes.length);
}

export function summarize(outcomes: readonly Outcome[], threshold: number): Summary {
  const answerable = outcomes.filter((o) => o.question.expect === 'answer');
  const refusable = outcomes.filter((o) => o.question.expect === 'refuse');
  const answered = outcomes.filter((o) => o.answer.answered);
  return {
    threshold,
    answerable: rate(answerable.filter((o) => o.pass).length, answerable.length),
    answeredCorrectly: rate(answered.filter((o) => o.pass).length, answered.length),
    refusal: rate(refusable.filter((o) => o.pass).length, refusable.length),
    overall: rate(outcomes.filter((o) => o.pass).length, outcomes.length),
    languageMismatches: outcomes.filter((o) => o.answer.language !== o.question.lang).length,
    factInFirstSentence: share(
      outcomes.filter((o) => o.factInFirstSentence !== undefined),
      (o) => o.factInFirstSentence === true,
    ),
    factEarly: share(
      outcomes.filter((o) => o.factEarly !== undefined),
      (o) => o.factEarly === true,
    ),
    clarify: share(
      outcomes.filter((o) => o.clarifiedRight !== undefined),
      (o) => o.clarifiedRight === true,
    ),
    misses: outcomes
      .filter((o) => !o.pass)
      .map((o) => ({
        id: o.question.id,
        lang: o.question.lang,
        q: o.question.q,
        expect: o.question.expect,
        got: o.answer.answered ? 'answered' : o.answer.unknownTopic ? 'unknown-topic' : 'refused',
        confidence: o.answer.confidence,
        reason: o.reason ?? '',
      })),
  };
}

export function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
