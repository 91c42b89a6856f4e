/**
 * Coordinators review a handed-in Plan van Aanpak: comments per section, then accept it or return
 * it with a reason. The board is told in chat (each in their own language), sees the comments beside
 * the sections when they open the plan, revises and hands it in again: a new round. Every step is a
 * ReviewEvent, so the rounds are the plan's history.
 */
import { matchCommandRaw, type CommandSpec } from '../commands.js';
import { formatDate } from '../dates.js';
import type { Bilingual, Language } from '../language.js';
import type { Reply } from '../messages.js';
import type { PlanTemplate } from '../plan/index.js';
import { isUnderReview, planStatusLabel } from '../plan/status.js';
import type { AccessPolicy } from '../platforms/access.js';
import type { CoordinatorNotifier, PlanStore, PlatformStore, StoredPlan } from '../platforms/ports.js';
import type { Outbox } from '../ports.js';
import { tellBoard } from '../platforms/tell-board.js';
import type { ReviewEvent, ReviewStore } from '../review/ports.js';
import { currentRound, openComments } from '../review/rounds.js';
import { textCatalog } from '../texts.js';
import type { Feature, TurnContext } from '../turn.js';

const WORDS = {
  review: ['beoordelen', 'beoordeel', 'review'],
  comment: ['opmerking', 'comment'],
  return: ['terugsturen', 'stuur terug', 'return'],
  accept: ['accepteren', 'accepteer', 'accept'],
};

const T = {
  onlyCoordinators: { nl: 'Plannen beoordelen doen coördinatoren.', en: 'Coordinators review plans.' },
  unknownPlatform: {
    nl: 'Ik ken geen platform "{query}". Typ `platforms` voor de lijst.',
    en: 'I do not know a platform "{query}". Type `platforms` for the list.',
  },
  nothingWaiting: { nl: 'Er wachten geen ingediende plannen op een beoordeling.', en: 'No handed-in plans are waiting for a review.' },
  waiting: { nl: 'Deze plannen wachten op een beoordeling:', en: 'These plans are waiting for a review:' },
  notUnderReview: {
    nl: 'Het plan van {platform} is nu {status}: er valt niets te beoordelen tot het (opnieuw) is ingediend.',
    en: 'The plan of {platform} is {status} now: there is nothing to review until it is handed in (again).',
  },
  title: {
    nl: '🔎 **Beoordeling: Plan van Aanpak van {platform}** — ronde {round}, {status}',
    en: '🔎 **Review: Plan van Aanpak of {platform}** — round {round}, {status}',
  },
  empty: { nl: '(niet ingevuld)', en: '(not filled in)' },
  commentLine: { nl: '   💬 {name}: {text}', en: '   💬 {name}: {text}' },
  how: {
    nl: 'Opmerking bij een onderdeel: `opmerking {slug} <nr> <tekst>`. Dan `accepteren {slug}`, of `terugsturen {slug} <reden>`.',
    en: 'Comment on a part: `comment {slug} <nr> <text>`. Then `accept {slug}`, or `return {slug} <reason>`.',
  },
  history: { nl: '**Rondes:**', en: '**Rounds:**' },
  historyLine: { nl: '• Ronde {round}: {what}', en: '• Round {round}: {what}' },
  ev_submitted: { nl: 'ingediend op {date}', en: 'handed in on {date}' },
  ev_returned: { nl: 'teruggestuurd op {date} ({text})', en: 'returned on {date} ({text})' },
  ev_accepted: { nl: 'geaccepteerd op {date}', en: 'accepted on {date}' },
  commentHow: {
    nl: 'Typ `opmerking <platform> <nr van het onderdeel> <tekst>`, bijvoorbeeld `opmerking wyck 3 Maak de doelen concreter`.',
    en: 'Type `comment <platform> <number of the part> <text>`, for example `comment wyck 3 Make the goals more concrete`.',
  },
  unknownSection: {
    nl: 'Het plan heeft geen onderdeel "{query}". Gebruik het nummer (1 tot {total}).',
    en: 'The plan has no part "{query}". Use the number (1 to {total}).',
  },
  commented: {
    nl: 'Opmerking bij "{title}" genoteerd (ronde {round}). Het bestuur ziet hem als je het plan terugstuurt.',
    en: 'Comment on "{title}" noted (round {round}). The board sees it when you return the plan.',
  },
  reasonNeeded: {
    nl: 'Waarom stuur je het plan van {platform} terug? Typ de reden (één of twee zinnen).',
    en: 'Why are you returning the plan of {platform}? Type the reason (a sentence or two).',
  },
  returned: {
    nl: 'Het plan van {platform} is teruggestuurd (ronde {round}). Het bestuur ({count}) heeft de reden en {comments} opmerking(en) gekregen.',
    en: 'The plan of {platform} was returned (round {round}). The board ({count}) got the reason and {comments} comment(s).',
  },
  accepted: {
    nl: 'Het plan van {platform} is geaccepteerd (ronde {round}). Het bestuur ({count}) heeft bericht gekregen.',
    en: 'The plan of {platform} is accepted (round {round}). The board ({count}) has been told.',
  },
  boardReturned: {
    nl: '↩️ **Jullie Plan van Aanpak ({platform}) is teruggestuurd**\nReden: {reason}{comments}\n\nTyp `plan` om de onderdelen aan te passen; dien het daarna opnieuw in met `indienen`.',
    en: '↩️ **Your Plan van Aanpak ({platform}) was returned**\nReason: {reason}{comments}\n\nType `plan` to change the parts; then hand it in again with `submit`.',
  },
  boardComment: { nl: '• {title}: {text}', en: '• {title}: {text}' },
  boardAccepted: {
    nl: '✅ **Jullie Plan van Aanpak ({platform}) is geaccepteerd.** Dank jullie wel!',
    en: '✅ **Your Plan van Aanpak ({platform}) is accepted.** Thank you!',
  },
  notify: { nl: '🔎 {name}: plan van {platform} {what}.', en: '🔎 {name}: plan of {platform} {what}.' },
  notifyReturned: { nl: 'teruggestuurd', en: 'returned' },
  notifyAccepted: { nl: 'geaccepteerd', en: 'accepted' },
  accept: { nl: 'Accepteren', en: 'Accept' },
  returnButton: { nl: 'Terugsturen…', en: 'Return…' },
  helpCoordinator: {
    nl: '• Coördinatoren: `beoordelen` — ingediende plannen van opmerkingen voorzien, accepteren of terugsturen',
    en: '• Coordinators: `review` — comment on handed-in plans, accept or return them',
  },
  someone: { nl: 'coördinator', en: 'coordinator' },
  typedReview: { nl: 'beoordelen', en: 'review' },
  typedAccept: { nl: 'accepteren', en: 'accept' },
  typedReturn: { nl: 'terugsturen', en: 'return' },
} satisfies Record<string, Bilingual>;

const tt = textCatalog(T);

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
