/**
 * Coordinators review a handed-in Plan van Aanpak: comments per section, then accept it or return
 * it with a reason. The board is told in chat (each in their own language), sees the comments beside
 * the sections when they open the plan, revises and hands it in again: a new round. Every step is a
 * ReviewEvent, so the rounds are the plan's history.
 */
import { matchCommandRaw, type CommandSpec } from '../commands.js';
import { formatDate } from '../dates.js';
import type { Language } from '../language.js';
import type { Reply } from '../messages.js';
import type { PlanTemplate } from '../plan/index.js';
import { isUnderReview, planStatusLabel } from '../plan/status.js';
import type { AccessPolicy } from '../platforms/access.js';
import type { CoordinatorNotifier, PlanStore, PlatformStore, StoredPlan } from '../platforms/ports.js';
import type { Outbox } from '../ports.js';
import { tellBoard } from '../platforms/tell-board.js';
import type { ReviewEvent, ReviewStore } from '../review/ports.js';
import { currentRound, openComments } from '../review/rounds.js';
import type { Feature, TurnContext } from '../turn.js';

import { REVIEW_WORDS as WORDS, tt } from './review-texts.js';

/** A comment or reason is a few sentences. */
const MAX_TEXT = 1000;
const SNIPPET = 160;

export interface ReviewFeatureDeps {
  platforms: PlatformStore;
  plans: PlanStore;
  reviews: ReviewStore;
  template: () => PlanTemplate;
  access: AccessPolicy;
  notifier: CoordinatorNotifier;
  outbox: Outbox;
}

export class ReviewFeature implements Feature {
  readonly name = 'review';
  readonly commands: readonly CommandSpec[] = [
    { id: 'review', words: WORDS.review, scope: 'outside-flow', argument: true },
    { id: 'comment', words: WORDS.comment, scope: 'outside-flow', argument: true },
    { id: 'return', words: WORDS.return, scope: 'outside-flow', argument: true },
    { id: 'accept', words: WORDS.accept, scope: 'outside-flow', argument: true },
  ];

  constructor(private readonly deps: ReviewFeatureDeps) {}

  helpLines(language: Language, audience?: { coordinator: boolean }): string[] {
    return audience?.coordinator ? [tt(language, 'helpCoordinator')] : [];
  }

  async handle(turn: TurnContext): Promise<Reply[] | null> {
    const action = turn.message.action?.startsWith('review:') ? turn.message.action.slice('review:'.length) : undefined;
    const pending = turn.state.pending?.feature === this.name ? turn.state.pending : undefined;
    const typed = action === undefined && !pending ? this.typedCommand(turn.text) : undefined;
    if (action === undefined && !pending && !typed) return null;
    if (!(await this.deps.access.isCoordinator(turn.user))) {
      // "review my answer", "return policy?": words that start a question are not taken from
      // volunteers; only the bare command or one naming a platform gets the explanation.
      if (typed && typed.slug && !(await this.deps.platforms.find(typed.slug))) return null;
      return [{ kind: 'info', text: tt(turn.language, 'onlyCoordinators') }];
    }
    if (pending) {
      turn.state.pending = undefined;
      const slug = typeof pending.data?.['slug'] === 'string' ? pending.data['slug'] : '';
      return this.withPlan(turn, slug, (plan) => this.returnPlan(turn, plan, turn.text));
    }
    if (action !== undefined) {
      const [verb, slug = ''] = action.split(':');
      if (verb === 'show') return this.withPlan(turn, slug, (plan) => this.show(turn, plan));
      if (verb === 'accept') return this.withPlan(turn, slug, (plan) => this.accept(turn, plan));
      return this.withPlan(turn, slug, (plan) => this.askReason(turn, plan));
    }
    const { command, slug, rest } = typed!;
    if (command === 'review' && !slug) return this.waiting(turn);
    if (command === 'comment' && !slug) return [{ kind: 'info', text: tt(turn.language, 'commentHow') }];
    return this.withPlan(turn, slug, (plan) => {
      if (command === 'review') return this.show(turn, plan);
      if (command === 'comment') return this.comment(turn, plan, rest);
      if (command === 'accept') return this.accept(turn, plan);
      return rest ? this.returnPlan(turn, plan, rest) : this.askReason(turn, plan);
    });
  }

  /** `opmerking wyck 3 tekst`: the command, the platform (its slug, the first word) and the rest. */
  private typedCommand(text: string): { command: keyof typeof WORDS; slug: string; rest: string } | undefined {
    for (const command of ['review', 'comment', 'return', 'accept'] as const) {
      const argument = matchCommandRaw(text, WORDS[command]);
      if (argument === null) continue;
      const [slug = '', ...rest] = argument.split(/\s+/);
      return { command, slug: slug.toLowerCase(), rest: rest.join(' ').trim() };
    }
    return undefined;
  }

  private async withPlan(turn: TurnContext, query: string, then: (plan: StoredPlan) => Promise<Reply[]>): Promise<Reply[]> {
    const platform = await this.deps.platforms.find(query);
    if (!platform) return [{ kind: 'info', text: tt(turn.language, 'unknownPlatform', { query }) }];
    return then(await this.deps.plans.load(platform));
  }

  private async waiting(turn: TurnContext): Promise<Reply[]> {
    const { language } = turn;
    const under: StoredPlan[] = [];
    for (const platform of await this.deps.platforms.list()) {
      const plan = await this.deps.plans.load(platform);
      if (isUnderReview(plan.status)) under.push(plan);
    }
    if (under.length === 0) return [{ kind: 'info', text: tt(language, 'nothingWaiting') }];
    const lines = under.map(
      (p) =>
        `• ${p.platform.name} — ${planStatusLabel(p.status, language)} ${formatDate(p.submittedAt ?? p.updatedAt, language, { month: 'short' })}`,
    );
    const buttons = under.slice(0, 10).map((p) => ({
      id: `review:show:${p.platform.slug}`,
      label: p.platform.name,
      typed: `${tt(language, 'typedReview')} ${p.platform.slug}`,
    }));
    return [{ kind: 'info', ephemeral: true, text: [tt(language, 'waiting'), ...lines].join('\n'), buttons }];
  }

  private async show(turn: TurnContext, plan: StoredPlan): Promise<Reply[]> {
    const { language } = turn;
    const template = this.deps.template();
    const events = await this.deps.reviews.list(plan.id);
    const comments = openComments(events);
    const slug = plan.platform.slug;
    const sections = template.sections.flatMap((section, i) => {
      const text = plan.sections[section.id]?.text.replace(/\s+/g, ' ').trim() ?? '';
      const shown = text ? (text.length > SNIPPET ? `${text.slice(0, SNIPPET - 1)}…` : text) : tt(language, 'empty');
      return [
        `${i + 1}. **${section.title[language]}** — ${shown}`,
        ...(comments.get(section.id) ?? []).map((c) =>
          tt(language, 'commentLine', { name: c.byName ?? tt(language, 'someone'), text: c.text }),
        ),
      ];
    });
    const history = roundHistory(events, language);
    const parts = [
      tt(language, 'title', {
        platform: plan.platform.name,
        round: Math.max(1, currentRound(events)),
        status: planStatusLabel(plan.status, language),
      }),
      sections.join('\n'),
      ...(history.length ? [[tt(language, 'history'), ...history].join('\n')] : []),
      tt(language, 'how', { slug }),
    ];
    const buttons = isUnderReview(plan.status)
      ? [
          {
            id: `review:accept:${slug}`,
            label: tt(language, 'accept'),
            typed: `${tt(language, 'typedAccept')} ${slug}`,
            style: 'primary' as const,
          },
          { id: `review:return:${slug}`, label: tt(language, 'returnButton'), typed: `${tt(language, 'typedReturn')} ${slug}` },
        ]
      : [];
    return [{ kind: 'info', ephemeral: true, text: parts.join('\n\n'), buttons }];
  }

  private async comment(turn: TurnContext, plan: StoredPlan, rest: string): Promise<Reply[]> {
    const { language } = turn;
    if (!isUnderReview(plan.status)) return this.notUnderReview(turn, plan);
    const [which = '', ...words] = rest.split(/\s+/);
    const text = words.join(' ').trim().slice(0, MAX_TEXT);
    if (!which || !text) return [{ kind: 'info', text: tt(language, 'commentHow') }];
    const sections = this.deps.template().sections;
    const section = /^\d+$/.test(which) ? sections[Number(which) - 1] : sections.find((s) => s.id === which.toLowerCase());
    if (!section) return [{ kind: 'info', text: tt(language, 'unknownSection', { query: which, total: sections.length }) }];
    const round = Math.max(1, currentRound(await this.deps.reviews.list(plan.id)));
    await this.deps.reviews.add(plan.id, { round, kind: 'comment', sectionId: section.id, text, by: turn.user.ref, at: turn.clock.now() });
    return [{ kind: 'info', text: tt(language, 'commented', { title: section.title[language], round }) }];
  }

  private async askReason(turn: TurnContext, plan: StoredPlan): Promise<Reply[]> {
    if (!isUnderReview(plan.status)) return this.notUnderReview(turn, plan);
    turn.state.pending = { feature: this.name, kind: 'reason', data: { slug: plan.platform.slug } };
    return [{ kind: 'info', text: tt(turn.language, 'reasonNeeded', { platform: plan.platform.name }) }];
  }

  private async returnPlan(turn: TurnContext, plan: StoredPlan, reason: string): Promise<Reply[]> {
    const { language } = turn;
    if (!isUnderReview(plan.status)) return this.notUnderReview(turn, plan);
    const text = reason.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
    if (!text) return this.askReason(turn, plan);
    const events = await this.deps.reviews.list(plan.id);
    const round = Math.max(1, currentRound(events));
    const now = turn.clock.now();
    await this.deps.reviews.add(plan.id, { round, kind: 'returned', text, by: turn.user.ref, at: now });
    await this.deps.plans.setStatus(plan.id, 'returned', now);
    const comments = openComments(events);
    const sections = this.deps.template().sections;
    const count = await tellBoard(this.deps, plan.platform.id, (lang) => {
      const lines = sections.flatMap((s) =>
        (comments.get(s.id) ?? []).map((c) => tt(lang, 'boardComment', { title: s.title[lang], text: c.text })),
      );
      return tt(lang, 'boardReturned', {
        platform: plan.platform.name,
        reason: text,
        comments: lines.length ? `\n\n${lines.join('\n')}` : '',
      });
    });
    await this.deps.notifier.notify(
      tt('nl', 'notify', { name: turn.user.displayName ?? turn.user.ref, platform: plan.platform.name, what: tt('nl', 'notifyReturned') }),
      [turn.user.ref],
    );
    return [
      {
        kind: 'info',
        text: tt(language, 'returned', { platform: plan.platform.name, round, count, comments: [...comments.values()].flat().length }),
      },
    ];
  }

  private async accept(turn: TurnContext, plan: StoredPlan): Promise<Reply[]> {
    if (!isUnderReview(plan.status)) return this.notUnderReview(turn, plan);
    const round = Math.max(1, currentRound(await this.deps.reviews.list(plan.id)));
    const now = turn.clock.now();
    await this.deps.reviews.add(plan.id, { round, kind: 'accepted', by: turn.user.ref, at: now });
    await this.deps.plans.setStatus(plan.id, 'accepted', now);
    const count = await tellBoard(this.deps, plan.platform.id, (lang) => tt(lang, 'boardAccepted', { platform: plan.platform.name }));
    await this.deps.notifier.notify(
      tt('nl', 'notify', { name: turn.user.displayName ?? turn.user.ref, platform: plan.platform.name, what: tt('nl', 'notifyAccepted') }),
      [turn.user.ref],
    );
    return [{ kind: 'info', text: tt(turn.language, 'accepted', { platform: plan.platform.name, round, count }) }];
  }

  private notUnderReview(turn: TurnContext, plan: StoredPlan): Reply[] {
    return [
      {
        kind: 'info',
        text: tt(turn.language, 'notUnderReview', { platform: plan.platform.name, status: planStatusLabel(plan.status, turn.language) }),
      },
    ];
  }
}

/** One line per round: when it was handed in, and how it ended (returned with the reason, or accepted). */
export function roundHistory(events: readonly ReviewEvent[], language: Language): string[] {
  const rounds = new Map<number, string[]>();
  for (const e of events) {
    if (e.kind === 'comment') continue;
    const what = tt(language, `ev_${e.kind}`, { date: formatDate(e.at, language, { month: 'short' }), text: e.text });
    rounds.set(e.round, [...(rounds.get(e.round) ?? []), what]);
  }
  return [...rounds.entries()].map(([round, whats]) => tt(language, 'historyLine', { round, what: whats.join(', ') }));
}
