import type { PlanInput, PlatformReminderState, ReminderChannel } from '../../src/core/reminders/plan.js';
import type { Deadline } from '../../src/core/reminders/schema.js';
import { AMSTERDAM, localToInstant, parseLocalDateTime, toLocalString } from '../../src/core/time.js';

/** The instant of an Amsterdam wall-clock time written as YYYY-MM-DDTHH:mm. */
export function local(text: string): Date {
  const parsed = parseLocalDateTime(text);
  if (parsed === undefined) throw new Error(`bad local time in test: ${text}`);
  return localToInstant(parsed, AMSTERDAM);
}

export const inAmsterdam = (instant: Date): string => toLocalString(instant, AMSTERDAM);

export function deadline(overrides: Partial<Deadline> = {}): Deadline {
  return {
    id: 'plan-van-aanpak',
    kind: 'deadline',
    title: { nl: 'Plan van Aanpak', en: 'Plan of approach' },
    text: { nl: 'Lever het plan uiterlijk 31 december 2016 in.', en: 'Hand in the plan by 31 December 2016.' },
    at: '2016-12-31T23:59',
    audience: 'unsubmitted',
    leadDays: [30, 14, 7, 3, 1],
    source: 'test',
    ...overrides,
  };
}

export const sections = {
  doelen: { id: 'doelen', title: { nl: 'Doelen', en: 'Goals' } },
  begroting: { id: 'begroting', title: { nl: 'Begroting', en: 'Budget' } },
  bestuur: { id: 'bestuur', title: { nl: 'Bestuur', en: 'Board' } },
};

export function platform(overrides: Partial<PlatformReminderState> = {}): PlatformReminderState {
  return {
    slug: 'wittevrouwenveld',
    name: 'Buurtplatform Wittevrouwenveld',
    submitted: false,
    missingSections: [sections.doelen, sections.begroting],
    board: [
      { userRef: 'slack:T1:U1', language: 'nl', remindersOff: false },
      { userRef: 'discord:G1:U2', language: 'en', remindersOff: false },
    ],
    ...overrides,
  };
}

export const channels: ReminderChannel[] = [
  { surface: 'slack', channelId: 'C123', kind: 'announcements' },
  { surface: 'discord', channelId: 'D456', kind: 'announcements' },
  { surface: 'slack', channelId: 'CCOORD', kind: 'coordinators' },
];

export function planInput(at: Date, overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    at,
    deadlines: [deadline()],
    platforms: [platform()],
    coordinators: [{ userRef: 'slack:T1:UCOORD', language: 'nl', remindersOff: false }],
    channels,
    ...overrides,
  };
}
