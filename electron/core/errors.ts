import { randomUUID } from 'node:crypto';
import type { ErrorCode } from '../../shared/error-codes';
import type { AppErrorData } from '../../shared/result';

/** The only error core code throws on purpose; `message` is shown to the clerk, so it is Chinese. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toData(): AppErrorData {
    return { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) };
  }
}

export const newCorrelationId = (): string => randomUUID().slice(0, 8);

/** Field-level problems, so a form can put each message on its field. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export const validationError = (message: string, issues: FieldIssue[] = []): AppError =>
  new AppError('VALIDATION', message, { issues });

/** SQLite's "another connection holds the write lock" (past the busy timeout), as better-sqlite3 throws it. */
export function isBusy(e: unknown): boolean {
  return e instanceof Error && (e as { code?: unknown }).code === 'SQLITE_BUSY';
}

/** The RAISE(ABORT) of a sealed year's trigger, as better-sqlite3 throws it (its message is the clerk's words). */
export function isSealRefusal(e: unknown): e is Error {
  return e instanceof Error && (e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_TRIGGER' && e.message.includes('年度已封存');
}
