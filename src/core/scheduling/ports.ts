/** A database lease: one instance runs a scheduled job at a time, another takes over when it dies. */
export interface LeaseStore {
  acquire(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}
