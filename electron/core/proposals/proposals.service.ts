import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { FileRef } from '../../../shared/contract/app';
import type { ProposalDetail, ProposalFields } from '../../../shared/contract/proposals';
import { todayIso } from '../../../shared/domain/dates';
import { sessionLabel, type ProposalKind } from '../../../shared/domain/proposal-workflow';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import type { DB } from '../db/open';
import { AppError, validationError, type FieldIssue } from '../errors';
import { getMemberRow } from '../members/members.repo';
import { getProposalConfig } from './proposals.config';
import { cacheOf, numberOf, viewOf } from './proposals.mapper';
import { getProposal } from './proposals.read';
import * as repo from './proposals.repo';
import { findRep, getUnit, type SessionRow } from './sessions.repo';
import { requireSession } from './sessions.service';
import { scopeOf, type WriteScope } from '../imports/write-scope';

const memberName = (db: DB, id: number) => getMemberRow(db, id)?.name ?? `编号 ${id} 的会员`;

/** Proposer and seconders must be representatives of the session, and distinct (DOMAIN.md §3.2). */
function peopleIssues(db: DB, session: SessionRow, f: ProposalFields): FieldIssue[] {
  const label = sessionLabel(session.term, session.meeting);
  const issues: FieldIssue[] = [];
  if (!findRep(db, session.id, f.proposerId)) {
    const message = `提案人 ${memberName(db, f.proposerId)} 不是${label}的代表，不能提出提案。`;
    issues.push({ path: ['proposal', 'proposerId'], message });
  }
  const seen = new Set<number>();
  f.seconderIds.forEach((sid, i) => {
    const path = ['proposal', 'seconderIds', i];
    if (sid === f.proposerId) issues.push({ path, message: '提案人不能同时作为附议人。' });
    else if (seen.has(sid)) issues.push({ path, message: `附议人 ${memberName(db, sid)} 重复。` });
    else if (!findRep(db, session.id, sid)) issues.push({ path, message: `附议人 ${memberName(db, sid)} 不是${label}的代表。` });
    seen.add(sid);
  });
  return issues;
}

function fieldIssues(db: DB, f: ProposalFields, today: string, keepCategory: string | null): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (f.submittedDate > today) issues.push({ path: ['proposal', 'submittedDate'], message: '提交日期不能晚于今天。' });
  if (f.category && f.category !== keepCategory && !getProposalConfig(db).categories.includes(f.category)) {
    issues.push({ path: ['proposal', 'category'], message: `类别「${f.category}」不在提案类别列表中，可先在「提案设置」中增加。` });
  }
  if (f.suggestedUnitId) {
    const u = getUnit(db, f.suggestedUnitId);
    if (!u) issues.push({ path: ['proposal', 'suggestedUnitId'], message: '建议承办部门不存在。' });
  }
  return issues;
}

function throwIssues(issues: FieldIssue[]): void {
  if (issues.length) throw validationError(issues[0]!.message, issues);
}

const writable = (f: ProposalFields): repo.ProposalWritable => ({
  title: f.title,
  reasons: f.reasons || null,
  suggestions: f.suggestions || null,
  category: f.category || null,
  proposer_member_id: f.proposerId,
  suggested_unit_id: f.suggestedUnitId ?? null,
  submitted_date: f.submittedDate,
  contact_phone: f.contactPhone || null,
  remarks: f.remarks || null,
});

export interface RegisterOptions {
  asOpinion?: boolean;
  handler?: string | null;
}

/**
 * Registers one 提案表 inside the caller's transaction and returns its id and the notes for the clerk. The
 * spreadsheet import calls this once per row with the batch in `scope`, so imported proposals get numbers,
 * seconder checks and a 登记 event exactly like typed ones, and undoing the batch finds them by import_batch_id.
 */
export function registerIn(scope: WriteScope, sessionId: number, f: ProposalFields, opts: RegisterOptions = {}): { id: number; warnings: string[] } {
  const { db, now } = scope;
  const session = requireSession(db, sessionId);
  throwIssues([...peopleIssues(db, session, f), ...fieldIssues(db, f, todayIso(now), null)]);
  const short = f.seconderIds.length < session.min_seconders;
  const kind: ProposalKind = short || opts.asOpinion ? 'opinion' : 'proposal';
  const serial = repo.nextSerial(db, sessionId, kind);
  const nowIso = now.toISOString();
  const batch = scope.batchId ?? null;
  const row = writable(f);
  const id = repo.insertProposal(db, { ...row, session_id: sessionId, kind, serial, import_batch_id: batch }, nowIso);
  repo.setSeconders(db, id, f.seconderIds);
  const eventText = short ? `附议人 ${f.seconderIds.length} 人，不足 ${session.min_seconders} 人，按意见建议登记。` : opts.asOpinion ? '按提案人意愿登记为意见建议。' : null;
  repo.insertEvent(
    db,
    {
      proposal_id: id,
      type: 'register',
      date: f.submittedDate,
      handler: opts.handler || scope.actor || null,
      text: eventText,
      target_id: null,
      lead_unit_id: null,
      co_unit_ids_json: '[]',
      deadline: null,
      unit_id: null,
      reply_class: null,
      satisfaction: null,
      import_batch_id: batch,
    },
    nowIso,
  );
  repo.writeWorkflowCache(db, id, cacheOf(viewOf(repo.listEvents(db, id))), nowIso);
  const number = numberOf({ kind, serial, term: session.term, meeting: session.meeting, session_start: session.start_date }, getProposalConfig(db));
  writeAudit(db, scope.actor, now, {
    action: 'proposals.create',
    entity: 'proposal',
    entityId: id,
    after: { ...row, sessionId, kind, serial, number, seconderIds: f.seconderIds },
  });
  const warnings: string[] = [];
  if (short) warnings.push(`附议人不足 ${session.min_seconders} 人（现有 ${f.seconderIds.length} 人），已登记为意见建议：${number}。`);
  if (session.collection_deadline && f.submittedDate > session.collection_deadline) {
    warnings.push(`提交日期晚于征集截止日期（${session.collection_deadline}），按惯例逾期提交的不再立案。`);
  }
  return { id, warnings };
}

export function createProposal(ctx: AppContext, sessionId: number, f: ProposalFields, opts: RegisterOptions): ProposalDetail {
  const scope = scopeOf(ctx);
  const { id, warnings } = scope.db.transaction(() => registerIn(scope, sessionId, f, opts))();
  return getProposal(ctx, id, warnings);
}

const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Edits the 提案表's text at any time; who proposed and seconded is fixed once the proposal was reviewed. */
export function updateProposal(ctx: AppContext, id: number, f: ProposalFields, expectedUpdatedAt?: string): ProposalDetail {
  const scope = scopeOf(ctx);
  const { db, now } = scope;
  db.transaction(() => {
    const before = repo.getRow(db, id);
    if (!before) throw new AppError('NOT_FOUND', '找不到该提案，可能已被删除。');
    if (expectedUpdatedAt && before.updated_at !== expectedUpdatedAt) {
      throw new AppError('CONFLICT', '该提案已在别处被修改，请刷新后再编辑。');
    }
    const session = requireSession(db, before.session_id);
    const oldSeconders = repo.listSeconders(db, id).map((s) => s.member_id);
    const peopleChanged = before.proposer_member_id !== f.proposerId || !sameIds(oldSeconders, f.seconderIds);
    if (peopleChanged && before.state !== 'registered') {
      throw new AppError('CONFLICT', '提案已经审查或交办，不能再更改提案人和附议人。');
    }
    if (peopleChanged && before.kind === 'proposal' && f.seconderIds.length < session.min_seconders) {
      const message = `附议人不能少于 ${session.min_seconders} 人：编号已按提案登记，改为意见建议请撤案后重新登记。`;
      throw validationError(message, [{ path: ['proposal', 'seconderIds'], message }]);
    }
    throwIssues([...(peopleChanged ? peopleIssues(db, session, f) : []), ...fieldIssues(db, f, todayIso(now), before.category)]);
    const row = writable(f);
    repo.updateFields(db, id, row, now.toISOString());
    if (peopleChanged) repo.setSeconders(db, id, f.seconderIds);
    const changed = Object.fromEntries(Object.entries(row).filter(([k, v]) => (before as unknown as Record<string, unknown>)[k] !== v));
    const was = Object.fromEntries(Object.keys(changed).map((k) => [k, (before as unknown as Record<string, unknown>)[k]]));
    writeAudit(db, scope.actor, now, {
      action: 'proposals.update',
      entity: 'proposal',
      entityId: id,
      before: peopleChanged ? { ...was, seconderIds: oldSeconders } : was,
      after: peopleChanged ? { ...changed, seconderIds: f.seconderIds } : changed,
    });
  })();
  return getProposal(ctx, id);
}

/** Attachments are copied into the database (backups carry them); 20 MB each keeps the file manageable. */
export const ATTACHMENT_LIMIT = 20 * 1024 * 1024;

export function addAttachment(ctx: AppContext, proposalId: number, token: string): ProposalDetail {
  const scope = scopeOf(ctx);
  const file = ctx.files.resolve(token);
  if (file.sizeBytes > ATTACHMENT_LIMIT) {
    throw validationError(`附件「${file.fileName}」过大（${(file.sizeBytes / 1048576).toFixed(1)} MB），单个附件不能超过 20 MB。`);
  }
  const data = fs.readFileSync(file.path);
  scope.db.transaction(() => {
    if (!repo.getRow(scope.db, proposalId)) throw new AppError('NOT_FOUND', '找不到该提案，可能已被删除。');
    const sha256 = createHash('sha256').update(data).digest('hex');
    const id = repo.insertAttachment(scope.db, { proposal_id: proposalId, file_name: file.fileName, data, sha256 }, scope.now.toISOString());
    writeAudit(scope.db, scope.actor, scope.now, {
      action: 'proposals.attachment.add',
      entity: 'proposal',
      entityId: proposalId,
      after: { attachmentId: id, fileName: file.fileName, sizeBytes: data.length, sha256 },
    });
  })();
  return getProposal(ctx, proposalId);
}

export function getAttachmentFile(ctx: AppContext, id: number): FileRef {
  const a = repo.getAttachment(ctx.db, id);
  if (!a) throw new AppError('NOT_FOUND', '找不到该附件，可能已被删除。');
  const out = ctx.files.createOutput(a.file_name);
  fs.writeFileSync(out.path, a.data);
  return out.ref();
}

export function removeAttachment(ctx: AppContext, id: number): ProposalDetail {
  const scope = scopeOf(ctx);
  const a = repo.getAttachment(ctx.db, id);
  if (!a) throw new AppError('NOT_FOUND', '找不到该附件，可能已被删除。');
  scope.db.transaction(() => {
    repo.softDeleteAttachment(scope.db, id, scope.now.toISOString());
    writeAudit(scope.db, scope.actor, scope.now, {
      action: 'proposals.attachment.remove',
      entity: 'proposal',
      entityId: a.proposal_id,
      before: { attachmentId: id, fileName: a.file_name, sizeBytes: a.size_bytes },
    });
  })();
  return getProposal(ctx, a.proposal_id);
}
