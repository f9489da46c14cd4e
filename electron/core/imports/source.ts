/**
 * What every import's source shares: the clerk's file token resolved by the main process (never a path from
 * the renderer), the cache key of a file, the summary of a sheet for the sheet step, and the choice of the
 * first sheet that holds the record type's table. Each record type passes its own table detection.
 */
import fs from 'node:fs';
import type { SheetSummary } from '../../../shared/contract/imports';
import type { DetectedColumn, TableDetection } from '../spreadsheet/detect';
import type { SheetInfo } from '../spreadsheet/types';

export type OkTable = Extract<TableDetection, { ok: true }>;

/** The file an import reads: resolved from the clerk's file token by the main process. */
export interface SourceRef {
  path: string;
  fileName: string;
  /** Whose cache keeps the grids for the next preview (the app's context), or null (the import thread reads once). */
  cacheOwner: object | null;
}

export function sourceRef(ctx: { files: { resolve(token: string): { path: string; fileName: string } } }, token: string): SourceRef {
  const f = ctx.files.resolve(token);
  return { path: f.path, fileName: f.fileName, cacheOwner: ctx };
}

/** Same path, size and time: the same file, so its cached sheets may be used again. */
export function fileKey(filePath: string): string {
  const st = fs.statSync(filePath);
  return `${filePath}|${st.size}|${st.mtimeMs}`;
}

/** The name a CSV file's one sheet gets: the file's name without its extension. */
export const csvSheetName = (fileName: string): string => fileName.replace(/\.[^.]*$/, '') || 'Sheet1';

export function summarizeSheet(info: SheetInfo, t: TableDetection | undefined, signatureOf: (columns: Pick<DetectedColumn, 'header'>[]) => string): SheetSummary {
  if (!t || !t.ok) return { name: info.name, hidden: info.hidden, records: null, headerRows: [], signature: null, reason: t && !t.ok ? t.reason : null };
  return { name: info.name, hidden: info.hidden, records: t.records.length, headerRows: t.headerRows, signature: signatureOf(t.columns), reason: null };
}

/** Visible sheets first, then hidden ones: the order a sheet is chosen in when the clerk chose none. */
export const choiceOrder = (infos: SheetInfo[]): SheetInfo[] => [...infos.filter((i) => !i.hidden), ...infos.filter((i) => i.hidden)];

/** Why each sheet was not taken, for the "no table found" message. */
export function noTableReasons(infos: SheetInfo[], tables: Map<string, TableDetection>): string {
  return infos
    .map((i) => {
      const t = tables.get(i.name);
      return t && !t.ok ? `「${i.name}」${t.reason.replace(/^未找到可导入的表格：?/, '')}` : `「${i.name}」`;
    })
    .join('；');
}
