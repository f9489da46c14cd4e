import { z } from 'zod';
import { backupInfo } from './app';

/** Push events from the core to the renderer (IPC `ledger.on`, SSE in the browser). */
export const events = {
  'backup:created': backupInfo,
  'app:restored': z.object({ restoredFrom: z.string() }),
  'progress:update': z.object({
    jobId: z.string(),
    label: z.string(),
    done: z.number(),
    total: z.number().nullable(),
  }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
