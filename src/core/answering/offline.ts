import type { Language } from '../language.js';
import type { Knowledge } from '../knowledge/index.js';
import type { AnsweredQuestion, Answerer, AnswerRequest } from './ports.js';

/**
 * The offline answerer: retrieval plus a short answer from the best passage. It reads the current
 * knowledge through a getter, so a content reload takes effect on the next question.
 */
export class OfflineAnswererAdapter implements Answerer {
  constructor(private readonly knowledge: () => Knowledge) {}

  async answer(request: AnswerRequest): Promise<AnsweredQuestion> {
    const result = this.knowledge().answer(request.question, {
      ...(request.language ? { language: request.language } : {}),
      ...(request.fallbackLanguage ? { fallbackLanguage: request.fallbackLanguage } : {}),
    });
    return { ...result, via: 'offline' };
  }

  async answerTopic(topic: string, language: Language): Promise<AnsweredQuestion | undefined> {
    const result = this.knowledge().answerTopic(topic, language);
    return result ? { ...result, via: 'offline' } : undefined;
  }
}
