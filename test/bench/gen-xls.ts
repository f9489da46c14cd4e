/**
 * A roster as a legacy .xls (BIFF8) at the format's own limit, 65,536 rows: a merged title row, the header, then
 * 65,534 members with the same 20 columns as gen-roster.ts. Written record by record the way Excel lays them out
 * (shared string table split into CONTINUE records, LABELSST / RK / NUMBER cells, MERGEDCELLS) and wrapped in OLE2
 * by the `cfb` package; SheetJS's own BIFF8 writer needs minutes and gigabytes for this size. Used for the
 * reader measurement in electron/core/spreadsheet/README.md.
 */
import { writeFileSync } from 'node:fs';
import * as CFB from 'cfb';
import { generateMembers, rng } from './gen-members';
import { columns } from './gen-roster';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const MAX_RECORD = 8224;

function rec(type: number, data: Buffer): Buffer {
  const h = Buffer.alloc(4);
  h.writeUInt16LE(type, 0);
  h.writeUInt16LE(data.length, 2);
  return Buffer.concat([h, data]);
}

function xlString(s: string, lenBytes: 1 | 2 = 2): Buffer {
  const wide = [...s].some((c) => c.charCodeAt(0) > 255);
  const head = Buffer.alloc(lenBytes + 1);
  if (lenBytes === 2) head.writeUInt16LE(s.length, 0);
  else head[0] = s.length;
  head[lenBytes] = wide ? 1 : 0;
  return Buffer.concat([head, Buffer.from(s, wide ? 'utf16le' : 'latin1')]);
}

/** XF indices used below: 16 yyyy-mm-dd (custom 164), 17 zh-CN id 31, 18 #,##0.00 (id 4), 19 @ (id 49). */
const XF = { date: 16, zhDate: 17, money: 18, text: 19, general: 15 } as const;

export function rosterXls(rows = 65_534, cols = 20): Buffer {
  const defs = columns(cols);
  const r = rng(7);
  const members = generateMembers(rows, 1000);
  const sst = new Map<string, number>();
  let sstTotal = 0;
  const sheet: Buffer[] = [];
  const cell = (row: number, col: number, xf: number, v: string | number | null) => {
    if (v === null || v === '') return;
    const head = Buffer.alloc(6);
    head.writeUInt16LE(row, 0);
    head.writeUInt16LE(col, 2);
    head.writeUInt16LE(xf, 4);
    if (typeof v === 'string') {
      let i = sst.get(v);
      if (i === undefined) sst.set(v, (i = sst.size));
      sstTotal++;
      const idx = Buffer.alloc(4);
      idx.writeUInt32LE(i, 0);
      sheet.push(rec(0x00fd, Buffer.concat([head, idx])));
    } else if (Number.isInteger(v) && Math.abs(v) < 2 ** 29) {
      const rk = Buffer.alloc(4);
      rk.writeInt32LE((v << 2) | 2, 0);
      sheet.push(rec(0x027e, Buffer.concat([head, rk])));
    } else {
      const d = Buffer.alloc(8);
      d.writeDoubleLE(v, 0);
      sheet.push(rec(0x0203, Buffer.concat([head, d])));
    }
  };
  cell(0, 0, XF.general, '会员花名册（2026 年度）');
  defs.forEach((d, c) => cell(1, c, XF.general, d.header));
  members.forEach((m, i) =>
    defs.forEach((d, c) => {
      const v = d.value(m, i, r);
      if (v instanceof Date) cell(i + 2, c, d.numFmt === 'yyyy-mm-dd' ? XF.date : XF.zhDate, (v.getTime() - EXCEL_EPOCH) / 86_400_000);
      else if (typeof v === 'number') cell(i + 2, c, d.numFmt ? XF.money : XF.general, v);
      else if (typeof v === 'string') cell(i + 2, c, d.text ? XF.text : XF.general, v);
    }),
  );
  const merge = Buffer.alloc(10);
  merge.writeUInt16LE(1, 0);
  merge.writeUInt16LE(0, 2);
  merge.writeUInt16LE(0, 4);
  merge.writeUInt16LE(0, 6);
  merge.writeUInt16LE(cols - 1, 8);
  sheet.push(rec(0x00e5, merge));

  // SST: a new CONTINUE record starts before a string that would not fit (so no string is split).
  const sstRecords: Buffer[] = [];
  const counts = Buffer.alloc(8);
  counts.writeUInt32LE(sstTotal, 0);
  counts.writeUInt32LE(sst.size, 4);
  let part: Buffer[] = [counts];
  let partLen = 8;
  for (const s of sst.keys()) {
    const b = xlString(s);
    if (partLen + b.length > MAX_RECORD) {
      sstRecords.push(rec(sstRecords.length === 0 ? 0x00fc : 0x003c, Buffer.concat(part)));
      part = [];
      partLen = 0;
    }
    part.push(b);
    partLen += b.length;
  }
  sstRecords.push(rec(sstRecords.length === 0 ? 0x00fc : 0x003c, Buffer.concat(part)));

  const bof = (dt: number) => {
    const b = Buffer.alloc(16);
    b.writeUInt16LE(0x0600, 0);
    b.writeUInt16LE(dt, 2);
    return rec(0x0809, b);
  };
  const xf = (ifmt: number) => {
    const b = Buffer.alloc(20);
    b.writeUInt16LE(ifmt, 2);
    return rec(0x00e0, b);
  };
  const u16 = (n: number) => {
    const b = Buffer.alloc(2);
    b.writeUInt16LE(n, 0);
    return b;
  };
  const globalsFixed = Buffer.concat([
    bof(0x0005),
    rec(0x0042, u16(1200)), // CODEPAGE: UTF-16
    rec(0x0022, u16(0)), // DATEMODE: 1900
    rec(0x041e, Buffer.concat([u16(164), xlString('yyyy-mm-dd')])),
    ...Array.from({ length: 16 }, () => xf(0)),
    xf(164),
    xf(31),
    xf(4),
    xf(49),
    ...sstRecords,
  ]);
  const boundSheet = rec(0x0085, Buffer.concat([Buffer.alloc(6), xlString('会员花名册', 1)]));
  const eof = rec(0x000a, Buffer.alloc(0));
  boundSheet.writeUInt32LE(globalsFixed.length + boundSheet.length + eof.length, 4);
  const workbook = Buffer.concat([globalsFixed, boundSheet, eof, bof(0x0010), ...sheet, eof]);

  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, 'Workbook', workbook);
  return CFB.write(container, { type: 'buffer' }) as Buffer;
}

export function writeRosterXls(file: string, rows = 65_534, cols = 20): void {
  writeFileSync(file, rosterXls(rows, cols));
}
