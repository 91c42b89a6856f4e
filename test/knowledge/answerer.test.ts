import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/core/knowledge/answerer.js';
import { choiceLabel } from '../../src/core/knowledge/choice-label.js';
import { KNOWLEDGE_TEXTS } from '../../src/core/knowledge/texts.js';
import { ENTRIES, entry } from './fixtures.js';

const knowledge = createKnowledge(ENTRIES);

describe('answering', () => {
  it('answers a Dutch question in Dutch, with the citation', () => {
    const answer = knowledge.answer('Wanneer moet het plan van aanpak binnen zijn?');
    expect(answer.answered).toBe(true);
    expect(answer.language).toBe('nl');
    expect(answer.answer).toContain('31 december 2016');
    expect(answer.citations[0]).toEqual({
      id: 'plan-van-aanpak-deadline-nl',
      title: 'Plan van Aanpak inleveren uiterlijk 31 december 2016',
      source: 'Raadsinformatiebrief transitieproces buurtnetwerken (2016)',
    });
    expect(answer.confidence).toBeGreaterThan(0);
    expect(answer.confidence).toBeLessThanOrEqual(1);
  });

  it('answers the same topic in English for an English question', () => {
    const answer = knowledge.answer('When is the deadline for the plan of approach?');
    expect(answer.answered).toBe(true);
    expect(answer.language).toBe('en');
    expect(answer.answer).toContain('31 December 2016');
    expect(answer.citations[0]?.id).toBe('plan-van-aanpak-deadline-en');
  });

  it('matches inflections and compounds: bestuurslid finds bestuursleden', () => {
    const answer = knowledge.answer('Hoeveel bestuurslid moet een platform hebben?');
    expect(answer.answered).toBe(true);
    expect(answer.topics[0]).toBe('eis-3-bestuursleden');
    expect(answer.answer).toContain('3 bestuursleden');
  });

  it('lets an explicit language win over detection', () => {
    const answer = knowledge.answer('deadline plan van aanpak', { language: 'en' });
    expect(answer.language).toBe('en');
    expect(answer.citations[0]?.id).toBe('plan-van-aanpak-deadline-en');
  });

  it('uses the conversation language for a question too short to tell', () => {
    expect(knowledge.answer('deadline plan?', { fallbackLanguage: 'en' }).language).toBe('en');
    expect(knowledge.answer('deadline plan?', { fallbackLanguage: 'nl' }).language).toBe('nl');
  });

  it('falls back to the twin in the other language, with a note', () => {
    const answer = knowledge.answer('What is the Buurtnetblad?');
    expect(answer.answered).toBe(true);
    expect(answer.language).toBe('en');
    expect(answer.answer.startsWith(KNOWLEDGE_TEXTS.otherLanguageNote.en)).toBe(true);
    expect(answer.answer).toContain('november 2015');
    expect(answer.citations[0]?.id).toBe('buurtnetblad-nl');
  });

  it('tolerates a typo', () => {
    const answer = knowledge.answer('Wanneer was de startbijenkomst?');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('2 april 2016');
  });
});

describe('refusing', () => {
  it.each([
    ['Wat voor weer wordt het morgen in Maastricht?', 'nl'],
    ['Heb je een recept voor Limburgse vlaai?', 'nl'],
    ['Who won the football match last weekend?', 'en'],
    ["What's the best plan for a birthday party?", 'en'],
    ['Hoe maak ik een netwerkkabel?', 'nl'],
  ] as const)('refuses the off-topic question %j', (question, language) => {
    const answer = knowledge.answer(question);
    expect(answer.answered).toBe(false);
    expect(answer.unknownTopic).toBeUndefined();
    expect(answer.citations).toEqual([]);
    expect(answer.language).toBe(language);
    // Nothing close: no "Bedoel je…?", the honest refusal.
    expect(answer.alternatives).toBeUndefined();
    expect(answer.answer).toBe(KNOWLEDGE_TEXTS.notKnown[language]);
  });

  it('answers an unknown-topic entry with its who-to-ask text, not as an answer', () => {
    const answer = knowledge.answer('Hoeveel euro subsidie krijgt een buurtnetwerk?');
    expect(answer.answered).toBe(false);
    expect(answer.unknownTopic).toBe(true);
    expect(answer.answer).toContain('De brief noemt geen subsidiebedragen.');
    expect(answer.answer).toContain('procescoördinator');
    expect(answer.answer).toContain('doorsturen');
    expect(answer.citations.map((c) => c.id)).toEqual(['onbekend-subsidiebedragen-nl']);
  });

  it('does the same in English', () => {
    const answer = knowledge.answer('How much money does a buurtnetwerk get?');
    expect(answer).toMatchObject({ answered: false, unknownTopic: true, language: 'en' });
    expect(answer.citations[0]?.id).toBe('onbekend-subsidiebedragen-en');
  });

  it('asks for a question when there is none', () => {
    const answer = knowledge.answer('?!', { fallbackLanguage: 'en' });
    expect(answer.answered).toBe(false);
    expect(answer.answer).toBe(KNOWLEDGE_TEXTS.emptyQuestion.en);
  });

  it('refuses everything with an empty knowledge base', () => {
    const answer = createKnowledge([]).answer('Wanneer moet het plan van aanpak binnen zijn?');
    expect(answer).toMatchObject({ answered: false, confidence: 0, citations: [], topics: [] });
  });
});

describe('asking back', () => {
  it('offers the topics that came close instead of giving up, with short labels, and answers the one chosen', () => {
    const answer = knowledge.answer('wanneer was die bijeenkomst in de zaal', { language: 'nl' });
    expect(answer.answered).toBe(false);
    expect(answer.answer).toBe(KNOWLEDGE_TEXTS.didYouMean.nl);
    expect(answer.alternatives).toEqual([{ topic: 'startbijeenkomst', label: 'Startbijeenkomst op 2 april 2016' }]);
    const chosen = knowledge.answerTopic('startbijeenkomst', 'nl');
    expect(chosen).toMatchObject({ answered: true, topics: ['startbijeenkomst'] });
    expect(chosen?.answer).toContain('2 april 2016');
    expect(chosen?.citations[0]?.id).toBe('startbijeenkomst-nl');
    expect(knowledge.answerTopic('bestaat-niet', 'nl')).toBeUndefined();
  });

  it('labels a glossary title by its term and a question title by its question', () => {
    expect(choiceLabel('Begrip: Buurtnetblad, de visie van de buurtplatforms (november 2015)')).toBe(
      'Buurtnetblad, de visie van de buurtplatforms (november 2015)',
    );
    expect(choiceLabel('Hoeveel subsidie krijgt een buurtnetwerk? De brief noemt geen bedragen')).toBe(
      'Hoeveel subsidie krijgt een buurtnetwerk?',
    );
    expect(
      choiceLabel(
        'Financiële armslag: gelijke normering voor alle buurten via de Verordening (juni 2016) en de Uitvoeringsregeling Buurtnetwerken 2017-2018',
      ),
    ).toBe('Financiële armslag');
    const long = choiceLabel('Begrip: ' + 'heel lang woord '.repeat(10));
    expect(long.length).toBeLessThanOrEqual(61);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('see also', () => {
  it('adds a second topic that is nearly as good', () => {
    const entries = [
      ...ENTRIES,
      entry({
        topic: 'plan-van-aanpak-inhoud',
        language: 'nl',
        title: 'Inhoud van het Plan van Aanpak: hoe je de transitie vorm wilt geven',
        tags: ['plan van aanpak', 'inhoud'],
        body: 'In het Plan van Aanpak staat hoe het buurtplatform de transitie vorm wil geven, in te leveren uiterlijk 31 december 2016.',
      }),
    ];
    const answer = createKnowledge(entries).answer('Wat moet er in het plan van aanpak en wanneer?');
    expect(answer.answered).toBe(true);
    expect(answer.topics).toHaveLength(2);
    // "Zie ook" is a button the chat adds (a topic and a short label), not a line in the text.
    expect(answer.answer).not.toMatch(/Zie ook/);
    expect(answer.related).toEqual([{ topic: expect.any(String), label: expect.any(String) }]);
    expect(answer.topics).toContain(answer.related?.[0]?.topic);
    expect(answer.citations).toHaveLength(1);
  });
});

describe('answer text', () => {
  it('adds the later paragraph that answers what the first one does not', () => {
    const answer = knowledge.answer('plan van aanpak inleveren deadline 31 december 2016 transitie');
    expect(answer.answer).toContain('31 december 2016');
    expect(answer.answer).toContain('transitie vorm wil geven');
  });

  it('shows only the first paragraph when that covers the question', () => {
    const answer = knowledge.answer('Wanneer moet het plan van aanpak binnen zijn?');
    expect(answer.answer).not.toContain('transitie');
  });
});
