/**
 * The January 2017 decision: "in januari 2017 is hierover duidelijkheid", and the subsidy for 2017
 * follows from it. Coordinators record per platform whether its transition formally starts (with a
 * note); the board is told in chat, in each member's own language. Outcomes are content
 * (content/transition.yaml `decision`).
 */
import { matchCommandRaw, type CommandSpec } from '../commands.js';
import { formatDate } from '../dates.js';
import { pick, type Bilingual, type Language } from '../language.js';
import type { Reply } from '../messages.js';
import type { AccessPolicy } from '../platforms/access.js';
import type { CoordinatorNotifier, PlatformRecord, PlatformStore } from '../platforms/ports.js';
import type { Outbox } from '../ports.js';
import { foldedPhrase } from '../plan/text-fold.js';
import { tellBoard } from '../platforms/tell-board.js';
import type { Keuze } from '../transition/keuze.js';
import type { DecisionOutcome } from '../transition/schema.js';
import { fill, textCatalog } from '../texts.js';
import type { Feature, TurnContext } from '../turn.js';

const WORDS = { decision: ['besluit', 'decision'] };

const T = {
  onlyCoordinators: {
    nl: 'Het besluit leggen coördinatoren vast. Typ `keuze` om te zien wat er voor jullie platform is vastgelegd.',
    en: 'Coordinators record the decision. Type `choice` to see what was recorded for your platform.',
  },
  how: {
    nl: '{explain}\n\nLeg het besluit per platform vast: `besluit <platform>` (met knoppen), of in één keer `besluit <platform> <{outcomes}> [notitie]`, bijvoorbeeld `besluit {example} {first} Plan is goedgekeurd`.',
    en: '{explain}\n\nRecord the decision per platform: `decision <platform>` (with buttons), or at once `decision <platform> <{outcomes}> [note]`, for example `decision {example} {first} Plan approved`.',
  },
  unknownPlatform: {
    nl: 'Ik ken geen platform "{query}". Typ `platforms` voor de lijst.',
    en: 'I do not know a platform "{query}". Type `platforms` for the list.',
  },
  show: {
    nl: '📌 **Besluit voor {platform}** (januari 2017)\nKeuze van het platform: {choice}\nBesluit nu: {decision}',
    en: '📌 **Decision for {platform}** (January 2017)\nThe platform’s choice: {choice}\nDecision now: {decision}',
  },
  none: { nl: 'nog niets vastgelegd', en: 'nothing recorded yet' },
  recorded: {
    nl: 'Vastgelegd voor {platform}: **{label}**{note}. Het bestuur ({count}) heeft het bericht gekregen.',
    en: 'Recorded for {platform}: **{label}**{note}. The board ({count}) has been told.',
  },
  notify: {
    nl: '📌 Besluit voor {platform}: **{label}**{note} — vastgelegd door {name}.',
    en: '📌 Decision for {platform}: **{label}**{note} — recorded by {name}.',
  },
  board: { nl: '📌 **Besluit over {platform}**\n{tell}{note}', en: '📌 **Decision about {platform}**\n{tell}{note}' },
  noteLine: { nl: '\nNotitie van de coördinator: {note}', en: '\nNote from the coordinator: {note}' },
  typedDecision: { nl: 'besluit', en: 'decision' },
  helpCoordinator: {
    nl: '• Coördinatoren: `besluit <platform>` — het besluit van januari 2017 vastleggen',
    en: '• Coordinators: `decision <platform>` — record the January 2017 decision',
  },
} satisfies Record<string, Bilingual>;

const tt = textCatalog(T);

/** A note is a sentence or two, not a letter. */
const MAX_NOTE = 500;

export class DecisionFeature implements Feature {
  readonly name = 'decision';
  readonly commands: readonly CommandSpec[] = [{ id: 'decision', words: WORDS.decision, scope: 'outside-flow', argument: true }];

  constructor(
    private readonly deps: { keuze: Keuze; platforms: PlatformStore; access: AccessPolicy; notifier: CoordinatorNotifier; outbox: Outbox },
  ) {}

  helpLines(language: Language, audience?: { coordinator: boolean }): string[] {
    return audience?.coordinator ? [tt(language, 'helpCoordinator')] : [];
  }

  async handle(turn: TurnContext): Promise<Reply[] | null> {
    const action = turn.message.action;
    const argument = action?.startsWith('besluit:set:') ? null : matchCommandRaw(turn.text, WORDS.decision);
    if (!action?.startsWith('besluit:set:') && argument === null) return null;
    if (!(await this.deps.access.isCoordinator(turn.user))) {
      // "decision about the subsidy?" is a question: only the bare command or one naming a platform is answered here.
      const first = argument?.split(/\s+/)[0] ?? '';
      if (first && !(await this.deps.platforms.find(first))) return null;
      return [{ kind: 'info', text: tt(turn.language, 'onlyCoordinators') }];
    }
    if (action?.startsWith('besluit:set:')) {
      const [slug = '', outcomeId = ''] = action.slice('besluit:set:'.length).split(':');
      const platform = await this.deps.platforms.bySlug(slug);
      const outcome = this.deps.keuze.outcome(outcomeId);
      if (!platform || !outcome) return [{ kind: 'info', text: tt(turn.language, 'unknownPlatform', { query: slug }) }];
      return this.record(turn, platform, outcome, null);
    }
    return this.typed(turn, argument ?? '');
  }

  /** `besluit`, `besluit <platform>`, or `besluit <platform> <outcome> [note]`. */
  private async typed(turn: TurnContext, argument: string): Promise<Reply[]> {
    const { language } = turn;
    const { outcomes, explain } = this.deps.keuze.content.decision;
    if (!argument) {
      const example = (await this.deps.platforms.list())[0]?.slug ?? 'wyck';
      return [
        {
          kind: 'info',
          text: tt(language, 'how', {
            explain: pick(explain, language),
            outcomes: outcomes.map((o) => o.id).join('|'),
            example,
            first: outcomes[0]?.id ?? '',
          }),
        },
      ];
    }
    const words = argument.split(/\s+/);
    // The platform is the words before the first one that starts an outcome ("wyck start Mooi plan").
    for (let i = 1; i < words.length; i++) {
      const outcome = outcomeAt(outcomes, words.slice(i));
      if (!outcome) continue;
      const platform = await this.deps.platforms.find(words.slice(0, i).join(' '));
      if (!platform) break;
      const note = words
        .slice(i + outcome.length)
        .join(' ')
        .trim();
      return this.record(turn, platform, outcome.outcome, note ? note.slice(0, MAX_NOTE) : null);
    }
    const platform = await this.deps.platforms.find(argument);
    if (!platform) return [{ kind: 'info', text: tt(language, 'unknownPlatform', { query: argument }) }];
    return this.show(turn, platform);
  }

  private async show(turn: TurnContext, platform: PlatformRecord): Promise<Reply[]> {
    const { language } = turn;
    const { keuze } = this.deps;
    const choice = await keuze.current(platform.id);
    const decision = await keuze.store.decisionOf(platform.id);
    const decided = decision ? keuze.outcome(decision.outcome) : undefined;
    const text = tt(language, 'show', {
      platform: platform.name,
      choice: choice ? (choice.path ? pick(choice.path.label, language) : choice.record.path) : tt(language, 'none'),
      decision: decision
        ? `${decided ? pick(decided.label, language) : decision.outcome} (${formatDate(decision.at, language)})${decision.note ? ` — ${decision.note}` : ''}`
        : tt(language, 'none'),
    });
    const buttons = keuze.content.decision.outcomes.map((o) => ({
      id: `besluit:set:${platform.slug}:${o.id}`,
      label: pick(o.label, language),
      typed: `${tt(language, 'typedDecision')} ${platform.slug} ${o.id}`,
    }));
    return [{ kind: 'info', ephemeral: true, text, buttons }];
  }

  private async record(turn: TurnContext, platform: PlatformRecord, outcome: DecisionOutcome, note: string | null): Promise<Reply[]> {
    const { language } = turn;
    await this.deps.keuze.store.recordDecision(platform.id, { outcome: outcome.id, note, by: turn.user.ref, at: turn.clock.now() });
    const told = await tellBoard(this.deps, platform.id, (lang) =>
      tt(lang, 'board', {
        platform: platform.name,
        tell: fill(pick(outcome.tell, lang), { platform: platform.name }),
        note: note ? tt(lang, 'noteLine', { note }) : '',
      }),
    );
    const noteText = note ? ` (${note})` : '';
    await this.deps.notifier.notify(
      tt('nl', 'notify', {
        platform: platform.name,
        label: outcome.label.nl,
        note: noteText,
        name: turn.user.displayName ?? turn.user.ref,
      }),
      [turn.user.ref],
    );
    return [
      {
        kind: 'info',
        text: tt(language, 'recorded', { platform: platform.name, label: pick(outcome.label, language), note: noteText, count: told }),
      },
    ];
  }
}

/** The outcome `words` start with (its id, its id with spaces, or a label) and how many words it took. */
function outcomeAt(
  outcomes: readonly DecisionOutcome[],
  words: readonly string[],
): { outcome: DecisionOutcome; length: number } | undefined {
  for (const outcome of outcomes) {
    const names = [outcome.id, outcome.id.replace(/-/g, ' '), outcome.label.nl, outcome.label.en].map(foldedPhrase);
    for (const name of names) {
      const length = name.split(' ').length;
      if (foldedPhrase(words.slice(0, length).join(' ')) === name) return { outcome, length };
    }
  }
  return undefined;
}
