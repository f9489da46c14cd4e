/**
 * The printed 困难职工档案表 and the 困难职工花名册 (.xlsx). ID numbers and bank accounts are masked unless the clerk
 * asked to show them (revealIds: the router checks the permission and logs it), as PIPL asks of lists and prints.
 */
import fs from 'node:fs';
import type { FileRef } from '../../../shared/contract/app';
import { HARDSHIP_STATUS_LABELS, type HardshipStatus } from '../../../shared/domain/care-labels';
import { todayIso } from '../../../shared/domain/dates';
import { yuan } from '../../../shared/domain/dues';
import { maskId, maskPhone, PII_EXPORT_NOTICE } from '../../../shared/domain/permissions';
import { piiExport, type PiiAsk } from '../operators/pii';
import { rmbCapital } from '../../../shared/domain/rmb-capital';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { hardshipFormHtml, type HardshipFormDoc } from '../print/care-hardship';
import { getSettings } from '../settings/settings.service';
import { writeTableXlsx, type WriteColumn } from '../spreadsheet/xlsx-writer';
import * as hrepo from './hardship.repo';
import { getHardship, hardshipDbRow, listHardship } from './hardship.service';

const y = (f: number | null) => (f == null ? '' : yuan(f));
const v = (s: string | number | null | undefined) => (s == null ? '' : String(s));

function formDoc(ctx: AppContext, id: number, reveal: boolean): HardshipFormDoc {
  const raw = hardshipDbRow(ctx, id);
  const d = getHardship(ctx, id, reveal);
  const idNo = raw.id_number ? (reveal ? raw.id_number : maskId(raw.id_number)) : '';
  const account = reveal ? v(raw.bank_account) : v(d.bankAccountMasked);
  const s = getSettings(ctx);
  return {
    unionName: s.unionName || s.unitName || '',
    fileNo: `KN${d.filedOn.slice(0, 4)}-${String(d.id).padStart(4, '0')}`,
    filedOn: d.filedOn,
    person: [
      ['姓名', d.memberName],
      ['性别', v(d.member.gender)],
      ['民族', v(d.member.ethnicity)],
      ['出生日期', v(d.member.birthDate)],
      ['身份证号', idNo],
      ['政治面貌', v(d.member.politicalStatus)],
      ['健康状况', v(d.health)],
      ['残疾类别', v(d.disability)],
      ['婚姻状况', v(d.maritalStatus)],
      ['户口类型', v(d.hukouType)],
      ['住房类型', v(d.housing)],
      ['建筑面积（㎡）', v(d.housingArea)],
      ['工作单位', [d.member.workUnit, d.department].filter(Boolean).join(' ')],
      ['联系电话', reveal || !d.phone ? v(d.phone) : maskPhone(d.phone)],
      ['家庭住址', v(d.address)],
    ],
    household: [
      ['本人月平均收入（元）', y(d.ownIncomeFen)],
      ['家庭年度总收入（元）', y(d.familyIncomeFen)],
      ['家庭人口', d.familySize == null ? '' : `${d.familySize} 人`],
      ['家庭月人均收入（元）', y(d.incomePerHeadFen)],
      ['医保状况', v(d.medicalInsurance)],
    ],
    reasons: { category: d.category, main: d.mainReason, secondary: d.secondaryReasons.join('、') },
    bank: [
      ['开户银行', v(d.bankName)],
      ['支行名称', v(d.bankBranch)],
      ['银行卡号', account],
    ],
    family: d.family.map((f) => [f.name, v(f.relation), v(f.gender), v(f.idNumber), v(f.birthDate), v(f.health), y(f.monthlyIncomeFen), v(f.identity), v(f.medicalInsurance), v(f.workplace)]),
    aid: d.aid.map((a) => [a.date, a.kind, yuan(a.amountFen), v(a.fundSource), v(a.notes)]),
    aidTotal: d.aidByYear.length
      ? `${d.aidByYear.map((a) => `${a.year}年 ${a.count} 次 ${yuan(a.totalFen)} 元`).join('；')}；合计 ${yuan(d.aidTotalFen)} 元（大写：${rmbCapital(d.aidTotalFen)}）`
      : '无',
    attachments: d.attachments.length ? d.attachments.map((a) => `${a.kind ? `${a.kind}：` : ''}${a.label}`).join('；') : '无',
    signers: { filedBy: v(d.filedBy), filedOn: d.filedOn, auditedBy: v(d.auditedBy), auditedOn: v(d.auditedOn) },
    printedOn: todayIso(ctx.clock()),
  };
}

export const hardshipHtml = (ctx: AppContext, id: number, reveal: boolean) => ({ html: hardshipFormHtml(formDoc(ctx, id, reveal)) });

export async function hardshipPdf(ctx: AppContext, id: number, reveal: boolean): Promise<FileRef> {
  if (!ctx.ports.pdf) throw new AppError('UNAVAILABLE', '当前环境无法生成 PDF。');
  const doc = formDoc(ctx, id, reveal);
  const pdf = await ctx.ports.pdf.render(hardshipFormHtml(doc), {});
  const out = ctx.files.createOutput(`困难职工档案表-${doc.person[0]![1]}.pdf`);
  fs.writeFileSync(out.path, pdf);
  return out.ref();
}

const ROSTER: WriteColumn[] = [
  { header: '序号', width: 6, kind: 'number' },
  { header: '姓名', width: 10, kind: 'text' },
  { header: '性别', width: 6, kind: 'text' },
  { header: '身份证号', width: 21, kind: 'code' },
  { header: '部门', width: 14, kind: 'text' },
  { header: '困难类别', width: 12, kind: 'text' },
  { header: '主要致困原因', width: 16, kind: 'text' },
  { header: '次要致困原因', width: 24, kind: 'text' },
  { header: '家庭人口', width: 8, kind: 'number' },
  { header: '家庭月人均收入（元）', width: 12, kind: 'number' },
  { header: '健康状况', width: 10, kind: 'text' },
  { header: '住房类型', width: 12, kind: 'text' },
  { header: '联系电话', width: 14, kind: 'code' },
  { header: '开户银行', width: 14, kind: 'text' },
  { header: '银行卡号', width: 22, kind: 'code' },
  { header: '建档日期', width: 12, kind: 'code' },
  { header: '状态', width: 8, kind: 'text' },
  { header: '下次复核', width: 12, kind: 'code' },
  { header: '本年帮扶（元）', width: 12, kind: 'number' },
  { header: '累计帮扶（元）', width: 12, kind: 'number' },
];

/** 困难职工花名册: one line per file, as upper unions ask for it. */
export async function hardshipRosterXlsx(ctx: AppContext, status: HardshipStatus | undefined, ask: PiiAsk): Promise<FileRef> {
  const rows = listHardship(ctx, status);
  // Masked unless 导出含完整号码 (defaultFull false): a hardship roster holds bank accounts and family finances.
  return piiExport(ctx, 'care.hardshipRosterXlsx', ask, async (_w, reveal) => ({ ref: await writeRoster(ctx, status, rows, reveal), rows: rows.length }), false);
}

async function writeRoster(ctx: AppContext, status: HardshipStatus | undefined, rows: ReturnType<typeof listHardship>, reveal: boolean): Promise<FileRef> {
  const s = getSettings(ctx);
  const out = ctx.files.createOutput(`困难职工花名册-${todayIso(ctx.clock())}.xlsx`);
  await writeTableXlsx(out.path, {
    sheetName: '困难职工花名册',
    preamble: [...(reveal && s.exportNotice ? [PII_EXPORT_NOTICE] : []), `${s.unionName || s.unitName || ''}困难职工花名册`.trim(), `${status ? HARDSHIP_STATUS_LABELS[status] : '全部'}　制表日期：${todayIso(ctx.clock())}`],
    columns: ROSTER,
    rows: rows.map((r, i) => {
      const raw = hrepo.getHardshipRow(ctx.db, r.id)!;
      return [
        i + 1,
        r.memberName,
        raw.gender,
        reveal ? raw.id_number : r.idNumberMasked,
        r.department,
        r.category,
        r.mainReason,
        r.secondaryReasons.join('、'),
        r.familySize,
        r.incomePerHeadFen == null ? null : r.incomePerHeadFen / 100,
        raw.health,
        raw.housing,
        reveal || !raw.phone ? raw.phone : maskPhone(raw.phone),
        raw.bank_name,
        reveal ? raw.bank_account : r.bankAccountMasked,
        r.filedOn,
        HARDSHIP_STATUS_LABELS[r.status],
        r.status === 'open' ? r.reviewDue : '',
        r.aidYearFen / 100,
        r.aidTotalFen / 100,
      ];
    }),
    footer: `共 ${rows.length} 户`,
  });
  return out.ref();
}
