/**
 * The letter behind the keuze: its deadline as worded in chat, and the citation of its "Indicatie
 * omslag". Both the choosing (keuze.ts) and the initiatives and overview (keuze-overview.ts) show them.
 */
import { formatDate } from '../dates.js';
import type { Language } from '../language.js';
import type { Citation } from '../messages.js';
import type { Keuze } from '../transition/keuze.js';

export function deadlineText(keuze: Keuze, language: Language): string {
  const { at, timeZone } = keuze.content.deadline;
  return formatDate(at, language, { timeZone });
}

export function letterCitation(keuze: Keuze): Citation {
  return {
    id: 'transition',
    title: 'Indicatie omslag buurtnetwerken',
    source: keuze.content.source,
    label: 'Raadsinformatiebrief 2016 · Indicatie omslag',
  };
}
