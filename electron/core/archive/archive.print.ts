/**
 * The year's forms from its items: 归档文件目录 (PDF and .xlsx), 归档章 labels, 备考表 and spines per box.
 * Printing only reads: nothing here writes a record.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { ArchiveItem, ArchiveYearView } from '../../../shared/contract/archive';
import type { FileRef } from '../../../shared/contract/app';
import { ARCHIVE_FORM_LABELS, catalogueDate, printedTitle, RETENTION_CODES, RETENTION_LABELS, type ArchiveForm, type Retention } from '../../../shared/domain/archive-labels';
import { todayIso } from '../../../shared/domain/dates';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import {
  beikaoHtml,
  CATALOGUE_COLUMNS,
  catalogueHtml,
  spineHtml,
  stampSheetHtml,
  type BoxData,
  type CatalogueVolume,
  type FondsInfo,
  type StampData,
} from '../print/archive-forms';
import { getSettings } from '../settings/settings.service';
import { writeCell } from '../spreadsheet/cell-writer';
import { itemNoText } from './archive-code';
import { getArchiveConfig } from './archive.config';
import { buildView } from './archive.view';

export const catalogued = (v: ArchiveYearView, retention?: Retention): ArchiveItem[] =>
  v.items.filter((i) => !i.excluded && i.mergedIntoId === null && i.itemNo !== null && (!retention || i.retention === retention));

export function fondsOf(ctx: AppContext, year: number): FondsInfo {
  const s = getSettings(ctx);
  return { fondsCode: s.fondsCode, fondsName: s.fondsName || s.unionName || s.unitName, year };
}

export function volumesOf(ctx: AppContext, v: ArchiveYearView, retention?: Retention): CatalogueVolume[] {
  const s = getSettings(ctx);
  return RETENTION_CODES.filter((r) => !retention || r === retention).map((r) => {
    const rows = catalogued(v, r);
    const orgs = [...new Set(rows.map((i) => i.orgCode).filter(Boolean))].map((c) => `${c} ${s.orgCodes.find((o) => o.code === c)?.name ?? ''}`.trim());
    return {
      retention: r,
      orgs: orgs.join('、'),
      rows: rows.map((i) => ({ archiveCode: i.archiveCode ?? '', docNo: i.docNo, responsible: i.responsible, title: i.title, selfMadeTitle: i.selfMadeTitle, date: i.date, secrecy: i.secrecy, pages: i.pages, remarks: i.remarks })),
    };
  });
}

export const stampOf = (f: FondsInfo, i: ArchiveItem): StampData => ({
  fondsCode: f.fondsCode,
  year: f.year,
  itemNo: i.itemNo === null ? '' : itemNoText(i.itemNo),
  orgCode: i.orgCode,
  retention: i.retention,
  pages: i.pages,
});

export function boxesOf(v: ArchiveYearView, retention?: Retention): BoxData[] {
  const boxes = new Map<number, BoxData>();
  for (const i of catalogued(v, retention)) {
    if (i.boxNo === null) continue;
    const no = itemNoText(i.itemNo!);
    const b = boxes.get(i.boxNo);
    if (!b) boxes.set(i.boxNo, { boxNo: i.boxNo, retention: i.retention, orgCode: i.orgCode, firstItemNo: no, lastItemNo: no, items: 1, pages: i.pages ?? 0 });
    else {
      b.lastItemNo = no;
      b.items += 1;
      b.pages += i.pages ?? 0;
    }
  }
  return [...boxes.values()].sort((a, b) => a.boxNo - b.boxNo);
}

export function formHtml(ctx: AppContext, year: number, form: ArchiveForm, retention?: Retention): { html: string; title: string; landscape: boolean; empty: boolean } {
  const v = buildView(ctx.db, year, getSettings(ctx));
  const f = fondsOf(ctx, year);
  const cfg = getArchiveConfig(ctx.db);
  const items = catalogued(v, retention);
  const title = `${year}年度${retention ? RETENTION_LABELS[retention] : ''}${ARCHIVE_FORM_LABELS[form]}`;
  const empty = items.length === 0;
  if (empty) {
    const unnumbered = v.items.some((i) => !i.excluded && i.mergedIntoId === null);
    const why = unnumbered ? `${year} 年度的文件还没有编号，编号后才能打印${ARCHIVE_FORM_LABELS[form]}。` : `${year} 年度没有要归档的文件。`;
    return { html: catalogueHtml(f, []).replace('<body></body>', `<body><p style="padding:20mm;font-size:14pt">${why}</p></body>`), title, landscape: false, empty };
  }
  const people = { organizer: cfg.organizer, checker: cfg.checker, organizedOn: v.numberedAt ? v.numberedAt.slice(0, 10) : todayIso(ctx.clock()), checkedOn: v.sealedAt ? v.sealedAt.slice(0, 10) : '' };
  switch (form) {
    case 'catalogue':
      return { html: catalogueHtml(f, volumesOf(ctx, v, retention)), title, landscape: true, empty };
    case 'stamps':
      return { html: stampSheetHtml(items.map((i) => stampOf(f, i)), title), title, landscape: false, empty };
    case 'beikao':
      return { html: beikaoHtml(f, boxesOf(v, retention), people), title, landscape: false, empty };
    case 'spine':
      return { html: spineHtml(f, boxesOf(v, retention), cfg.spineMm), title, landscape: false, empty };
  }
}

export async function formPdfBytes(ctx: AppContext, year: number, form: ArchiveForm, retention?: Retention): Promise<{ bytes: Buffer; title: string; empty: boolean }> {
  if (!ctx.ports.pdf) throw new AppError('UNAVAILABLE', '当前环境无法生成 PDF。');
  const h = formHtml(ctx, year, form, retention);
  return { bytes: await ctx.ports.pdf.render(h.html, { landscape: h.landscape }), title: h.title, empty: h.empty };
}

export async function formPdf(ctx: AppContext, year: number, form: ArchiveForm, retention?: Retention): Promise<FileRef> {
  const { bytes, title, empty } = await formPdfBytes(ctx, year, form, retention);
  if (empty) throw new AppError('VALIDATION', `${year} 年度没有已编号的归档文件，不能生成${ARCHIVE_FORM_LABELS[form]}。`);
  const out = ctx.files.createOutput(`${title}.pdf`);
  fs.writeFileSync(out.path, bytes);
  return out.ref();
}

/** The catalogue as .xlsx in the same columns, one sheet per retention period. */
export async function writeCatalogueXlsx(ctx: AppContext, year: number, filePath: string): Promise<number> {
  const v = buildView(ctx.db, year, getSettings(ctx));
  const f = fondsOf(ctx, year);
  const wb = new ExcelJS.Workbook();
  wb.creator = '工会台账';
  let n = 0;
  for (const vol of volumesOf(ctx, v)) {
    if (!vol.rows.length) continue;
    const ws = wb.addWorksheet(RETENTION_LABELS[vol.retention], {
      views: [{ state: 'frozen', ySplit: 2 }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
    });
    ws.columns = CATALOGUE_COLUMNS.map((c) => ({ key: c.key, width: c.xlsx }));
    ws.mergeCells(1, 1, 1, CATALOGUE_COLUMNS.length);
    writeCell(ws.getCell(1, 1), `归档文件目录　全宗号 ${f.fondsCode}　${f.fondsName}　${year}年度　${RETENTION_LABELS[vol.retention]}　${vol.orgs}`, 'text');
    ws.getCell(1, 1).font = { bold: true, size: 13 };
    CATALOGUE_COLUMNS.forEach((c, i) => {
      writeCell(ws.getCell(2, i + 1), c.header, 'text');
      ws.getCell(2, i + 1).font = { bold: true };
    });
    vol.rows.forEach((r, i) => {
      const values = [i + 1, r.archiveCode, r.docNo, r.responsible, printedTitle(r.title, r.selfMadeTitle), catalogueDate(r.date), r.secrecy, r.pages ?? null, r.remarks];
      values.forEach((val, c) => {
        const cell = ws.getCell(i + 3, c + 1);
        // 日期 YYYYMMDD and 档号 stay text, so Excel turns neither into a number.
        writeCell(cell, val, c === 0 || c === 7 ? 'number' : 'code');
        cell.alignment = { vertical: 'top', wrapText: c === 4 || c === 3 };
      });
      n += 1;
    });
  }
  if (!n) throw new AppError('VALIDATION', `${year} 年度没有已编号的归档文件，不能导出目录。`);
  await wb.xlsx.writeFile(filePath);
  return n;
}

export async function catalogueXlsx(ctx: AppContext, year: number): Promise<FileRef> {
  const out = ctx.files.createOutput(`${year}年度归档文件目录.xlsx`);
  await writeCatalogueXlsx(ctx, year, out.path);
  return out.ref();
}
