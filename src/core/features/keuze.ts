/**
 * The keuze (by 31 December 2016): a board chooses its platform's path in the transition, with the
 * letter's consequence of each path, a confirmation, and coordinators told of every (changed)
 * choice. A group in a buurt without a buurtplatform registers as an initiative. Coordinators see
 * the letter's "Indicatie omslag" live with `keuzes`. The paths themselves are content
 * (content/transition.yaml): nothing here names one.
 */
import { matchCommand, matchCommandRaw, type CommandSpec } from '../commands.js';
import { formatDate } from '../dates.js';
import { pick, type Language } from '../language.js';
import type { Button, Reply } from '../messages.js';
import { matchChoice } from '../plan/choice.js';
import type { AccessPolicy } from '../platforms/access.js';
import type { CoordinatorNotifier, PlatformRecord, PlatformStore } from '../platforms/ports.js';
import type { Keuze } from '../transition/keuze.js';
import type { TransitionPath } from '../transition/schema.js';
import { fill } from '../texts.js';
import type { Feature, TurnContext } from '../turn.js';

import { deadlineText, letterCitation } from './keuze-letter.js';
import { keuzeOverview, registerInitiative } from './keuze-overview.js';
import { KEUZE_WORDS as WORDS, tt } from './keuze-texts.js';

export interface KeuzeFeatureDeps {
  keuze: Keuze;
  platforms: PlatformStore;
  access: AccessPolicy;
  notifier: CoordinatorNotifier;
}

export class KeuzeFeature implements Feature {
  readonly name = 'keuze';
  readonly commands: readonly CommandSpec[] = [
    { id: 'keuze', words: WORDS.keuze, scope: 'outside-flow', argument: true },
    { id: 'overview', words: WORDS.overview, scope: 'outside-flow' },
    { id: 'initiative', words: WORDS.initiative, scope: 'outside-flow', argument: true },
    { id: 'confirm', words: WORDS.yes, scope: 'pending' },
  ];

  constructor(private readonly deps: KeuzeFeatureDeps) {}

  helpLines(language: Language, audience?: { coordinator: boolean }): string[] {
    return audience?.coordinator ? [tt(language, 'helpLine'), tt(language, 'helpCoordinator')] : [tt(language, 'helpLine')];
  }

  async handle(turn: TurnContext): Promise<Reply[] | null> {
    const action = turn.message.action;
    if (action?.startsWith('keuze:')) return this.handleAction(turn, action.slice('keuze:'.length).split(':'));
    const pending = turn.state.pending;
    if (pending?.feature === this.name) {
      turn.state.pending = undefined;
      const answered = await this.answerPending(turn, pending.kind, pending.data ?? {});
      if (answered) return answered;
    }
    const text = turn.text;
    if (matchCommand(text, WORDS.overview) === '') return keuzeOverview(this.deps, turn);
    const initiative = matchCommandRaw(text, WORDS.initiative);
    if (initiative !== null) return registerInitiative(this.deps, turn, initiative);
    const keuze = matchCommandRaw(text, WORDS.keuze);
    if (keuze !== null && keuze.split(/\s+/).length <= 4 && !keuze.endsWith('?')) return this.show(turn, keuze);
    return null;
  }

  /** `keuze`, `keuze <platform>`, or `keuze <number|path>` for a platform the person belongs to. */
  private async show(turn: TurnContext, argument: string): Promise<Reply[]> {
    const { language } = turn;
    const paths = this.deps.keuze.content.paths;
    const picked = argument ? matchChoice(paths, argument) : undefined;
    // `keuze wyck` names a platform; `keuze maken` does not: then it is the person's own platform.
    const named = !picked && argument && (await this.deps.platforms.find(argument)) ? argument : '';
    const platform = await this.platformFor(turn, named);
    if ('replies' in platform) return platform.replies;
    if (picked) return this.confirm(turn, platform.record, picked);
    const current = await this.deps.keuze.current(platform.record.id);
    const deadline = deadlineText(this.deps.keuze, language);
    const now = current
      ? tt(language, 'current', {
          label: current.path ? pick(current.path.label, language) : current.record.path,
          date: formatDate(current.record.at, language),
          by: current.record.byName ? tt(language, 'by', { name: current.record.byName }) : '',
        })
      : tt(language, 'currentNone');
    // The January decision, once coordinators recorded it, stands under the choice it follows.
    const decision = await this.deps.keuze.store.decisionOf(platform.record.id);
    const outcome = decision ? this.deps.keuze.outcome(decision.outcome) : undefined;
    const decided =
      decision && outcome
        ? [
            tt(language, 'decided', {
              tell: fill(pick(outcome.tell, language), { platform: platform.record.name }),
              date: formatDate(decision.at, language),
              note: decision.note ? ` ${decision.note}` : '',
            }),
          ]
        : [];
    if (!this.deps.keuze.isOpen(turn.clock.now())) {
      return [
        {
          kind: 'info',
          text: [tt(language, 'title', { platform: platform.record.name }), now, ...decided, tt(language, 'closed', { deadline })].join(
            '\n\n',
          ),
        },
      ];
    }
    turn.state.pending = { feature: this.name, kind: 'pick', data: { slug: platform.record.slug } };
    const list = paths.map((p, i) => `${i + 1}. **${pick(p.label, language)}** — ${pick(p.explain, language)}`);
    return [
      {
        kind: 'info',
        text: [
          tt(language, 'title', { platform: platform.record.name }),
          now,
          ...decided,
          tt(language, 'intro', { deadline }),
          list.join('\n'),
          tt(language, 'how'),
        ].join('\n\n'),
        citations: [letterCitation(this.deps.keuze)],
        buttons: paths.map((p, i) => ({
          id: `keuze:pick:${platform.record.slug}:${p.id}`,
          label: pick(p.label, language),
          typed: String(i + 1),
          ...(p.needsPlan ? { style: 'primary' as const } : {}),
        })),
      },
    ];
  }

  private async answerPending(turn: TurnContext, kind: string, data: Record<string, unknown>): Promise<Reply[] | null> {
    const slug = typeof data['slug'] === 'string' ? data['slug'] : '';
    if (kind === 'pick') {
      const path = matchChoice(this.deps.keuze.content.paths, turn.text);
      return path ? this.pickFor(turn, slug, path.id) : null;
    }
    if (kind === 'confirm') {
      const pathId = typeof data['path'] === 'string' ? data['path'] : '';
      if (matchCommand(turn.text, WORDS.yes) === '') return this.record(turn, slug, pathId);
      return [{ kind: 'info', text: tt(turn.language, 'cancelled') }];
    }
    return null;
  }

  private async handleAction(turn: TurnContext, parts: string[]): Promise<Reply[]> {
    const [verb, slug = '', pathId = ''] = parts;
    turn.state.pending = undefined;
    if (verb === 'show') return this.show(turn, slug);
    if (verb === 'pick') return this.pickFor(turn, slug, pathId);
    if (verb === 'confirm') return this.record(turn, slug, pathId);
    return [{ kind: 'info', text: tt(turn.language, 'cancelled') }];
  }

  private async pickFor(turn: TurnContext, slug: string, pathId: string): Promise<Reply[]> {
    const platform = await this.platformFor(turn, slug);
    if ('replies' in platform) return platform.replies;
    const path = this.deps.keuze.path(pathId);
    if (!path) return this.show(turn, slug);
    return this.confirm(turn, platform.record, path);
  }

  private confirm(turn: TurnContext, platform: PlatformRecord, path: TransitionPath): Reply[] {
    const { language } = turn;
    if (!this.deps.keuze.isOpen(turn.clock.now()))
      return [{ kind: 'info', text: tt(language, 'closed', { deadline: deadlineText(this.deps.keuze, language) }) }];
    turn.state.pending = { feature: this.name, kind: 'confirm', data: { slug: platform.slug, path: path.id } };
    return [
      {
        kind: 'info',
        text: tt(language, 'confirm', { label: pick(path.label, language), explain: pick(path.explain, language) }),
        buttons: [
          {
            id: `keuze:confirm:${platform.slug}:${path.id}`,
            label: tt(language, 'confirmYes'),
            typed: tt(language, 'typedYes'),
            style: 'primary',
          },
          { id: 'keuze:cancel', label: tt(language, 'confirmNo'), typed: tt(language, 'typedNo') },
        ],
      },
    ];
  }

  private async record(turn: TurnContext, slug: string, pathId: string): Promise<Reply[]> {
    const { language } = turn;
    const platform = await this.platformFor(turn, slug);
    if ('replies' in platform) return platform.replies;
    const path = this.deps.keuze.path(pathId);
    if (!path) return this.show(turn, slug);
    const now = turn.clock.now();
    const deadline = deadlineText(this.deps.keuze, language);
    // The button may have been pressed after the deadline passed: the clock decides, not the message.
    if (!this.deps.keuze.isOpen(now)) return [{ kind: 'info', text: tt(language, 'closed', { deadline }) }];
    const before = await this.deps.keuze.current(platform.record.id);
    if (before?.record.path === path.id)
      return [{ kind: 'info', text: tt(language, 'unchanged', { date: formatDate(before.record.at, language) }) }];
    await this.deps.keuze.store.recordChoice(platform.record.id, path.id, turn.user.ref, now);
    const was = before ? tt('nl', 'was', { label: before.path ? before.path.label.nl : before.record.path }) : '';
    await this.deps.notifier.notify(
      tt('nl', 'notify', { platform: platform.record.name, label: path.label.nl, was, name: turn.user.displayName ?? turn.user.ref }),
      [turn.user.ref],
    );
    const next = path.needsPlan
      ? tt(language, 'nextPlan', { deadline })
      : path.undecided
        ? tt(language, 'nextUndecided', { deadline })
        : tt(language, 'nextNoPlan');
    const buttons: Button[] = path.needsPlan
      ? [
          {
            id: `plan:open:${platform.record.slug}`,
            label: tt(language, 'openPlan'),
            typed: `plan ${platform.record.slug}`,
            style: 'primary',
          },
        ]
      : [];
    return [
      {
        kind: 'info',
        text: [
          tt(language, 'recorded', {
            platform: platform.record.name,
            label: pick(path.label, language),
            date: formatDate(now, language),
            deadline,
          }),
          next,
        ].join('\n\n'),
        buttons,
      },
    ];
  }

  /** The platform a keuze is for: named, the only one the person belongs to, or a question which. */
  private async platformFor(turn: TurnContext, query: string): Promise<{ record: PlatformRecord } | { replies: Reply[] }> {
    const { language } = turn;
    let platform: PlatformRecord | null;
    if (query) {
      platform = await this.deps.platforms.find(query);
      if (!platform) return { replies: [{ kind: 'info', text: tt(language, 'unknownPlatform', { query }) }] };
    } else {
      const memberships = await this.deps.platforms.membershipsOf(turn.user.ref);
      if (memberships.length === 0) return { replies: [{ kind: 'info', text: tt(language, 'notMember') }] };
      if (memberships.length > 1) {
        const buttons = memberships.map((m) => ({
          id: `keuze:show:${m.platform.slug}`,
          label: m.platform.name,
          typed: `keuze ${m.platform.slug}`,
        }));
        return { replies: [{ kind: 'info', text: tt(language, 'whichPlatform'), buttons }] };
      }
      platform = memberships[0]?.platform ?? null;
      if (!platform) return { replies: [{ kind: 'info', text: tt(language, 'notMember') }] };
    }
    if (!(await this.deps.access.canUsePlan(turn.user, platform)))
      return { replies: [{ kind: 'info', text: tt(language, 'noAccess', { platform: platform.name }) }] };
    return { record: platform };
  }
}
