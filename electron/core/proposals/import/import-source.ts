/**
 * The file side of a proposal register import: opens the workbook behind a file token, lists its sheets with
 * what table detection found in each, and gives the chosen sheet's table. Registers are small (hundreds of
 * rows), so the last file's grids are kept per context: the wizard's next preview (a corrected mapping, a
 * representative added meanwhile) does not read the file again.
 */
import fs from 'node:fs';
import type { SheetSummary } from '../../../../shared/contract/imports';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';
import type { Job } from '../../members/import/import-jobs';
import type { TableDetection } from '../../spreadsheet/detect';
import { openWorkbook } from '../../spreadsheet/open';
import { detectProposalTable, proposalHeaderSignature } from '../../spreadsheet/proposal-columns';
import type { SheetInfo, WorkbookFormat } from '../../spreadsheet/types';

export type OkTable = Extract<TableDetection, { ok: true }>;

export interface ProposalSource {
  fileName: string;
  format: WorkbookFormat;
  sheets: SheetSummary[];
  sheet: string;
  table: OkTable;
  signature: string;
}

interface Cached {
  key: string;
  fileName: string;
  format: WorkbookFormat;
  infos: SheetInfo[];
  tables: Map<string, TableDetection>;
}

const cache = new WeakMap<AppContext, Cached>();

const summarize = (info: SheetInfo, t: TableDetection | undefined): SheetSummary => {
  if (!t || !t.ok) return { name: info.name, hidden: info.hidden, records: null, headerRows: [], signature: null, reason: t && !t.ok ? t.reason : null };
  return { name: info.name, hidden: info.hidden, records: t.records.length, headerRows: t.headerRows, signature: proposalHeaderSignature(t.columns), reason: null };
};

/** Reads every sheet of the token's file once (cached by path, size and time) and detects its register. */
async function tablesOf(ctx: AppContext, token: string, job: Job): Promise<Cached> {
  const file = ctx.files.resolve(token);
  const st = fs.statSync(file.path);
  const key = `${file.path}|${st.size}|${st.mtimeMs}`;
  const hit = cache.get(ctx);
  if (hit?.key === key) return hit;
  cache.delete(ctx);
  job.progress('正在打开文件', 0, null, true);
  const wb = await openWorkbook(file.path, { csvSheetName: file.fileName.replace(/\.[^.]*$/, '') || 'Sheet1', signal: job.signal });
  try {
    const entry: Cached = { key, fileName: file.fileName, format: wb.format, infos: wb.sheets(), tables: new Map() };
    for (const info of entry.infos) {
      const grid = await wb.readSheet(info.name, {
        signal: job.signal,
        onProgress: (f) => job.progress(`正在读取工作表「${info.name}」`, Math.round(f * 100), 100),
      });
      entry.tables.set(info.name, detectProposalTable(grid));
      await job.yield();
    }
    cache.set(ctx, entry);
    return entry;
  } finally {
    await wb.close();
  }
}

export async function listProposalSheets(ctx: AppContext, token: string, job: Job): Promise<{ fileName: string; format: WorkbookFormat; sheets: SheetSummary[] }> {
  const e = await tablesOf(ctx, token, job);
  return { fileName: e.fileName, format: e.format, sheets: e.infos.map((i) => summarize(i, e.tables.get(i.name))) };
}

/** The chosen sheet's register; without a choice, the first visible sheet holding one (then hidden ones). */
export async function readProposalSheet(ctx: AppContext, token: string, sheet: string | undefined, job: Job): Promise<ProposalSource> {
  const e = await tablesOf(ctx, token, job);
  const sheets = e.infos.map((i) => summarize(i, e.tables.get(i.name)));
  let name = sheet;
  if (name === undefined) {
    const ordered = [...e.infos.filter((i) => !i.hidden), ...e.infos.filter((i) => i.hidden)];
    name = ordered.find((i) => e.tables.get(i.name)?.ok)?.name;
    if (!name) {
      const reasons = e.infos.map((i) => {
        const t = e.tables.get(i.name);
        return t && !t.ok ? `「${i.name}」${t.reason.replace(/^未找到可导入的表格：?/, '')}` : `「${i.name}」`;
      });
      throw new AppError('VALIDATION', `文件中没有找到提案登记表（${reasons.join('；')}）。表头应有「案由」「提案人」等列。`);
    }
  }
  if (!e.infos.some((i) => i.name === name)) throw new AppError('VALIDATION', `工作表「${name}」不存在`);
  const t = e.tables.get(name) as TableDetection;
  if (!t.ok) throw new AppError('VALIDATION', `工作表「${name}」${t.reason.replace(/（如 姓名、身份证号、性别）/, '（如 案由、提案人、附议人）')}`);
  return { fileName: e.fileName, format: e.format, sheets, sheet: name, table: t, signature: proposalHeaderSignature(t.columns) };
}

/** After a commit the next look at the file starts fresh. */
export function forgetProposalSource(ctx: AppContext): void {
  cache.delete(ctx);
}
