/**
 * What the work ledger gives the year-end archive (DOMAIN.md §5.12): each activity record with its photos (10年),
 * each award (表彰, 30年) and each labour-dispute mediation case (永久). The plan itself is the clerk's checklist,
 * not an item; its evidence is.
 */
import { yuan } from '../../../shared/domain/dues';
import { maskIdNumber } from '../../../shared/domain/id-number';
import {
  AWARD_LEVEL_LABELS,
  MEDIATION_FORM_LABELS,
  MEDIATION_OUTCOME_LABELS,
  planKindLabel,
  type AwardLevel,
  type MediationForm,
  type MediationOutcome,
} from '../../../shared/domain/plans-labels';
import type { ArchiveContributor, ArchiveFileRef, ArchiveItemDraft } from '../archive/contributor';
import type { DB } from '../db/open';
import { type RecordDoc, renderRecordDoc, docItem } from '../print/archive-record';
import { unionNameIn } from '../settings/settings.repo';
import * as arepo from './activities.repo';
import * as rrepo from './records.repo';

/** Lazily, one draft at a time: planning gives the event loop a turn between drafts (issue 15 item 16). */
function* items(db: DB, year: number): Generator<ArchiveItemDraft> {
  const union = unionNameIn(db);
  for (const a of arepo.listActivities(db, { from: `${year}-01-01`, to: `${year}-12-31`, kind: null, memberId: null })) {
    const people = arepo.participants(db, a.id);
    const files: ArchiveFileRef[] = arepo
      .attachments(db, a.id)
      .filter((f) => f.mime === 'application/pdf' || f.mime === 'image/jpeg' || f.mime === 'image/png')
      .map((f) => ({ sha256: f.sha256, name: f.label, mime: f.mime as ArchiveFileRef['mime'] }));
    const doc: RecordDoc = {
      title: '工会活动台账',
      subtitle: a.name,
      fields: [
        { label: '活动名称', value: a.name },
        { label: '类别', value: planKindLabel(a.kind) },
        { label: '日期', value: a.end_date && a.end_date !== a.start_date ? `${a.start_date} 至 ${a.end_date}` : a.start_date },
        { label: '地点', value: a.place },
        { label: '主办/承办', value: a.organizer },
        { label: '负责人', value: a.leader },
        { label: '参加人员', value: people.length ? `${people.length} 人：${people.map((p) => p.name).join('、')}` : a.head_count != null ? `${a.head_count} 人` : '' },
        { label: '经费（元）', value: a.cost_fen ? `${yuan(a.cost_fen)}${a.cost_source ? `（${a.cost_source}）` : ''}` : '' },
        { label: '内容摘要', value: a.summary },
      ],
    };
    yield docItem({ sourceKey: `plans:activity:${a.id}`, kind: 'plans.activity', title: `${a.name}活动台账`, responsible: a.organizer || union, docNo: '', date: a.start_date, files, doc });
  }
  for (const w of rrepo.listAwards(db, { from: `${year}-01-01`, to: `${year}-12-31`, memberId: null })) {
    const names = rrepo.recipients(db, w.id).map((r) => r.name);
    const doc: RecordDoc = {
      title: '表彰记录',
      subtitle: w.title,
      fields: [
        { label: '荣誉名称', value: w.title },
        { label: '级别', value: AWARD_LEVEL_LABELS[w.level as AwardLevel] ?? w.level },
        { label: '授予单位', value: w.grantor },
        { label: '日期', value: w.award_date },
        { label: '文件号', value: w.doc_no },
        { label: '获奖人/集体', value: [w.collective, ...names].filter(Boolean).join('、') },
        { label: '备注', value: w.notes },
      ],
    };
    yield docItem({ sourceKey: `plans:award:${w.id}`, kind: 'plans.award', title: `${w.title}表彰`, responsible: w.grantor || union, docNo: w.doc_no ?? '', date: w.award_date, files: [], doc });
  }
  for (const m of rrepo.listMediation(db, `${year}-01-01`, `${year}-12-31`).reverse()) {
    const doc: RecordDoc = {
      title: '劳动争议调解记录',
      subtitle: `${m.applicant} 与 ${m.respondent}`,
      fields: [
        { label: '申请方式', value: MEDIATION_FORM_LABELS[m.form as MediationForm] ?? m.form },
        { label: '受理日期', value: m.accepted_on },
        { label: '申请人', value: m.applicant },
        { label: '身份证号', value: m.applicant_id_number ? maskIdNumber(m.applicant_id_number) : '' },
        { label: '被申请人', value: m.respondent },
        { label: '争议类别', value: m.category },
        { label: '争议事项', value: m.matter },
        { label: '理由', value: m.reasons },
        { label: '调解员', value: m.mediators },
        { label: '调解经过', value: (JSON.parse(m.sessions) as string[]).join('\n') },
        { label: '结果', value: m.outcome ? MEDIATION_OUTCOME_LABELS[m.outcome as MediationOutcome] : '调解中' },
        { label: '结案日期', value: m.closed_on },
        { label: '协议内容', value: m.agreement_terms },
        { label: '履行期限', value: m.agreement_deadline },
      ],
    };
    yield docItem({ sourceKey: `plans:mediation:${m.id}`, kind: 'plans.mediation', title: `${m.applicant}劳动争议调解`, responsible: `${union}劳动争议调解委员会`, docNo: '', date: m.accepted_on, files: [], doc });
  }
}

export const plansArchive: ArchiveContributor = {
  id: 'plans',
  label: '工作台账',
  kinds: [
    { id: 'plans.activity', label: '活动台账', defaultRetention: 'D10', defaultOrgCode: 'GH' },
    { id: 'plans.award', label: '表彰记录', defaultRetention: 'D30', defaultOrgCode: 'GH' },
    { id: 'plans.mediation', label: '劳动争议调解记录', defaultRetention: 'Y', defaultOrgCode: 'GH' },
  ],
  items,
  render: renderRecordDoc,
  sealTargets: [
    { table: 'activities', yearExpr: 'CAST(substr(start_date, 1, 4) AS INTEGER)', label: '活动台账' },
    { table: 'awards', yearExpr: 'CAST(substr(award_date, 1, 4) AS INTEGER)', label: '表彰记录' },
    { table: 'mediation_cases', yearExpr: 'CAST(substr(accepted_on, 1, 4) AS INTEGER)', label: '调解记录' },
  ],
  checks: (db, year) =>
    rrepo
      .listMediation(db, `${year}-01-01`, `${year}-12-31`)
      .filter((m) => m.outcome == null)
      .map((m) => ({ message: `劳动争议调解「${m.applicant}」尚未结案`, sourceKey: `plans:mediation:${m.id}` })),
};
