/**
 * The file side of an import: opens the workbook behind a file token, lists its sheets with what table
 * detection found in each, and reads the chosen sheets. Grids of the last file are kept for a while, so the
 * wizard's next preview (a corrected mapping, another sheet) does not read a large file again.
 */
import type { SheetSummary } from '../../../../shared/contract/imports';
import { AppError } from '../../errors';
import type { DetectedColumn, TableDetection } from '../../spreadsheet/detect';
import { detectMemberTable, headerSignature } from './member-columns';
import { openWorkbook } from '../../spreadsheet/open';
import type { SheetGrid, SheetInfo, WorkbookFormat } from '../../spreadsheet/types';
import type { Job } from '../../jobs';
import { choiceOrder, csvSheetName, fileKey, noTableReasons, sourceRef, summarizeSheet, type OkTable, type SourceRef } from '../../imports/source';

export type { OkTable, SourceRef };
export { sourceRef };

export interface SourceSheet {
  name: string;
  table: OkTable;
  signature: string;
}

export interface SourceFile {
  fileName: string;
  format: WorkbookFormat;
  sheets: SheetSummary[];
  chosen: SourceSheet[];
  /** The grids stay cached for the next preview: records must not be released. */
  cached: boolean;
}

interface Cached {
  key: string;
  format: WorkbookFormat;
  infos: SheetInfo[];
  grids: Map<string, SheetGrid>;
  tables: Map<string, TableDetection>;
}

const cache = new WeakMap<object, Cached>();
/** Grids above this many rows in total are not kept after the work that read them (memory). */
const CACHE_MAX_ROWS = 60_000;
const CACHE_TTL_MS = 10 * 60 * 1000;
const expiry = new WeakMap<object, NodeJS.Timeout>();

const summarize = (info: SheetInfo, t: TableDetection | undefined): SheetSummary => summarizeSheet(info, t, headerSignature);

/** Opens the token's file, reads the sheets `want` returns, and hands back detections (cached per file). */
async function withTables(
  src: SourceRef,
  job: Job,
  want: (infos: SheetInfo[], tables: Map<string, TableDetection>) => string | null,
): Promise<{ fileName: string; entry: Cached; cached: boolean }> {
  const file = src;
  const owner = src.cacheOwner;
  const key = fileKey(file.path);
  let entry = owner ? cache.get(owner) : undefined;
  if (owner && entry?.key !== key) {
    cache.delete(owner);
    entry = undefined;
  }
  job.progress('正在打开文件', 0, null, true);
  const wb = await openWorkbook(file.path, { csvSheetName: csvSheetName(file.fileName), signal: job.signal });
  try {
    if (!entry) entry = { key, format: wb.format, infos: wb.sheets(), grids: new Map(), tables: new Map() };
    for (let name = want(entry.infos, entry.tables); name; name = want(entry.infos, entry.tables)) {
      const sheetName = name;
      const grid = await wb.readSheet(sheetName, {
        signal: job.signal,
        onProgress: (f) => job.progress(`正在读取工作表「${sheetName}」`, Math.round(f * 100), 100),
      });
      job.check();
      entry.grids.set(sheetName, grid);
      entry.tables.set(sheetName, detectMemberTable(grid));
      await job.yield();
    }
  } finally {
    await wb.close();
  }
  const rows = [...entry.grids.values()].reduce((n, g) => n + g.rowCount, 0);
  const cached = !!owner && rows <= CACHE_MAX_ROWS;
  if (owner && cached) {
    cache.set(owner, entry);
    // A wizard left open (or abandoned) should not hold a sheet's grid for the rest of the day.
    clearTimeout(expiry.get(owner));
    const kept = entry;
    expiry.set(owner, setTimeout(() => cache.get(owner) === kept && cache.delete(owner), CACHE_TTL_MS).unref());
  } else if (owner) cache.delete(owner);
  return { fileName: file.fileName, entry, cached };
}

/** Every sheet with its detection (all sheets are read). */
export async function listSheets(src: SourceRef, job: Job): Promise<{ fileName: string; format: WorkbookFormat; sheets: SheetSummary[] }> {
  const { fileName, entry } = await withTables(src, job, (infos, tables) => infos.find((i) => !tables.has(i.name))?.name ?? null);
  return { fileName, format: entry.format, sheets: entry.infos.map((i) => summarize(i, entry.tables.get(i.name))) };
}

/**
 * The chosen sheets' tables. Without a choice: the first visible sheet holding a roster (then hidden ones).
 * Several sheets must share one header layout (same signature) to be imported together.
 */
export async function readChosen(src: SourceRef, sheets: string[] | undefined, job: Job, headerRow?: number): Promise<SourceFile> {
  let chosenNames: string[] = [];
  const { fileName, entry, cached } = await withTables(src, job, (infos, tables) => {
    if (sheets) {
      for (const s of sheets) if (!infos.some((i) => i.name === s)) throw new AppError('VALIDATION', `工作表「${s}」不存在`);
      chosenNames = sheets;
      return sheets.find((s) => !tables.has(s)) ?? null;
    }
    const ordered = choiceOrder(infos);
    const found = headerRow ? ordered[0] : ordered.find((i) => tables.get(i.name)?.ok);
    if (found) {
      chosenNames = [found.name];
      return tables.has(found.name) ? null : found.name;
    }
    return ordered.find((i) => !tables.has(i.name))?.name ?? null;
  });
  if (!chosenNames.length) {
    throw new AppError('VALIDATION', `文件中没有找到可导入的会员名单（${noTableReasons(entry.infos, entry.tables)}）`);
  }
  const chosen: SourceSheet[] = chosenNames.map((name) => {
    // The clerk's header row is detected afresh from the cached grid; the automatic detection stays cached.
    const t = headerRow ? detectMemberTable(entry.grids.get(name) as SheetGrid, { headerRow }) : (entry.tables.get(name) as TableDetection);
    if (!t.ok) throw new AppError('VALIDATION', `工作表「${name}」${t.reason}`);
    return { name, table: t, signature: headerSignature(t.columns) };
  });
  const first = chosen[0] as SourceSheet;
  for (const s of chosen.slice(1)) {
    if (s.signature !== first.signature) {
      throw new AppError('VALIDATION', `工作表「${s.name}」的表头与「${first.name}」不同，不能一起导入；请分别导入`);
    }
  }
  return { fileName, format: entry.format, sheets: entry.infos.map((i) => summarize(i, entry.tables.get(i.name))), chosen, cached };
}

/** Drops the cached grids (after a commit: the next look at the file starts fresh). */
export function forgetSource(owner: object): void {
  cache.delete(owner);
}

export type { DetectedColumn };
