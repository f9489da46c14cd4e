/**
 * Export → import changes nothing: our standard template comes back as 0 created, 0 updated, all unchanged
 * (IDs as text, real dates, formula-looking text protected by an apostrophe and unprotected again); the
 * Hainan 20-column template is recognised column by column below its heading rows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import type { FileRef } from '../../../shared/contract/app';
import { call, openTestContext } from '../../helpers/context';
import { commit, dumpMembers, preview } from './helpers';

let ctx: AppContext;
beforeEach(async () => {
  ctx = await openTestContext();
  const yw = await call<{ id: number }>(ctx, 'groups.create', { parentId: null, kind: 'group', name: '语文组' });
  const members = [
    {
      name: '李建国', idNumber: '110108198503120011', memberNo: 'HY001', staffNo: '0012', phone: '13800138000', groupId: yw.id,
      joinDate: '2008-09-01', ethnicity: '回族', politicalStatus: '中共党员', education: '研究生', degree: '硕士', jobTitle: '教研组长',
      professionalTitle: '高级教师', workUnit: '第一中学', department: '语文组', employmentStatus: '在岗', householdType: '非农业',
      householdPlace: '北京市海淀区', nativePlace: '山东济南', isMigrantWorker: false, monthlyWage: 8650.5, remarks: '=1+1 不是公式',
    },
    { name: '王秀英', idNumber: '310115199007040026', phone: '0571-88886666', remarks: '-5 分', isMigrantWorker: true },
    { name: 'Zoë Smith', idType: 'passport', idNumber: 'E12345678', memberNo: 'HY003', birthDate: '1980-02-03', gender: '女' },
    { name: '无证件', memberNo: 'HY004', birthDate: '1975-06-07', gender: '男', remarks: '@提醒' },
    { name: '赵敏', idNumber: '32010219651001004X', joinDate: '1990-03-01' },
  ];
  for (const m of members) await call(ctx, 'members.create', { member: m });
});
afterEach(async () => {
  await ctx.close();
});

describe('export → import round trip', () => {
  it('standard template: 0 created, 0 updated, every member unchanged', async () => {
    const before = dumpMembers(ctx);
    const file = await call<FileRef & { count: number }>(ctx, 'members.export', { query: {}, template: 'standard' });
    expect(file.count).toBe(5);
    const r = await commit(ctx, { token: file.token });
    expect(r.errors).toEqual([]);
    expect(r.counts).toMatchObject({ rowsRead: 5, created: 0, updated: 0, unchanged: 5, skipped: 0 });
    expect(r.batchId).toBeNull();
    expect(r.columns.filter((c) => c.field === null).map((c) => c.header)).toEqual(['会籍状态']);
    expect(dumpMembers(ctx)).toEqual(before);
  });

  it('standard template after a change in the file shows exactly that change', async () => {
    const file = await call<FileRef>(ctx, 'members.export', { query: { search: '李建国' }, template: 'standard' });
    await call(ctx, 'members.update', {
      id: 1,
      member: { ...(await call<Record<string, unknown>>(ctx, 'members.get', { id: 1 })), jobTitle: '副校长', familyMembers: [] },
    });
    const p = await preview(ctx, { token: file.token });
    expect(p.rows[0]).toMatchObject({ action: 'update', diff: [{ field: 'job_title', label: '职务', before: '副校长', after: '教研组长' }] });
  });

  it('Hainan 20-column template: header below the heading rows, columns mapped, 填表说明 not a record, unchanged', async () => {
    const file = await call<FileRef>(ctx, 'members.export', { query: {}, template: 'hainan' });
    const p = await preview(ctx, { token: file.token });
    expect(p.headerRows).toEqual([4]);
    expect(p.notes.join()).toContain('表尾');
    const map = Object.fromEntries(p.columns.map((c) => [c.header, c.field]));
    expect(map).toEqual({
      序号: 'seq', 姓名: 'name', 性别: 'gender', 出生日期: 'birthDate', 民族: 'ethnicity', 就业状况: 'employmentStatus',
      有效证件类别: 'idType', 证件号码: 'idNumber', 学历: 'education', 技能等级: null, 移动电话: 'phone', 户籍类型: 'householdType',
      户籍所在地: 'householdPlace', 会籍变化类型: null, 会籍变化日期: null, 会籍变化原因: null, 政治面貌: 'politicalStatus',
      工作单位: 'workUnit', 籍贯: 'nativePlace', 是否农民工: 'isMigrantWorker',
    });
    expect(p.errors).toEqual([]);
    // The four members with an ID number are recognised by it; the fifth (only a 会员证号, which this
    // template does not carry) matches by 姓名 + 出生日期.
    expect(p.counts).toMatchObject({ rowsRead: 5, created: 0, updated: 0, unchanged: 5 });
  });
});
