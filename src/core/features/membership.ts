/**
 * Joining a platform from chat: a volunteer asks (`aanmelden <platform>`), coordinators are told
 * and approve or reject (`goedkeuren <nr>` / buttons). `platforms` lists what exists.
 */
import { matchCommand, matchCommandRaw, type CommandSpec } from '../commands.js';
import type { Bilingual, Language } from '../language.js';
import type { Reply } from '../messages.js';
import type { AccessPolicy } from '../platforms/access.js';
import type { CoordinatorNotifier, JoinRequestRecord, PlatformStore } from '../platforms/ports.js';
import { textCatalog } from '../texts.js';
import type { Feature, TurnContext } from '../turn.js';

const WORDS = {
  list: ['platforms', 'platformen', 'welke platforms', 'list platforms'],
  join: ['aanmelden', 'aanmelden bij', 'lid worden', 'lid worden van', 'join'],
  requests: ['verzoeken', 'aanmeldingen', 'requests', 'join requests'],
  approve: ['goedkeuren', 'approve'],
  reject: ['afwijzen', 'reject'],
};

const T = {
  list: { nl: 'Deze buurtplatforms staan in buurtbot:', en: 'These buurtplatforms are in buurtbot:' },
  none: {
    nl: 'Er staan nog geen platforms in buurtbot. Een beheerder voegt ze toe met `buurtbot platform add`.',
    en: 'There are no platforms in buurtbot yet. An admin adds them with `buurtbot platform add`.',
  },
  joinHow: {
    nl: 'Typ `aanmelden <naam van jullie platform>`, bijvoorbeeld `aanmelden {example}`.',
    en: 'Type `join <name of your platform>`, for example `join {example}`.',
  },
  unknown: {
    nl: 'Ik ken geen platform "{query}". Typ `platforms` voor de lijst.',
    en: 'I do not know a platform "{query}". Type `platforms` for the list.',
  },
  already: {
    nl: 'Je bent al lid van {platform}. Typ `plan` om aan het plan te werken.',
    en: 'You are already a member of {platform}. Type `plan` to work on the plan.',
  },
  requested: {
    nl: 'Je aanmelding voor {platform} is doorgestuurd naar de coördinatoren. Je hoort het zodra ze hem hebben goedgekeurd.',
    en: 'Your request to join {platform} has been sent to the coordinators. You will hear once it is approved.',
  },
  notify: {
    nl: '🙋 {name} wil lid worden van {platform}. Typ `goedkeuren {id}` of `afwijzen {id}`.',
    en: '🙋 {name} wants to join {platform}. Type `approve {id}` or `reject {id}`.',
  },
  onlyCoordinators: { nl: 'Dit kunnen alleen coördinatoren doen.', en: 'Only coordinators can do this.' },
  noRequests: { nl: 'Er wachten geen aanmeldingen.', en: 'No join requests are waiting.' },
  requestsTitle: { nl: 'Wachtende aanmeldingen:', en: 'Waiting join requests:' },
  approved: { nl: '{name} is nu lid van {platform}.', en: '{name} is now a member of {platform}.' },
  rejected: { nl: 'De aanmelding van {name} voor {platform} is afgewezen.', en: 'The request of {name} to join {platform} was rejected.' },
  gone: {
    nl: 'Die aanmelding bestaat niet (meer) of is al behandeld.',
    en: 'That request does not exist (any more) or was already handled.',
  },
  helpLine: {
    nl: '• `platforms` en `aanmelden <platform>` — lid worden van jullie buurtplatform',
    en: '• `platforms` and `join <platform>` — become a member of your buurtplatform',
  },
  helpCoordinator: {
    nl: '• Coördinatoren: `verzoeken`, `goedkeuren <nr>`, `afwijzen <nr>`',
    en: '• Coordinators: `requests`, `approve <nr>`, `reject <nr>`',
  },
  approve: { nl: 'Goedkeuren', en: 'Approve' },
  reject: { nl: 'Afwijzen', en: 'Reject' },
  typedApprove: { nl: 'goedkeuren', en: 'approve' },
  typedReject: { nl: 'afwijzen', en: 'reject' },
} satisfies Record<string, Bilingual>;

const tt = textCatalog(T);

export class MembershipFeature implements Feature {
  readonly name = 'membership';
  readonly commands: readonly CommandSpec[] = [
    { id: 'list', words: WORDS.list, scope: 'outside-flow' },
    { id: 'join', words: WORDS.join, scope: 'outside-flow', argument: true },
    { id: 'requests', words: WORDS.requests, scope: 'outside-flow' },
    { id: 'approve', words: WORDS.approve, scope: 'outside-flow', argument: true },
    { id: 'reject', words: WORDS.reject, scope: 'outside-flow', argument: true },
  ];
  constructor(private readonly deps: { platforms: PlatformStore; access: AccessPolicy; notifier: CoordinatorNotifier }) {}

  helpLines(language: Language, audience?: { coordinator: boolean }): string[] {
    return audience?.coordinator ? [tt(language, 'helpLine'), tt(language, 'helpCoordinator')] : [tt(language, 'helpLine')];
  }

  async handle(turn: TurnContext): Promise<Reply[] | null> {
    const { language, text } = turn;
    const action = turn.message.action;
    if (action?.startsWith('join:approve:')) return this.decide(turn, action.slice('join:approve:'.length), true);
    if (action?.startsWith('join:reject:')) return this.decide(turn, action.slice('join:reject:'.length), false);
    if (matchCommand(text, WORDS.list) === '') return [await this.list(language)];
    const join = matchCommandRaw(text, WORDS.join);
    if (join !== null) return this.join(turn, join);
    if (matchCommand(text, WORDS.requests) === '') return this.requests(turn);
    const approve = matchCommand(text, WORDS.approve);
    if (approve) return this.decide(turn, approve, true);
    const reject = matchCommand(text, WORDS.reject);
    if (reject) return this.decide(turn, reject, false);
    return null;
  }

  private async list(language: Language): Promise<Reply> {
    const all = await this.deps.platforms.list();
    if (all.length === 0) return { kind: 'info', text: tt(language, 'none') };
    const lines = all.map((p) => `• ${p.name}${p.buurt ? ` (${p.buurt})` : ''} — \`${p.slug}\``);
    return {
      kind: 'info',
      text: [tt(language, 'list'), ...lines, '', tt(language, 'joinHow', { example: all[0]?.slug ?? '' })].join('\n'),
    };
  }

  private async join(turn: TurnContext, query: string): Promise<Reply[]> {
    const { language } = turn;
    if (!query) return [await this.list(language)];
    const platform = await this.deps.platforms.find(query);
    if (!platform) return [{ kind: 'info', text: tt(language, 'unknown', { query }) }];
    const memberships = await this.deps.platforms.membershipsOf(turn.user.ref);
    if (memberships.some((m) => m.platform.id === platform.id))
      return [{ kind: 'info', text: tt(language, 'already', { platform: platform.name }) }];
    const request = await this.deps.platforms.requestJoin(platform.id, turn.user.ref);
    await this.deps.notifier.notify(
      tt('nl', 'notify', { name: turn.user.displayName ?? turn.user.ref, platform: platform.name, id: shortId(request) }),
      [turn.user.ref],
    );
    return [{ kind: 'info', text: tt(language, 'requested', { platform: platform.name }) }];
  }

  private async requests(turn: TurnContext): Promise<Reply[]> {
    const { language } = turn;
    if (!(await this.deps.access.isCoordinator(turn.user))) return [{ kind: 'info', text: tt(language, 'onlyCoordinators') }];
    const pending = await this.deps.platforms.pendingJoinRequests();
    if (pending.length === 0) return [{ kind: 'info', text: tt(language, 'noRequests') }];
    return [
      { kind: 'info', text: tt(language, 'requestsTitle') },
      ...pending.slice(0, 10).map((r) => ({
        kind: 'info' as const,
        ephemeral: true,
        text: `${shortId(r)}: ${r.displayName ?? r.userRef} → ${r.platform.name}`,
        about: [r.userRef],
        buttons: [
          {
            id: `join:approve:${r.id}`,
            label: tt(language, 'approve'),
            typed: `${tt(language, 'typedApprove')} ${shortId(r)}`,
            style: 'primary' as const,
          },
          { id: `join:reject:${r.id}`, label: tt(language, 'reject'), typed: `${tt(language, 'typedReject')} ${shortId(r)}` },
        ],
      })),
    ];
  }

  private async decide(turn: TurnContext, id: string, approve: boolean): Promise<Reply[]> {
    const { language } = turn;
    if (!(await this.deps.access.isCoordinator(turn.user))) return [{ kind: 'info', text: tt(language, 'onlyCoordinators') }];
    const pending = await this.deps.platforms.pendingJoinRequests();
    // People type the short number shown in the list; buttons carry the full id.
    const match = pending.find((r) => r.id === id || shortId(r) === id.trim().toLowerCase());
    const decided = match ? await this.deps.platforms.decideJoin(match.id, approve, turn.user.ref) : null;
    if (!decided) return [{ kind: 'info', text: tt(language, 'gone') }];
    const vars = { name: decided.displayName ?? decided.userRef, platform: decided.platform.name };
    return [{ kind: 'info', text: tt(language, approve ? 'approved' : 'rejected', vars), about: [decided.userRef] }];
  }
}

/** The last 6 characters of the id: short enough to type, unique enough among a few requests. */
function shortId(request: Pick<JoinRequestRecord, 'id'>): string {
  return request.id.slice(-6).toLowerCase();
}
