import { describe, expect, it } from 'vitest';
import { shortSource } from '../../src/core/knowledge/types.js';

describe('the source line under an answer', () => {
  it('keeps the document and the first section, without long paragraph titles', () => {
    expect(
      shortSource(
        'Raadsinformatiebrief transitieproces buurtnetwerken (2016), § Wat gebeurde er tot nu, punt 2 (Ruimte voor maatwerk en voldoende tijd om het transitieproces te doorlopen)',
      ),
    ).toBe('Raadsinformatiebrief transitieproces buurtnetwerken (2016), § Wat gebeurde er tot nu, punt 2');
    expect(
      shortSource('Raadsinformatiebrief transitieproces buurtnetwerken (2016), § Indicatie omslag buurtnetwerken; § Samenvattend'),
    ).toBe('Raadsinformatiebrief transitieproces buurtnetwerken (2016), § Indicatie omslag buurtnetwerken …');
    expect(shortSource('Raadsinformatiebrief transitieproces buurtnetwerken (2016) — zegt hier niets over')).toBe(
      'Raadsinformatiebrief transitieproces buurtnetwerken (2016) — zegt hier niets over',
    );
    expect(shortSource('Antwoord van coördinator Carla, 2016-12-01')).toBe('Antwoord van coördinator Carla, 2016-12-01');
    expect(shortSource('Raadsinformatiebrief transitieproces buurtnetwerken (2016)')).toBe(
      'Raadsinformatiebrief transitieproces buurtnetwerken (2016)',
    );
  });

  it('drops the English glosses of Dutch names, keeps the year and a note about the letter', () => {
    expect(
      shortSource(
        'Raadsinformatiebrief transitieproces buurtnetwerken (2016) (council information letter on the transition to neighbourhood networks), § Wat gebeurde er tot nu (What has happened so far), point 4 (support from the municipality and, where needed, Trajekt) — the letter misprints this date as 4 July 2106',
      ),
    ).toBe(
      'Raadsinformatiebrief transitieproces buurtnetwerken (2016), § Wat gebeurde er tot nu, point 4 — the letter misprints this date as 4 July 2106',
    );
    expect(
      shortSource(
        'Raadsinformatiebrief transitieproces buurtnetwerken (2016) (council information letter on the transition to neighbourhood networks), opening paragraph',
      ),
    ).toBe('Raadsinformatiebrief transitieproces buurtnetwerken (2016), opening paragraph');
  });
});
