/**
 * What 校务公开 gives the year-end archive (DOMAIN.md §4.4): each month's 公开目录 (months with records), each
 * disclosure record with its attached scans, and the year's 意见箱 feedback register. 30 years by default.
 */
import { DISCLOSURE_SCOPE_LABELS, DISCLOSURE_TIMING_LABELS, OPINION_STATUS_LABELS } from '../../../shared/domain/disclosure-labels';
import { DISCLOSURE_NAME, type UnitType } from '../../../shared/domain/labels';
import { BINDABLE_MIMES, type ArchiveContributor, type ArchiveFileRef, type ArchiveItemDraft } from '../archive/contributor';
import type { DB } from '../db/open';
import { type RecordDoc, renderRecordDoc, docItem } from '../print/archive-record';
import { readAllSettings, unionNameOf } from '../settings/settings.repo';
import { listAttachments, listDisclosureRows, type DisclosureListDbRow } from './disclosures.repo';
import { listOpinionRows } from './opinions.repo';

function names(db: DB) {
  const s = readAllSettings(db);
  const unitType = (['school', 'hospital', 'company'].includes(String(s.get('unitType'))) ? s.get('unitType') : 'school') as UnitType;
  return { work: DISCLOSURE_NAME[unitType], union: unionNameOf(s), unit: String(s.get('unitName') ?? '') };
}

const rowsOfYear = (db: DB, year: number): DisclosureListDbRow[] =>
  listDisclosureRows(db, { from: `${year}-01-01`, to: `${year}-12-31`, today: `${year}-12-31`, order: 'asc' });

function recordDoc(d: DisclosureListDbRow, work: string, attachments: string[]): RecordDoc {
  return {
    title: `${work}登记表`,
    subtitle: `登记号 ${d.reg_no}`,
    fields: [
      { label: '公开事项', value: d.title },
      { label: '类别', value: d.category },
      { label: '公开内容', value: d.content },
      { label: '公开形式', value: (JSON.parse(d.forms_json) as string[]).join('、') },
      { label: '公开范围', value: DISCLOSURE_SCOPE_LABELS[d.scope as keyof typeof DISCLOSURE_SCOPE_LABELS] ?? d.scope },
      { label: '时限', value: DISCLOSURE_TIMING_LABELS[d.timing as keyof typeof DISCLOSURE_TIMING_LABELS] ?? d.timing },
      { label: '公开日期', value: `${d.disclosed_on}${d.until ? ` 至 ${d.until}` : ''}` },
      { label: '责任部门', value: d.department },
      { label: '审核', value: `${d.reviewer ?? ''} ${d.reviewed_on ?? ''}`.trim() },
      { label: '附件', value: attachments.join('\n') },
      { label: '备注', value: d.remarks },
    ],
  };
}

/** Lazily, one draft at a time: planning gives the event loop a turn between drafts (issue 15 item 16). */
function* items(db: DB, year: number): Generator<ArchiveItemDraft> {
  const n = names(db);
  const rows = rowsOfYear(db, year);
  for (let month = 1; month <= 12; month++) {
    const inMonth = rows.filter((r) => Number(r.disclosed_on.slice(5, 7)) === month);
    if (!inMonth.length) continue;
    const mm = String(month).padStart(2, '0');
    const doc: RecordDoc = {
      title: `${n.unit}${n.work}目录`,
      subtitle: `${year}年${month}月　共 ${inMonth.length} 项`,
      tables: [
        {
          headers: ['序号', '登记号', '公开事项', '类别', '公开形式', '公开日期', '责任部门'],
          widths: [10, 24, 0, 22, 26, 22, 26],
          rows: inMonth.map((r, i) => [i + 1, r.reg_no, r.title, r.category, (JSON.parse(r.forms_json) as string[]).join('、'), r.disclosed_on, r.department]),
        },
      ],
    };
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    yield docItem({ sourceKey: `disclosures:catalogue:${year}-${mm}`, kind: 'disclosures.catalogue', title: `${year}年${month}月${n.work}目录`, responsible: n.union, date: `${year}-${mm}-${last}`, doc });
  }
  for (const d of rows) {
    const atts = listAttachments(db, d.id);
    const files: ArchiveFileRef[] = atts.filter((a) => BINDABLE_MIMES.has(a.mime)).map((a) => ({ sha256: a.sha256, name: a.label, mime: a.mime as ArchiveFileRef['mime'] }));
    const doc = recordDoc(d, n.work, atts.map((a) => `${a.label}${BINDABLE_MIMES.has(a.mime) ? '' : '（非 PDF/图片，未装订，随归档包保存记录）'}`));
    yield docItem({ sourceKey: `disclosures:${d.id}`, kind: 'disclosures.record', title: d.title, responsible: d.department ?? n.union, docNo: d.reg_no, date: d.disclosed_on, files, doc });
  }
  const ops = listOpinionRows(db, { overdueOnly: false, year, today: `${year}-12-31`, limit: 100000 }).rows.reverse();
  if (ops.length) {
    const doc: RecordDoc = {
      title: `${year}年度意见建议登记表`,
      subtitle: `共 ${ops.length} 条`,
      tables: [
        {
          headers: ['收到日期', '渠道', '反映人', '意见内容', '答复', '答复日期', '状态'],
          widths: [20, 16, 16, 0, 0, 20, 16],
          rows: ops.map((o) => [o.received_on, o.channel, o.anonymous ? '匿名' : o.reporter, o.content, o.reply, o.replied_on, OPINION_STATUS_LABELS[o.status as keyof typeof OPINION_STATUS_LABELS] ?? o.status]),
        },
      ],
    };
    yield docItem({ sourceKey: `disclosures:opinions:${year}`, kind: 'disclosures.opinions', title: doc.title, responsible: n.union, date: `${year}-12-31`, doc });
  }
}

export const disclosuresArchive: ArchiveContributor = {
  id: 'disclosures',
  label: '校务公开',
  kinds: [
    { id: 'disclosures.catalogue', label: '月度公开目录', defaultRetention: 'D30', defaultOrgCode: 'GH' },
    { id: 'disclosures.record', label: '公开事项登记及附件', defaultRetention: 'D30', defaultOrgCode: 'GH' },
    { id: 'disclosures.opinions', label: '意见建议登记表', defaultRetention: 'D30', defaultOrgCode: 'GH' },
  ],
  items,
  render: renderRecordDoc,
  sealTargets: [
    { table: 'disclosures', yearExpr: 'CAST(substr(disclosed_on, 1, 4) AS INTEGER)', label: '公开事项' },
    { table: 'disclosure_attachments', yearExpr: '(SELECT CAST(substr(d.disclosed_on, 1, 4) AS INTEGER) FROM disclosures d WHERE d.id = disclosure_id)', label: '公开事项的附件' },
    { table: 'opinions', yearExpr: 'CAST(substr(received_on, 1, 4) AS INTEGER)', label: '意见建议' },
  ],
};
