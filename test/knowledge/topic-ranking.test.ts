import { describe, expect, it } from 'vitest';
import { sureFirst, type RankedTopic } from '../../src/core/knowledge/topic-ranking.js';

function ranked(topic: string, confidence: number, rank = 1, matched: string[] = []): RankedTopic {
  const hit = {
    entryId: topic,
    topic,
    language: 'nl' as const,
    score: 1,
    coverage: confidence,
    evidence: 1,
    headCoverage: 0,
    unmatched: 0,
    matched,
    rank,
  };
  return { topic, confidence, hit };
}

const noGaps = (): boolean => false;

describe('sureFirst: the topic the answerer goes on with', () => {
  it('keeps the leader when it is sure, even if a later topic is surer', () => {
    const list = [ranked('a', 0.5, 10), ranked('b', 0.9, 9)];
    expect(sureFirst(list, 0.4, noGaps)?.topic).toBe('a');
  });

  it('on a near tie in rank, lets the answer entry that covers clearly more of the question lead', () => {
    expect(sureFirst([ranked('a', 0.6, 119), ranked('b', 0.8, 118)], 0.4, noGaps)?.topic).toBe('b');
    // Only clearly surer: a little more coverage keeps the ranking.
    expect(sureFirst([ranked('a', 0.6, 119), ranked('b', 0.7, 118)], 0.4, noGaps)?.topic).toBe('a');
    // Never a gap entry.
    const gap = (topic: RankedTopic): boolean => topic.topic.startsWith('onbekend');
    expect(sureFirst([ranked('a', 0.6, 119), ranked('onbekend-b', 0.9, 118)], 0.4, gap)?.topic).toBe('a');
  });

  it('takes a sure topic from the second or third place when the leader is not sure', () => {
    expect(sureFirst([ranked('a', 0.2), ranked('b', 0.3), ranked('c', 0.45)], 0.4, noGaps)?.topic).toBe('c');
    expect(sureFirst([ranked('a', 0.2), ranked('b', 0.41), ranked('c', 0.6)], 0.4, noGaps)?.topic).toBe('b');
  });

  it('does not reach deeper than the third place, nor take a gap entry', () => {
    expect(sureFirst([ranked('a', 0.2), ranked('b', 0.3), ranked('c', 0.3), ranked('d', 0.9)], 0.4, noGaps)?.topic).toBe('a');
    const gap = (topic: RankedTopic): boolean => topic.topic.startsWith('onbekend');
    expect(sureFirst([ranked('a', 0.2), ranked('onbekend-x', 0.7)], 0.4, gap)?.topic).toBe('a');
  });

  it("lets a surer entry with the question's number lead over one without it", () => {
    // "Klopt het dat er 4 buurten zonder platform zijn?"
    const withoutFour = ranked('eigen-kracht', 0.83, 143, ['klopt', 'buurt', 'zonder', 'platform']);
    const withFour = ranked('32-van-36', 0.9, 112, ['klopt', '4', 'buurt', 'zonder', 'platform']);
    expect(sureFirst([withoutFour, withFour], 0.4, noGaps)?.topic).toBe('32-van-36');
    // Not when it is less sure, and a year is no such number.
    expect(sureFirst([withoutFour, ranked('x', 0.8, 112, ['4'])], 0.4, noGaps)?.topic).toBe('eigen-kracht');
    expect(sureFirst([withoutFour, ranked('y', 0.9, 112, ['2016'])], 0.4, noGaps)?.topic).toBe('eigen-kracht');
  });

  it('has nothing to give for no topics', () => {
    expect(sureFirst([], 0.4, noGaps)).toBeUndefined();
  });
});
