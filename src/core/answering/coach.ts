/**
 * Plan coaching: with a model configured, after a section is saved or refused the bot may say
 * what the draft still misses against the section's guidance. A suggestion only: it never blocks
 * a save, runs in a short bounded time, and any failure just means no suggestion.
 */
import { pick, type Bilingual, type Language } from '../language.js';
import type { Logger } from '../ports.js';
import type { PlanSection } from '../plan/index.js';
import { Deadline, boundMs, withRetries, type BudgetPolicy } from './budget.js';
import type { UsageMeter } from './meter.js';
import { ModelError, type ChatModel } from './model-ports.js';
import { coachOutputSchema, parseModelJson } from './model-output.js';
import { promptFor, render, type PromptSet } from './prompts.js';

/** A suggestion is not worth a long wait in the middle of writing a plan. */
export const COACH_MAX_MS = 8000;
const DRAFT_CHARS = 4000;

const LABEL: Bilingual = {
  nl: '💡 Suggestie (je beslist zelf)',
  en: '💡 Suggestion (your call)',
};

export type Coach = (section: PlanSection, draftText: string, language: Language) => Promise<string | undefined>;

export interface CoachDeps {
  chat: ChatModel;
  prompts: PromptSet;
  meter: UsageMeter;
  /** The answerer's policy; coaching takes one attempt of at most COACH_MAX_MS. */
  policy: BudgetPolicy;
  logger: Logger;
}

export function createCoach(deps: CoachDeps): Coach {
  const policy: BudgetPolicy = { timeoutMs: Math.min(deps.policy.timeoutMs, COACH_MAX_MS), maxRetries: 0, marginMs: 0 };
  return async (section, draftText, language) => {
    if (!draftText.trim()) return undefined;
    const prompt = render(promptFor(deps.prompts, 'coach', language), {
      title: section.title[language],
      guidance: section.guidance[language],
      draft: draftText.slice(0, DRAFT_CHARS),
    });
    const deadline = new Deadline(boundMs(policy));
    try {
      const output = await withRetries(policy, deadline, (signal, timeoutMs) =>
        deps.meter.track('chat', deps.chat.name, signal, async () => {
          const result = await deps.chat.complete({ messages: [{ role: 'user', content: prompt }], signal, timeoutMs });
          return { value: parseModelJson(result.text, coachOutputSchema, result.usage), usage: result.usage };
        }),
      );
      const suggestion = output.suggestion.trim();
      return suggestion ? `${pick(LABEL, language)}: ${suggestion}` : undefined;
    } catch (error) {
      deps.logger.info({ reason: error instanceof ModelError ? error.kind : 'unknown', section: section.id }, 'plan coaching skipped');
      return undefined;
    } finally {
      deadline.dispose();
    }
  };
}
