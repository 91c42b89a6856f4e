/**
 * The citation gate (step 3 in grounded.ts): the model's JSON answer is accepted only when it
 * cites passages it was given and states no number or name they do not hold. Otherwise it becomes
 * a refusal, the gap's own text, or the offline answer. Split from grounded.ts, which retrieves,
 * asks the model and falls back.
 */
import type { Citation } from '../knowledge/index.js';
import type { Language } from '../language.js';
import { dropLinks, unsupportedFacts } from './answer-facts.js';
import type { GroundedDeps, GroundedStats } from './grounded.js';
import type { ModelAnswer } from './model-output.js';
import { gapText, type Passage } from './passages.js';
import type { AnsweredQuestion } from './ports.js';
import { promptFor } from './prompts.js';

type Rejection = 'declined' | 'uncited' | 'invented-citation' | 'empty';

/** The model's output, judged against the passages it was given; `gate` is the offline answer. Counts into `stats`. */
export function judgeAnswer(
  output: ModelAnswer,
  passages: readonly Passage[],
  gate: AnsweredQuestion,
  language: Language,
  question: string,
  deps: Pick<GroundedDeps, 'logger' | 'prompts'>,
  stats: GroundedStats,
): AnsweredQuestion {
  const given = new Map(passages.map((p) => [p.id, p] as const));
  const cited = [...new Set(output.citations.map((id) => id.trim()))];
  const rejection: Rejection | undefined = !output.answered
    ? 'declined'
    : cited.some((id) => !given.has(id))
      ? 'invented-citation'
      : cited.length === 0
        ? 'uncited'
        : !output.answer.trim()
          ? 'empty'
          : undefined;
  if (rejection) return refuse(rejection, gate, language, cited, deps, stats);
  const sources = cited.map((id) => given.get(id) as Passage);
  const gap = sources.find((p) => p.gap);
  if (gap) {
    // The model leaned on a documented gap: the honest answer is the gap's own "not known, ask ..." text.
    stats.rejected += 1;
    return {
      answered: false,
      answer: gapText(gap),
      citations: [citationOf(gap)],
      confidence: gate.confidence,
      language,
      topics: [gap.topic],
      unknownTopic: true,
      via: 'model',
    };
  }
  const answer = dropLinks(output.answer);
  // Every number and name in the answer must be in what it cites (or in the question itself):
  // otherwise the offline answer, which quotes the knowledge base, is the safer one.
  const unsupported = unsupportedFacts(answer, [...sources.map((p) => `${p.title}\n${p.text}`), question]);
  if (unsupported.length || !answer) {
    stats.rejected += 1;
    deps.logger.info({ unsupported: unsupported.slice(0, 5), cited }, 'model answer states facts its passages do not; answered offline');
    return gate;
  }
  stats.accepted += 1;
  return {
    answered: true,
    answer,
    citations: sources.map(citationOf),
    confidence: gate.confidence,
    language,
    topics: [...new Set(sources.map((p) => p.topic))],
    via: 'model',
  };
}

function refuse(
  reason: Rejection,
  gate: AnsweredQuestion,
  language: Language,
  cited: string[],
  deps: Pick<GroundedDeps, 'logger' | 'prompts'>,
  stats: GroundedStats,
): AnsweredQuestion {
  stats.rejected += 1;
  deps.logger.info({ reason, cited: cited.slice(0, 5) }, 'model answer not grounded in the given passages; refused');
  return {
    answered: false,
    answer: promptFor(deps.prompts, 'refusal', language),
    citations: [],
    confidence: gate.confidence,
    language,
    topics: gate.topics,
    via: 'model',
  };
}

function citationOf(passage: Passage): Citation {
  return { id: passage.id, title: passage.title, source: passage.source };
}
