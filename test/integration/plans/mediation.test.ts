import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { chromiumPath, createChromiumPdf } from '../../../electron/core/print/pdf-chromium';
import type { AuditEntry, FileRef, MediationRow } from '../../../shared/contract';
import { call, openTestContext } from '../../helpers/context';

const pdf = createChromiumPdf();
afterAll(() => pdf.close());

let ctx: AppContext;
let now = new Date('2026-06-10T09:00:00+08:00');
beforeEach(async () => {
  now = new Date('2026-06-10T09:00:00+08:00');
  ctx = await openTestContext({ clock: () => now, ports: { pdf } });
  await call(ctx, 'settings.update', { unitName: '某某市第一中学', unionName: '某某市第一中学工会委员会' });
});
afterEach(async () => {
  await ctx.close();
});

const outPath = (ref: FileRef) => ctx.files.resolve(ref.token).path;
const refused = async (channel: string, input: unknown) => {
  const r = await ctx.dispatch(channel, input);
  expect(r.ok, `${channel} should be refused`).toBe(false);
  return r.ok ? { code: '', message: '' } : r.error;
};
const CASE = {
  form: 'written',
  acceptedOn: '2026-06-01',
  applicant: '王建国',
  applicantIdNumber: '44030619781225003x',
  respondent: '某某物业公司',
  category: '劳动报酬',
  matter: '拖欠加班工资',
  reasons: '2026年3—5月加班 62 小时未付加班费。',
  mediators: '刘调解、陈委员',
};

describe('劳动争议调解: edit, outcome, prints', () => {
  it('editing a case keeps the full ID for the form, masks it in lists; sessions one a line; the outcome in the same save', async () => {
    const c = await call<MediationRow>(ctx, 'mediation.create', { case: { ...CASE, sessions: '2026-06-03 第一次调解，双方陈述\n\n2026-06-08 第二次调解' } });
    expect(c.applicantIdNumber).toBe('440306********003X');
    expect(c.sessions).toBe('2026-06-03 第一次调解，双方陈述\n2026-06-08 第二次调解');
    const full = await call<MediationRow>(ctx, 'mediation.get', { id: c.id });
    expect(full.applicantIdNumber).toBe('44030619781225003X');

    // 达成协议 needs its terms; the deadline may not come before the closing day.
    const e = await refused('mediation.update', { id: c.id, case: CASE, outcome: { outcome: 'agreed', closedOn: '2026-06-12' } });
    expect(e.message).toBe('达成协议请填写协议内容。');
    const late = await refused('mediation.update', { id: c.id, case: CASE, outcome: { outcome: 'agreed', closedOn: '2026-06-12', agreementTerms: '支付', agreementDeadline: '2026-06-01' } });
    expect(late.message).toBe('履行期限不能早于结案日期。');
    expect((await call<MediationRow>(ctx, 'mediation.get', { id: c.id })).outcome).toBeNull();

    now = new Date('2026-06-12T10:00:00+08:00');
    const closed = await call<MediationRow>(ctx, 'mediation.update', {
      id: c.id,
      case: { ...CASE, respondent: '某某物业服务有限公司', sessions: '2026-06-03 第一次调解\n2026-06-12 达成协议' },
      outcome: { outcome: 'agreed', closedOn: '2026-06-12', agreementTerms: '被申请人于2026年6月30日前一次性支付加班工资3,200元。', agreementDeadline: '2026-06-30' },
    });
    expect(closed).toMatchObject({ respondent: '某某物业服务有限公司', outcome: 'agreed', outcomeLabel: '达成协议', overdue: false, agreementDeadline: '2026-06-30' });
    expect(closed.applicantIdNumber).toBe('440306********003X');

    // A recorded outcome can be corrected, not taken back.
    expect((await refused('mediation.update', { id: c.id, case: CASE })).message).toBe('该调解已结案，请保留调解结果。');
    const audit = await call<{ rows: AuditEntry[] }>(ctx, 'audit.query', {});
    const upd = audit.rows.find((a) => a.action === 'mediation.update')!;
    expect(upd).toBeTruthy();
    expect(JSON.stringify(upd)).not.toContain('19781225');

    const list = await call<MediationRow[]>(ctx, 'mediation.list', {});
    expect(list.map((m) => m.applicantIdNumber)).toEqual(['440306********003X']);
  });

  it('未达成 keeps no agreement terms and has no 调解协议书', async () => {
    const c = await call<MediationRow>(ctx, 'mediation.create', { case: CASE });
    const r = await call<MediationRow>(ctx, 'mediation.update', { id: c.id, case: CASE, outcome: { outcome: 'failed', closedOn: '2026-06-10', agreementTerms: '草稿' } });
    expect(r).toMatchObject({ outcome: 'failed', outcomeLabel: '未达成协议', agreementTerms: null });
    expect((await refused('mediation.printPreview', { id: c.id, doc: 'agreement' })).message).toBe('未达成协议，不能打印调解协议书。');
  });

  it('prints the 调解申请记录 and 调解协议书 on A4 with signature and seal blocks; 查阅 sees the number masked on paper too', async () => {
    const c = await call<MediationRow>(ctx, 'mediation.create', { case: { ...CASE, sessions: '2026-06-03 第一次调解，双方陈述' } });
    const app = await call<{ html: string }>(ctx, 'mediation.printPreview', { id: c.id, doc: 'application' });
    for (const s of ['劳动争议调解申请记录', '某某市第一中学工会委员会劳动争议调解委员会', '书面申请', '44030619781225003X', '2026-06-16 前', '2026-06-03 第一次调解，双方陈述', '申请人（签名）', '（盖章）']) {
      expect(app.html).toContain(s);
    }
    await call(ctx, 'mediation.update', {
      id: c.id,
      case: CASE,
      outcome: { outcome: 'agreed', closedOn: '2026-06-10', agreementTerms: '被申请人于2026年6月30日前一次性支付加班工资3,200元。', agreementDeadline: '2026-06-30' },
    });
    if (!chromiumPath()) return;
    const a = await call<FileRef>(ctx, 'mediation.print', { id: c.id, doc: 'application' });
    expect(a.fileName).toBe('调解申请记录-王建国.pdf');
    const appText = execFileSync('pdftotext', ['-layout', outPath(a), '-'], { encoding: 'utf8' });
    for (const s of ['劳动争议调解申请记录', '王建国', '44030619781225003X', '某某物业公司', '拖欠加班工资', '申请人（签名）', '记录人（签名）', '劳动争议调解委员会（盖章）']) expect(appText).toContain(s);

    const g = await call<FileRef>(ctx, 'mediation.print', { id: c.id, doc: 'agreement' });
    const text = execFileSync('pdftotext', ['-layout', outPath(g), '-'], { encoding: 'utf8' });
    for (const s of ['劳动争议调解协议书', '一次性支付加班工资3,200元', '履行期限：2026-06-30 前履行完毕', '申请人（签名或盖章）', '被申请人（签名或盖章）', '调解员（签名）', '劳动争议调解委员会（盖章）']) {
      expect(text.replace(/\s+/g, '')).toContain(s.replace(/\s+/g, ''));
    }
    const info = execFileSync('pdfinfo', [outPath(g)], { encoding: 'utf8' });
    // A4 portrait is 595 × 842 points; one page.
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info).toMatch(/Pages:\s+1\b/);

    // A 查阅 operator: masked on the form and on paper.
    await call(ctx, 'operators.add', { name: '王主席', role: 'admin', password: 'pw-admin-1' });
    await call(ctx, 'operators.add', { name: '钱查阅', role: 'viewer', password: 'pw-viewer-1' });
    await call(ctx, 'operators.logout');
    await call(ctx, 'operators.login', { name: '钱查阅', password: 'pw-viewer-1' });
    expect((await call<MediationRow>(ctx, 'mediation.get', { id: c.id })).applicantIdNumber).toBe('440306********003X');
    const seen = await call<{ html: string }>(ctx, 'mediation.printPreview', { id: c.id, doc: 'agreement' });
    expect(seen.html).not.toContain('19781225');
  }, 60_000);
});

describe('首页 plan items', () => {
  it('in December, next month is January of next year’s plan, not January of this one', async () => {
    now = new Date('2026-12-07T09:00:00+08:00');
    const save = (year: number, items: { month: number; title: string }[]) =>
      call(ctx, 'plans.save', { year, period: 'year', title: `${year}年工会工作计划`, areas: [], items: items.map((i) => ({ ...i, kind: 'other' })) });
    await save(2026, [{ month: 1, title: '2026年元旦' }, { month: 12, title: '2026年12月总结' }]);
    await save(2027, [{ month: 1, title: '2027年元旦' }]);
    const home = await call<{ thisMonth: { title: string }[]; nextMonth: { title: string }[]; overdueItems: number }>(ctx, 'plans.home', { year: 2026, month: 12 });
    expect(home.thisMonth.map((i) => i.title)).toEqual(['2026年12月总结']);
    expect(home.nextMonth.map((i) => i.title)).toEqual(['2027年元旦']);
    expect(home.overdueItems).toBe(1);
  });
});
