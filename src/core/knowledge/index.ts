/**
 * The knowledge-base core: load and validate curated Markdown entries, search them in Dutch
 * and English, and answer questions offline with citations and an honest "I don't know".
 */
export { createKnowledge, ANSWER_THRESHOLD } from './answerer.js';
export type { AnswerOptions, Knowledge, RankedTopic, SearchOptions } from './answerer.js';
export { readKnowledgeBase, formatProblem, hasErrors } from './loader.js';
export type { KnowledgeFiles } from './files.js';
export type { LoadResult } from './loader.js';
export { detectLanguage } from './language-detect.js';
export { KNOWLEDGE_TEXTS } from './texts.js';
export type { Answer, Citation, KbEntry, KbKind, KbProblem } from './types.js';
