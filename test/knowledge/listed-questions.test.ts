import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/core/knowledge/answerer.js';
import { ListedQuestions } from '../../src/core/knowledge/listed-questions.js';
import { loadKnowledgeBase } from '../../src/content-files.js';
import type { KbEntry } from '../../src/core/knowledge/types.js';
import { entry } from './fixtures.js';

/*
 * An entry's example questions route a question to it: the way a coordinator teaches buurtbot a
 * question it did not understand (content/kb/README.md: add it from the digest's unanswered list).
 */

const LISTED = 'komt er na de workshop van 21 november nog een workshop';

/** The last workshop: its title, tags and body share every word of the question above. */
const lastWorkshop: KbEntry = entry({
  topic: 'workshop-geld',
  language: 'nl',
  title: "Workshop 'Hoe kom ik aan geld?' op 21 november 2016",
  tags: ['workshop', 'geld', '21 november', 'nog een workshop'],
  questions: ['wanneer is de workshop over geld', 'wanneer is de laatste workshop', 'komt er nog een workshop'],
  body: "De vierde workshop, 'Hoe kom ik aan geld?', is op 21 november 2016. Het is de laatste workshop van dit jaar.",
});

/** The gap about what comes after it, with many other ways of asking. */
function moreWorkshops(questions: string[]): KbEntry {
  return entry({
    topic: 'onbekend-meer-workshops',
    language: 'nl',
    kind: 'faq',
    unknown: true,
    title: 'Meer workshops? Dat staat niet in de brief',
    tags: ['vervolg'],
    questions: [
      'wie geeft de workshops',
      'waar zijn de workshops',
      'hoe laat beginnen de workshops',
      'kan ik me nog aanmelden',
      'zijn de workshops gratis',
      ...questions,
    ],
    body: 'De brief zegt niet of er na de workshop van 21 november 2016 nog workshops komen.\n\nVraag het aan de procescoördinator.',
  });
}

describe('example questions route a question to their entry', () => {
  it('gives a question the entry that lists it, where the search chose another', () => {
    // Unlisted, the entry with the date and every word of the question wins the search.
    const unlisted = createKnowledge([lastWorkshop, moreWorkshops([])]).answer(LISTED);
    expect(unlisted.answered).toBe(true);
    expect(unlisted.topics[0]).toBe('workshop-geld');

    // A coordinator adds it to the gap: the honest "not in the letter" it was written for.
    const listed = createKnowledge([lastWorkshop, moreWorkshops([LISTED])]).answer(LISTED);
    expect(listed.answered).toBe(false);
    expect(listed.unknownTopic).toBe(true);
    expect(listed.topics).toEqual(['onbekend-meer-workshops']);
    expect(listed.answer).toContain('zegt niet of er na de workshop');
  });

  it('finds the listed question inside a chat message and in another order, and not with another question word', () => {
    const knowledge = createKnowledge([lastWorkshop, moreWorkshops([LISTED])]);
    const chatty = knowledge.answer('Hoi allemaal! Ik ben nieuw in ons bestuur. Komt er na de workshop van 21 november nog een workshop?');
    expect(chatty.unknownTopic).toBe(true);
    expect(chatty.topics).toEqual(['onbekend-meer-workshops']);
    const reordered = knowledge.answer('komt er nog een workshop na de workshop van 21 november?');
    expect(reordered.topics).toEqual(['onbekend-meer-workshops']);
    // "wanneer" asks something else: the search decides, and the date answers it.
    const when = knowledge.answer('wanneer is de workshop van 21 november');
    expect(when.answered).toBe(true);
    expect(when.topics[0]).toBe('workshop-geld');
  });

  it('answers a listed message of two questions as the one question it lists', () => {
    const twoInOne = 'wanneer is de workshop over geld en komt er daarna nog een workshop';
    const knowledge = createKnowledge([lastWorkshop, moreWorkshops([twoInOne])]);
    const answer = knowledge.answer(twoInOne);
    expect(answer.unknownTopic).toBe(true);
    expect(answer.topics).toEqual(['onbekend-meer-workshops']);
  });

  it('knows every entry that lists a question, so one listed twice can be left to the search', () => {
    const listings = new ListedQuestions([lastWorkshop, moreWorkshops(['komt er nog een workshop'])], {
      spell: (text) => text,
      rewrite: (text) => text,
    });
    expect(listings.entriesListing('Komt er nog een workshop?', 'nl').sort()).toEqual(['onbekend-meer-workshops-nl', 'workshop-geld-nl']);
    expect(listings.entriesListing('komt er nog een workshop in december', 'nl')).toEqual([]);
  });
});

describe('the real knowledge base', () => {
  it('answers every example question with its own entry: no question is listed under two topics', async () => {
    const { entries, thesaurus } = await loadKnowledgeBase(fileURLToPath(new URL('../../content/kb', import.meta.url)));
    const knowledge = createKnowledge(entries, {}, thesaurus);
    const astray: string[] = [];
    let asked = 0;
    for (const listing of entries) {
      for (const question of [...(listing.questions ?? []), ...(listing.yes ?? []), ...(listing.no ?? [])]) {
        asked += 1;
        const reply = knowledge.answer(question, { language: listing.language });
        const home = reply.topics[0] === listing.topic && (listing.unknown ? reply.unknownTopic === true : reply.answered);
        if (!home) astray.push(`${listing.file}: "${question}" → ${reply.topics[0] ?? 'nothing'}`);
      }
    }
    expect(asked).toBeGreaterThan(2000);
    expect(astray).toEqual([]);
  });
});
