/**
 * What 关怀帮扶 gives the year-end archive: each 慰问 record as one item, and the year's 会费 ledger (every member,
 * every month) as one item. 10 years by default — financial vouchers are kept by the 财务 office itself.
 */
import { APPROVAL_STEP_LABELS, CARE_FORM_LABELS, HARDSHIP_STATUS_LABELS, occasionLabelOf, PAYEE_SIGNED_LABELS, type CareForm, type HardshipStatus } from '../../../shared/domain/care-labels';
import { maskId } from '../../../shared/domain/permissions';
import { yuan } from '../../../shared/domain/dues';
import { BINDABLE_MIMES, type ArchiveContributor, type ArchiveFileRef, type ArchiveItemDraft } from '../archive/contributor';
import type { DB } from '../db/open';
import { yearRows } from '../dues/dues.repo';
import { type RecordDoc, renderRecordDoc, docItem } from '../print/archive-record';
import { unionNameIn } from '../settings/settings.repo';
import { careOccasionsOf } from './care.occasions';
import { listVisitRows } from './care.repo';
import * as hrepo from './hardship.repo';

/** Lazily, one draft at a time: planning gives the event loop a turn between drafts (issue 15 item 16). */
function* items(db: DB, year: number): Generator<ArchiveItemDraft> {
  const union = unionNameIn(db);
  const rules = careOccasionsOf(db);
  for (const v of listVisitRows(db, { from: `${year}-01-01`, to: `${year}-12-31` })) {
    const occasion = occasionLabelOf(rules, v.occasion);
    const doc: RecordDoc = {
      title: '慰问登记表',
      subtitle: `${v.member_name}　${occasion}`,
      fields: [
        { label: '会员', value: v.member_name },
        { label: '部门', value: v.department },
        { label: '慰问事由', value: occasion },
        { label: '发生日期', value: v.event_date },
        { label: '慰问日期', value: v.visit_date },
        { label: '慰问人', value: v.visitors },
        { label: '慰问形式', value: CARE_FORM_LABELS[v.form as CareForm] ?? v.form },
        { label: '金额（元）', value: yuan(v.amount_fen) },
        { label: '超标准', value: v.over_rule ? `${v.over_rule}；原因：${v.over_rule_reason ?? ''}` : '' },
        { label: `${APPROVAL_STEP_LABELS.group}审批`, value: v.group_approved_on ? `${v.group_approver ?? ''}　${v.group_approved_on}` : '' },
        { label: `${APPROVAL_STEP_LABELS.branch}审批`, value: v.branch_approved_on ? `${v.branch_approver ?? ''}　${v.branch_approved_on}` : '' },
        { label: `${APPROVAL_STEP_LABELS.union}审批`, value: v.union_approved_on ? `${v.union_approver ?? ''}　${v.union_approved_on}` : '' },
        { label: '领款人签字', value: PAYEE_SIGNED_LABELS[v.payee_signed === 1 ? 'true' : 'false'] },
        { label: '入账凭证号', value: v.voucher_no },
        { label: '备注', value: v.notes },
      ],
    };
    yield docItem({ sourceKey: `care:${v.id}`, kind: 'care.visit', title: `${v.member_name}${occasion}慰问`, responsible: union, date: v.visit_date, doc });
  }
  yield* hardshipItems(db, year, union);
  const dues = yearRows(db, year);
  if (dues.length) {
    const total = dues.filter((d) => !d.exempt).reduce((s, d) => s + d.amount_fen, 0);
    const paid = dues.filter((d) => !d.exempt && d.paid_on).reduce((s, d) => s + d.amount_fen, 0);
    const doc: RecordDoc = {
      title: `${year}年度会费收缴台账`,
      subtitle: `应缴 ${yuan(total)} 元，已缴 ${yuan(paid)} 元`,
      tables: [
        {
          headers: ['姓名', '月份', '月工资', '基数', '应缴', '缴纳日期', '收据号', '备注'],
          widths: [18, 14, 18, 18, 14, 20, 18, 0],
          rows: dues.map((d) => [d.name, d.period, d.wage_fen == null ? '' : yuan(d.wage_fen), yuan(d.base_fen), yuan(d.amount_fen), d.paid_on, d.receipt_no, d.reason]),
        },
      ],
    };
    yield docItem({ sourceKey: `dues:${year}`, kind: 'care.dues', title: doc.title, responsible: union, date: `${year}-12-31`, doc });
  }
}

const fenText = (f: number | null) => (f == null ? '' : yuan(f));

/**
 * 困难职工档案 of the year: one item per file that was filed, reviewed or given aid, with that year's 帮扶记录 and its
 * scans (PDF, JPEG, PNG). ID numbers and bank accounts stay masked: the archive is read far more widely than the file.
 */
function* hardshipItems(db: DB, year: number, union: string): Generator<ArchiveItemDraft> {
  for (const id of hrepo.fileIdsOfYear(db, year)) {
    const h = hrepo.getHardshipRow(db, id)!;
    const aid = hrepo.aidOf(db, id).filter((a) => a.aid_date.startsWith(String(year)));
    const doc: RecordDoc = {
      title: '困难职工档案',
      subtitle: `${h.member_name}　${year}年度`,
      fields: [
        { label: '姓名', value: h.member_name },
        { label: '身份证号', value: h.id_number ? maskId(h.id_number) : '' },
        { label: '困难类别', value: h.category },
        { label: '致困原因', value: [h.main_reason, ...(JSON.parse(h.secondary_reasons_json) as string[])].join('、') },
        { label: '家庭人口', value: h.family_size },
        { label: '家庭月人均收入（元）', value: fenText(h.income_per_head_fen) },
        { label: '健康状况', value: h.health },
        { label: '住房类型', value: h.housing },
        { label: '开户银行', value: [h.bank_name, h.bank_branch].filter(Boolean).join(' ') },
        { label: '银行卡号', value: h.bank_account ? maskId(h.bank_account) : '' },
        { label: '建档', value: `${h.filed_on}　${h.filed_by ?? ''}` },
        { label: '状态', value: `${HARDSHIP_STATUS_LABELS[h.status as HardshipStatus] ?? h.status}${h.last_review_on ? `（${h.last_review_on} 复核）` : ''}` },
      ],
      tables: [
        {
          heading: '家庭成员',
          headers: ['姓名', '关系', '身份证号', '健康状况', '月收入（元）', '身份'],
          rows: hrepo.familyOf(db, id).map((f) => [f.name, f.relation, f.id_number ? maskId(f.id_number) : '', f.health, fenText(f.monthly_income_fen), f.identity]),
        },
        {
          heading: `${year}年帮扶记录（合计 ${yuan(aid.reduce((s, a) => s + a.amount_fen, 0))} 元）`,
          headers: ['日期', '帮扶类型', '金额（元）', '资金来源', '备注'],
          rows: aid.map((a) => [a.aid_date, a.kind, yuan(a.amount_fen), a.fund_source, a.notes]),
        },
      ],
    };
    const files = hrepo
      .attachmentsOf(db, id)
      .filter((a) => BINDABLE_MIMES.has(a.mime))
      .map((a) => ({ sha256: a.sha256, name: a.label, mime: a.mime as ArchiveFileRef['mime'] }));
    const date = aid.at(-1)?.aid_date ?? (h.last_review_on?.startsWith(String(year)) ? h.last_review_on : h.filed_on);
    yield docItem({ sourceKey: `hardship:${id}:${year}`, kind: 'care.hardship', title: `${h.member_name}困难职工档案（${year}年度）`, responsible: union, date, files, doc });
  }
}

export const careArchive: ArchiveContributor = {
  id: 'care',
  label: '关怀帮扶与会费',
  kinds: [
    { id: 'care.visit', label: '慰问记录', defaultRetention: 'D10', defaultOrgCode: 'GH' },
    { id: 'care.dues', label: '年度会费收缴台账', defaultRetention: 'D30', defaultOrgCode: 'GH' },
    { id: 'care.hardship', label: '困难职工档案', defaultRetention: 'D30', defaultOrgCode: 'GH' },
  ],
  items,
  render: renderRecordDoc,
  sealTargets: [
    { table: 'care_visits', yearExpr: 'CAST(substr(visit_date, 1, 4) AS INTEGER)', label: '慰问记录' },
    { table: 'dues_records', yearExpr: 'CAST(substr(period, 1, 4) AS INTEGER)', label: '会费记录' },
  ],
};
