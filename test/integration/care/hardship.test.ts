import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { careArchive } from '../../../electron/core/care/care.archive';
import type { AppContext } from '../../../electron/core/context';
import { chromiumPath, createChromiumPdf } from '../../../electron/core/print/pdf-chromium';
import type { FileRef, HardshipDetail, HardshipInput, HardshipRow } from '../../../shared/contract';
import { call, openTestContext, tempDir } from '../../helpers/context';

const pdf = createChromiumPdf();
afterAll(() => pdf.close());

let ctx: AppContext;
beforeEach(async () => {
  ctx = await openTestContext({ clock: () => new Date('2026-12-07T09:00:00+08:00'), ports: { pdf } });
  await call(ctx, 'settings.update', { unitName: '某某市第一中学', unionName: '某某市第一中学工会委员会' });
});
afterEach(async () => {
  await ctx.close();
});

const refused = async (channel: string, input: unknown) => {
  const r = await ctx.dispatch(channel, input);
  expect(r.ok, `${channel} should be refused`).toBe(false);
  return r.ok ? { code: '', message: '' } : r.error;
};
const outPath = (ref: FileRef) => ctx.files.resolve(ref.token).path;
function tokenFor(name: string, content: Buffer | string): string {
  const file = path.join(tempDir('ledger-pick-'), 'picked');
  fs.writeFileSync(file, content);
  return ctx.files.register(file, name, false).token;
}

const FILE = (memberId: number): HardshipInput => ({
  memberId,
  category: '低保边缘户',
  mainReason: '患重特大疾病',
  secondaryReasons: ['子女上学', '下岗失业'],
  familySize: 3,
  incomePerHead: 980.5,
  ownIncome: 2600,
  familyIncome: 35298,
  health: '尿毒症',
  housing: '租房',
  housingArea: 46.5,
  maritalStatus: '已婚',
  hukouType: '非农业',
  medicalInsurance: '城镇职工医保',
  phone: '13812345678',
  address: '某某市中山路 12 号 3 单元 401',
  bankName: '中国工商银行',
  bankBranch: '中山路支行',
  bankAccount: '6222 0212 3456 7890 123',
  filedOn: '2026-03-01',
  filedBy: '李干事',
  auditedBy: '王主席',
  auditedOn: '2026-03-05',
  family: [
    { name: '王秀兰', relation: '配偶', gender: '女', idNumber: '110108198601020027', birthDate: '1986-01-02', health: '良好', monthlyIncome: 0, identity: '失(无)业', medicalInsurance: '城乡居民医保' },
    { name: '张小明', relation: '子女', gender: '男', idNumber: '110108201209090015', birthDate: '2012-09-09', health: '良好', identity: '学生', workplace: '某某市第二中学' },
  ],
});

describe('困难职工档案 (#13)', () => {
  it('a file round-trips with its family members, reasons and bank account; the account is masked unless revealed', async () => {
    const m = await call<{ id: number }>(ctx, 'members.create', { member: { name: '张三丰', idNumber: '110108198503120011', gender: '男', ethnicity: '汉族' } });
    const row = await call<HardshipRow>(ctx, 'care.hardshipCreate', { hardship: FILE(m.id) });
    expect(row).toMatchObject({ memberName: '张三丰', secondaryReasons: ['子女上学', '下岗失业'], bankAccountMasked: '622202*********0123', idNumberMasked: '110108********0011' });

    const d = await call<HardshipDetail>(ctx, 'care.hardshipGet', { id: row.id });
    expect(d.bankAccount).toBeNull();
    expect(d.family.map((f) => [f.name, f.relation, f.idNumber])).toEqual([
      ['王秀兰', '配偶', '110108********0027'],
      ['张小明', '子女', '110108********0015'],
    ]);
    expect(d).toMatchObject({ ownIncomeFen: 260000, familyIncomeFen: 3529800, incomePerHeadFen: 98050, housingArea: 46.5, health: '尿毒症', member: { gender: '男', ethnicity: '汉族' } });
    const shown = await call<HardshipDetail>(ctx, 'care.hardshipGet', { id: row.id, revealIds: true });
    expect(shown.bankAccount).toBe('6222021234567890123');
    expect(shown.family[0]!.idNumber).toBe('110108198601020027');
    expect(shown.family[1]).toMatchObject({ workplace: '某某市第二中学', monthlyIncomeFen: null, gender: '男', birthDate: '2012-09-09' });

    // A save without the account keeps it; the family table is rewritten as a whole.
    const { bankAccount: _omit, ...rest } = FILE(m.id);
    const updated = await call<HardshipDetail>(ctx, 'care.hardshipUpdate', { id: row.id, hardship: { ...rest, family: [FILE(m.id).family![1]!], secondaryReasons: ['子女上学'] } });
    expect(updated.family.map((f) => f.name)).toEqual(['张小明']);
    expect(updated.secondaryReasons).toEqual(['子女上学']);
    expect((await call<HardshipDetail>(ctx, 'care.hardshipGet', { id: row.id, revealIds: true })).bankAccount).toBe('6222021234567890123');
    // The audit keeps the account masked.
    const audits = ctx.db.prepare("SELECT after_json FROM audit_log WHERE entity = 'hardship_file' AND action = 'care.hardshipCreate'").all() as { after_json: string }[];
    expect(audits[0]!.after_json).not.toContain('6222021234567890123');
    expect(audits[0]!.after_json).toContain('622202*********0123');

    // Bad input, in Chinese.
    expect((await refused('care.hardshipUpdate', { id: row.id, hardship: { ...rest, secondaryReasons: ['子女上学', '下岗失业', '其他', '遭受意外事故'] } })).message).toContain('最多 3 项');
    expect((await refused('care.hardshipUpdate', { id: row.id, hardship: { ...rest, secondaryReasons: ['患重特大疾病'] } })).message).toBe('次要致困原因不能与主要致困原因相同。');
    expect((await refused('care.hardshipUpdate', { id: row.id, hardship: { ...rest, bankAccount: '6222-abc' } })).message).toContain('银行卡号只能是数字');
    expect((await refused('care.hardshipCreate', { hardship: FILE(m.id) })).message).toContain('已有在档');
  });

  it('帮扶记录 with yearly totals, scans through file tokens, the printed form (PDF) and the 花名册 .xlsx', async () => {
    const m = await call<{ id: number }>(ctx, 'members.create', { member: { name: '张三丰', idNumber: '110108198503120011', gender: '男' } });
    const row = await call<HardshipRow>(ctx, 'care.hardshipCreate', { hardship: FILE(m.id) });
    await call(ctx, 'care.hardshipAidAdd', { fileId: row.id, aid: { date: '2025-12-20', kind: '节日慰问', amount: 500, fundSource: '工会经费' } });
    await call(ctx, 'care.hardshipAidAdd', { fileId: row.id, aid: { date: '2026-04-01', kind: '医疗救助', amount: 3000, fundSource: '上级工会帮扶资金' } });
    const d = await call<HardshipDetail>(ctx, 'care.hardshipAidAdd', { fileId: row.id, aid: { date: '2026-09-01', kind: '助学', amount: 1200.5, fundSource: '工会经费' } });
    expect(d.aidByYear).toEqual([
      { year: 2025, count: 1, totalFen: 50000 },
      { year: 2026, count: 2, totalFen: 420050 },
    ]);
    expect(d).toMatchObject({ aidYearFen: 420050, aidTotalFen: 470050 });
    expect((await refused('care.hardshipAidAdd', { fileId: row.id, aid: { date: '2026-09-01', kind: '助学', amount: -1 } })).message).toContain('金额不能为负数');
    const afterRemove = await call<HardshipDetail>(ctx, 'care.hardshipAidRemove', { id: d.aid[0]!.id, reason: '重复登记' });
    expect(afterRemove.aidTotalFen).toBe(420050);

    const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 32), Buffer.from('\n%%EOF\n')]);
    const withScan = await call<HardshipDetail>(ctx, 'care.hardshipAttachmentAdd', { fileId: row.id, kind: '诊断证明及票据', tokens: [tokenFor('诊断证明.pdf', scan)] });
    expect(withScan.attachments).toMatchObject([{ label: '诊断证明.pdf', kind: '诊断证明及票据' }]);
    const back = await call<FileRef>(ctx, 'care.hardshipAttachmentFile', { id: withScan.attachments[0]!.id });
    expect(fs.readFileSync(outPath(back)).equals(scan)).toBe(true);
    expect((await refused('care.hardshipAttachmentAdd', { fileId: row.id, tokens: ['../../etc/passwd'] })).code).toBe('VALIDATION');
    expect((await refused('care.hardshipAttachmentAdd', { fileId: row.id, tokens: [tokenFor('run.exe', 'MZ\x90\x00')] })).message).toContain('可执行');

    const { html } = await call<{ html: string }>(ctx, 'care.hardshipHtml', { id: row.id });
    expect(html).toContain('622202*********0123');
    expect(html).not.toContain('6222021234567890123');
    expect(html).toContain('110108********0011');
    expect((await call<{ html: string }>(ctx, 'care.hardshipHtml', { id: row.id, revealIds: true })).html).toContain('6222021234567890123');

    if (chromiumPath()) {
      const ref = await call<FileRef>(ctx, 'care.hardshipPdf', { id: row.id });
      const text = execFileSync('pdftotext', ['-layout', outPath(ref), '-'], { encoding: 'utf8' });
      for (const want of ['困难职工档案表', '张三丰', '王秀兰', '配偶', '患重特大疾病', '子女上学、下岗失业', '中山路支行', '622202*********0123', '医疗救助', '3000.00', '基层工会意见', '某某市第一中学工会委员会']) expect(text).toContain(want);
      expect(text).not.toContain('6222021234567890123');
      const pages = execFileSync('pdfinfo', [outPath(ref)], { encoding: 'utf8' });
      expect(pages).toMatch(/Pages:\s+1\b/);
      expect(pages).toContain('(A4)');
    }

    const xl = await call<FileRef>(ctx, 'care.hardshipRosterXlsx', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outPath(xl));
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toBe('某某市第一中学工会委员会困难职工花名册');
    const line = (ws.getRow(4).values as unknown[]).slice(1);
    expect(line).toEqual(expect.arrayContaining(['张三丰', '110108********0011', '低保边缘户', '子女上学、下岗失业', '622202*********0123', '138****5678', '在档', 4200.5]));
    const full = await call<FileRef>(ctx, 'care.hardshipRosterXlsx', { revealIds: true });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(outPath(full));
    // Full numbers: the notice row first (#16), so the first data row moves down by one.
    expect(wb2.worksheets[0]!.getCell(1, 1).value).toBe('内部资料 含个人信息 请妥善保管');
    expect((wb2.worksheets[0]!.getRow(5).values as unknown[]).slice(1)).toEqual(expect.arrayContaining(['110108198503120011', '6222021234567890123']));
  }, 60_000);
});

describe('困难职工档案 in the year-end archive (#13)', () => {
  it('one item per file with something in the year, its aid of that year, scans as files, numbers masked', async () => {
    const m = await call<{ id: number }>(ctx, 'members.create', { member: { name: '张三丰', idNumber: '110108198503120011' } });
    const row = await call<HardshipRow>(ctx, 'care.hardshipCreate', { hardship: { ...FILE(m.id), filedOn: '2025-03-01', auditedOn: null } });
    await call(ctx, 'care.hardshipAidAdd', { fileId: row.id, aid: { date: '2026-04-01', kind: '医疗救助', amount: 3000 } });
    const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(500, 32), Buffer.from('\n%%EOF\n')]);
    await call(ctx, 'care.hardshipAttachmentAdd', { fileId: row.id, tokens: [tokenFor('低保证明.pdf', scan)] });
    const items = [...careArchive.items(ctx.db, 2026)].filter((i) => i.kind === 'care.hardship');
    expect(items.map((i) => [i.sourceKey, i.title, i.date])).toEqual([[`hardship:${row.id}:2026`, '张三丰困难职工档案（2026年度）', '2026-04-01']]);
    expect(items[0]!.files).toMatchObject([{ name: '低保证明.pdf', mime: 'application/pdf' }]);
    const html = items[0]!.renderHtml!();
    expect(html).toContain('医疗救助');
    expect(html).toContain('622202*********0123');
    expect(html).not.toContain('6222021234567890123');
    expect([...careArchive.items(ctx.db, 2025)].filter((i) => i.kind === 'care.hardship').map((i) => i.title)).toEqual(['张三丰困难职工档案（2025年度）']);
    expect([...careArchive.items(ctx.db, 2024)].filter((i) => i.kind === 'care.hardship')).toEqual([]);
    // The archive plans them like any other item.
    const view = await call<{ items: { sourceKey: string }[] }>(ctx, 'archive.plan', { year: 2026 });
    expect(view.items.map((i) => i.sourceKey)).toContain(`hardship:${row.id}:2026`);
  });
});

describe('birthday and 逢十 greeting lists (#13)', () => {
  it('print with a 领取人签字 column and export .xlsx', async () => {
    await call(ctx, 'members.create', { member: { name: '张三丰', idNumber: '110108198503120011', birthDate: '1985-03-12', department: '语文组' } });
    await call(ctx, 'members.create', { member: { name: '李秀英', idNumber: '310115196603040029', birthDate: '1966-03-04' } });
    const month = await call<{ html: string; count: number }>(ctx, 'care.birthdaysHtml', { year: 2026, month: 3 });
    expect(month.count).toBe(2);
    expect(month.html).toContain('领取人签字');
    expect(month.html).toContain('3月12日');
    const decade = await call<{ html: string; count: number }>(ctx, 'care.decadeHtml', { year: 2026, minAge: 60 });
    expect(decade.count).toBe(1);
    expect(decade.html).toContain('李秀英');
    expect(decade.html).not.toContain('张三丰');

    const xl = await call<FileRef>(ctx, 'care.birthdaysXlsx', { year: 2026, month: 3 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outPath(xl));
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toBe('生日慰问名单');
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(['序号', '姓名', '部门', '生日', '周岁', '备注', '领取人签字']);
    const line = ws.getRow(4);
    expect([line.getCell(1).value, line.getCell(2).value, line.getCell(4).value, line.getCell(5).value]).toEqual([1, '李秀英', '3月4日', 60]);
    expect(String(ws.getRow(6).getCell(1).value)).toBe('共 2 人');

    if (chromiumPath()) {
      const ref = await call<FileRef>(ctx, 'care.decadePdf', { year: 2026, minAge: 60 });
      const text = execFileSync('pdftotext', ['-layout', outPath(ref), '-'], { encoding: 'utf8' });
      for (const want of ['逢十生日慰问名单', '李秀英', '1966-03-04', '在册', '领取人签字', '共1人']) expect(text.replace(/ (?=\d|人)/g, '')).toContain(want);
    }
  }, 60_000);
});
