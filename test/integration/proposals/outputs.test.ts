import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { chromiumPath, createChromiumPdf } from '../../../electron/core/print/pdf-chromium';
import type { FileRef, ProposalStats } from '../../../shared/contract';
import { call, openTestContext, tempDir } from '../../helpers/context';
import { act, register, seedSession, type Seeded } from './seed';

let ctx: AppContext;
let s: Seeded;
const pdf = chromiumPath() ? createChromiumPdf() : null;

/**
 * One session with a bit of everything: two filed proposals (one closed with an A reply and 满意, one assigned
 * and overdue), one merged into the first, one rejected, one 意见建议.
 */
beforeAll(async () => {
  ctx = await openTestContext({ clock: () => new Date('2026-06-10T09:00:00+08:00'), ...(pdf ? { ports: { pdf } } : {}) });
  await call(ctx, 'settings.update', { unitName: '某某市第一中学', unionName: '某某市第一中学工会', operator: '李干事' });
  s = await seedSession(ctx);
  const m = (i: number) => s.members[i]!.id;
  const [hq, jw] = s.units;
  const a = await register(ctx, s.session.id, {
    title: '关于<改善>教工食堂的建议',
    proposerId: m(0),
    seconderIds: [m(1), m(2)],
    category: '后勤管理与服务',
    reasons: '排队时间长\n菜品单一',
    suggestions: '增加窗口',
  });
  const c = await register(ctx, s.session.id, { title: '食堂增加夜宵', proposerId: m(4), seconderIds: [m(3), m(5)], category: '后勤管理与服务' });
  await act(ctx, { proposalId: a.id, type: 'file', date: '2026-03-12' });
  await act(ctx, { proposalId: c.id, type: 'merge', date: '2026-03-12', targetId: a.id });
  await act(ctx, { proposalId: a.id, type: 'assign', date: '2026-03-13', leadUnitId: hq!.id, coUnitIds: [jw!.id], deadline: '2026-05-31' });
  await act(ctx, { proposalId: a.id, type: 'reply', date: '2026-04-20', unitId: hq!.id, replyClass: 'A', text: '已新增两个窗口。' });
  await act(ctx, { proposalId: a.id, type: 'feedback', date: '2026-04-25', satisfaction: 'satisfied' });
  await act(ctx, { proposalId: a.id, type: 'close', date: '2026-04-30' });
  const b = await register(ctx, s.session.id, { title: '完善职称评审办法', proposerId: m(3), seconderIds: [m(4), m(5)], category: '体制机制建设' });
  await act(ctx, { proposalId: b.id, type: 'file', date: '2026-03-12' });
  await act(ctx, { proposalId: b.id, type: 'assign', date: '2026-03-13', leadUnitId: s.units[2]!.id, deadline: '2026-05-31' });
  const d = await register(ctx, s.session.id, { title: '个人调资', proposerId: m(1), seconderIds: [m(0), m(2)] });
  await act(ctx, { proposalId: d.id, type: 'reject', date: '2026-03-12', text: '属个人事项' });
  await register(ctx, s.session.id, { title: '延长图书馆开放时间', proposerId: m(2), seconderIds: [] });
});
afterAll(async () => {
  await ctx.close();
  await pdf?.close();
});

describe('statistics, export and prints of a session', () => {
  it('counts the session as DOMAIN.md §3.5 defines', async () => {
    const st = await call<ProposalStats>(ctx, 'proposals.stats', { sessionId: s.session.id });
    expect(st).toMatchObject({ received: 4, filed: 2, merged: 1, rejected: 1, replied: 1, overdue: 1, feedback: 1, satisfied: 1, closed: 1 });
    expect(st.filingRate.percent).toBe(50);
    expect(st.replyRate.percent).toBe(50);
    expect(st.satisfactionRate.percent).toBe(100);
    expect(st.opinions.registered).toBe(1);
    expect(st.byCategory.find((c) => c.category === '后勤管理与服务')).toMatchObject({ received: 2, filed: 1 });
    expect(st.byUnit.map((u) => [u.name, u.lead, u.co, u.overdue])).toEqual([
      ['后勤管理处', 1, 0, 0],
      ['人事处', 1, 0, 1],
      ['教务处', 0, 1, 0],
    ]);
    expect(st.byDelegation.map((d) => [d.delegation, d.representatives, d.received, d.filed])).toEqual([
      ['第一代表团', 3, 2, 1],
      ['第二代表团', 3, 2, 1],
    ]);
  });

  it('exports the statistics as a workbook with real percentages', async () => {
    const ref = await call<FileRef>(ctx, 'proposals.statsXlsx', { sessionId: s.session.id });
    expect(ref.fileName).toBe('提案统计-五届二次.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ctx.files.resolve(ref.token).path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总体情况', '按类别', '按承办部门', '按代表团', '提案清单']);
    const overview = wb.getWorksheet('总体情况')!;
    const filed = overview.getRows(1, overview.rowCount)!.find((r) => r.getCell(1).value === '立案')!;
    expect(filed.getCell(2).value).toBe(2);
    expect(filed.getCell(3).value).toBe(0.5);
    expect(overview.getColumn(3).numFmt).toBe('0.0%');
    const list = wb.getWorksheet('提案清单')!;
    expect(list.getRow(3).getCell(1).value).toBe('五届二次 第001号');
    expect(list.rowCount).toBe(2 + 5);
  });

  it('prints the 提案表 with the reply, the feedback boxes and escaped text', async () => {
    const first = (await call<{ rows: { id: number }[] }>(ctx, 'proposals.list', { sessionId: s.session.id })).rows[0]!;
    const { html, landscape } = await call<{ html: string; landscape: boolean }>(ctx, 'proposals.printHtml', { form: 'sheet', id: first.id });
    expect(landscape).toBe(false);
    expect(html).toContain('<h1>提案表</h1>');
    expect(html).toContain('关于&lt;改善&gt;教工食堂的建议');
    expect(html).toContain('排队时间长<br>菜品单一');
    expect(html).toContain('☑ 满意');
    expect(html).toContain('已新增两个窗口。');
    expect(html).toContain('五届二次 第002号「食堂增加夜宵」');
    expect(html).toContain('提案人（签字）');
    expect(html).not.toMatch(/<script/i);
  });

  it('compiles the session: cover, contents with the merged number, one page per filed proposal', async () => {
    const { html } = await call<{ html: string }>(ctx, 'proposals.printHtml', { form: 'compilation', sessionId: s.session.id });
    expect(html).toContain('<div class="title">提案汇编</div>');
    expect(html).toContain('第五届教职工代表大会第二次会议');
    expect(html.match(/<section class="item">/g)).toHaveLength(3);
    expect(html).toContain('（并入五届二次 第001号）食堂增加夜宵');
    expect(html).not.toContain('个人调资');
    expect(html).not.toContain('延长图书馆开放时间');
  });

  it('makes PDFs of the 汇编 and the 报告 that say what they should', async (t) => {
    if (!pdf) {
      t.skip(true, '没有找到 Chromium（/usr/bin/chromium 或 LEDGER_CHROMIUM），无法生成 PDF');
      return;
    }
    const dir = tempDir();
    const ref = await call<FileRef>(ctx, 'proposals.printPdf', { form: 'compilation', sessionId: s.session.id });
    expect(ref.fileName).toBe('提案汇编-五届二次.pdf');
    const file = path.join(dir, 'c.pdf');
    fs.copyFileSync(ctx.files.resolve(ref.token).path, file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('提案汇编');
    expect(text).toContain('五届二次 第001号');
    expect(text).toContain('已新增两个窗口。');
    // Page numbers in the footer, none on the cover.
    expect(text).toMatch(/第\s*2\s*页/);
    expect(text).not.toMatch(/第\s*1\s*页/);
    expect(text).toContain('某某市第一中学教代会提案工作委员会');
    const pages = execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)![1];
    // Cover, contents, then each of the two filed proposals on its own page.
    expect(Number(pages)).toBe(4);
    const report = await call<FileRef>(ctx, 'proposals.printPdf', { form: 'report', sessionId: s.session.id });
    const rfile = path.join(dir, 'r.pdf');
    fs.copyFileSync(ctx.files.resolve(report.token).path, rfile);
    const rtext = execFileSync('pdftotext', ['-layout', rfile, '-'], { encoding: 'utf8' });
    expect(rtext).toContain('提案办理情况统计表');
    expect(rtext).toContain('立案率');
    expect(rtext).toContain('50.0%');
    expect(execFileSync('pdfinfo', [rfile], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.\d+ x 59\d/);
  });
});
