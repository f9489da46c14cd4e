import type { ErrorCode } from '../../../shared/error-codes';
import type { AppErrorData } from '../../../shared/result';

/** One problem with one field; `path` follows the input object (e.g. ['orgCodes', 0, 'code']). */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/** A failed call, carrying the core's code and Chinese message so pages can show or map it. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly correlationId: string | undefined;
  readonly channel: string;

  constructor(data: AppErrorData, channel: string) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.details = data.details;
    this.correlationId = data.correlationId;
    this.channel = channel;
  }

  /** Field issues of a VALIDATION error (from the core or the client-side check), else an empty list. */
  get issues(): FieldIssue[] {
    const d = this.details as { issues?: unknown } | undefined;
    if (!d || !Array.isArray(d.issues)) return [];
    return d.issues.filter(
      (i): i is FieldIssue =>
        typeof i === 'object' && i !== null && Array.isArray((i as FieldIssue).path) && typeof (i as FieldIssue).message === 'string',
    );
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** The sentence shown to the clerk for any failure, including bugs in the renderer itself. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return `界面出错：${e.message}`;
  return '操作未完成，发生了未知错误。';
}
