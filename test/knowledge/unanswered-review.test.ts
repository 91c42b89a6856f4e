import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/core/knowledge/answerer.js';
import { reviewUnanswered, type AskedQuestion } from '../../src/core/knowledge/unanswered-review.js';
import { ENTRIES, entry } from './fixtures.js';

const at = (day: number): Date => new Date(Date.UTC(2016, 10, day, 10));
const OPEN = 'wanneer was die bijeenkomst in de zaal';
const ASKED: AskedQuestion[] = [
  { text: OPEN, language: 'nl', createdAt: at(1) },
  { text: 'Wanneer was die  bijeenkomst in de zaal', language: 'nl', createdAt: at(3) },
  { text: 'hoeveel kost een zaal huren', language: 'nl', createdAt: at(2) },
];
const roomCosts = entry({
  topic: 'onbekend-zaalhuur',
  language: 'nl',
  kind: 'faq',
  unknown: true,
  title: 'Wat kost een zaal huren? Dat staat niet in de brief',
  tags: ['zaal', 'huur', 'kosten'],
  body: 'De brief zegt niet wat het huren van een zaal kost.\n\nVraag het aan de procescoördinator.',
});

describe('the review of unanswered questions', () => {
  it('counts a question asked twice in the same words once, and lists the topics that came closest with their files', () => {
    const review = reviewUnanswered(ASKED, createKnowledge(ENTRIES));
    const open = review.find((row) => row.question === OPEN);
    expect(open).toMatchObject({ now: 'open', times: 2, language: 'nl', lastAsked: at(3) });
    expect(open?.closest.length).toBeGreaterThan(0);
    expect(open?.closest.map((close) => close.topic)).toContain('startbijeenkomst');
    expect(open?.closest.find((close) => close.topic === 'startbijeenkomst')?.file).toBe('facts/startbijeenkomst.nl.md');
    // Open questions come first: they are the work.
    expect(review[0]?.now).toBe('open');
  });

  it('shows a question as answered once a coordinator has added it to the entry that answers it', () => {
    const taught = ENTRIES.map((e) => (e.topic === 'startbijeenkomst' && e.language === 'nl' ? { ...e, questions: [OPEN] } : e));
    const review = reviewUnanswered(ASKED, createKnowledge(taught));
    const row = review.find((r) => r.question === OPEN);
    expect(row).toMatchObject({ now: 'answered', times: 2, topic: { topic: 'startbijeenkomst', file: 'facts/startbijeenkomst.nl.md' } });
    expect(row?.closest).toEqual([]);
    expect(review.at(-1)?.question).toBe(OPEN);
  });

  it('shows a question a gap entry now covers as not in the letter, with that entry', () => {
    const review = reviewUnanswered(ASKED, createKnowledge([...ENTRIES, roomCosts]));
    expect(review.find((r) => r.question === 'hoeveel kost een zaal huren')).toMatchObject({
      now: 'gap',
      topic: { topic: 'onbekend-zaalhuur', title: 'Wat kost een zaal huren? Dat staat niet in de brief' },
    });
  });
});
