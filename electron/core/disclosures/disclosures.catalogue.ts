import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { todayIso } from '../../../shared/domain/dates';
import {
  DISCLOSURE_SCOPE_LABELS,
  DISCLOSURE_TIMING_LABELS,
  periodLabel,
  type CataloguePeriod,
} from '../../../shared/domain/disclosure-labels';
import { DISCLOSURE_NAME } from '../../../shared/domain/labels';
import type { FileRef } from '../../../shared/contract/app';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { CATALOGUE_COLUMNS, disclosureCatalogueHtml, type CatalogueDoc } from '../print/disclosure-catalogue';
import { getSettings } from '../settings/settings.service';
import { listDisclosures } from './disclosures.service';
import { writeCell } from '../spreadsheet/cell-writer';
import { protectCellText } from '../spreadsheet/safe-cell';

/**
 * The 公开目录 of a month or a year, in registration order within each day. The yearly one is what archiving
 * files as one 件 (DOMAIN.md §4.4): it is built from the records every time, so it always matches them.
 */
export function catalogueDoc(ctx: AppContext, period: CataloguePeriod): CatalogueDoc {
  const s = getSettings(ctx);
  const { rows } = listDisclosures(ctx, { year: period.year, month: period.month ?? null }, 'asc');
  return {
    title: `${s.unitName}${DISCLOSURE_NAME[s.unitType]}目录`,
    periodLabel: periodLabel(period),
    unionName: s.unionName,
    operator: s.operator,
    printedOn: todayIso(ctx.clock()),
    lines: rows.map((r, i) => ({
      seq: i + 1,
      regNo: r.regNo,
      title: r.title,
      category: r.category,
      forms: r.forms.join('、'),
      scope: DISCLOSURE_SCOPE_LABELS[r.scope],
      timing: DISCLOSURE_TIMING_LABELS[r.timing],
      disclosedOn: r.disclosedOn,
      department: r.department ?? '',
    })),
  };
}

export const catalogueHtml = (ctx: AppContext, period: CataloguePeriod): { html: string; count: number } => {
  const doc = catalogueDoc(ctx, period);
  return { html: disclosureCatalogueHtml(doc), count: doc.lines.length };
};

const fileBase = (doc: CatalogueDoc) => `${doc.title}-${doc.periodLabel}`;

export async function cataloguePdf(ctx: AppContext, period: CataloguePeriod): Promise<FileRef> {
  if (!ctx.ports.pdf) throw new AppError('UNAVAILABLE', '当前环境无法生成 PDF。');
  const doc = catalogueDoc(ctx, period);
  const pdf = await ctx.ports.pdf.render(disclosureCatalogueHtml(doc), { landscape: true });
  const out = ctx.files.createOutput(`${fileBase(doc)}.pdf`);
  fs.writeFileSync(out.path, pdf);
  return out.ref();
}

/** The cell writer's formula defusing (spreadsheet/safe-cell.ts), under the name this module always exported. */
export const safeCellText = protectCellText;

export async function writeCatalogueXlsx(doc: CatalogueDoc, filePath: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '工会台账';
  const ws = wb.addWorksheet('公开目录', {
    views: [{ state: 'frozen', ySplit: 3, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
  });
  ws.columns = CATALOGUE_COLUMNS.map((c) => ({ key: c.key, width: c.xlsxWidth }));
  const last = CATALOGUE_COLUMNS.length;
  ws.mergeCells(1, 1, 1, last);
  writeCell(ws.getCell(1, 1), doc.title, 'text');
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, last);
  writeCell(ws.getCell(2, 1), `（${doc.periodLabel}）　共 ${doc.lines.length} 项　${doc.unionName}`.trim(), 'text');
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  const header = ws.getRow(3);
  CATALOGUE_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    writeCell(cell, c.header, 'text');
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
  const border = { style: 'thin' as const };
  for (const line of doc.lines) {
    const row = ws.addRow([]);
    CATALOGUE_COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const v = line[c.key];
      // Only 序号 is a number; 登记号 and dates stay text, so no spreadsheet turns 2026-001 into a date.
      writeCell(cell, v, typeof v === 'number' ? 'number' : 'code');
      cell.alignment = { vertical: 'top', wrapText: c.key === 'title' || c.key === 'forms' || c.key === 'department' };
    });
  }
  for (let r = 3; r <= ws.rowCount; r++) {
    for (let c = 1; c <= last; c++) ws.getCell(r, c).border = { top: border, left: border, bottom: border, right: border };
  }
  await wb.xlsx.writeFile(filePath);
}

export async function catalogueXlsx(ctx: AppContext, period: CataloguePeriod): Promise<FileRef> {
  const doc = catalogueDoc(ctx, period);
  const out = ctx.files.createOutput(`${fileBase(doc)}.xlsx`);
  await writeCatalogueXlsx(doc, out.path);
  return out.ref();
}
