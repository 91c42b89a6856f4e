/**
 * Workshops and other events from content/deadlines.yaml: people see them, sign up and off in chat
 * (`aanmelden workshop`, or the button under the reminder), get a reminder the day before, and
 * coordinators see who comes. The calendar feed (all dates, one public URL) is offered here too.
 */
import type { Clock } from '../clock.js';
import { matchCommand, matchCommandRaw, type CommandSpec } from '../commands.js';
import { formatDate } from '../dates.js';
import type { EventSignupStore } from '../events/ports.js';
import { pick, type Bilingual, type Language } from '../language.js';
import type { Button, Reply } from '../messages.js';
import { foldedPhrase } from '../plan/text-fold.js';
import type { AccessPolicy } from '../platforms/access.js';
import { deadlineInstant, type Deadline } from '../reminders/index.js';
import { textCatalog } from '../texts.js';
import type { Feature, TurnContext } from '../turn.js';

const WORDS = {
  list: ['workshops', 'workshop', 'agenda', 'bijeenkomsten', 'events', 'calendar'],
  signUp: ['aanmelden workshop', 'aanmelden voor workshop', 'inschrijven workshop', 'sign up workshop', 'sign up for workshop'],
  signOff: ['afmelden workshop', 'afmelden voor workshop', 'uitschrijven workshop', 'sign off workshop', 'cancel workshop'],
  attendees: ['deelnemers', 'wie komt', 'wie komen er', 'attendees', 'who is coming'],
};

const T = {
  title: { nl: '🗓️ **Workshops en bijeenkomsten**', en: '🗓️ **Workshops and events**' },
  upcoming: { nl: '**Komend:**', en: '**Coming up:**' },
  past: { nl: '**Geweest:**', en: '**Past:**' },
  none: { nl: 'Er staan geen bijeenkomsten meer op de agenda.', en: 'No more events are planned.' },
  signedUp: { nl: ' — ✅ je bent aangemeld', en: ' — ✅ you are signed up' },
  signUpHint: {
    nl: 'Aanmelden: typ `aanmelden workshop` of gebruik de knop. Je krijgt de dag ervoor een herinnering.',
    en: 'Sign up: type `sign up workshop` or use the button. You get a reminder the day before.',
  },
  calendar: { nl: 'Alle datums in je eigen agenda: {url}', en: 'All dates in your own calendar: {url}' },
  signUp: { nl: 'Aanmelden: {title}', en: 'Sign up: {title}' },
  signOff: { nl: 'Afmelden: {title}', en: 'Sign off: {title}' },
  which: { nl: 'Voor welke bijeenkomst?', en: 'Which event?' },
  nothingOpen: {
    nl: 'Er is op dit moment geen bijeenkomst waarvoor je je kunt aanmelden.',
    en: 'There is no event to sign up for right now.',
  },
  done: {
    nl: 'Je bent aangemeld voor {title} op {date}. De dag ervoor krijg je een herinnering. Afmelden kan met `afmelden workshop`.',
    en: 'You are signed up for {title} on {date}. You get a reminder the day before. Sign off with `sign off workshop`.',
  },
  already: { nl: 'Je was al aangemeld voor {title} ({date}).', en: 'You were already signed up for {title} ({date}).' },
  off: { nl: 'Je bent afgemeld voor {title}.', en: 'You are signed off from {title}.' },
  notSignedUp: { nl: 'Je was niet aangemeld voor {title}.', en: 'You were not signed up for {title}.' },
  onlyCoordinators: { nl: 'Wie er komt, zien alleen coördinatoren.', en: 'Only coordinators see who is coming.' },
  attendeesTitle: { nl: '🗓️ **Aanmeldingen**', en: '🗓️ **Sign-ups**' },
  attendeesLine: { nl: '• {title} ({date}): **{count}**{names}', en: '• {title} ({date}): **{count}**{names}' },
  helpLine: {
    nl: '• `workshops` — de bijeenkomsten, aanmelden en je agenda',
    en: '• `workshops` — the events, signing up and your calendar',
  },
  helpCoordinator: { nl: '• Coördinatoren: `deelnemers` — wie zich heeft aangemeld', en: '• Coordinators: `attendees` — who signed up' },
} satisfies Record<string, Bilingual>;

const tt = textCatalog(T);

/** The typed twins of the sign-up buttons (also under reminders, see reminder-service.ts). */
export const EVENT_COMMANDS = {
  signup: { nl: 'aanmelden workshop', en: 'sign up workshop' },
  signoff: { nl: 'afmelden workshop', en: 'sign off workshop' },
} satisfies Record<'signup' | 'signoff', Bilingual>;

export interface EventsFeatureDeps {
  deadlines: () => readonly Deadline[];
  signups: EventSignupStore;
  access: AccessPolicy;
  clock: Clock;
  /** The public calendar feed's URL, when the web server runs. */
  calendarUrl?: () => string | undefined;
}

export class EventsFeature implements Feature {
  readonly name = 'events';
  readonly commands: readonly CommandSpec[] = [
    { id: 'list', words: WORDS.list, scope: 'outside-flow' },
    { id: 'sign-up', words: WORDS.signUp, scope: 'outside-flow', argument: true },
    { id: 'sign-off', words: WORDS.signOff, scope: 'outside-flow', argument: true },
    { id: 'attendees', words: WORDS.attendees, scope: 'outside-flow' },
  ];

  constructor(private readonly deps: EventsFeatureDeps) {}

  helpLines(language: Language, audience?: { coordinator: boolean }): string[] {
    return audience?.coordinator ? [tt(language, 'helpLine'), tt(language, 'helpCoordinator')] : [tt(language, 'helpLine')];
  }

  async handle(turn: TurnContext): Promise<Reply[] | null> {
    const action = turn.message.action;
    if (action?.startsWith('event:signup:')) return this.signUp(turn, this.event(action.slice('event:signup:'.length)));
    if (action?.startsWith('event:signoff:')) return this.signOff(turn, this.event(action.slice('event:signoff:'.length)));
    const text = turn.text;
    if (matchCommand(text, WORDS.list) === '') return this.list(turn);
    if (matchCommand(text, WORDS.attendees) === '') return this.attendees(turn);
    const up = matchCommandRaw(text, WORDS.signUp);
    if (up !== null) return this.pickThen(turn, up, 'signup');
    const off = matchCommandRaw(text, WORDS.signOff);
    if (off !== null) return this.pickThen(turn, off, 'signoff');
    return null;
  }

  /** Events open for sign-up: marked `signup` in content, and not begun yet. */
  private open(): Deadline[] {
    const now = this.deps.clock.now().getTime();
    return this.deps.deadlines().filter((d) => d.kind === 'event' && d.signup === true && deadlineInstant(d).getTime() > now);
  }

  private event(id: string): Deadline | undefined {
    return this.open().find((d) => d.id === id);
  }

  private async list(turn: TurnContext): Promise<Reply[]> {
    const { language } = turn;
    const now = this.deps.clock.now().getTime();
    const events = this.deps
      .deadlines()
      .filter((d) => d.kind === 'event')
      .sort((a, b) => deadlineInstant(a).getTime() - deadlineInstant(b).getTime());
    const mine = new Set(await this.deps.signups.eventsOf(turn.user.ref));
    const line = (d: Deadline) =>
      `• ${formatDate(deadlineInstant(d), language)}: ${d.title[language]}${mine.has(d.id) ? tt(language, 'signedUp') : ''}`;
    const coming = events.filter((d) => deadlineInstant(d).getTime() > now);
    const past = events.filter((d) => deadlineInstant(d).getTime() <= now);
    const open = this.open();
    const url = this.deps.calendarUrl?.();
    const parts = [
      tt(language, 'title'),
      coming.length ? [tt(language, 'upcoming'), ...coming.map(line)].join('\n') : tt(language, 'none'),
      ...(past.length ? [[tt(language, 'past'), ...past.map(line)].join('\n')] : []),
      ...(open.length ? [tt(language, 'signUpHint')] : []),
      ...(url ? [tt(language, 'calendar', { url })] : []),
    ];
    const buttons: Button[] = open.map((d) =>
      mine.has(d.id)
        ? {
            id: `event:signoff:${d.id}`,
            label: shortLabel(tt(language, 'signOff', { title: d.title[language] })),
            typed: `${pick(EVENT_COMMANDS.signoff, language)} ${d.id}`,
          }
        : {
            id: `event:signup:${d.id}`,
            label: shortLabel(tt(language, 'signUp', { title: d.title[language] })),
            typed: `${pick(EVENT_COMMANDS.signup, language)} ${d.id}`,
            style: 'primary',
          },
    );
    return [{ kind: 'info', text: parts.join('\n\n'), buttons }];
  }

  /** `aanmelden workshop [welke]`: the one open event, the one named, or a question which. */
  private async pickThen(turn: TurnContext, query: string, verb: 'signup' | 'signoff'): Promise<Reply[]> {
    const { language } = turn;
    const open = this.open();
    const wanted = foldedPhrase(query);
    const matches = wanted
      ? open.filter(
          (d) =>
            d.id === query.trim().toLowerCase() ||
            foldedPhrase(d.title[language]).includes(wanted) ||
            foldedPhrase(d.title.nl).includes(wanted),
        )
      : open;
    if (matches.length === 1) return verb === 'signup' ? this.signUp(turn, matches[0]) : this.signOff(turn, matches[0]);
    if (open.length === 0) return [{ kind: 'info', text: tt(language, 'nothingOpen') }];
    const key = verb === 'signup' ? 'signUp' : 'signOff';
    return [
      {
        kind: 'info',
        text: tt(language, 'which'),
        buttons: open.map((d) => ({
          id: `event:${verb}:${d.id}`,
          label: shortLabel(tt(language, key, { title: d.title[language] })),
          typed: `${pick(EVENT_COMMANDS[verb], language)} ${d.id}`,
        })),
      },
    ];
  }

  private async signUp(turn: TurnContext, event: Deadline | undefined): Promise<Reply[]> {
    const { language } = turn;
    // A button under an old reminder may name an event that has begun: the clock decides.
    if (!event) return [{ kind: 'info', text: tt(language, 'nothingOpen') }];
    const vars = { title: event.title[language], date: formatDate(deadlineInstant(event), language) };
    const added = await this.deps.signups.signUp(event.id, turn.user.ref, turn.clock.now());
    return [{ kind: 'info', text: tt(language, added ? 'done' : 'already', vars) }];
  }

  private async signOff(turn: TurnContext, event: Deadline | undefined): Promise<Reply[]> {
    const { language } = turn;
    if (!event) return [{ kind: 'info', text: tt(language, 'nothingOpen') }];
    const removed = await this.deps.signups.signOff(event.id, turn.user.ref);
    return [{ kind: 'info', text: tt(language, removed ? 'off' : 'notSignedUp', { title: event.title[language] }) }];
  }

  private async attendees(turn: TurnContext): Promise<Reply[]> {
    const { language } = turn;
    if (!(await this.deps.access.isCoordinator(turn.user))) return [{ kind: 'info', text: tt(language, 'onlyCoordinators') }];
    const all = await this.deps.signups.attendees();
    const events = this.deps.deadlines().filter((d) => d.kind === 'event' && (d.signup === true || all.has(d.id)));
    const lines = events.map((d) => {
      const people = all.get(d.id) ?? [];
      const names = people.length ? ` — ${people.map((p) => p.displayName ?? p.userRef).join(', ')}` : '';
      return tt(language, 'attendeesLine', {
        title: d.title[language],
        date: formatDate(deadlineInstant(d), language, { month: 'short' }),
        count: people.length,
        names,
      });
    });
    const about = [...all.values()].flat().map((p) => p.userRef);
    return [
      {
        kind: 'info',
        ephemeral: true,
        text: [tt(language, 'attendeesTitle'), ...(lines.length ? lines : [tt(language, 'none')])].join('\n'),
        about,
      },
    ];
  }
}

/** Button labels stay short enough for every surface (Discord allows 80, phones show less). */
function shortLabel(label: string): string {
  return label.length > 60 ? `${label.slice(0, 59)}…` : label;
}
