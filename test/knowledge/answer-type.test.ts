import { describe, expect, it } from 'vitest';
import { askedAnswerType, hasAnswerType } from '../../src/core/knowledge/answer-type.js';
import { createKnowledge } from '../../src/core/knowledge/answerer.js';
import { entry } from './fixtures.js';

describe('answer types', () => {
  it('recognises questions for a time of day or an amount of money, in Dutch and English', () => {
    expect(askedAnswerType('Hoe laat begint de workshop op 21 november?')).toBe('time-of-day');
    expect(askedAnswerType('what time does the kick-off start')).toBe('time-of-day');
    expect(askedAnswerType('Hoe hoog is die basis subsidie dan?')).toBe('amount-of-money');
    expect(askedAnswerType('Hoeveel geld krijgt ons platform?')).toBe('amount-of-money');
    expect(askedAnswerType('How much funding do we get?')).toBe('amount-of-money');
    expect(askedAnswerType('Hoeveel buurtplatforms zijn er?')).toBe('count');
    expect(askedAnswerType('How many platforms want to make the switch?')).toBe('count');
    // Dates and everything else are not checked this way.
    expect(askedAnswerType('Wanneer is de workshop?')).toBeUndefined();
  });

  it('recognises questions for contact details, not questions for whom to call', () => {
    expect(askedAnswerType("What's the email address of the procescoördinator zelfsturing?")).toBe('contact');
    expect(askedAnswerType('heeft iemand het telefoonnummer van Trajekt')).toBe('contact');
    expect(askedAnswerType('where can I read the Buurtnetblad online? got a link?')).toBe('contact');
    expect(askedAnswerType('Wie kunnen we bellen als we vastlopen?')).toBeUndefined();
    expect(hasAnswerType('Mail naar buurten@maastricht.nl of bel 043-3505050.', 'contact')).toBe(true);
    expect(hasAnswerType('See https://www.maastricht.nl/buurten', 'contact')).toBe(true);
    expect(hasAnswerType('De procescoördinator zelfsturing begeleidt de transitie.', 'contact')).toBe(false);
  });

  it('finds a time or an amount in a text', () => {
    expect(hasAnswerType('De workshop begint om 19.30 uur in het buurthuis.', 'time-of-day')).toBe(true);
    expect(hasAnswerType('Starts at 7:30 pm.', 'time-of-day')).toBe(true);
    expect(hasAnswerType('De workshop is op 21 november 2016.', 'time-of-day')).toBe(false);
    expect(hasAnswerType('Het bedrag is € 5.000 per jaar.', 'amount-of-money')).toBe(true);
    expect(hasAnswerType('Hoeveel geld het wordt, staat niet in de brief.', 'amount-of-money')).toBe(false);
    expect(hasAnswerType('20 buurtplatforms willen meedoen.', 'count')).toBe(true);
    expect(hasAnswerType('Three neighbourhoods are working on it.', 'count')).toBe(true);
    // A year or the day of a date is not a count.
    expect(hasAnswerType('Kies uiterlijk 31 december 2016; vanaf 1 januari 2019 geldt het Buurtplan.', 'count')).toBe(false);
  });
});

describe('the answerer with answer types', () => {
  const workshop = (body: string) =>
    entry({
      topic: 'workshop-geld',
      language: 'nl',
      title: 'Workshop Hoe kom ik aan geld? op 21 november 2016',
      tags: ['workshop', 'geld'],
      body,
    });
  const gap = entry({
    topic: 'onbekend-workshop-tijden',
    language: 'nl',
    title: 'Hoe laat begint de workshop Hoe kom ik aan geld? Dat staat niet in de brief',
    tags: ['workshop', 'begint', 'hoe laat', 'tijd'],
    body: 'De brief noemt geen tijden van de workshops.\n\nVraag het de procescoördinator.',
    unknown: true,
  });
  const question = 'Hoe laat begint de workshop Hoe kom ik aan geld op 21 november?';

  it('does not answer a time question from an entry without a time: it says the sources are silent', () => {
    const withoutTime = createKnowledge([workshop('Op 21 november 2016 is de workshop Hoe kom ik aan geld?'), gap]).answer(question);
    expect(withoutTime.answered).toBe(false);
    expect(withoutTime.topics).toEqual(['onbekend-workshop-tijden']);
    const noGap = createKnowledge([workshop('Op 21 november 2016 is de workshop Hoe kom ik aan geld?')]).answer(question);
    expect(noGap.answered).toBe(false);
    expect(noGap.topics).toEqual(['workshop-geld']);
  });

  it('does not offer a gap about something else as the reason', () => {
    const otherGap = entry({
      topic: 'onbekend-meer-workshops',
      language: 'nl',
      title: 'Komen er na de workshop Hoe kom ik aan geld nog meer workshops? Dat staat niet in de brief',
      tags: ['workshop'],
      body: 'De brief zegt niet of er na 21 november nog workshops komen.',
      unknown: true,
    });
    const answer = createKnowledge([workshop('Op 21 november 2016 is de workshop Hoe kom ik aan geld?'), otherGap]).answer(question);
    expect(answer.answered).toBe(false);
    expect(answer.unknownTopic).toBeUndefined();
    expect(answer.citations).toEqual([]);
  });

  it('answers it when the entry has the time', () => {
    const withTime = createKnowledge([workshop('Op 21 november 2016 om 19.30 uur is de workshop Hoe kom ik aan geld?'), gap]).answer(
      question,
    );
    expect(withTime.answered).toBe(true);
    expect(withTime.answer).toContain('19.30 uur');
  });
});

describe('the answerer with a question for a count', () => {
  const glossary = entry({
    topic: 'transitieproces',
    language: 'en',
    title: 'Glossary: the transition of platforms to networks',
    tags: ['transition', 'platforms', 'networks'],
    body: 'The transition is the move of platforms to networks; platforms choose by 31 December 2016.',
  });
  const estimate = entry({
    topic: 'inschatting',
    language: 'en',
    title: 'Estimate: how many platforms enter the transition',
    tags: ['estimate', 'how many'],
    body: 'The estimate is that 20 platforms want to enter the transition to networks.',
  });

  it('answers from an entry that holds a number rather than the best match without one', () => {
    const knowledge = createKnowledge([glossary, estimate]);
    const question = 'How many platforms make the transition to networks?';
    expect(knowledge.search(question)[0]?.topic).toBe('transitieproces');
    const answer = knowledge.answer(question);
    expect(answer.answered).toBe(true);
    expect(answer.topics[0]).toBe('inschatting');
    expect(answer.answer).toContain('20 platforms');
  });

  it('refuses when no entry holds a number', () => {
    const answer = createKnowledge([glossary]).answer('How many platforms make the transition to networks?');
    expect(answer.answered).toBe(false);
  });
});
