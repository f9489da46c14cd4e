/**
 * What each row does to the member files: 新建, 更新 with a diff, 无变化, 跳过 — identity by ID number, then
 * 会员证号, then 工号 (only when unique), then 姓名 + 出生日期; duplicates inside the file on both rows; an ID
 * number Excel turned into a number refused; corrected mappings remembered per header.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import type { MemberDetail } from '../../../shared/contract/members';
import { call, openTestContext, tempDir } from '../../helpers/context';
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

const HEADER = ['序号', '姓名', '性别', '身份证号码', '手机号码', '会员证号', '工号', '职务', '工会小组', '入会时间', '民族', '备注'];
const row = (n: number, v: Partial<Record<(typeof HEADER)[number], string | number | Date | null>>) => HEADER.map((h) => (h === '序号' ? n : (v[h] ?? null)));
let fileNo = 0;
const sheet = async (rows: (string | number | Date | null)[][], header: (string | null)[] = HEADER) =>
  tokenOf(ctx, await writeXlsx(path.join(dir, `roster-${++fileNo}.xlsx`), { 花名册: [header, ...rows] }));
const member = (key: string) => call<MemberDetail>(ctx, 'members.find', { key });
const count = (sql: string) => (ctx.db.prepare(sql).get() as { n: number }).n;

describe('upsert', () => {
  it('creates members with checked IDs, text numbers, list values and the group by name', async () => {
    const g = await call<{ id: number }>(ctx, 'groups.create', { parentId: null, kind: 'group', name: '语文组' });
    const token = await sheet([
      row(1, { 姓名: '李建国', 身份证号码: '110108198503120011', 手机号码: '13800138000', 会员证号: 'HY001', 工会小组: '语文组', 入会时间: '2008.9', 民族: '汉' }),
      row(2, { 姓名: '王秀英', 身份证号码: '31011519900704002６', 手机号码: ' 139 0013 9000 ', 会员证号: 'HY002', 工会小组: '不存在的组' }),
    ]);
    // The clerk chose not to create missing groups (the default creates them: units.test.ts).
    const r = await commit(ctx, { token, createUnits: false });
    expect(r.counts).toMatchObject({ rowsRead: 2, created: 2, updated: 0, unchanged: 0, skipped: 0 });
    expect(r.batchId).toBeGreaterThan(0);
    const li = await member('HY001');
    expect(li).toMatchObject({ name: '李建国', gender: '男', birthDate: '1985-03-12', phone: '13800138000', groupId: g.id, joinDate: '2008-09-01', ethnicity: '汉族' });
    expect(li.events.map((e) => e.type)).toEqual(['join']);
    const wang = await member('HY002');
    expect(wang).toMatchObject({ idNumber: '310115199007040026', phone: '13900139000', groupId: null, gender: '女' });
    expect(r.warnings).toContainEqual(expect.objectContaining({ row: 3, column: 'I', header: '工会小组', message: '工会小组「不存在的组」不存在，未设置（已选择不新建缺少的组织）' }));
    expect(r.warnings).toContainEqual(expect.objectContaining({ row: 2, header: '民族', message: '民族「汉」按「汉族」导入' }));
  });

  it('the same file again: every row 无变化, no batch, nothing written', async () => {
    const rows = [row(1, { 姓名: '李建国', 身份证号码: '110108198503120011', 会员证号: 'HY001', 职务: '教师' })];
    await commit(ctx, { token: await sheet(rows) });
    const audit = count('SELECT count(*) AS n FROM audit_log');
    const backups = ctx.listBackups().length;
    const r = await commit(ctx, { token: await sheet(rows) });
    expect(r.counts).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(r.rows[0]).toMatchObject({ action: 'unchanged', note: '按证件号码匹配：李建国（会员证号 HY001）' });
    expect(r.batchId).toBeNull();
    expect(count('SELECT count(*) AS n FROM audit_log')).toBe(audit);
    expect(ctx.listBackups()).toHaveLength(backups);
  });

  it('changed fields are updated and shown as a diff; empty cells and people missing from the file are left alone', async () => {
    await call(ctx, 'members.create', { member: { name: '李建国', idNumber: '110108198503120011', memberNo: 'HY001', jobTitle: '教师', phone: '13800138000', remarks: '老备注' } });
    await call(ctx, 'members.create', { member: { name: '不在表里', idNumber: '440306197812250039' } });
    const token = await sheet([row(1, { 姓名: '李建国', 身份证号码: '110108198503120011', 职务: '教研组长', 手机号码: '', 备注: null })]);
    const p = await preview(ctx, { token });
    expect(p.rows[0]).toMatchObject({ action: 'update', note: '按证件号码匹配：李建国（会员证号 HY001）' });
    expect(p.rows[0]?.diff).toEqual([{ field: 'job_title', label: '职务', before: '教师', after: '教研组长' }]);
    const r = await commit(ctx, { token });
    expect(r.counts).toMatchObject({ updated: 1, created: 0 });
    expect(await member('HY001')).toMatchObject({ jobTitle: '教研组长', phone: '13800138000', remarks: '老备注' });
    expect((await member('440306197812250039')).name).toBe('不在表里');
  });

  it('matches by 会员证号 when the row has no ID, and adds the ID to a member who had none', async () => {
    await call(ctx, 'members.create', { member: { name: '张伟', memberNo: 'HY003' } });
    const r = await commit(ctx, { token: await sheet([row(1, { 姓名: '张伟', 会员证号: 'HY003', 身份证号码: '440306197812250039' })]) });
    expect(r.rows[0]).toMatchObject({ action: 'update', note: '按会员证号匹配：张伟（会员证号 HY003）' });
    expect(await member('HY003')).toMatchObject({ idNumber: '440306197812250039', birthDate: '1978-12-25' });
  });

  it('refuses a row whose ID number and 会员证号 belong to two different members', async () => {
    await call(ctx, 'members.create', { member: { name: '甲', idNumber: '110108198503120011', memberNo: 'A1' } });
    await call(ctx, 'members.create', { member: { name: '乙', idNumber: '310115199007040026', memberNo: 'B2' } });
    const r = await commit(ctx, { token: await sheet([row(1, { 姓名: '甲', 身份证号码: '110108198503120011', 会员证号: 'B2' })]) });
    expect(r.counts).toMatchObject({ skipped: 1, updated: 0 });
    expect(r.errors[0]?.message).toBe('证件号码属于甲（会员证号 A1），会员证号 B2 却属于乙（会员证号 B2），请核对后再导入');
  });

  it('工号 identifies a member only when exactly one has it', async () => {
    await call(ctx, 'members.create', { member: { name: '单一', staffNo: 'G100' } });
    await call(ctx, 'members.create', { member: { name: '重一', staffNo: 'G200' } });
    await call(ctx, 'members.create', { member: { name: '重二', staffNo: 'G200' } });
    const r = await commit(ctx, {
      token: await sheet([row(1, { 姓名: '单一', 工号: 'G100', 职务: '主任' }), row(2, { 姓名: '重一', 工号: 'G200', 职务: '科员' })]),
    });
    expect(r.rows.map((x) => x.action)).toEqual(['update', 'create']);
    expect(r.rows[0]?.note).toBe('按工号匹配：单一（编号 1）');
    expect(r.warnings).toContainEqual(expect.objectContaining({ row: 3, header: '工号', message: '工号 G200 对应 2 名会员，未按工号匹配' }));
  });

  it('without any key, 姓名 + 出生日期 find the one member who has both', async () => {
    await call(ctx, 'members.create', { member: { name: '刘洋', birthDate: '1990-05-06', jobTitle: '科员' } });
    const header = ['姓名', '出生日期', '职务'];
    const r = await commit(ctx, { token: await sheet([['刘洋', '1990-05-06', '主任'], ['刘洋', '1991-01-01', '主任']], header) });
    expect(r.rows.map((x) => [x.action, x.note])).toEqual([
      ['update', '按姓名和出生日期匹配：刘洋（编号 1）'],
      ['create', '没有证件号码、会员证号或工号，按新会员导入'],
    ]);
  });

  it('duplicates inside the file are reported on both rows; the later row is the error and is skipped', async () => {
    const token = await sheet([
      row(1, { 姓名: '李建国', 身份证号码: '110108198503120011' }),
      row(2, { 姓名: '王秀英', 会员证号: 'HY9' }),
      row(3, { 姓名: '李建国', 身份证号码: '110108198503120011' }),
      row(4, { 姓名: '王秀英', 会员证号: 'HY9' }),
    ]);
    const r = await commit(ctx, { token });
    expect(r.counts).toMatchObject({ rowsRead: 4, created: 2, skipped: 2 });
    expect(r.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [4, 'D', '与第 2 行重复（证件号码 110108198503120011），本行未导入'],
      [5, 'F', '与第 3 行重复（会员证号 HY9），本行未导入'],
    ]);
    expect(r.warnings.map((e) => [e.row, e.message])).toEqual([
      [2, '与第 4 行重复（证件号码 110108198503120011），以该行为准'],
      [3, '与第 5 行重复（会员证号 HY9），以该行为准'],
    ]);
    // In the batch summary too: nothing is dropped silently.
    const summary = JSON.parse((ctx.db.prepare('SELECT summary_json FROM import_batches').get() as { summary_json: string }).summary_json);
    expect(summary.skippedRows).toEqual([
      { sheet: '花名册', row: 4, reason: '与第 2 行重复（证件号码 110108198503120011），本行未导入' },
      { sheet: '花名册', row: 5, reason: '与第 3 行重复（会员证号 HY9），本行未导入' },
    ]);
  });

  it('an ID number stored as a number has lost digits: that row is refused with the reason, never a guess', async () => {
    const r = await commit(ctx, { token: await sheet([row(1, { 姓名: '数字号', 身份证号码: 110108198503120000 }), row(2, { 姓名: '文本号', 身份证号码: '110108198503120011' })]) });
    expect(r.counts).toMatchObject({ created: 1, skipped: 1 });
    expect(r.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'D', message: '身份证号被 Excel 存成了数字，末几位已丢失，请把该列设为文本后从原始资料重新录入' }),
    ]);
    expect(count("SELECT count(*) AS n FROM members WHERE name = '数字号'")).toBe(0);
  });

  it('a corrected mapping is remembered for the header and applied next time; an empty one forgets it', async () => {
    const header = ['姓名', '身份证号码', '岗位'];
    const rows = [['李建国', '110108198503120011', '教研组长']];
    const first = await preview(ctx, { token: await sheet(rows, header) });
    expect(first.columns.find((c) => c.header === '岗位')).toMatchObject({ field: null, userChosen: false });
    expect(first.mappingSource).toBe('detected');
    await commit(ctx, { token: await sheet(rows, header), overrides: { 岗位: 'jobTitle' } });
    expect((await member('110108198503120011')).jobTitle).toBe('教研组长');

    const again = await preview(ctx, { token: await sheet(rows, header) });
    expect(again.mappingSource).toBe('remembered');
    expect(again.columns.find((c) => c.header === '岗位')).toMatchObject({ field: 'jobTitle', fieldLabel: '职务', userChosen: true });
    expect(again.counts.unchanged).toBe(1);

    await commit(ctx, { token: await sheet(rows, header), overrides: {} });
    expect((await preview(ctx, { token: await sheet(rows, header) })).mappingSource).toBe('detected');
  });

  it('refuses an unknown field or column in the mapping, and a sheet that does not exist', async () => {
    const token = await sheet([row(1, { 姓名: '甲' })]);
    const bad = async (input: Record<string, unknown>) => {
      const r = await ctx.dispatch('members.importPreview', { token, ...input });
      return r.ok ? null : r.error.message;
    };
    expect(await bad({ overrides: { 岗位: 'jobTitle' } })).toBe('表头中没有「岗位」这一列');
    expect(await bad({ overrides: { 职务: 'salary' } })).toBe('不认识的字段「salary」');
    expect(await bad({ sheets: ['Sheet9'] })).toBe('工作表「Sheet9」不存在');
  });

  it('without a 姓名 column the preview names the blocker and a commit is refused', async () => {
    const token = await sheet([['110108198503120011', '男']], ['身份证号码', '性别']);
    const p = await preview(ctx, { token });
    expect(p.blockers).toEqual(['没有对应「姓名」的列：请在“核对表头与列对应”中为姓名所在的列选择「姓名」']);
    const r = await ctx.dispatch('members.importCommit', { token });
    expect(r.ok ? null : r.error.message).toBe(p.blockers[0]);
  });

  it('texts longer than the member form allows are row errors on their column', async () => {
    const long = '很'.repeat(31);
    const r = await commit(ctx, { token: await sheet([row(1, { 姓名: long }), row(2, { 姓名: '正常', 职务: '长'.repeat(51) }), row(3, { 姓名: '也正常' })]) });
    expect(r.counts).toMatchObject({ created: 1, skipped: 2 });
    expect(r.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'B', '姓名不能超过 30 个字'],
      [3, 'H', '职务不能超过 50 个字'],
    ]);
  });

  it('sheets with different headers cannot be imported together', async () => {
    const file = await writeXlsx(path.join(dir, 'two.xlsx'), { 一: [['姓名', '性别'], ['甲', '男']], 二: [['姓名', '手机号码'], ['乙', '13800138000']] });
    const r = await ctx.dispatch('members.importPreview', { token: tokenOf(ctx, file), sheets: ['一', '二'] });
    expect(r.ok ? null : r.error.message).toBe('工作表「二」的表头与「一」不同，不能一起导入；请分别导入');
  });
});
