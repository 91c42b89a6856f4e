/**
 * Debugging aid: show how a question is analysed, which topics it hits and with what
 * confidence. `npx tsx eval/explain.ts "Wanneer moet het Plan van Aanpak binnen zijn?"`
 */
import { createKnowledge } from '../src/core/knowledge/answerer.js';
import { formatProblem } from '../src/core/knowledge/loader.js';
import { loadKnowledgeBase } from '../src/content-files.js';
import { analyzeText } from '../src/core/knowledge/text/analyzer.js';
import { detectLanguage } from '../src/core/knowledge/language-detect.js';
import { thesaurusRewriter } from '../src/core/knowledge/thesaurus.js';

const dir = process.env['KB_DIR'] ?? 'content/kb';
const { entries, problems, thesaurus } = await loadKnowledgeBase(dir);
for (const problem of problems) console.error(formatProblem(problem));
const knowledge = createKnowledge(entries, {}, thesaurus);
// The terms as searched: after the thesaurus put people's words into the knowledge base's.
const rewrite = thesaurusRewriter(thesaurus);

for (const question of process.argv.slice(2)) {
  const language = detectLanguage(question);
  console.log(`\n? ${question}   [${language}]`);
  for (const lang of ['nl', 'en'] as const) {
    console.log(
      `  ${lang} terms: ${analyzeText(rewrite(question, lang), lang)
        .map((t) => (t.parts.length ? `${t.whole}(${t.parts.join('+')})` : t.whole))
        .join(' ')}`,
    );
  }
  for (const topic of knowledge.search(question, { limit: Number(process.env['EXPLAIN_LIMIT'] ?? 5) })) {
    const h = topic.hit;
    console.log(
      `  ${topic.confidence.toFixed(3)}  ${h.language} ${topic.topic}  cov=${h.coverage.toFixed(2)} ev=${h.evidence.toFixed(2)} rank=${h.rank.toFixed(2)} matched=${h.matched.join(',')}`,
    );
  }
  const answer = knowledge.answer(question);
  console.log(
    `  → answered=${answer.answered} conf=${answer.confidence}${answer.unknownTopic ? ' unknownTopic' : ''}\n    ${answer.answer.replace(/\n/g, '\n    ')}`,
  );
}
