/** Personal data: what is stored about a person, and forgetting it on request. */
export interface PersonalData {
  user: { ref: string; displayName: string | null; language: string | null; role: string; remindersOff: boolean; createdAt: string };
  memberships: Array<{ platform: string; role: string }>;
  messages: number;
  questions: Array<{ text: string; createdAt: string }>;
  feedback: number;
  planSections: Array<{ platform: string; section: string; updatedAt: string }>;
  joinRequests: Array<{ platform: string; status: string }>;
}

export interface PrivacyStore {
  export(userRef: string): Promise<PersonalData | null>;
  /**
   * Deletes the person and what they typed in chat. Plan texts stay (they belong to the platform)
   * and lose only their authorship. Texts are never searched for the person's name: a name like
   * "de" or "Vera" would rewrite other people's words.
   */
  forget(userRef: string): Promise<{ deleted: boolean; planSectionsAnonymised: number }>;
  /** Chat transcripts older than `before` are deleted (retention); returns how many. */
  pruneMessages(before: Date): Promise<number>;
}
