import { parseYamlContent, type ContentProblem } from '../content/yaml-problems.js';
import { toTransitionContent, transitionFileSchema, type TransitionContent } from './schema.js';

/** Pure: validates the text of content/transition.yaml; `file` only labels the problems. */
export function parseTransition(source: string, file: string): { content?: TransitionContent; problems: ContentProblem[] } {
  const { data, problems } = parseYamlContent(source, file, transitionFileSchema);
  return data ? { content: toTransitionContent(data), problems } : { problems };
}
