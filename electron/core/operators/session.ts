import { DEFAULT_LOCK_MINUTES, type Role } from '../../../shared/domain/permissions';

export interface SessionOperator {
  id: number | null;
  name: string;
  role: Role;
}

export { DEFAULT_LOCK_MINUTES };
/** Wrong passwords allowed before each further try has to wait. */
export const FREE_TRIES = 5;

/**
 * Who is logged in to this context. One per process: the Electron window or the browser host serves one clerk
 * at a time. Kept in memory only, so a restart means logging in again.
 */
export class OperatorSession {
  current: SessionOperator | null = null;
  lockMinutes = DEFAULT_LOCK_MINUTES;
  private lastActivity = 0;
  private failures = 0;
  private blockedUntil = 0;

  login(op: SessionOperator, now: number): void {
    this.current = op;
    this.lastActivity = now;
    this.failures = 0;
    this.blockedUntil = 0;
  }

  logout(): void {
    this.current = null;
  }

  /** True when the idle time has passed; the caller logs out. */
  idle(now: number): boolean {
    return this.current !== null && now - this.lastActivity > this.lockMinutes * 60_000;
  }

  touch(now: number): void {
    this.lastActivity = now;
  }

  /** Seconds still to wait before the next try, 0 when a try is allowed. */
  waitSeconds(now: number): number {
    return Math.max(0, Math.ceil((this.blockedUntil - now) / 1000));
  }

  /** After the fifth wrong password: 30 s, then doubling, at most 15 min. */
  failed(now: number): void {
    this.failures += 1;
    if (this.failures >= FREE_TRIES) {
      const wait = Math.min(30_000 * 2 ** (this.failures - FREE_TRIES), 15 * 60_000);
      this.blockedUntil = now + wait;
    }
  }
}
