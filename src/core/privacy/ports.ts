/** Personal data: what is stored about a person, and forgetting it on request. */
export interface PersonalData {
  user: { ref: string; displayName: string | null; language: string | null; role: string; remindersOff: boolean; createdAt: string };
  memberships: Array<{ platform: string; role: string }>;
  /** Chat lines in the person's own conversations, and since when (older ones are pruned). */
  messages: { count: number; oldest: string | null };
  questions: Array<{ text: string; createdAt: string }>;
  feedback: number;
  planSections: Array<{ platform: string; section: string; updatedAt: string }>;
  planDrafts: Array<{ platform: string; section: string; updatedAt: string }>;
  joinRequests: Array<{ platform: string; status: string }>;
  /** Web chat notices to the person (reminders, coordinator answers) and notices that name them. */
  notices: Array<{ text: string; createdAt: string }>;
  /** Browsers signed in as the person (web chat). */
  webSessions: Array<{ createdAt: string; lastSeenAt: string }>;
  /** Messages received in the last day, kept so each is answered once (the inbox). */
  recentInbox: number;
  /** Keuzes the person recorded for a platform (the choice stays the platform's when forgotten). */
  choices: Array<{ platform: string; path: string; at: string }>;
  /** Initiatives the person registered as contact. */
  initiatives: Array<{ buurt: string; createdAt: string }>;
  /** Events (workshops) the person signed up for, by event id. */
  eventSignups: Array<{ event: string; createdAt: string }>;
  /** January decisions the person recorded as coordinator (they stay, without the name, when forgotten). */
  decisions: Array<{ platform: string; outcome: string; at: string }>;
  /** Review comments, returns and acceptances the person made as coordinator (the same). */
  reviews: Array<{ platform: string; kind: string; at: string }>;
}

export interface PrivacyStore {
  export(userRef: string): Promise<PersonalData | null>;
  /**
   * Deletes the person and what they typed in chat. Plan texts stay (they belong to the platform)
   * and lose only their authorship. Texts are never searched for the person's name: a name like
   * "de" or "Vera" would rewrite other people's words.
   */
  forget(userRef: string): Promise<{ deleted: boolean; planSectionsAnonymised: number }>;
  /**
   * Retention: chat transcript lines and web notices older than `before`, sign-in sessions unused
   * since then and expired login codes are deleted; returns how many of each.
   */
  pruneOlderThan(before: Date, now: Date): Promise<{ messages: number; notices: number; sessions: number }>;
}
