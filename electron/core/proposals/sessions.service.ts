import { naturalCompare } from '../../../shared/domain/natural-order';
import type { z } from 'zod';
import type { CongressSession, HandlingUnit, Representative, sessionInput } from '../../../shared/contract/proposals';
import { todayIso } from '../../../shared/domain/dates';
import { CURRENT_STATUSES, MEMBER_STATUS_LABELS, type MemberStatus } from '../../../shared/domain/member-lifecycle';
import { sessionLabel, sessionTitle } from '../../../shared/domain/proposal-workflow';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import type { DB } from '../db/open';
import { AppError, validationError } from '../errors';
import { getMemberRow } from '../members/members.repo';
import { readAllSettings } from '../settings/settings.repo';
import * as repo from './sessions.repo';
import { scopeOf, type WriteScope } from '../imports/write-scope';

type SessionFields = z.output<typeof sessionInput>;

/** 第五届教职工代表大会第二次会议; an enterprise or hospital holds a 职工代表大会. */
export function congressTitle(db: DB, s: Pick<repo.SessionRow, 'term' | 'meeting' | 'name'>): string {
  if (s.name) return s.name;
  const unitType = readAllSettings(db).get('unitType');
  const body = unitType === 'hospital' || unitType === 'company' ? '职工代表大会' : '教职工代表大会';
  return sessionTitle(s.term, s.meeting).replace('届第', `届${body}第`) + '会议';
}

export function toSession(db: DB, r: repo.SessionListRow): CongressSession {
  return {
    id: r.id,
    term: r.term,
    meeting: r.meeting,
    label: sessionLabel(r.term, r.meeting),
    title: congressTitle(db, r),
    name: r.name,
    startDate: r.start_date,
    endDate: r.end_date,
    collectionDeadline: r.collection_deadline,
    replyDeadline: r.reply_deadline,
    minSeconders: r.min_seconders,
    remarks: r.remarks,
    representativeCount: r.rep_count,
    proposalCount: r.proposal_count,
    opinionCount: r.opinion_count,
    overdueCount: r.overdue_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function requireSession(db: DB, id: number): repo.SessionRow {
  const s = repo.getSession(db, id);
  if (!s) throw new AppError('NOT_FOUND', '找不到该届次，可能已被删除。');
  return s;
}

export function listSessions(ctx: AppContext): CongressSession[] {
  return repo.listSessions(ctx.db, todayIso(ctx.clock())).map((r) => toSession(ctx.db, r));
}

export function getSessionOut(ctx: AppContext, id: number): CongressSession {
  const s = listSessions(ctx).find((x) => x.id === id);
  if (!s) throw new AppError('NOT_FOUND', '找不到该届次，可能已被删除。');
  return s;
}

function toWritable(f: SessionFields): repo.SessionWritable {
  const order: [string | null | undefined, string | null | undefined, string, string][] = [
    [f.startDate, f.endDate, 'endDate', '闭幕日期不能早于开幕日期。'],
    [f.collectionDeadline, f.replyDeadline, 'replyDeadline', '答复截止日期不能早于征集截止日期。'],
    [f.startDate, f.replyDeadline, 'replyDeadline', '答复截止日期不能早于开幕日期。'],
  ];
  for (const [a, b, field, message] of order) {
    if (a && b && b < a) throw validationError(message, [{ path: [field], message }]);
  }
  return {
    term: f.term,
    meeting: f.meeting,
    name: f.name || null,
    start_date: f.startDate ?? null,
    end_date: f.endDate ?? null,
    collection_deadline: f.collectionDeadline ?? null,
    reply_deadline: f.replyDeadline ?? null,
    min_seconders: f.minSeconders,
    remarks: f.remarks || null,
  };
}

function assertFreeKey(db: DB, term: number, meeting: number, exceptId: number | null): void {
  const other = repo.findSessionByKey(db, term, meeting);
  if (other && other.id !== exceptId) {
    const message = `${sessionTitle(term, meeting)}会议已经登记过。`;
    throw new AppError('CONFLICT', message, { issues: [{ path: ['meeting'], message }] });
  }
}

export function createSession(ctx: AppContext, f: SessionFields): CongressSession {
  const s = scopeOf(ctx);
  const row = toWritable(f);
  const id = s.db.transaction(() => {
    assertFreeKey(s.db, row.term, row.meeting, null);
    const newId = repo.insertSession(s.db, row, s.now.toISOString());
    writeAudit(s.db, s.actor, s.now, { action: 'sessions.create', entity: 'congress_session', entityId: newId, after: row });
    return newId;
  })();
  return getSessionOut(ctx, id);
}

export function updateSession(ctx: AppContext, id: number, f: SessionFields): CongressSession {
  const s = scopeOf(ctx);
  const row = toWritable(f);
  s.db.transaction(() => {
    const before = requireSession(s.db, id);
    assertFreeKey(s.db, row.term, row.meeting, id);
    repo.updateSession(s.db, id, row, s.now.toISOString());
    writeAudit(s.db, s.actor, s.now, { action: 'sessions.update', entity: 'congress_session', entityId: id, before, after: row });
  })();
  return getSessionOut(ctx, id);
}

/** Only a session without proposals may go: numbers once given are part of the record. */
export function removeSession(ctx: AppContext, id: number): boolean {
  const s = scopeOf(ctx);
  s.db.transaction(() => {
    const before = requireSession(s.db, id);
    const n = repo.countSessionProposals(s.db, id);
    if (n) throw new AppError('CONFLICT', `该届次已登记 ${n} 件提案或意见建议，不能删除。`);
    repo.deleteRepsOfSession(s.db, id);
    repo.softDeleteSession(s.db, id, s.now.toISOString());
    writeAudit(s.db, s.actor, s.now, { action: 'sessions.remove', entity: 'congress_session', entityId: id, before });
  })();
  return true;
}

// ----- representatives

export const toRep = (r: repo.RepRow): Representative => ({
  id: r.id,
  sessionId: r.session_id,
  memberId: r.member_id,
  name: r.name,
  delegation: r.delegation,
  group: r.group_name,
  department: r.department,
  memberNo: r.member_no,
  proposalCount: r.proposal_count,
  secondedCount: r.seconded_count,
});

export function listReps(ctx: AppContext, sessionId: number): Representative[] {
  requireSession(ctx.db, sessionId);
  return repo.listReps(ctx.db, sessionId).map(toRep);
}

/** Adds members as representatives; one already there keeps its delegation. Used by the UI and by imports. */
export function addRepsIn(scope: WriteScope, sessionId: number, entries: readonly { memberId: number; delegation: string }[]) {
  const { db } = scope;
  requireSession(db, sessionId);
  let added = 0;
  let alreadyThere = 0;
  for (const e of entries) {
    const m = getMemberRow(db, e.memberId);
    if (!m) throw new AppError('NOT_FOUND', `找不到编号为 ${e.memberId} 的会员，未添加任何代表。`);
    if (!CURRENT_STATUSES.includes(m.status as MemberStatus)) {
      throw validationError(`${m.name} 的会籍状态为「${MEMBER_STATUS_LABELS[m.status as MemberStatus]}」，不能作为代表。未添加任何代表。`);
    }
    if (repo.findRep(db, sessionId, e.memberId)) {
      alreadyThere++;
      continue;
    }
    const id = repo.insertRep(db, sessionId, e.memberId, e.delegation.trim(), scope.now.toISOString());
    writeAudit(db, scope.actor, scope.now, {
      action: 'representatives.add',
      entity: 'congress_session',
      entityId: sessionId,
      after: { representativeId: id, memberId: e.memberId, name: m.name, delegation: e.delegation },
    });
    added++;
  }
  return { added, alreadyThere };
}

export function addReps(ctx: AppContext, sessionId: number, entries: { memberId: number; delegation: string }[]) {
  const s = scopeOf(ctx);
  return s.db.transaction(() => addRepsIn(s, sessionId, entries))();
}

export function updateRep(ctx: AppContext, id: number, delegation: string): Representative {
  const s = scopeOf(ctx);
  s.db.transaction(() => {
    const before = repo.getRep(s.db, id);
    if (!before) throw new AppError('NOT_FOUND', '找不到该代表，可能已被移除。');
    repo.updateRepDelegation(s.db, id, delegation);
    writeAudit(s.db, s.actor, s.now, {
      action: 'representatives.update',
      entity: 'congress_session',
      entityId: before.session_id,
      before: { representativeId: id, delegation: before.delegation },
      after: { representativeId: id, delegation },
    });
  })();
  return toRep(repo.getRep(s.db, id)!);
}

/** A representative who proposed or seconded something stays: the proposal names them. */
export function removeRep(ctx: AppContext, id: number): boolean {
  const s = scopeOf(ctx);
  s.db.transaction(() => {
    const r = repo.getRep(s.db, id);
    if (!r) throw new AppError('NOT_FOUND', '找不到该代表，可能已被移除。');
    if (r.proposal_count || r.seconded_count) {
      throw new AppError('CONFLICT', `${r.name} 已提出 ${r.proposal_count} 件、附议 ${r.seconded_count} 件提案，不能从代表名单中移除。`);
    }
    repo.deleteRep(s.db, id);
    writeAudit(s.db, s.actor, s.now, { action: 'representatives.remove', entity: 'congress_session', entityId: r.session_id, before: r });
  })();
  return true;
}

// ----- handling units

export const toUnit = (u: repo.UnitRow): HandlingUnit => ({
  id: u.id,
  name: u.name,
  contact: u.contact,
  phone: u.phone,
  active: u.active === 1,
  usage: u.usage,
});

/** Active units first; then by name in natural order (第一教研室 < 第二教研室 < 第十教研室), not by when each was added. */
export const listUnits = (ctx: AppContext): HandlingUnit[] =>
  repo
    .listUnits(ctx.db)
    .sort((a, b) => b.active - a.active || naturalCompare(a.name, b.name))
    .map(toUnit);

type UnitFields = { name: string; contact?: string | null; phone?: string | null };

function assertFreeName(db: DB, name: string, exceptId: number | null): void {
  const other = repo.findUnitByName(db, name);
  if (other && other.id !== exceptId) {
    const message = other.active ? `已有名为「${name}」的承办部门。` : `已有名为「${name}」的承办部门（已停用），可将其重新启用。`;
    throw new AppError('CONFLICT', message, { issues: [{ path: ['name'], message }] });
  }
}

/** Creates a unit inside the caller's transaction (an import may add the units its sheet names). */
export function createUnitIn(scope: WriteScope, u: UnitFields): number {
  assertFreeName(scope.db, u.name, null);
  const row = { name: u.name, contact: u.contact || null, phone: u.phone || null };
  const id = repo.insertUnit(scope.db, row, scope.now.toISOString());
  writeAudit(scope.db, scope.actor, scope.now, { action: 'handlingUnits.create', entity: 'handling_unit', entityId: id, after: row });
  return id;
}

export function createUnit(ctx: AppContext, u: UnitFields): HandlingUnit {
  const s = scopeOf(ctx);
  const id = s.db.transaction(() => createUnitIn(s, u))();
  return toUnit(repo.getUnit(s.db, id)!);
}

export function updateUnit(ctx: AppContext, id: number, u: UnitFields & { active: boolean }): HandlingUnit {
  const s = scopeOf(ctx);
  s.db.transaction(() => {
    const before = repo.getUnit(s.db, id);
    if (!before) throw new AppError('NOT_FOUND', '找不到该承办部门，可能已被删除。');
    assertFreeName(s.db, u.name, id);
    const row = { name: u.name, contact: u.contact || null, phone: u.phone || null, active: u.active };
    repo.updateUnit(s.db, id, row, s.now.toISOString());
    writeAudit(s.db, s.actor, s.now, { action: 'handlingUnits.update', entity: 'handling_unit', entityId: id, before, after: row });
  })();
  return toUnit(repo.getUnit(s.db, id)!);
}

/** A unit named in any proposal's history is only deactivated, so old records still say who handled them. */
export function removeUnit(ctx: AppContext, id: number): { removed: boolean; deactivated: boolean } {
  const s = scopeOf(ctx);
  return s.db.transaction(() => {
    const u = repo.getUnit(s.db, id);
    if (!u) throw new AppError('NOT_FOUND', '找不到该承办部门，可能已被删除。');
    if (u.usage > 0) {
      repo.updateUnit(s.db, id, { name: u.name, contact: u.contact, phone: u.phone, active: false }, s.now.toISOString());
      writeAudit(s.db, s.actor, s.now, { action: 'handlingUnits.deactivate', entity: 'handling_unit', entityId: id, before: u });
      return { removed: false, deactivated: true };
    }
    repo.softDeleteUnit(s.db, id, s.now.toISOString());
    writeAudit(s.db, s.actor, s.now, { action: 'handlingUnits.remove', entity: 'handling_unit', entityId: id, before: u });
    return { removed: true, deactivated: false };
  })();
}
