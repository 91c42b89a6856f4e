/** Sign-ups for events (workshops) as the core sees them; storage implements this on Prisma. */

export interface Attendee {
  userRef: string;
  displayName: string | null;
  language: 'nl' | 'en';
  remindersOff: boolean;
}

export interface EventSignupStore {
  /** False when the person was already signed up. */
  signUp(eventId: string, userRef: string, at: Date): Promise<boolean>;
  /** False when the person was not signed up. */
  signOff(eventId: string, userRef: string): Promise<boolean>;
  /** Event ids the person signed up for. */
  eventsOf(userRef: string): Promise<string[]>;
  /** Everyone signed up, by event id. */
  attendees(): Promise<Map<string, Attendee[]>>;
}
