/** Deadline reminders: curated deadlines, pure planning, the tick that sends, and its schedule. */
export type { Audience, Deadline, DeadlineKind } from './schema.js';
export { deadlineSchema } from './schema.js';
export { formatProblem, parseDeadlines, type DeadlineProblem, type LoadedDeadlines } from './loader.js';
export {
  DEFAULT_REMINDER_SETTINGS,
  reminderSettingsSchema,
  resolveReminderSettings,
  type ReminderSettings,
  type ReminderSettingsInput,
} from './settings.js';
export {
  planDeliveries,
  type DeliveryTarget,
  type PlanInput,
  type PlannedDelivery,
  type PlatformReminderState,
  type ReminderChannel,
  type ReminderRecipient,
} from './plan.js';
export { deadlineInstant, deadlineStatus, upcomingDeadlines, type DeadlineStatus, type UpcomingDeadline } from './status.js';
export { daysLeftLabel, renderChannelPost, renderPersonalReminder } from './render.js';
export { realSleep, type DeliveryInfo, type DeliveryStore, type SendDelivery, type Sleep } from './ports.js';
export { RetryExhaustedError, sendWithRetry, type RetryOptions } from './retry.js';
export { runReminderTick, type ReminderTickDeps, type ReminderTickResult } from './tick.js';
export * as reminderTime from '../time.js';
