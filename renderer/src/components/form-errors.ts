import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { FieldIssue } from '../api/errors';

export interface FieldErrorData {
  name: (string | number)[];
  errors: string[];
}

/**
 * Turns the core's (or the client check's) issues into antd Form field errors. Issues without a path
 * belong to no field and are returned apart, for a message above the form.
 */
export function issuesToFields(issues: FieldIssue[]): { fields: FieldErrorData[]; general: string[] } {
  const byPath = new Map<string, FieldErrorData>();
  const general: string[] = [];
  for (const issue of issues) {
    if (!issue.path.length) {
      general.push(issue.message);
      continue;
    }
    const key = JSON.stringify(issue.path);
    const entry = byPath.get(key) ?? { name: issue.path, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    byPath.set(key, entry);
  }
  return { fields: [...byPath.values()], general };
}

/** An antd rule that runs one field's own zod schema, so the form shows the contract's Chinese message on blur. */
export const zodRule = (schema: z.ZodType) => ({
  validator: async (_rule: unknown, value: unknown) => {
    const r = schema.safeParse(value);
    if (!r.success) throw new Error(r.error.issues[0]?.message ?? '填写有误');
  },
});

/** An antd rule for the date of something that has happened: not after today (the clerk's local calendar). */
export const notAfterToday = {
  validator: async (_rule: unknown, d: Dayjs | null | undefined) => {
    if (d && d.isAfter(dayjs(), 'day')) throw new Error('日期不能晚于今天');
  },
};
