import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/core/knowledge/answerer.js';
import type { KnowledgeFiles } from '../../src/core/knowledge/files.js';
import { readKnowledgeBase } from '../../src/core/knowledge/loader.js';
import { asksYesOrNo } from '../../src/core/knowledge/text/sentences.js';
import { entry } from './fixtures.js';

describe('yes/no questions', () => {
  it('are questions without a question word and without a choice between two things', () => {
    expect(asksYesOrNo('Steunt de wethouder ook kleine initiatieven?')).toBe(true);
    expect(asksYesOrNo('Hoi, ik ben Piet. Moeten we echt 3 bestuursleden hebben')).toBe(true);
    expect(asksYesOrNo('Do we need three board members?')).toBe(true);
    expect(asksYesOrNo('Weet iemand wanneer de deadline is?')).toBe(false);
    expect(asksYesOrNo('Moet het plan in december of in januari binnen zijn?')).toBe(false);
    expect(asksYesOrNo('Wij hebben 3 bestuursleden.')).toBe(false);
  });

  const everyBuurt = entry({
    topic: 'niet-alle-buurten',
    language: 'nl',
    title: 'Niet in alle 36 buurten over 2 jaar een buurtnetwerk',
    tags: ['alle buurten', 'buurtnetwerk'],
    no: ['moet elke buurt een buurtnetwerk hebben', 'komt er over 2 jaar in alle buurten een buurtnetwerk'],
    body: 'Het is niet gezegd dat er over 2 jaar in alle 36 buurten een buurtnetwerk actief is. Het is aan de buurt zelf.',
  });
  const board = entry({
    topic: 'eis-3-bestuursleden',
    language: 'en',
    title: 'Requirement: 3 board members',
    tags: ['board members'],
    yes: ['do we need 3 board members'],
    body: 'When it hands in the Plan van Aanpak, a buurtplatform must have 3 board members.',
  });
  const knowledge = createKnowledge([everyBuurt, board]);

  it('answer "Nee." / "Yes." first when the entry lists the same question', () => {
    expect(knowledge.answer('Moet echt elke buurt een buurtnetwerk hebben?').answer).toMatch(/^Nee\. Het is niet gezegd/);
    expect(knowledge.answer('Hi! Do we really need 3 board members?').answer).toMatch(/^Yes\. When it hands in/);
  });

  it('say nothing first for another question, a negated one, or a question that is not yes/no', () => {
    // The same entry, another question: no verdict to borrow.
    expect(knowledge.answer('Is het aan de buurt zelf om een buurtnetwerk te beginnen?').answer).not.toMatch(/^(Ja|Nee)\b/);
    // "Don't we need …" turns the answer around: left alone rather than guessed.
    expect(knowledge.answer("Don't we need 3 board members?").answer).toMatch(/^When it hands in/);
    expect(knowledge.answer('How many board members do we need?').answer).toMatch(/^When it hands in/);
  });

  it('never say it twice when the entry already opens with it', () => {
    const written = entry({ ...everyBuurt, body: 'Nee. Niet elke buurt hoeft een buurtnetwerk te hebben.' });
    expect(createKnowledge([written]).answer('Moet elke buurt een buurtnetwerk hebben?').answer).toMatch(/^Nee\. Niet elke/);
  });

  it('are read from the front matter as `yes:` and `no:`', async () => {
    const text = [
      '---',
      'id: t-nl',
      'topic: t',
      'language: nl',
      'kind: fact',
      'title: "Een titel"',
      'no: ["moet elke buurt meedoen"]',
      'source: "Brief"',
      'updated: 2026-12-04',
      '---',
      'Tekst.',
    ].join('\n');
    const files: KnowledgeFiles = {
      entryFiles: () => Promise.resolve(['facts/t.nl.md']),
      read: (relative) => Promise.resolve(relative === 'facts/t.nl.md' ? text : undefined),
      write: () => Promise.reject(new Error('read-only')),
      shown: (relative) => relative,
    };
    const loaded = await readKnowledgeBase(files);
    expect(loaded.problems.filter((problem) => problem.message.includes('unknown key'))).toEqual([]);
    expect(loaded.entries[0]?.no).toEqual(['moet elke buurt meedoen']);
  });
});
