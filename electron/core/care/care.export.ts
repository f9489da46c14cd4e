/** 慰问记录 as .xlsx: the filtered list the clerk sees, with 审批, 签字 and 入账, through the cell writer. */
import type { FileRef } from '../../../shared/contract/app';
import type { CareListQuery } from '../../../shared/contract/care';
import { PII_EXPORT_NOTICE } from '../../../shared/domain/permissions';
import { piiExport, type PiiAsk } from '../operators/pii';
import { APPROVAL_STEP_LABELS, APPROVAL_STEPS, CARE_FORM_LABELS, PAYEE_SIGNED_LABELS } from '../../../shared/domain/care-labels';
import { rmbCapital } from '../../../shared/domain/rmb-capital';
import { yuan } from '../../../shared/domain/dues';
import type { AppContext } from '../context';
import { getSettings } from '../settings/settings.service';
import { writeTableXlsx, type WriteColumn } from '../spreadsheet/xlsx-writer';
import { occasionLabel } from './care.occasions';
import { listVisits } from './care.service';

const COLUMNS: WriteColumn[] = [
  { header: '序号', width: 6, kind: 'number' },
  { header: '慰问日期', width: 12, kind: 'code' },
  { header: '姓名', width: 10, kind: 'text' },
  { header: '身份证号', width: 21, kind: 'code' },
  { header: '工会小组', width: 14, kind: 'text' },
  { header: '慰问事由', width: 12, kind: 'text' },
  { header: '发生日期', width: 12, kind: 'code' },
  { header: '慰问形式', width: 14, kind: 'text' },
  { header: '金额（元）', width: 11, kind: 'number' },
  { header: '慰问人', width: 18, kind: 'text' },
  ...APPROVAL_STEPS.map((k): WriteColumn => ({ header: `${APPROVAL_STEP_LABELS[k]}审批`, width: 18, kind: 'text' })),
  { header: '领款人签字', width: 10, kind: 'text' },
  { header: '入账凭证号', width: 12, kind: 'code' },
  { header: '超标准', width: 28, kind: 'text' },
  { header: '备注', width: 20, kind: 'text' },
];

export async function visitsXlsx(ctx: AppContext, q: CareListQuery, ask: PiiAsk = {}): Promise<FileRef> {
  const { rows, totalFen } = listVisits(ctx, q);
  return piiExport(ctx, 'care.listXlsx', ask, async (w, full) => {
  const s = getSettings(ctx);
  const what = [q.year ? `${q.year}年度` : '', q.occasion ? occasionLabel(ctx, q.occasion) : '', q.memberId && rows[0] ? rows[0].memberName : ''].filter(Boolean).join('　');
  const out = ctx.files.createOutput(`慰问记录${q.year ? `-${q.year}` : ''}.xlsx`);
  await writeTableXlsx(out.path, {
    sheetName: '慰问记录',
    preamble: [...(full && s.exportNotice ? [PII_EXPORT_NOTICE] : []), `${s.unionName || s.unitName || ''}慰问记录`.trim(), what],
    columns: COLUMNS,
    rows: rows.map((r, i) => [
      i + 1,
      r.visitDate,
      r.memberName,
      w('id', r.idNumber),
      r.groupName,
      r.occasionLabel,
      r.eventDate,
      CARE_FORM_LABELS[r.form],
      r.amountFen / 100,
      r.visitors,
      ...APPROVAL_STEPS.map((k) => (r.approval[k].on ? `${r.approval[k].by ?? ''} ${r.approval[k].on}` : '')),
      PAYEE_SIGNED_LABELS[r.payeeSigned ? 'true' : 'false'],
      r.voucherNo,
      r.overRule ? `${r.overRule}：${r.reason ?? ''}` : '',
      r.notes,
    ]),
    footer: `共 ${rows.length} 次，合计 ${yuan(totalFen)} 元（大写：${rmbCapital(totalFen)}）`,
  });
  return { ref: out.ref(), rows: rows.length, details: q.year ? { period: String(q.year) } : {} };
  });
}
