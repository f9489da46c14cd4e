import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from './error-codes';

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  details?: unknown;
  correlationId?: string;
}

/** Errors travel as data: Electron keeps only `message` of an error thrown through ipcMain.handle. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorData };

export const errorDataSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
  correlationId: z.string().optional(),
});

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (error: AppErrorData): Result<never> => ({ ok: false, error });
