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

export function scoreOne(question: EvalQuestion, answer: Answer): Outcome {
  if (question.expect === 'refuse') {
    return answer.answered
      ? { question, answer, pass: false, reason: `answered (${answer.topics[0] ?? '?'})` }
      : { question, answer, pass: true };
  }
  if (!answer.answered) {
    const why = answer.unknownTopic ? `refused as unknown topic (${answer.topics[0] ?? '?'})` : 'refused';
    return { question, answer, pass: false, reason: why };
  }
  const missing = (question.contains ?? []).filter((needle) => !containsText(answer.answer, needle));
  return missing.length === 0
    ? { question, answer, pass: true }
    : { question, answer, pass: false, reason: `missing ${missing.map((m) => JSON.stringify(m)).join(', ')} (${answer.topics[0] ?? '?'})` };
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
  misses: Array<{ id: string; lang: string; q: string; expect: string; got: string; confidence: number; reason: string }>;
}

function rate(passed: number, total: number): Rate {
  return { passed, total, rate: total === 0 ? 1 : passed / total };
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
