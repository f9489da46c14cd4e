import { z } from 'zod';

/**
 * One channel = one input schema + one output schema. `recovery: true` marks the few channels that still
 * work when the database failed its integrity check (listing and restoring backups, app info).
 */
export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  recovery?: boolean;
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  opts: { recovery?: boolean } = {},
): ChannelDef<I, O> => ({ input, output, ...opts });

/** Inputs are closed objects: an unknown key is a malformed payload, not something to ignore. */
export const noInput = z.object({}).strict();
