import type { CommandSpec } from '../../commands.js';

/** Typed commands of the plan flow, Dutch and English. Every button has one of these as its typed twin. */
export const PLAN_WORDS = {
  start: [
    'plan',
    'plan van aanpak',
    'start plan',
    'mijn plan',
    'ons plan',
    'our plan',
    'my plan',
    'start ons plan van aanpak',
    'hervat',
    'resume',
  ],
  skip: ['overslaan', 'sla over', 'skip', 'later'],
  back: ['terug', 'vorige', 'back', 'previous'],
  edit: ['bewerk', 'wijzig', 'aanpassen', 'edit', 'change', 'ga naar', 'go to', 'sectie', 'section', 'stap', 'step'],
  overview: ['overzicht', 'status', 'voortgang', 'wat moet er nog', 'overview', 'progress', "what's missing", 'what is missing'],
  pause: ['pauze', 'pauzeer', 'stop plan', 'even stoppen', 'pause', 'stop'],
  resume: ['verder', 'ga verder', 'doorgaan', 'continue', 'go on', 'next'],
  submit: ['indienen', 'inleveren', 'insturen', 'submit', 'hand in'],
  help: ['help', 'hulp', 'plan hulp', 'plan help', '?'],
  example: ['voorbeeld', 'example'],
  history: ['geschiedenis', 'versies', 'history', 'versions'],
  yes: [
    'ja',
    'yes',
    'j',
    'y',
    'ok',
    'oke',
    'prima',
    'zeker',
    'sure',
    'ja, vervang',
    'vervang',
    'replace',
    'mijn versie',
    'my version',
    'ja, indienen',
  ],
  no: ['nee', 'no', 'n', 'niet', 'bewaar', 'keep', 'hun versie', 'their version', 'annuleer', 'cancel'],
  ask: ['vraag', 'ask', 'question'],
} as const;

/**
 * The plan's command table. `plan` starts or resumes from anywhere; the rest is heard only inside
 * the flow, where everything else typed is the answer to the current step. `vraag …` is not the
 * plan's: the flow passes it on to the knowledge base.
 */
export const PLAN_COMMANDS: readonly CommandSpec[] = [
  { id: 'start', words: PLAN_WORDS.start, scope: 'anywhere', argument: true },
  ...(['skip', 'back', 'overview', 'pause', 'resume', 'submit', 'help', 'example', 'history', 'yes', 'no'] as const).map((id) => ({
    id,
    words: PLAN_WORDS[id],
    scope: 'in-flow' as const,
  })),
  { id: 'edit', words: PLAN_WORDS.edit, scope: 'in-flow', argument: true },
];
