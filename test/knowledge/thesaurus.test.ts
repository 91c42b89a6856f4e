import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/core/knowledge/index.js';
import { loadKnowledgeBase } from '../../src/content-files.js';
import { chatWords, domainMatcher, elsewhereMatcher, parseThesaurus, thesaurusRewriter } from '../../src/core/knowledge/thesaurus.js';

const KB = path.resolve(import.meta.dirname, '../../content/kb');

describe('the domain thesaurus', () => {
  const rewrite = thesaurusRewriter({
    nl: [
      { term: 'stoppen', also: ['de handdoek in de ring gooien', 'ring'] },
      { term: 'subsidie', also: ['budget', 'centen'] },
    ],
    en: [{ term: 'neighbourhood', also: ['neighborhood'] }],
  });

  it('puts people’s words in the knowledge base’s words: longest phrase first, whole words, per language', () => {
    expect(rewrite('Gooit er een platform De Handdoek in de Ring gooien?', 'nl')).toBe('gooit er een platform stoppen?');
    expect(rewrite('Hoeveel budget, centen of budgetten?', 'nl')).toBe('hoeveel subsidie, subsidie of budgetten?');
    expect(rewrite('a neighborhood budget', 'en')).toBe('a neighbourhood budget');
    expect(rewrite('neighborhood', 'nl')).toBe('neighborhood');
  });

  it('counts every form of a listed Dutch verb as that verb, but replaces a word only once', () => {
    const verbs = thesaurusRewriter({ nl: [{ term: 'inleveren', also: ['indienen', 'binnen zijn'] }], en: [] });
    expect(verbs('Het plan hoeft pas in 2017 te worden ingediend', 'nl')).toBe('het plan hoeft pas in 2017 te worden inleveren');
    expect(verbs('het plan dat we indienden', 'nl')).toBe('het plan dat we inleveren');
    // The term's own forms too: a question's "organiseerde" meets an entry's "georganiseerd".
    const own = thesaurusRewriter({ nl: [{ term: 'organiseren', also: ['op touw zetten'] }], en: [] });
    expect(own('wie organiseerde de workshops', 'nl')).toBe('wie organiseren de workshops');
    expect(own('ze zijn georganiseerd met opbouwwerkers', 'nl')).toBe('ze zijn organiseren met opbouwwerkers');
    expect(verbs('wanneer moet het binnen zijn', 'nl')).toBe('wanneer moet het inleveren');
    // Not a form of a listed verb, and not in English.
    expect(verbs('wie heeft het geleverd', 'nl')).toBe('wie heeft het geleverd');
    expect(verbs('submitted', 'en')).toBe('submitted');
  });

  it('names the file and line of a broken entry', () => {
    const text = 'nl:\n  - term: subsidie\n    also: [budget]\n  - term: stoppen\n    ook: [kappen]\n';
    const { problems, thesaurus } = parseThesaurus(text, 'content/kb/thesaurus.yaml');
    expect(thesaurus.nl).toEqual([]);
    expect(problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ file: 'content/kb/thesaurus.yaml', line: 4, severity: 'error' })]),
    );
    expect(problems.map((p) => p.message).join('\n')).toMatch(/nl\.1/);
    expect(parseThesaurus('nl: [\n', 'x.yaml').problems[0]).toMatchObject({
      file: 'x.yaml',
      message: expect.stringMatching(/not valid YAML/),
    });
  });

  it('knows the domain words: parts of words count, either language, bare years too; no list means all on topic', () => {
    const { thesaurus, problems } = parseThesaurus('domain:\n  nl: [subsidie, buurtnetwerk, 2017]\n  en: [board]\n', 'x.yaml');
    expect(problems).toEqual([]);
    const onTopic = domainMatcher(thesaurus);
    expect(onTopic('Wanneer sluit de subsidieaanvraag?')).toBe(true);
    expect(onTopic('Hoeveel BUURTNETWERKEN komen er?')).toBe(true);
    expect(onTopic('our Board asks')).toBe(true);
    expect(onTopic('wat gebeurt er in 2017')).toBe(true);
    expect(onTopic('Wat voor weer wordt het morgen?')).toBe(false);
    expect(domainMatcher(parseThesaurus('nl: []\n', 'x.yaml').thesaurus)('Wat voor weer wordt het morgen?')).toBe(true);
    expect(parseThesaurus('domain:\n  nl: [subsidie, ""]\n', 'x.yaml').problems[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/domain\.nl\.1/),
    });
  });

  it("knows the municipality's other services: a whole word or its plural, not part of another word", () => {
    const { thesaurus, problems } = parseThesaurus('elsewhere:\n  nl: [paspoort, "hulp in de huishouding"]\n  en: [bin]\n', 'x.yaml');
    expect(problems).toEqual([]);
    const elsewhere = elsewhereMatcher(thesaurus);
    expect(elsewhere('Kan ik mijn PASPOORTEN via het buurtnetwerk aanvragen?')).toBe(true);
    expect(elsewhere('mijn moeder heeft hulp in de huishouding nodig')).toBe(true);
    expect(elsewhere('Where are the bins?')).toBe(true);
    expect(elsewhere('Moet het plan binnen zijn?')).toBe(false);
    expect(elsewhereMatcher(parseThesaurus('nl: []\n', 'x.yaml').thesaurus)('paspoort')).toBe(false);
  });

  it('the shipped thesaurus loads, and an idiom finds the entry its plain word finds', async () => {
    const loaded = await loadKnowledgeBase(KB);
    expect(loaded.problems.filter((p) => p.file.endsWith('thesaurus.yaml'))).toEqual([]);
    const { thesaurus } = loaded;
    expect(thesaurus.nl.length).toBeGreaterThan(5);
    // Without the example questions (some of which use the idiom themselves): the thesaurus alone.
    const entries = loaded.entries.map((e) => ({ ...e, questions: [] }));
    const withThesaurus = createKnowledge(entries, {}, thesaurus);
    const plain = withThesaurus.answer('Hoeveel buurtplatforms stoppen ermee?', { language: 'nl' });
    const idiom = withThesaurus.answer('Hoeveel buurtplatforms gooien de handdoek in de ring?', { language: 'nl' });
    expect(plain.answered).toBe(true);
    expect(idiom.citations.map((c) => c.id)).toEqual(plain.citations.map((c) => c.id));
    // Without the thesaurus the idiom is not understood the same way.
    const without = createKnowledge(entries).answer('Hoeveel buurtplatforms gooien de handdoek in de ring?', { language: 'nl' });
    expect(without.citations.map((c) => c.id)).not.toEqual(plain.citations.map((c) => c.id));
  });

  it('reads chat shorthand and Maastrichts in standard spelling, keeping the rest of the message as it was', () => {
    const standard = chatWords({
      nl: [],
      en: [],
      chat: {
        nl: [
          { term: 'wanneer', also: ['wnr', 'wienie'] },
          { term: 'niet', also: ['neet'] },
          { term: 'hebben', also: ['höbbe'] },
          { term: 'in ieder geval', also: ['iig'] },
        ],
        en: [{ term: 'you', also: ['u'] }],
      },
    });
    expect(standard('Hoej! 👋 WNR mótte veer 🙈 t plan inlevere?', 'nl')).toBe('Hoej! 👋 wanneer mótte veer 🙈 t plan inlevere?');
    expect(standard('Veer höbbe iig neet genoeg bestuursleden. Wienie?', 'nl')).toBe(
      'Veer hebben in ieder geval niet genoeg bestuursleden. wanneer?',
    );
    // Whole words only, and only the message's own language's list.
    expect(standard('Het wnrx-plan', 'nl')).toBe('Het wnrx-plan');
    expect(standard('can u help us', 'en')).toBe('can you help us');
    expect(standard('wnr is het', 'en')).toBe('wnr is het');
    expect(standard('kunt u helpen', 'nl')).toBe('kunt u helpen');
  });

  it('answers a question in Maastrichts as it answers the same question in standard Dutch', async () => {
    const loaded = await loadKnowledgeBase(KB);
    const knowledge = createKnowledge(loaded.entries, {}, loaded.thesaurus);
    const standard = knowledge.answer('Tot wanneer hebben wij om die keuze te maken?');
    const dialect = knowledge.answer('Tot wienie hebbe veer eigelijk om die keuze te make?');
    expect(standard.answered).toBe(true);
    expect(dialect.answered).toBe(true);
    expect(dialect.citations.map((c) => c.id)).toEqual(standard.citations.map((c) => c.id));
    expect(dialect.answer).toContain('31 december 2016');
    // Without the chat list the same message is not understood.
    const without = createKnowledge(loaded.entries, {}, { ...loaded.thesaurus, chat: undefined });
    expect(without.answer('Tot wienie hebbe veer eigelijk om die keuze te make?').answered).toBe(false);
  });

  it('a "hoeveel" question counts what it names in the thesaurus’ words ("buurtgroepen" are buurtplatforms)', async () => {
    const loaded = await loadKnowledgeBase(KB);
    const knowledge = createKnowledge(loaded.entries, {}, loaded.thesaurus);
    // "besluit" also names the council decision (numbered 38-2016); the number asked for is of platforms.
    const answer = knowledge.answer('hoeveel buurtgroepen hebben nog geen besluit genomen?');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toMatch(/^[^.]*4 buurtplatforms [^.]*nog geen keuze/);
    expect(answer.answer).not.toContain('38-2016');
  });

  it('an everyday thing that shares a word with the domain (a yoga workshop, the buurthuis wifi) is not this domain', async () => {
    const loaded = await loadKnowledgeBase(KB);
    const knowledge = createKnowledge(loaded.entries, {}, loaded.thesaurus);
    for (const question of [
      'ik zoek een workshop yoga hier in de buurt, weet jij er een?',
      'ons wifi netwerk in het buurthuis valt steeds uit',
    ]) {
      const answer = knowledge.answer(question);
      expect(answer.answered, question).toBe(false);
      expect(answer.offTopic, question).toBe(true);
    }
    // A neighbourhood party is what platforms organise: it stays in the domain.
    expect(knowledge.answer('Wanneer is de workshop over geld voor ons buurtfeest?').answered).toBe(true);
  });

  it('reads ordinals written short ("4th", "4e") as the word the entries use', async () => {
    const loaded = await loadKnowledgeBase(KB);
    const entries = loaded.entries.map((e) => ({ ...e, questions: [] }));
    const knowledge = createKnowledge(entries, {}, loaded.thesaurus);
    const short = knowledge.answer('Wanneer is de 4e workshop?', { language: 'nl' });
    const long = knowledge.answer('Wanneer is de vierde workshop?', { language: 'nl' });
    expect(long.answer).toContain('21 november 2016');
    expect(short.citations.map((c) => c.id)).toEqual(long.citations.map((c) => c.id));
  });

  it('a coordinator’s addition to the file is read with the knowledge base', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thesaurus-'));
    fs.cpSync(KB, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'thesaurus.yaml'), 'nl:\n  - term: stoppen\n    also: [opdoeken]\n');
    const { thesaurus } = await loadKnowledgeBase(dir);
    expect(thesaurus.nl).toEqual([{ term: 'stoppen', also: ['opdoeken'] }]);
  });
});
