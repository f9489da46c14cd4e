/**
 * A roster written the way a program writes it (exceljs streaming writer: shared strings, styles, IDs and
 * phones as text, dates as serials with a date format — the bench's generator) reads back to the same data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateMembers } from '../../bench/gen-members';
import { writeRosterXlsx } from '../../bench/gen-roster';
import { detectMemberTable, mapMemberColumns } from '../../../electron/core/members/import/member-columns';
import { openWorkbook } from '../../../electron/core/spreadsheet/open';
import { createRecordConverter, recordValues } from '../../../electron/core/spreadsheet/values';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-roster-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generated roster round trip', () => {
  it('500 rows × 20 columns: every column mapped, IDs, phones, dates and wages as written', async () => {
    const file = path.join(dir, 'roster.xlsx');
    await writeRosterXlsx(file, 500);
    const wb = await openWorkbook(file);
    const grid = await wb.readSheet('会员花名册');
    await wb.close();
    const table = detectMemberTable(grid);
    if (!table.ok) throw new Error(table.reason);
    const mapping = mapMemberColumns(table.columns);
    expect(mapping.columns.filter((c) => c.field === null)).toEqual([]);
    const convert = createRecordConverter(mapping, { today: new Date(2026, 0, 15) });
    const rows = table.records.map(convert);
    expect(rows).toHaveLength(500);
    expect(rows.flatMap((r) => r.errors)).toEqual([]);
    const expected = generateMembers(500, 1000);
    rows.forEach((r, i) => {
      const v = recordValues(r);
      const m = expected[i]!;
      expect(v).toMatchObject({ name: m.name, idNumber: m.idNumber, phone: m.phone, memberNo: m.memberNo, joinDate: m.joinDate });
      expect(v.birthDate).toBe(`${m.idNumber!.slice(6, 10)}-${m.idNumber!.slice(10, 12)}-${m.idNumber!.slice(12, 14)}`);
      expect(typeof v.monthlyWage).toBe('number');
    });
    expect(grid.rows[1]?.[13]?.text).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  });
});
