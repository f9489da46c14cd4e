/**
 * The file side of a small import (a proposal register, a wage or payment sheet: hundreds or a few thousand
 * rows): the workbook behind a file token, its sheets with what table detection found in each, and the chosen
 * sheet's table. The last file's grids are kept per context, so the wizard's next preview (a corrected column,
 * another period, a representative added meanwhile) does not read the file again. The roster import, which
 * may be 100k rows, reads in a thread of its own instead (members/import/).
 */
import type { SheetSummary } from '../../../shared/contract/imports';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import type { DetectedColumn, TableDetection } from '../spreadsheet/detect';
import { openWorkbook } from '../spreadsheet/open';
import type { SheetGrid, SheetInfo, WorkbookFormat } from '../spreadsheet/types';
import type { Job } from '../jobs';
import { choiceOrder, csvSheetName, fileKey, noTableReasons, summarizeSheet, type OkTable } from './source';

export interface SheetSource {
  fileName: string;
  format: WorkbookFormat;
  sheets: SheetSummary[];
  sheet: string;
  table: OkTable;
  signature: string;
}

export interface SmallSourceSpec {
  detect(grid: SheetGrid): TableDetection;
  signature(columns: Pick<DetectedColumn, 'header'>[]): string;
  /** The refusal when no sheet holds the table; `reasons` says what was found in each sheet. */
  notFound(reasons: string): string;
  /** Example headers of this record type, in place of the roster's (如 姓名、身份证号、性别) in detection's reasons. */
  exampleHeaders: string;
}

interface Cached {
  key: string;
  fileName: string;
  format: WorkbookFormat;
  infos: SheetInfo[];
  tables: Map<string, TableDetection>;
}

export function smallSource(spec: SmallSourceSpec) {
  const cache = new WeakMap<AppContext, Cached>();
  const summarize = (info: SheetInfo, t: TableDetection | undefined): SheetSummary => summarizeSheet(info, t, spec.signature);

  /** Reads every sheet of the token's file once (cached by path, size and time) and detects its table. */
  async function tablesOf(ctx: AppContext, token: string, job: Job): Promise<Cached> {
    const file = ctx.files.resolve(token);
    const key = fileKey(file.path);
    const hit = cache.get(ctx);
    if (hit?.key === key) return hit;
    cache.delete(ctx);
    job.progress('正在打开文件', 0, null, true);
    const wb = await openWorkbook(file.path, { csvSheetName: csvSheetName(file.fileName), signal: job.signal });
    try {
      const entry: Cached = { key, fileName: file.fileName, format: wb.format, infos: wb.sheets(), tables: new Map() };
      for (const info of entry.infos) {
        const grid = await wb.readSheet(info.name, {
          signal: job.signal,
          onProgress: (f) => job.progress(`正在读取工作表「${info.name}」`, Math.round(f * 100), 100),
        });
        entry.tables.set(info.name, spec.detect(grid));
        await job.yield();
      }
      cache.set(ctx, entry);
      return entry;
    } finally {
      await wb.close();
    }
  }

  return {
    async list(ctx: AppContext, token: string, job: Job): Promise<{ fileName: string; format: WorkbookFormat; sheets: SheetSummary[] }> {
      const e = await tablesOf(ctx, token, job);
      return { fileName: e.fileName, format: e.format, sheets: e.infos.map((i) => summarize(i, e.tables.get(i.name))) };
    },

    /** The chosen sheet's table; without a choice, the first visible sheet holding one (then hidden ones). */
    async read(ctx: AppContext, token: string, sheet: string | undefined, job: Job): Promise<SheetSource> {
      const e = await tablesOf(ctx, token, job);
      const sheets = e.infos.map((i) => summarize(i, e.tables.get(i.name)));
      let name = sheet;
      if (name === undefined) {
        name = choiceOrder(e.infos).find((i) => e.tables.get(i.name)?.ok)?.name;
        if (!name) throw new AppError('VALIDATION', spec.notFound(noTableReasons(e.infos, e.tables)));
      }
      if (!e.infos.some((i) => i.name === name)) throw new AppError('VALIDATION', `工作表「${name}」不存在`);
      const t = e.tables.get(name) as TableDetection;
      if (!t.ok) throw new AppError('VALIDATION', `工作表「${name}」${t.reason.replace(/（如 姓名、身份证号、性别）/, `（如 ${spec.exampleHeaders}）`)}`);
      return { fileName: e.fileName, format: e.format, sheets, sheet: name, table: t, signature: spec.signature(t.columns) };
    },

    /** After a commit the next look at the file starts fresh. */
    forget(ctx: AppContext): void {
      cache.delete(ctx);
    },
  };
}
