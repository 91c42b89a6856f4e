import type { Bilingual, Language } from '../language.js';
import { outsideQuietHours, isQuietTime, type QuietHours } from './quiet-hours.js';
import { renderChannelPost, renderEventReminder, renderPersonalReminder, type PlatformProgress } from './render.js';
import type { Audience, Deadline } from './schema.js';
import { resolveReminderSettings, type ReminderSettingsInput } from './settings.js';
import { deadlineInstant } from './status.js';
import {
  addLocalDays,
  atTime,
  daysBetweenLocal,
  localParts,
  localToInstant,
  parseLocalDateTime,
  parseLocalTime,
  type LocalDate,
  type LocalDateTime,
  type LocalTime,
} from '../time.js';

export interface ReminderRecipient {
  /** Surface-qualified user reference, e.g. `slack:T1:U1`; part of the delivery key. */
  readonly userRef: string;
  readonly language: Language;
  readonly remindersOff: boolean;
}

export interface PlatformReminderState {
  readonly slug: string;
  readonly name: string;
  readonly submitted: boolean;
  /** The platform chose a path without a Plan van Aanpak (the keuze): its board gets no plan reminders. */
  readonly planNotNeeded?: boolean;
  readonly missingSections: ReadonlyArray<{ readonly id: string; readonly title: Bilingual }>;
  readonly board: readonly ReminderRecipient[];
}

export interface ReminderChannel {
  readonly surface: string;
  readonly channelId: string;
  readonly kind: 'announcements' | 'coordinators';
}

export interface PlanInput {
  /** "Now", from the injected clock. */
  readonly at: Date;
  readonly deadlines: readonly Deadline[];
  readonly platforms: readonly PlatformReminderState[];
  /** Accepted for completeness; coordinators are reached through coordinators channels only, never personally. */
  readonly coordinators: readonly ReminderRecipient[];
  readonly channels: readonly ReminderChannel[];
  /** People signed up for events (`signup: true`), by event id: they get a message the day before. */
  readonly attendees?: ReadonlyMap<string, readonly ReminderRecipient[]>;
  /** Missing fields take the defaults (Europe/Amsterdam, quiet 21:00-08:00, posts at 10:00, 36 h grace). */
  readonly settings?: ReminderSettingsInput;
}

export type DeliveryTarget =
  { readonly kind: 'channel'; readonly surface: string; readonly channelId: string } | { readonly kind: 'user'; readonly userRef: string };

export interface PlannedDelivery {
  /** `${deadlineId}:${leadDays}:channel:${surface}:${channelId}` or `${deadlineId}:${leadDays}:user:${userRef}`. */
  readonly key: string;
  readonly deadlineId: string;
  readonly leadDays: number;
  /** When it was meant to go out. */
  readonly moment: Date;
  /** `skip`: not to be sent, only recorded (see `skipReason`). */
  readonly status: 'due' | 'skip';
  /** `late`: its moment is further back than the grace window; `superseded`: a newer reminder for the same thing is due. */
  readonly skipReason?: 'late' | 'superseded';
  readonly target: DeliveryTarget;
  /** `nl` for channel posts (they carry the English line too); the reader's language for personal messages. */
  readonly language: Language;
  readonly text: string;
  readonly deadlineAt: Date;
}

interface Slot {
  readonly leadDays: number;
  readonly moment: Date;
  readonly status: 'due' | 'skip';
  readonly skipReason?: 'late' | 'superseded';
}

const CHANNEL_KIND: Record<Audience, ReminderChannel['kind']> = {
  everyone: 'announcements',
  unsubmitted: 'announcements',
  coordinators: 'coordinators',
};

/**
 * Pure: every reminder whose moment has come at `input.at`, as `due` (send now) or `skip` (record only).
 * Future moments and deadlines that have passed yield nothing. Callers dedupe by `key`.
 */
export function planDeliveries(input: PlanInput): PlannedDelivery[] {
  const settings = resolveReminderSettings(input.settings);
  const zone = settings.timeZone;
  const postTime = mustTime(settings.channelPostTime);
  const quiet: QuietHours = { start: mustTime(settings.quietHours.start), end: mustTime(settings.quietHours.end) };
  const graceMs = settings.graceHours * 3_600_000;
  const at = input.at;
  const quietNow = isQuietTime(localParts(at, zone), quiet);
  const recipients = personalRecipients(input.platforms);

  const deliveries: PlannedDelivery[] = [];
  for (const deadline of input.deadlines) {
    const deadlineAt = deadlineInstant(deadline, zone);
    if (at.getTime() >= deadlineAt.getTime()) continue; // nothing is ever said about what has passed
    const day = deadlineDate(deadline);
    const daysLeft = daysBetweenLocal(at, deadlineAt, zone);
    const common = { deadlineId: deadline.id, deadlineAt };

    const channelSlots = classify(
      deadline.leadDays.map((lead) => ({ lead, local: atTime(addLocalDays(day, -lead), postTime) })),
      zone,
      at,
      deadlineAt,
      graceMs,
    );
    const channelText = renderChannelPost(deadline, daysLeft);
    for (const slot of channelSlots) {
      for (const channel of input.channels) {
        if (channel.kind !== CHANNEL_KIND[deadline.audience]) continue;
        deliveries.push({
          ...common,
          ...slotFields(slot),
          key: `${deadline.id}:${slot.leadDays}:channel:${channel.surface}:${channel.channelId}`,
          target: { kind: 'channel', surface: channel.surface, channelId: channel.channelId },
          language: 'nl',
          text: channelText,
        });
      }
    }

    // The day before an event: those who signed up, never while they sleep. One lead time, so the
    // event's own lead days (for the channel posts) do not apply.
    const attendees =
      deadline.kind === 'event' && deadline.signup ? (input.attendees?.get(deadline.id) ?? []).filter((a) => !a.remindersOff) : [];
    if (attendees.length && !quietNow) {
      const [slot] = classify(
        [{ lead: 1, local: outsideQuietHours(addLocalDays(day, -1), postTime, quiet) }],
        zone,
        at,
        deadlineAt,
        graceMs,
      );
      for (const attendee of slot ? attendees : []) {
        deliveries.push({
          ...common,
          ...slotFields(slot as Slot),
          key: `${deadline.id}:1:user:${attendee.userRef}`,
          target: { kind: 'user', userRef: attendee.userRef },
          language: attendee.language,
          text: renderEventReminder(deadline, attendee.language),
        });
      }
    }

    // Personal messages: board members only, and never while people sleep.
    if (deadline.audience !== 'unsubmitted' || quietNow || recipients.length === 0) continue;
    const personalSlots = classify(
      deadline.leadDays.map((lead) => ({ lead, local: outsideQuietHours(addLocalDays(day, -lead), postTime, quiet) })),
      zone,
      at,
      deadlineAt,
      graceMs,
    );
    for (const slot of personalSlots) {
      for (const recipient of recipients) {
        deliveries.push({
          ...common,
          ...slotFields(slot),
          key: `${deadline.id}:${slot.leadDays}:user:${recipient.userRef}`,
          target: { kind: 'user', userRef: recipient.userRef },
          language: recipient.language,
          text: renderPersonalReminder(deadline, daysLeft, recipient.language, recipient.platforms),
        });
      }
    }
  }
  return deliveries;
}

/**
 * Moments that have come, newest first. Only the newest can be due: after downtime an older lead time
 * would repeat the same "days left" text, so it is recorded as superseded instead of sent twice.
 */
function classify(
  planned: ReadonlyArray<{ lead: number; local: LocalDateTime }>,
  zone: string,
  at: Date,
  deadlineAt: Date,
  graceMs: number,
): Slot[] {
  const reached = planned
    .map(({ lead, local }) => ({ leadDays: lead, moment: localToInstant(local, zone) }))
    .filter(({ moment }) => moment.getTime() <= at.getTime() && moment.getTime() < deadlineAt.getTime())
    .sort((a, b) => b.moment.getTime() - a.moment.getTime());
  return reached.map((slot, index): Slot => {
    const late = at.getTime() - slot.moment.getTime() > graceMs;
    if (late) return { ...slot, status: 'skip', skipReason: 'late' };
    return index === 0 ? { ...slot, status: 'due' } : { ...slot, status: 'skip', skipReason: 'superseded' };
  });
}

function slotFields(slot: Slot): Pick<PlannedDelivery, 'leadDays' | 'moment' | 'status' | 'skipReason'> {
  return slot.skipReason === undefined
    ? { leadDays: slot.leadDays, moment: slot.moment, status: slot.status }
    : { leadDays: slot.leadDays, moment: slot.moment, status: slot.status, skipReason: slot.skipReason };
}

interface PersonalRecipient {
  readonly userRef: string;
  readonly language: Language;
  readonly platforms: PlatformProgress[];
}

/**
 * Board members of platforms that have not submitted, one entry per person: someone on two boards gets one
 * message listing both (the key has no platform in it). Switching reminders off anywhere means off.
 */
function personalRecipients(platforms: readonly PlatformReminderState[]): PersonalRecipient[] {
  const byUser = new Map<string, PersonalRecipient>();
  const off = new Set<string>();
  for (const platform of platforms) {
    if (platform.submitted || platform.planNotNeeded) continue;
    const progress: PlatformProgress = {
      name: platform.name,
      missingSectionTitles: platform.missingSections.map((section) => section.title),
    };
    for (const member of platform.board) {
      if (member.remindersOff) off.add(member.userRef);
      const existing = byUser.get(member.userRef);
      if (existing === undefined) {
        byUser.set(member.userRef, { userRef: member.userRef, language: member.language, platforms: [progress] });
      } else if (!existing.platforms.includes(progress)) {
        existing.platforms.push(progress);
      }
    }
  }
  return [...byUser.values()].filter((recipient) => !off.has(recipient.userRef));
}

function deadlineDate(deadline: Deadline): LocalDate {
  const local = parseLocalDateTime(deadline.at);
  if (local === undefined) throw new Error(`deadline "${deadline.id}" has an invalid date-time: ${deadline.at}`);
  return local;
}

function mustTime(text: string): LocalTime {
  const time = parseLocalTime(text);
  if (time === undefined) throw new Error(`not a time of day: ${text}`); // the settings schema already refused it
  return time;
}
