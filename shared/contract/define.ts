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

/** The field helpers every record's schema uses, defined once so their messages agree everywhere. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`);
export const optText = (max: number, label: string) => text(max, label).optional().nullable();
export const id = z.number().int().positive();

/** Client-chosen id of a running job (its progress:update events, its cancel); every long job takes one. */
export const jobId = z.string().regex(/^[A-Za-z0-9_-]{4,64}$/, '任务编号格式不正确');

/**
 * #16: what every export with ID numbers takes (shared/domain/pii.ts has the rule). `revealIds`: true full numbers
 * (needs 查看完整号码), false masked, absent the role's and 设置's default; `reason`: why full numbers leave the app,
 * required once login is on, logged with the file name and row count.
 */
export const piiExportAsk = {
  revealIds: z.boolean().optional(),
  reason: z.string().trim().max(100, '导出原因不能超过 100 个字').optional(),
};
/** What the clerk answered to the export question, as every such channel takes it. */
export type PiiExportAsk = { [K in keyof typeof piiExportAsk]?: z.input<(typeof piiExportAsk)[K]> };
