/**
 * Reminders as the running bot sees them: gathers where every platform stands, plans the due
 * deliveries with the pure planner, and sends them through the surfaces exactly once.
 */
import type { Clock } from '../clock.js';
import { pick, type Language } from '../language.js';
import type { Button } from '../messages.js';
import { overview, type PlanState, type PlanTemplate } from '../plan/index.js';
import type { PlanStore, PlatformStore } from '../platforms/ports.js';
import type { Logger, Messenger, Outbox } from '../ports.js';
import type { EventSignupStore } from '../events/ports.js';
import { EVENT_COMMANDS } from '../features/events.js';
import {
  planDeliveries,
  runReminderTick,
  type Deadline,
  type DeliveryStore,
  type PlanInput,
  type PlannedDelivery,
  type PlatformReminderState,
  type ReminderChannel,
  type ReminderSettingsInput,
  type Sleep,
} from '../reminders/index.js';

export interface ReminderServiceDeps {
  platforms: PlatformStore;
  plans: PlanStore;
  template: () => PlanTemplate;
  deadlines: () => readonly Deadline[];
  /** True when the platform's keuze leads away from a Plan van Aanpak: no personal plan reminders then. */
  planNotNeeded?: (platformId: string) => Promise<boolean>;
  /** Who signed up for events: they get a reminder the day before. */
  signups?: EventSignupStore;
  messengers: () => Messenger[];
  outbox: Outbox;
  store: DeliveryStore;
  settings: ReminderSettingsInput;
  clock: Clock;
  logger: Logger;
  sleep: Sleep;
}

export class ReminderService {
  constructor(private readonly deps: ReminderServiceDeps) {}

  /** Where every platform stands, for the planner (and the digest). */
  async platformStates(at: Date): Promise<PlatformReminderState[]> {
    const template = this.deps.template();
    const states: PlatformReminderState[] = [];
    for (const platform of await this.deps.platforms.list()) {
      const plan = await this.deps.plans.load(platform);
      const state: PlanState = { sections: plan.sections };
      const view = overview(template, state, { now: at, deadline: template.deadline.at, timeZone: template.deadline.timeZone });
      const members = await this.deps.platforms.members(platform.id);
      states.push({
        slug: platform.slug,
        name: platform.name,
        // A returned plan must be handed in again: its board is reminded like one still writing.
        submitted: plan.status !== 'draft' && plan.status !== 'returned',
        planNotNeeded: (await this.deps.planNotNeeded?.(platform.id)) ?? false,
        missingSections: view.missing.map((m) => ({ id: m.id, title: m.title })),
        board: members
          .filter((m) => m.role === 'board')
          .map((m) => ({ userRef: m.userRef, language: (m.language ?? 'nl') satisfies Language, remindersOff: m.remindersOff })),
      });
    }
    return states;
  }

  channels(): ReminderChannel[] {
    const out: ReminderChannel[] = [];
    for (const m of this.deps.messengers()) {
      if (m.channels.announcements) out.push({ surface: m.surface, channelId: m.channels.announcements, kind: 'announcements' });
      if (m.channels.coordinators) out.push({ surface: m.surface, channelId: m.channels.coordinators, kind: 'coordinators' });
    }
    return out;
  }

  async planInput(at: Date): Promise<PlanInput> {
    return {
      at,
      deadlines: this.deps.deadlines(),
      platforms: await this.platformStates(at),
      coordinators: [],
      channels: this.channels(),
      settings: this.deps.settings,
      ...(this.deps.signups ? { attendees: await this.deps.signups.attendees() } : {}),
    };
  }

  /** What would go out at `at` (nothing is sent or recorded). */
  async due(at: Date): Promise<PlannedDelivery[]> {
    return planDeliveries(await this.planInput(at)).filter((d) => d.status === 'due');
  }

  /** Sends what is due now (or at `at`), records skips; safe to run concurrently on several instances. */
  async send(at: Date = this.deps.clock.now()) {
    const result = await runReminderTick({
      planInput: await this.planInput(at),
      store: this.deps.store,
      sleep: this.deps.sleep,
      send: (delivery) => this.deliver(delivery),
    });
    if (result.sent || result.failed) this.deps.logger.info({ ...result }, 'reminders tick');
    return result;
  }

  private async deliver(delivery: PlannedDelivery): Promise<void> {
    const reply = { kind: 'notice' as const, text: delivery.text };
    const event = this.deps.deadlines().find((d) => d.id === delivery.deadlineId && d.kind === 'event');
    if (delivery.target.kind === 'user') {
      // A personal reminder people can act on at once: go on with the plan (or sign off from the
      // event it is about), or stop these messages.
      const buttons = event ? eventButtons(event, delivery.language, 'signoff') : reminderButtons(delivery.language);
      await this.deps.outbox.toUser(delivery.target.userRef, [
        { ...reply, language: delivery.language, deadline: delivery.deadlineAt, buttons },
      ]);
      return;
    }
    const { surface, channelId } = delivery.target;
    const messenger = this.deps.messengers().find((m) => m.surface === surface);
    if (!messenger) throw new Error(`surface ${surface} is not running`);
    // A post about an event people sign up for carries the sign-up button: whoever presses it signs up.
    await messenger.postToChannel(channelId, [event?.signup ? { ...reply, buttons: eventButtons(event, 'nl', 'signup') } : reply]);
  }
}

const REMINDER_BUTTONS = {
  plan: { nl: 'Verder met het plan', en: 'Continue the plan' },
  off: { nl: 'Herinneringen uit', en: 'Reminders off' },
  /** Typed instead of pressing "off" (the account feature's command). */
  typedOff: { nl: 'herinneringen uit', en: 'reminders off' },
} as const;

const EVENT_BUTTONS = {
  signup: { nl: 'Aanmelden', en: 'Sign up' },
  signoff: { nl: 'Afmelden', en: 'Sign off' },
} as const;

/** Sign up for (or off from) the event a reminder is about; typed: `aanmelden workshop <id>`. */
function eventButtons(event: Deadline, language: Language, verb: 'signup' | 'signoff'): Button[] {
  const typed = pick(EVENT_COMMANDS[verb], language);
  return [
    {
      id: `event:${verb}:${event.id}`,
      label: EVENT_BUTTONS[verb][language],
      typed: `${typed} ${event.id}`,
      ...(verb === 'signup' ? { style: 'primary' as const } : {}),
    },
  ];
}

/** The buttons under a personal reminder; each has the typed twin that does the same. */
function reminderButtons(language: Language): Button[] {
  return [
    { id: 'plan:open-own', label: REMINDER_BUTTONS.plan[language], typed: 'plan', style: 'primary' },
    { id: 'account:reminders-off', label: REMINDER_BUTTONS.off[language], typed: REMINDER_BUTTONS.typedOff[language] },
  ];
}
