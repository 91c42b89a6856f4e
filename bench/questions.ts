/**
 * The questions the benchmark asks: the answerable questions of the evaluation set
 * (eval/questions.yaml, `expect: answer`), in file order; a fixed fallback when the file is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT_DIR } from '../src/config/load.js';

const FALLBACK = ['Wanneer moet ons plan van aanpak binnen zijn?', 'How many board members do we need?', 'Wat is een buurtnetwerk?'];

export function answerableQuestions(): string[] {
  const file = path.join(ROOT_DIR, 'eval', 'questions.yaml');
  if (!fs.existsSync(file)) return FALLBACK;
  const raw: unknown = parse(fs.readFileSync(file, 'utf8'));
  const out: string[] = [];
  if (Array.isArray(raw)) {
    for (const item of raw) {
      const { q, expect } = (item ?? {}) as { q?: unknown; expect?: unknown };
      if (typeof q === 'string' && expect === 'answer') out.push(q);
    }
  }
  return out.length ? out : FALLBACK;
}

/** The i-th question, cycling through the set. */
export function questionAt(questions: readonly string[], i: number): string {
  return questions[i % questions.length] ?? FALLBACK[0] ?? 'plan';
}
