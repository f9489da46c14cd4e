import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import type { AuditLogRow, FileRef } from '../../../shared/contract';
import { jsonOf, ledgerInProcess, withContext } from '../../helpers/cli';
import { call, openTestContext, tempDir } from '../../helpers/context';
import { register, seedSession } from '../proposals/seed';

let ctx: AppContext | null = null;
afterEach(async () => {
  await ctx?.close();
  ctx = null;
});

type Log = { total: number; rows: AuditLogRow[] };

async function readSheet(c: AppContext, ref: FileRef): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(c.files.resolve(ref.token).path);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describe("one record's own history and the .xlsx export (#16)", () => {
  it('audit.query with a record gives only that member’s entries; a proposal shows by its title', async () => {
    ctx = await openTestContext();
    const c = ctx;
    await call(c, 'settings.update', { operator: '张三' });
    const s = await seedSession(c);
    const m = s.members[0]!;
    await call(c, 'members.update', { id: m.id, member: { name: m.name, phone: '13900001111' } });
    const p = await register(c, s.session.id, { title: '改善食堂', proposerId: m.id, seconderIds: [s.members[1]!.id, s.members[2]!.id] });

    const own = await call<Log>(c, 'audit.query', { entity: 'member', entityId: String(m.id) });
    expect(own.rows.map((r) => r.actionLabel)).toEqual(['修改会员', '新增会员']);
    expect(own.rows.every((r) => r.recordName === m.name)).toBe(true);
    const proposal = await call<Log>(c, 'audit.query', { entity: 'proposal', entityId: String(p.id) });
    expect(proposal.rows[0]).toMatchObject({ actionLabel: '新增提案', entityLabel: '提案', recordName: '改善食堂' });
  });

  it('exports the filtered log as .xlsx (header, one row per entry, changes old → new) and logs the export', async () => {
    ctx = await openTestContext();
    const c = ctx;
    await call(c, 'settings.update', { operator: '张三' });
    const m = await call<{ id: number }>(c, 'members.create', { member: { name: '王五', idNumber: '32010219651001004X' } });
    await call(c, 'members.update', { id: m.id, member: { name: '王五', idNumber: '32010219651001004X', remarks: '=1+1' } });
    await call(c, 'members.create', { member: { name: '赵六' } });

    const ref = await call<FileRef>(c, 'audit.exportXlsx', { entity: 'member', entityId: String(m.id) });
    expect(ref.fileName).toBe('修改记录-会员王五.xlsx');
    const rows = await readSheet(c, ref);
    expect(rows[0]).toEqual(['序号', '时间', '操作人', '操作', '记录类型', '记录', '改动']);
    expect(rows.slice(1).map((r) => r[3])).toEqual(['修改会员', '新增会员']);
    expect(rows[1]![5]).toBe('王五');
    // A text cell (the shared cell writer), never a formula.
    expect(rows[1]![6]).toBe('备注：（空） → =1+1');

    const log = await call<Log>(c, 'audit.query', { action: 'audit.export' });
    expect(log.rows[0]).toMatchObject({ actionLabel: '导出修改记录', operator: '张三' });

    const all = await readSheet(c, await call<FileRef>(c, 'audit.exportXlsx', {}));
    expect(all.length - 1).toBe((await call<Log>(c, 'audit.query', {})).total - 1);
  });

  it('ledger audit list --record member:ID and ledger audit export --out', async () => {
    const dir = path.join(tempDir(), '数据');
    const id = await withContext(dir, async (c) => {
      await call(c, 'settings.update', { operator: '张三' });
      const m = await call<{ id: number }>(c, 'members.create', { member: { name: '王五' } });
      await call(c, 'members.create', { member: { name: '赵六' } });
      return m.id;
    });
    const listed = jsonOf<{ data: { total: number; entries: { actionLabel: string; record: { type: string; id: string; name: string } }[] } }>(
      await ledgerInProcess(['--data-dir', dir, 'audit', 'list', '--record', `member:${id}`, '--json']),
    );
    expect(listed.data.total).toBe(1);
    expect(listed.data.entries[0]).toMatchObject({ actionLabel: '新增会员', record: { type: 'member', id: String(id), name: '王五' } });
    const chinese = await ledgerInProcess(['--data-dir', dir, 'audit', 'list', '--record', `会员:${id}`]);
    expect(chinese.stdout).toContain('共 1 条修改记录。');
    const bad = await ledgerInProcess(['--data-dir', dir, 'audit', 'list', '--record', 'member']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('应写成 类型:编号');

    const out = path.join(tempDir(), '修改记录.xlsx');
    const r = await ledgerInProcess(['--data-dir', dir, 'audit', 'export', '--record', `member:${id}`, '--out', out]);
    expect(r.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    const again = await ledgerInProcess(['--data-dir', dir, 'audit', 'export', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已存在，未覆盖');
  });
});
