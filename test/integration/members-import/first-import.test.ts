/**
 * A first roster into an empty database (#15 items 1–4): the missing 工会小组 are proposed and created in the
 * import's transaction (near spellings matched, not duplicated), benign notes grouped per column and value
 * with the one real conflict first, future and too-early dates warned, and the skipped and warned rows saved
 * as a workbook that imports again once fixed — also later, from 导入记录.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import type { FileRef } from '../../../shared/contract/app';
import type { ImportBatch } from '../../../shared/contract/imports';
import { call, openTestContext, tempDir } from '../../helpers/context';
import { FIRST_COUNT, FIRST_GROUPS, FIRST_ROWS, writeFirstRoster } from '../../fixtures/first-roster';
import { commit, preview, tokenOf, writeXlsx } from './helpers';

let ctx: AppContext;
let dir: string;
beforeEach(async () => {
  ctx = await openTestContext();
  dir = tempDir();
});
afterEach(async () => {
  await ctx.close();
});

const units = () => ctx.db.prepare('SELECT name, kind FROM union_units WHERE deleted_at IS NULL ORDER BY id').all() as { name: string; kind: string }[];
const membersWithoutGroup = () => (ctx.db.prepare('SELECT count(*) AS n FROM members WHERE deleted_at IS NULL AND group_id IS NULL').get() as { n: number }).n;
const pathOf = (ref: FileRef) => ctx.files.resolve(ref.token).path;

async function readBack(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const out: string[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return out;
}

describe('a first roster into an empty database', () => {
  it('proposes the six missing groups (near spellings matched), creates them on commit, and every member has one', async () => {
    const token = tokenOf(ctx, await writeFirstRoster(path.join(dir, '教职工花名册.xlsx')));
    const p = await preview(ctx, { token });
    expect(p.units.create).toBe(true);
    expect(p.units.toCreate.map((u) => u.name)).toEqual(FIRST_GROUPS);
    expect(p.units.toCreate.every((u) => u.kind === 'group')).toBe(true);
    expect(p.units.matches).toEqual(
      expect.arrayContaining([
        { given: '第1小组', name: '第一小组', existing: false, rows: 1 },
        { given: '第3小组', name: '第三小组', existing: false, rows: 1 },
      ]),
    );
    expect(p.warnings.filter((w) => w.header === '工会小组')).toEqual([]);
    expect(units()).toEqual([]);

    const r = await commit(ctx, { token });
    expect(r.counts).toMatchObject({ rowsRead: FIRST_COUNT, created: FIRST_COUNT - 1, skipped: 1 });
    expect(units()).toEqual(FIRST_GROUPS.map((name) => ({ name, kind: 'group' })));
    expect(membersWithoutGroup()).toBe(0);
    // One audit entry per created group, in the import's transaction (same batch).
    const audits = ctx.db.prepare("SELECT after_json FROM audit_log WHERE action = 'groups.create'").all() as { after_json: string }[];
    expect(audits).toHaveLength(6);
    expect(JSON.parse(audits[0]!.after_json)).toMatchObject({ name: '第一小组', importBatchId: r.batchId });
    const batches = await call<ImportBatch[]>(ctx, 'members.importBatches', {});
    expect(batches[0]!.createdUnits).toEqual(FIRST_GROUPS);

    // 撤销本次导入 takes the groups it created with it; a group the clerk has used since stays.
    const tree = () => units().map((u) => u.name);
    await call(ctx, 'members.importUndo', { batchId: r.batchId });
    expect(tree()).toEqual([]);
    const r2 = await commit(ctx, { token: tokenOf(ctx, await writeFirstRoster(path.join(dir, '再导入.xlsx'))) });
    const [kept] = ctx.db.prepare("SELECT id FROM union_units WHERE name = '第二小组' AND deleted_at IS NULL").all() as { id: number }[];
    await call(ctx, 'members.create', { member: { name: '手工加的人', groupId: kept!.id } });
    await call(ctx, 'members.importUndo', { batchId: r2.batchId });
    expect(tree()).toEqual(['第二小组']);
    await call(ctx, 'groups.remove', { id: kept!.id }).catch(() => undefined);
    await commit(ctx, { token: tokenOf(ctx, await writeFirstRoster(path.join(dir, '第三次.xlsx'))) });

    // The next year's file matches the groups that now exist: nothing new to create.
    const again = await preview(ctx, { token: tokenOf(ctx, await writeFirstRoster(path.join(dir, '第二年.xlsx'))) });
    expect(again.units.toCreate).toEqual([]);
    expect(again.units.matches).toEqual(expect.arrayContaining([{ given: '第1小组', name: '第一小组', existing: true, rows: 1 }]));
  });

  it('leaves the groups unset when the clerk says so, with one warning per row', async () => {
    const token = tokenOf(ctx, await writeFirstRoster(path.join(dir, 'a.xlsx')));
    const r = await commit(ctx, { token, createUnits: false });
    expect(units()).toEqual([]);
    expect(membersWithoutGroup()).toBe(FIRST_COUNT - 1);
    expect(r.units.missing.map((m) => m.name)).toEqual(expect.arrayContaining(FIRST_GROUPS));
    expect(r.warnings.filter((w) => w.header === '工会小组').length).toBe(FIRST_COUNT - 1);
  });

  it('a unit that exists under a near spelling is used, not duplicated; 分工会 columns create branches', async () => {
    await call(ctx, 'groups.create', { parentId: null, kind: 'group', name: '第一小组' });
    const file = await writeXlsx(path.join(dir, 'b.xlsx'), {
      花名册: [
        ['姓名', '所属分会'],
        ['甲', '第1小组'],
        ['乙', ' 第１小组 '],
        ['丙', '理科分工会'],
        ['丁', '后勤'],
      ],
    });
    const p = await preview(ctx, { token: tokenOf(ctx, file) });
    expect(p.units.toCreate).toEqual([
      { kind: 'branch', name: '理科分工会', rows: 1, parent: null },
      { kind: 'branch', name: '后勤', rows: 1, parent: null },
    ]);
    expect(p.units.matches).toEqual(expect.arrayContaining([{ given: '第1小组', name: '第一小组', existing: true, rows: 2 }]));
  });
});

describe('warnings', () => {
  it('lists the ID/birth-date conflict first and groups the benign notes per column and value', async () => {
    const token = tokenOf(ctx, await writeFirstRoster(path.join(dir, 'c.xlsx')));
    const p = await preview(ctx, { token });
    const conflicts = p.warnings.filter((w) => !w.benign);
    expect(p.warningSummary.conflicts).toBe(conflicts.length);
    expect(p.warningSummary.conflicts).toBe(3);
    expect(p.warnings.slice(0, 3).every((w) => !w.benign)).toBe(true);
    expect(conflicts).toContainEqual(expect.objectContaining({ row: FIRST_ROWS.birthConflict, message: '填写的出生日期 1975-07-01 与身份证号不符，已按身份证号记为 1975-06-02' }));
    const notes = Object.fromEntries(p.warningSummary.notes.map((n) => [n.message, n.count]));
    expect(notes).toEqual({ '学历「本科」按「大学本科」导入': 24, '学历「硕士研究生」按「研究生」导入': 6 });
  });

  it('a future 入会时间 and one before age 16 are warnings on their column; a future birth date is an error', async () => {
    const token = tokenOf(ctx, await writeFirstRoster(path.join(dir, 'd.xlsx')));
    const p = await preview(ctx, { token });
    expect(p.warnings).toContainEqual(expect.objectContaining({ row: FIRST_ROWS.futureJoin, header: '入会时间', message: '入会时间 2031-01-01 晚于今天，请核对' }));
    expect(p.warnings).toContainEqual(
      expect.objectContaining({ row: FIRST_ROWS.youngJoin, header: '入会时间', message: '入会时间 2012-09-01 时不满 16 周岁（出生日期 2000-03-04），请核对' }),
    );
    const file = await writeXlsx(path.join(dir, 'e.xlsx'), { 花名册: [['姓名', '出生日期'], ['甲', '2099-01-01']] });
    const q = await preview(ctx, { token: tokenOf(ctx, file) });
    expect(q.errors).toEqual([expect.objectContaining({ row: 2, header: '出生日期', message: '出生日期不能晚于今天' })]);
  });
});

describe('问题行', () => {
  it('the batch keeps the skipped and warned rows; 导入记录 downloads them; the fixed file imports again', async () => {
    const token = tokenOf(ctx, await writeFirstRoster(path.join(dir, '教职工花名册.xlsx')));
    const r = await commit(ctx, { token });
    expect(r.issueRows).toBe(4);
    expect(r.issuesFile).toBeNull();
    const [batch] = await call<ImportBatch[]>(ctx, 'members.importBatches', {});
    expect(batch).toMatchObject({ fileName: '教职工花名册.xlsx', rowsRead: FIRST_COUNT, skipped: 1, issueRows: 4 });
    expect(batch!.skippedRows).toEqual([expect.objectContaining({ row: FIRST_ROWS.badId, reason: expect.stringContaining('身份证号有误') })]);

    const ref = await call<FileRef>(ctx, 'members.importIssuesFile', { batchId: r.batchId });
    expect(ref.fileName).toBe('教职工花名册-问题行.xlsx');
    const rows = await readBack(pathOf(ref));
    expect(rows[0]).toEqual(['行号', '序号', '姓名', '性别', '出生年月', '身份证号', '学历', '工会小组', '入会时间', '手机号码', '问题']);
    expect(rows.slice(1).map((x) => Number(x[0]))).toEqual([FIRST_ROWS.birthConflict, FIRST_ROWS.futureJoin, FIRST_ROWS.youngJoin, FIRST_ROWS.badId]);
    const bad = rows.find((x) => Number(x[0]) === FIRST_ROWS.badId)!;
    expect(bad[5]).toMatch(/^11010819\d{10}$/);
    expect(bad[10]).toContain('「身份证号」身份证号有误');

    // Fix the ID in Excel (here: recompute it) and import the file again: the skipped person comes in.
    const { idFor } = await import('../../fixtures/first-roster');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(pathOf(ref));
    const ws = wb.worksheets[0]!;
    ws.eachRow((row, n) => {
      if (n > 1 && Number(row.getCell(1).value) === FIRST_ROWS.badId) {
        const id = String(row.getCell(6).value);
        row.getCell(6).value = idFor(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, Number(id.slice(14, 17)));
      }
    });
    const fixed = path.join(dir, '问题行-已改.xlsx');
    await wb.xlsx.writeFile(fixed);
    const again = await commit(ctx, { token: tokenOf(ctx, fixed) });
    expect(again.counts).toMatchObject({ rowsRead: 4, created: 1, skipped: 0 });
    expect(again.columns.find((c) => c.header === '行号')?.field).toBe('seq');
    expect(again.columns.find((c) => c.header === '问题')?.field).toBeNull();
  });

  it('when nothing is written the result carries the workbook itself', async () => {
    const file = await writeXlsx(path.join(dir, 'f.xlsx'), { 花名册: [['姓名', '身份证号'], ['甲', '110108198503120012']] });
    const r = await commit(ctx, { token: tokenOf(ctx, file) });
    expect(r.batchId).toBeNull();
    expect(r.issuesFile).not.toBeNull();
    const rows = await readBack(pathOf(r.issuesFile!));
    expect(rows).toHaveLength(2);
    expect(rows[1]![1]).toBe('甲');
    expect(fs.existsSync(pathOf(r.issuesFile!))).toBe(true);
  });
});

describe('a roster with a 分工会 column and a 工会小组 column', () => {
  it('creates the branches and their groups under them; 第一小组 of two branches are two groups; undo removes them all', async () => {
    await call(ctx, 'groups.create', { parentId: null, kind: 'branch', name: '内科分工会' });
    const file = await writeXlsx(path.join(dir, 'hospital.xlsx'), {
      花名册: [
        ['姓名', '所属分工会', '工会小组'],
        ['甲', '内科分工会', '第一小组'],
        ['乙', '内科分工会', '第1小组'],
        ['丙', '外科分工会', '第一小组'],
        ['丁', '外科分工会', '第二小组'],
        ['戊', '行政分工会', null],
      ],
    });
    const token = tokenOf(ctx, file);
    const p = await preview(ctx, { token });
    expect(p.columns.map((c) => c.field)).toEqual(['name', 'branch', 'group']);
    expect(p.units.toCreate).toEqual([
      { kind: 'group', name: '第一小组', rows: 2, parent: '内科分工会' },
      { kind: 'branch', name: '外科分工会', rows: 2, parent: null },
      { kind: 'group', name: '第一小组', rows: 1, parent: '外科分工会' },
      { kind: 'group', name: '第二小组', rows: 1, parent: '外科分工会' },
      { kind: 'branch', name: '行政分工会', rows: 1, parent: null },
    ]);
    const r = await commit(ctx, { token });
    const placed = ctx.db
      .prepare(
        `SELECT m.name AS member, u.name AS unit, b.name AS branch FROM members m JOIN union_units u ON u.id = m.group_id
         LEFT JOIN union_units b ON b.id = u.parent_id ORDER BY m.id`,
      )
      .all();
    expect(placed).toEqual([
      { member: '甲', unit: '第一小组', branch: '内科分工会' },
      { member: '乙', unit: '第一小组', branch: '内科分工会' },
      { member: '丙', unit: '第一小组', branch: '外科分工会' },
      { member: '丁', unit: '第二小组', branch: '外科分工会' },
      { member: '戊', unit: '行政分工会', branch: null },
    ]);
    await call(ctx, 'members.importUndo', { batchId: r.batchId });
    expect(units().map((u) => u.name)).toEqual(['内科分工会']);
  });
});

describe('问题行 of a two-row header', () => {
  it('heads each column with its sub-column name, so the file maps again by itself', async () => {
    const { writeMessyRoster, BAD_ID } = await import('../../e2e/pages/messy-roster');
    const file = path.join(dir, '花名册.xlsx');
    await writeMessyRoster(file);
    const r = await commit(ctx, { token: tokenOf(ctx, file) });
    const ref = await call<FileRef>(ctx, 'members.importIssuesFile', { batchId: r.batchId });
    const rows = await readBack(pathOf(ref));
    expect(rows[0]).toEqual(['行号', '序号', '姓名', '性别', '出生年月', '公民身份号码', '手机号码', '岗位', '会员证号', '问题']);
    const again = await preview(ctx, { token: tokenOf(ctx, pathOf(ref)) });
    expect(again.columns.find((c) => c.header === '公民身份号码')?.field).toBe('idNumber');
    expect(again.rows.find((x) => x.cells.some((c) => c.raw === BAD_ID.name))?.action).toBe('skip');
  });
});

describe('问题行 of a real roster', () => {
  it('magicodes 学生基础数据导入.xlsx: the 16 masked-ID rows come back with every column as the file had it', async () => {
    const { real } = await import('./helpers');
    const file = real('magicodes-student-roster', '学生基础数据导入.xlsx');
    const r = await commit(ctx, { token: tokenOf(ctx, file) });
    expect(r.counts).toMatchObject({ rowsRead: 16, skipped: 16 });
    expect(r.batchId).toBeNull();
    const rows = await readBack(pathOf(r.issuesFile!));
    const original = await readBack(file);
    expect(rows[0]).toEqual(['行号', ...original[0]!.map(String), '问题']);
    expect(rows).toHaveLength(17);
    const idCol = original[0]!.indexOf('身份证号');
    for (const row of rows.slice(1)) {
      const src = original[Number(row[0]) - 1]!;
      expect(row[idCol + 1]).toBe(src[idCol]);
      expect(row[idCol + 1]).toMatch(/X{4}$/);
      expect(row.at(-1)).toContain('身份证号被遮盖');
    }
    // 遮盖的证件号按无证件号导入: they come in, and each masked ID is a conflict to look at, not a note.
    const p = await preview(ctx, { token: tokenOf(ctx, file), maskedIds: 'withoutId' });
    expect(p.warningSummary).toEqual({ conflicts: 16, notes: [] });
    expect(p.issueRows).toBe(16);
  });
});

describe('an update into a group the file creates', () => {
  it('the diff names the new group, the change record holds its real id, and undo puts the member back', async () => {
    const m = await call<{ id: number }>(ctx, 'members.create', { member: { name: '李建国', idNumber: '110108198503120011' } });
    const file = await writeXlsx(path.join(dir, 'u.xlsx'), { 花名册: [['姓名', '身份证号', '工会小组'], ['李建国', '110108198503120011', '第七小组']] });
    const token = tokenOf(ctx, file);
    const p = await preview(ctx, { token });
    expect(p.rows[0]!.diff).toEqual([{ field: 'group_id', label: '工会小组', before: null, after: '第七小组' }]);
    const r = await commit(ctx, { token });
    expect(r.counts.updated).toBe(1);
    const unit = ctx.db.prepare("SELECT id FROM union_units WHERE name = '第七小组'").get() as { id: number };
    const change = ctx.db.prepare('SELECT after_json FROM import_batch_changes WHERE batch_id = ?').get(r.batchId) as { after_json: string };
    expect(JSON.parse(change.after_json)).toMatchObject({ group_id: unit.id });
    expect((ctx.db.prepare('SELECT group_id FROM members WHERE id = ?').get(m.id) as { group_id: number }).group_id).toBe(unit.id);
    await call(ctx, 'members.importUndo', { batchId: r.batchId });
    expect((ctx.db.prepare('SELECT group_id FROM members WHERE id = ?').get(m.id) as { group_id: number | null }).group_id).toBeNull();
    expect(units()).toEqual([]);
  });
});
