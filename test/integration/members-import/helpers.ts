import path from 'node:path';
import type { AppContext } from '../../../electron/core/context';
import type { ImportPreview, ImportResult } from '../../../shared/contract/imports';
import { expect } from 'vitest';
import { call } from '../../helpers/context';

export const REAL = path.resolve(__dirname, '../../../../shared/data/real');
export const real = (folder: string, file: string): string => path.join(REAL, folder, file);

/** A file the host picked (as the CLI or the Electron dialog registers it): its token. */
export const tokenOf = (ctx: AppContext, file: string): string => ctx.files.register(file, path.basename(file), false).token;

export const preview = (ctx: AppContext, input: Record<string, unknown>): Promise<ImportPreview> => call<ImportPreview>(ctx, 'members.importPreview', input);
export const commit = (ctx: AppContext, input: Record<string, unknown>): Promise<ImportResult> => call<ImportResult>(ctx, 'members.importCommit', input);

/** Every live member as stored, without timestamps: two dumps are equal when the member files are. */
export function dumpMembers(ctx: AppContext): unknown[] {
  return ctx.db
    .prepare('SELECT * FROM members WHERE deleted_at IS NULL ORDER BY id')
    .all()
    .map((r) => {
      const { created_at: _c, updated_at: _u, ...rest } = r as Record<string, unknown>;
      return rest;
    });
}

const auditCount = (ctx: AppContext) => (ctx.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

/** What an import that fails must leave exactly as it was. */
export const storedState = (ctx: AppContext) => ({ members: dumpMembers(ctx), audit: auditCount(ctx) });

/**
 * After a failed or cancelled import: the member files and the audit log as before, no batch, the app's busy
 * timeout back and a save (of a member named `saved`) accepted at once.
 */
export async function expectNothingWritten(ctx: AppContext, before: ReturnType<typeof storedState>, saved: string): Promise<void> {
  expect(dumpMembers(ctx)).toEqual(before.members);
  expect(auditCount(ctx)).toBe(before.audit);
  expect((ctx.db.prepare('SELECT count(*) AS n FROM import_batches').get() as { n: number }).n).toBe(0);
  expect(ctx.db.pragma('busy_timeout', { simple: true })).toBe(5000);
  expect((await ctx.dispatch('members.create', { member: { name: saved } })).ok).toBe(true);
}

/** A plain .xlsx: rows of cells (strings stay text cells, numbers numbers, Dates dates), sheet by sheet. */
export async function writeXlsx(file: string, sheets: Record<string, (string | number | Date | null)[][]>): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => {
      ws.getRow(i + 1).values = r;
    });
  }
  await wb.xlsx.writeFile(file);
  return file;
}
