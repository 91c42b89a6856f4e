/**
 * Who is talking. The core knows people by `discord:USERID`; display names come with most events
 * but not all (a partial DM, a bare REST payload), so the last one seen is kept per user and used
 * when an event lacks it.
 */
const PREFIX = 'discord:';

export function userRefOf(userId: string): string {
  return PREFIX + userId;
}

/** The Discord user id of a `discord:ID` ref, or null for refs of other surfaces. */
export function userIdOf(userRef: string): string | null {
  if (!userRef.startsWith(PREFIX)) return null;
  const id = userRef.slice(PREFIX.length);
  return /^\d{5,25}$/.test(id) ? id : null;
}

export interface NamedUser {
  id: string;
  username: string;
  globalName?: string | null;
}

export interface NamedMember {
  nickname?: string | null;
}

/** The name people see: server nickname, then global display name, then username. */
export function displayNameOf(user: NamedUser, member?: NamedMember | null): string {
  return member?.nickname?.trim() || user.globalName?.trim() || user.username;
}

/** A bounded most-recently-used map of user id → display name. */
export class DisplayNames {
  private readonly names = new Map<string, string>();
  constructor(private readonly capacity = 5000) {}

  remember(userId: string, name: string | undefined): string | undefined {
    const known = name?.trim() || undefined;
    if (known === undefined) return this.get(userId);
    this.names.delete(userId);
    this.names.set(userId, known);
    if (this.names.size > this.capacity) {
      const oldest = this.names.keys().next();
      if (!oldest.done) this.names.delete(oldest.value);
    }
    return known;
  }

  get(userId: string): string | undefined {
    const name = this.names.get(userId);
    if (name !== undefined) {
      this.names.delete(userId);
      this.names.set(userId, name);
    }
    return name;
  }

  get size(): number {
    return this.names.size;
  }
}
