/**
 * Who may read or change what. One place, so every surface (chat, web page, CLI over chat) asks
 * the same question the same way.
 */
import type { UserRecord } from '../ports.js';
import type { PlatformRecord, PlatformStore } from './ports.js';

export class AccessPolicy {
  constructor(private readonly platforms: PlatformStore) {}

  /** Coordinators: a global coordinator/admin role, or coordinator of any platform. */
  async isCoordinator(user: Pick<UserRecord, 'ref' | 'role'>): Promise<boolean> {
    if (user.role === 'coordinator' || user.role === 'admin') return true;
    return (await this.platforms.membershipsOf(user.ref)).some((m) => m.role === 'coordinator');
  }

  async canUsePlan(user: Pick<UserRecord, 'ref' | 'role'>, platform: PlatformRecord): Promise<boolean> {
    const memberships = await this.platforms.membershipsOf(user.ref);
    if (memberships.some((m) => m.platform.id === platform.id)) return true;
    return this.isCoordinator(user);
  }
}
