/** The versioned prompt files on disk (prompts/v1/…), read for the core's buildPrompts. */
import fs from 'node:fs';
import { buildPrompts, PROMPT_VERSION, type PromptSet } from '../../core/answering/prompts.js';

export function loadPrompts(dir: string, version: string = PROMPT_VERSION): PromptSet {
  return buildPrompts(readIfPresent, dir, version);
}

function readIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
