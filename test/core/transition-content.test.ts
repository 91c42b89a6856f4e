import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatContentProblem } from '../../src/core/content/yaml-problems.js';
import { parseTransition } from '../../src/core/transition/loader.js';
import { countOmslag, omslagLines } from '../../src/core/transition/omslag.js';

const FILE = 'content/transition.yaml';
const source = fs.readFileSync(FILE, 'utf8');

describe('content/transition.yaml', () => {
  it('loads the letter’s paths with their estimates (20 / 4 / 1 / 2 / 2, and 3 initiatives)', () => {
    const { content, problems } = parseTransition(source, FILE);
    expect(problems).toEqual([]);
    expect(content?.paths.map((p) => [p.id, p.estimate])).toEqual([
      ['buurtnetwerk', 20],
      ['nog-geen-keuze', 4],
      ['stoppen', 1],
      ['vrijwilligersorganisatie', 2],
      ['eigen-kracht', 2],
    ]);
    expect(content?.paths.filter((p) => p.needsPlan).map((p) => p.id)).toEqual(['buurtnetwerk']);
    expect(content?.initiatives.estimate).toBe(3);
    // 31 December 2016 23:59 in Maastricht.
    expect(content?.deadline.at.toISOString()).toBe('2016-12-31T22:59:00.000Z');
  });

  it('names the file and line of a broken path', () => {
    const broken = source
      .replace('      en: We stop\n', '      en: We stop, close the books, hand back the keys and say goodbye\n')
      .replace('estimate: 2\n', 'estimate: twee\n');
    const { content, problems } = parseTransition(broken, FILE);
    expect(content).toBeUndefined();
    const lines = broken.split('\n');
    const messages = problems.map(formatContentProblem);
    const labelLine = lines.findIndex((l) => l.includes('hand back the keys')) + 1;
    const estimateLine = lines.findIndex((l) => l.includes('estimate: twee')) + 1;
    expect(messages).toContainEqual(`${FILE}:${labelLine}:11 label in English (en) is longer than 40 characters`);
    expect(messages).toContainEqual(`${FILE}:${estimateLine}:15 estimate must be a number`);
  });

  it('counts platforms per path apart from those that never answered', () => {
    const { content } = parseTransition(source, FILE);
    const at = new Date('2016-12-01T10:00:00Z');
    const choices = new Map([
      ['p1', { platformId: 'p1', path: 'buurtnetwerk', by: null, byName: null, at }],
      ['p2', { platformId: 'p2', path: 'nog-geen-keuze', by: null, byName: null, at }],
    ]);
    const decisions = new Map([['p1', { platformId: 'p1', outcome: 'start', note: null, by: null, byName: null, at }]]);
    const omslag = countOmslag(content!, ['p1', 'p2', 'p3'], { choices, decisions, initiatives: 2 });
    expect(omslag.notAnswered).toBe(1);
    expect(omslag.paths.find((p) => p.id === 'nog-geen-keuze')?.now).toBe(1);
    expect(omslagLines(omslag, 'en')).toContain('- We become a buurtnetwerk: **1** (letter: 20)');
    expect(omslagLines(omslag, 'nl')).toContain('- Initiatieven in buurten zonder buurtplatform: **2** (brief: 3)');
    expect(omslagLines(omslag, 'nl').at(-1)).toBe(
      '- Besluit januari 2017: Start in 2017, met subsidie **1**, Start nog niet **0**; nog geen besluit: 2',
    );
  });
});
