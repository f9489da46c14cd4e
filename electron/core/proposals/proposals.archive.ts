/**
 * What 提案工作 gives the year-end archive (DOMAIN.md §5.12: proposals and replies 永久): each filed proposal
 * and 意见建议 as one 件 with its 交办, 答复 and 反馈, and per session the 提案汇编 and the 办理情况报告. A session
 * belongs to the year it closed (DOMAIN.md §5.3). The session documents themselves (通知, 议程, 代表名单, 报告,
 * 决议) are scans the clerk adds in 年度归档. A proposal's PDF and image attachments are bound into its 件 after the
 * record (DOMAIN.md §5.2: body and attachments are one 件).
 */
import { FINAL_STATES, PROPOSAL_EVENT_LABELS, PROPOSAL_STATE_LABELS, SATISFACTION_LABELS, type ProposalEventType, type ProposalState } from '../../../shared/domain/proposal-workflow';
import { BINDABLE_MIMES, type ArchiveContributor, type ArchiveFileRef, type ArchiveItemDraft } from '../archive/contributor';
import { sniffType } from '../files/file-types';
import type { DB } from '../db/open';
import { type RecordDoc, renderRecordDoc, docItem } from '../print/archive-record';
import { unionNameIn } from '../settings/settings.repo';
import { getProposalConfig } from './proposals.config';
import { numberOf } from './proposals.mapper';
import * as repo from './proposals.repo';
import { listSessions, unitNames, type SessionRow } from './sessions.repo';
import { congressTitle } from './sessions.service';

const SESSION_YEAR_SQL = 'CAST(substr(COALESCE(s.end_date, s.start_date, s.created_at), 1, 4) AS INTEGER)';
const sessionYear = (s: Pick<SessionRow, 'end_date' | 'start_date' | 'created_at'>) => Number((s.end_date ?? s.start_date ?? s.created_at).slice(0, 4));

/** States of a proposal that was never filed: not archived as a proposal (an 意见建议 that was withdrawn neither). */
const NOT_FILED: readonly ProposalState[] = ['registered', 'rejected', 'withdrawn', 'merged'];

function sessionsOf(db: DB, year: number) {
  return listSessions(db, '9999-12-31').filter((s) => sessionYear(s) === year).reverse();
}

function proposalDoc(db: DB, p: repo.ProposalJoinedRow, number: string, session: string, units: Map<number, string>): RecordDoc {
  const events = repo.listEvents(db, p.id);
  return {
    title: p.kind === 'opinion' ? '意见建议' : '提案',
    subtitle: `${session}　${number}`,
    fields: [
      { label: '题目', value: p.title },
      { label: '提案人', value: `${p.proposer_name}${p.delegation ? `（${p.delegation}）` : ''}` },
      { label: '类别', value: p.category },
      { label: '提交日期', value: p.submitted_date },
      { label: '案由', value: p.reasons },
      { label: '建议', value: p.suggestions },
      { label: '主办单位', value: p.lead_unit },
      { label: '办理状态', value: PROPOSAL_STATE_LABELS[p.state as ProposalState] ?? p.state },
      { label: '提案人反馈', value: p.feedback ? (SATISFACTION_LABELS[p.feedback as keyof typeof SATISFACTION_LABELS] ?? p.feedback) : '' },
      { label: '备注', value: p.remarks },
    ],
    tables: [
      {
        heading: '办理经过（立案、交办、答复、反馈）',
        headers: ['日期', '环节', '单位', '经办人', '内容'],
        widths: [22, 18, 30, 18],
        rows: events.map((e) => [
          e.date,
          PROPOSAL_EVENT_LABELS[e.type as ProposalEventType] ?? e.type,
          (e.unit_id ? units.get(e.unit_id) : e.lead_unit_id ? units.get(e.lead_unit_id) : '') ?? '',
          e.handler,
          e.text,
        ]),
      },
    ],
  };
}

/** Lazily, one draft at a time: planning gives the event loop a turn between drafts (issue 15 item 16). */
function* items(db: DB, year: number): Generator<ArchiveItemDraft> {
  const cfg = getProposalConfig(db);
  const units = unitNames(db);
  const responsible = unionNameIn(db);
  for (const s of sessionsOf(db, year)) {
    const session = congressTitle(db, s);
    const rows = repo.listSessionJoined(db, s.id);
    const filed = rows.filter((p) => !NOT_FILED.includes(p.state as ProposalState) || (p.kind === 'opinion' && p.state === 'registered'));
    for (const p of filed) {
      const number = numberOf(p, cfg);
      const atts = repo.listAttachmentHeads(db, p.id).map((a) => ({ ...a, type: sniffType(a.head, a.file_name) }));
      const files: ArchiveFileRef[] = atts.filter((a) => BINDABLE_MIMES.has(a.type.mime)).map((a) => ({ sha256: a.sha256, name: a.file_name, mime: a.type.mime as ArchiveFileRef['mime'] }));
      const doc = proposalDoc(db, p, number, session, units);
      if (atts.length) doc.note = `附件：${atts.map((a) => `${a.file_name}${BINDABLE_MIMES.has(a.type.mime) ? '' : '（非 PDF/图片，未装订，随归档包保存记录）'}`).join('；')}`;
      yield docItem({ sourceKey: `proposals:${p.id}`, kind: p.kind === 'opinion' ? 'proposals.opinion' : 'proposals.proposal', title: p.title, responsible: p.proposer_name, docNo: number, date: p.submitted_date, files, doc });
    }
    const date = s.end_date ?? s.start_date ?? `${year}-12-31`;
    const list = filed.map((p) => [numberOf(p, cfg), p.title, p.proposer_name, p.lead_unit ?? '', PROPOSAL_STATE_LABELS[p.state as ProposalState] ?? p.state]);
    const compilation: RecordDoc = { title: `${session}提案汇编`, subtitle: `共 ${filed.length} 件`, tables: [{ headers: ['编号', '题目', '提案人', '主办单位', '状态'], widths: [34, 0, 20, 30, 18], rows: list }] };
    const closed = filed.filter((p) => p.state === 'closed').length;
    const report: RecordDoc = {
      title: `${session}提案办理情况报告`,
      fields: [
        { label: '立案提案', value: filed.filter((p) => p.kind === 'proposal').length },
        { label: '意见建议', value: filed.filter((p) => p.kind === 'opinion').length },
        { label: '已办结', value: closed },
        { label: '未办结', value: filed.length - closed },
      ],
      tables: [{ headers: ['编号', '题目', '提案人', '主办单位', '状态'], widths: [34, 0, 20, 30, 18], rows: list }],
    };
    if (filed.length) {
      yield docItem({ sourceKey: `proposals:session:${s.id}:compilation`, kind: 'proposals.compilation', title: compilation.title, responsible, date, doc: compilation });
      yield docItem({ sourceKey: `proposals:session:${s.id}:report`, kind: 'proposals.report', title: report.title, responsible, date, doc: report });
    }
  }
}

export const proposalsArchive: ArchiveContributor = {
  id: 'proposals',
  label: '提案工作',
  kinds: [
    { id: 'proposals.proposal', label: '提案及交办、答复、反馈', defaultRetention: 'Y', defaultOrgCode: 'JDH' },
    { id: 'proposals.opinion', label: '意见建议及答复', defaultRetention: 'Y', defaultOrgCode: 'JDH' },
    { id: 'proposals.compilation', label: '提案汇编', defaultRetention: 'Y', defaultOrgCode: 'JDH' },
    { id: 'proposals.report', label: '提案办理情况报告', defaultRetention: 'Y', defaultOrgCode: 'JDH' },
  ],
  items,
  render: renderRecordDoc,
  // Attachments live in proposal_attachments (copied into the database, so backups carry them).
  fileBytes: (db, sha256) => repo.attachmentDataByHash(db, sha256),
  checks(db, year) {
    const cfg = getProposalConfig(db);
    const out: { message: string; sourceKey?: string }[] = [];
    for (const s of sessionsOf(db, year)) {
      for (const p of repo.listSessionJoined(db, s.id)) {
        if (NOT_FILED.includes(p.state as ProposalState) || FINAL_STATES.includes(p.state as ProposalState) || p.remarks?.trim()) continue;
        out.push({ message: `提案 ${numberOf(p, cfg)}「${p.title}」尚未办结，也没有说明（可在提案的备注中说明）。`, sourceKey: `proposals:${p.id}` });
      }
    }
    return out;
  },
  sealTargets: [
    { table: 'congress_sessions', yearExpr: 'CAST(substr(COALESCE(end_date, start_date, created_at), 1, 4) AS INTEGER)', label: '教代会（职代会）届次' },
    { table: 'proposals', yearExpr: `(SELECT ${SESSION_YEAR_SQL} FROM congress_sessions s WHERE s.id = session_id)`, label: '提案' },
    {
      table: 'proposal_events',
      yearExpr: `(SELECT ${SESSION_YEAR_SQL} FROM proposals p JOIN congress_sessions s ON s.id = p.session_id WHERE p.id = proposal_id)`,
      label: '提案的办理记录',
    },
    {
      table: 'proposal_attachments',
      yearExpr: `(SELECT ${SESSION_YEAR_SQL} FROM proposals p JOIN congress_sessions s ON s.id = p.session_id WHERE p.id = proposal_id)`,
      label: '提案的附件',
    },
  ],
};
