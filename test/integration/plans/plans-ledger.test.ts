import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { plansArchive } from '../../../electron/core/plans/plans.archive';
import type { ActivityRow, AuditEntry, FileRef, MediationRow, PlanDetail, PlanParseResult, YearSummary } from '../../../shared/contract';
import { call, openTestContext, tempDir } from '../../helpers/context';

let ctx: AppContext;
let now = new Date('2026-06-10T09:00:00+08:00');
const DATA = path.resolve(__dirname, '../../../../shared/data/plans');

beforeEach(async () => {
  now = new Date('2026-06-10T09:00:00+08:00');
  ctx = await openTestContext({ clock: () => now });
});
afterEach(async () => {
  await ctx.close();
});

const refused = async (channel: string, input: unknown) => {
  const r = await ctx.dispatch(channel, input);
  expect(r.ok, `${channel} should be refused`).toBe(false);
  return r.ok ? { code: '', message: '' } : r.error;
};
function tokenFor(name: string, content: Buffer | string): string {
  const file = path.join(tempDir('ledger-pick-'), 'picked');
  fs.writeFileSync(file, content);
  return ctx.files.register(file, name, false).token;
}
const outPath = (ref: FileRef) => ctx.files.resolve(ref.token).path;
const member = (m: Record<string, unknown>) => call<{ id: number }>(ctx, 'members.create', { member: m });

/** The schedule of school-union-plans-a.txt as the clerk pastes it, saved as the 2026 plan. */
async function savedPlan(): Promise<PlanDetail> {
  const text = fs.readFileSync(path.join(DATA, 'school-union-plans-a.txt'), 'utf8');
  const parsed = await call<PlanParseResult>(ctx, 'plans.parse', { text });
  const items = parsed.months.flatMap((m) => m.items.map((i) => ({ month: m.month, monthTo: m.monthTo, title: i.title, kind: i.kind })));
  return call<PlanDetail>(ctx, 'plans.save', { year: 2026, period: 'year', title: '2026年工会工作计划', areas: parsed.areas, items });
}

describe('plan → activity records → planned vs done', () => {
  it('nothing is saved by parse; saving writes items per month with an audit entry', async () => {
    const text = fs.readFileSync(path.join(DATA, 'school-union-plans-a.txt'), 'utf8');
    await call(ctx, 'plans.parse', { text });
    expect(await call(ctx, 'plans.get', { year: 2026 })).toBeNull();
    const plan = await savedPlan();
    expect(plan.items.length).toBe(22);
    expect(plan.items.filter((i) => i.month === 6).map((i) => i.title)).toEqual([
      '协同少先队开展“六·一”儿童节庆祝活动',
      '收集“爱劳动、爱学习、爱祖国”学生征文比赛作品',
      '开展好法制、安全教育宣传工作',
    ]);
    // On 2026-06-10: March–May are over with no record (6 items), June is not over yet.
    expect(plan.items.filter((i) => i.overdue).map((i) => i.month)).toEqual([3, 3, 4, 4, 5, 5]);
    const audit = await call<{ rows: AuditEntry[] }>(ctx, 'audit.query', {});
    expect(audit.rows.some((a) => a.action === 'plans.create')).toBe(true);
  });

  it('an activity carrying out a plan item marks it done, counts its two participants and its photo, and shows in the member file', async () => {
    const plan = await savedPlan();
    const a = await member({ name: '张三丰', idNumber: '110108198503120011' });
    const b = await member({ name: '李秀英', idNumber: '310115199007040026' });
    const march8 = plan.items.find((i) => i.title.includes('三·八'))!;
    const photo = fs.readFileSync(path.resolve(__dirname, '../../../build/icons/icon.png'));
    const act = await call<ActivityRow>(ctx, 'activities.create', {
      activity: { name: '三八妇女节趣味游园', kind: 'festival', startDate: '2026-03-08', place: '学校操场', cost: 1234.5, costSource: '工会经费', participantIds: [a.id, b.id], planItemIds: [march8.id] },
      tokens: [tokenFor('游园合影.png', photo)],
    });
    expect(act).toMatchObject({ participantCount: 2, costFen: 123450, planItemIds: [march8.id] });
    expect(act.attachments).toMatchObject([{ label: '游园合影.png', mime: 'image/png' }]);

    const after = (await call<PlanDetail>(ctx, 'plans.get', { year: 2026 }))!;
    const item = after.items.find((i) => i.id === march8.id)!;
    expect(item).toMatchObject({ status: 'done', overdue: false, activityIds: [act.id] });
    expect(after.items.filter((i) => i.overdue).length).toBe(5);

    const mine = await call<{ rows: ActivityRow[] }>(ctx, 'activities.list', { year: 2026, memberId: b.id });
    expect(mine.rows.map((r) => r.name)).toEqual(['三八妇女节趣味游园']);

    const s = await call<YearSummary>(ctx, 'plans.summary', { year: 2026 });
    expect(s.months[2]).toEqual({ month: 3, planned: 2, done: 1 });
    expect(s.kinds.find((k) => k.kind === 'festival')).toMatchObject({ activities: 1, done: 1 });
    expect(s).toMatchObject({ activities: 1, participants: 2, costFen: 123450 });

    const preview = await call<{ html: string }>(ctx, 'activities.printPreview', { id: act.id });
    expect(preview.html).toContain('三八妇女节趣味游园');
    // Participants in roster order (sort key), as the paper ledger lists them.
    expect(preview.html).toContain('2 人：李秀英、张三丰');
    expect(preview.html).toContain('data:image/png;base64,');

    const xlsx = await call<FileRef>(ctx, 'activities.export', { year: 2026 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outPath(xlsx));
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).getCell(2).value).toBe('三八妇女节趣味游园');
    expect(ws.getRow(3).getCell(8).value).toBe(1234.5);

    const docx = await call<FileRef>(ctx, 'plans.summaryDocx', { year: 2026 });
    const back = (await mammoth.extractRawText({ path: outPath(docx) })).value;
    expect(back).toContain('2026年工作总结（素材）');
    expect(back).toContain('全年工作计划共安排事项 22 项，已完成 1 项，完成率 5%。');
    expect(back).toContain('全年组织各类活动 1 次，参加 2 人次，使用经费 1234.50 元。');

    const items = [...plansArchive.items(ctx.db, 2026)];
    expect(items.map((i) => i.kind)).toEqual(['plans.activity']);
  });

  it('cancelling an item needs a reason; a cancelled item is not overdue', async () => {
    const plan = await savedPlan();
    const first = plan.items[0]!;
    const e = await refused('plans.itemUpdate', { id: first.id, status: 'cancelled' });
    expect(e.message).toBe('取消计划事项请填写原因。');
    const row = await call<PlanDetail['items'][number]>(ctx, 'plans.itemUpdate', { id: first.id, status: 'cancelled', reason: '并入学校开学典礼' });
    expect(row).toMatchObject({ status: 'cancelled', statusLabel: '取消', overdue: false });
  });

  it('a .docx plan is read with mammoth; a file that is not Word, or an encrypted one, gets a clear message', async () => {
    const doc = new Document({ sections: [{ children: ['九月份', '1、庆祝教师节', '2、召开教代会'].map((t) => new Paragraph({ children: [new TextRun(t)] })) }] });
    const parsed = await call<PlanParseResult & { text: string }>(ctx, 'plans.parse', { token: tokenFor('计划.docx', await Packer.toBuffer(doc)) });
    expect(parsed.months).toEqual([{ month: 9, monthTo: 9, items: [{ title: '庆祝教师节', kind: 'festival' }, { title: '召开教代会', kind: 'meeting' }] }]);
    expect((await refused('plans.parse', { token: tokenFor('计划.docx', 'not a zip') })).message).toBe('「计划.docx」不是 Word 文件（.docx），无法读取。');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect((await refused('plans.parse', { token: tokenFor('加密.docx', ole) })).message).toContain('加密的 Word 文件');
    const gbk = Buffer.from([0xc8, 0xfd, 0xd4, 0xc2, 0xb7, 0xdd, 0x0a, 0x31, 0xa1, 0xa2, 0xcc, 0xe5, 0xbc, 0xec]); // 三月份\n1、体检 in GBK
    const txt = await call<PlanParseResult>(ctx, 'plans.parse', { token: tokenFor('计划.txt', gbk) });
    expect(txt.months).toEqual([{ month: 3, monthTo: 3, items: [{ title: '体检', kind: 'health' }] }]);
  });
});

describe('mediation (劳动争议调解)', () => {
  const input = { form: 'oral', acceptedOn: '2026-06-01', applicant: '王建国', applicantIdNumber: '440306197812250039', respondent: '某某公司', category: '劳动报酬', matter: '拖欠加班工资', mediators: '刘调解' };

  it('is overdue at day 16 from 受理 without an outcome, not at day 15; ID numbers masked in lists', async () => {
    const c = await call<MediationRow>(ctx, 'mediation.create', { case: input });
    expect(c).toMatchObject({ dueOn: '2026-06-16', overdue: false, outcomeLabel: '调解中' });
    expect(c.applicantIdNumber).not.toContain('19781225');
    now = new Date('2026-06-16T20:00:00+08:00');
    expect(await call<MediationRow[]>(ctx, 'mediation.list', { overdue: true })).toEqual([]);
    now = new Date('2026-06-17T09:00:00+08:00');
    const overdue = await call<MediationRow[]>(ctx, 'mediation.list', { overdue: true });
    expect(overdue.map((m) => m.id)).toEqual([c.id]);
    const home = await call<{ overdueMediation: MediationRow[] }>(ctx, 'plans.home', { year: 2026, month: 6 });
    expect(home.overdueMediation.length).toBe(1);

    expect((await refused('mediation.close', { id: c.id, outcome: 'agreed', closedOn: '2026-06-17' })).message).toBe('达成协议请填写协议内容。');
    const closed = await call<MediationRow>(ctx, 'mediation.close', { id: c.id, outcome: 'agreed', closedOn: '2026-06-17', agreementTerms: '公司于6月30日前支付加班工资3,200元。', agreementDeadline: '2026-06-30' });
    expect(closed).toMatchObject({ overdue: false, outcome: 'agreed', outcomeLabel: '达成协议' });
    expect(await call<MediationRow[]>(ctx, 'mediation.list', { overdue: true })).toEqual([]);
    expect([...plansArchive.items(ctx.db, 2026)].map((i) => i.kind)).toEqual(['plans.mediation']);
  });

  it('awards list recipients per year and per member', async () => {
    const a = await member({ name: '张三丰', idNumber: '110108198503120011' });
    expect((await refused('awards.create', { award: { title: '优秀工会积极分子', level: 'city', awardDate: '2026-05-01' } })).message).toBe('请选择获奖人或填写获奖集体。');
    await call(ctx, 'awards.create', { award: { title: '优秀工会积极分子', level: 'city', grantor: '市总工会', awardDate: '2026-05-01', docNo: '市工发〔2026〕5号', recipientIds: [a.id] } });
    const mine = await call<{ title: string; levelLabel: string }[]>(ctx, 'awards.list', { memberId: a.id });
    expect(mine).toMatchObject([{ title: '优秀工会积极分子', levelLabel: '市级' }]);
    expect((await call<unknown[]>(ctx, 'awards.list', { year: 2025 })).length).toBe(0);
  });
});
