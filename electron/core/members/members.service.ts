import type { z } from 'zod';
import { todayIso } from '../../../shared/domain/dates';
import { normalizeIdNumber } from '../../../shared/domain/id-number';
import type { eventInput, MemberDetail, MemberFields, MemberListRow, memberQuery } from '../../../shared/contract/members';
import { checkTransition, deriveStatus, MEMBER_EVENT_LABELS, type MemberEventType } from '../../../shared/domain/member-lifecycle';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import type { DB } from '../db/open';
import { AppError, validationError } from '../errors';
import { getUnit } from '../groups/groups.repo';
import { toDetail, toListRow } from './members.mapper';
import { prepareMember, nameGrams, searchIds, type Prepared } from './members.prepare';
import { queryMembers } from './members.query';
import * as repo from './members.repo';
import type { WriteScope } from '../imports/write-scope';

type EventInput = z.output<typeof eventInput>;
type Arrival = { type: 'join' | 'transfer_in'; date: string; otherUnion?: string | null; handler?: string | null };

/** What a write needs besides the data: who, when, and (for imports) the batch. */
export type { WriteScope };

export function memberLabel(r: Pick<repo.MemberRow, 'id' | 'name' | 'member_no'>): string {
  return r.member_no ? `${r.name}（会员证号 ${r.member_no}）` : `${r.name}（编号 ${r.id}）`;
}

/** Refuses a second member with the same ID number or 会员证号, naming the one already there. */
export function assertUnique(db: DB, row: repo.WritableRow, excludeId: number | null): void {
  if (row.id_number) {
    const other = repo.findByIdNumber(db, row.id_number);
    if (other && other.id !== excludeId) {
      throw new AppError('CONFLICT', `证件号码与已有会员 ${memberLabel(other)} 重复。`, {
        issues: [{ path: ['member', 'idNumber'], message: `与 ${memberLabel(other)} 重复` }],
        existingId: other.id,
      });
    }
  }
  if (row.member_no) {
    const other = repo.findByMemberNo(db, row.member_no);
    if (other && other.id !== excludeId) {
      throw new AppError('CONFLICT', `会员证号 ${row.member_no} 已被${memberLabel(other)}使用。`, {
        issues: [{ path: ['member', 'memberNo'], message: `已被 ${other.name} 使用` }],
        existingId: other.id,
      });
    }
  }
}

function assertGroup(db: DB, groupId: number | null): void {
  if (groupId != null && !getUnit(db, groupId)) {
    throw validationError('所选工会小组不存在。', [{ path: ['member', 'groupId'], message: '工会小组不存在' }]);
  }
}

export function prepareOrThrow(fields: MemberFields, today: Date): Prepared {
  const p = prepareMember(fields, today, ['member']);
  if (p.issues.length) throw validationError(`会员信息有误：${p.issues[0]!.message}`, p.issues);
  return p;
}

function recomputeStatus(db: DB, memberId: number, nowIso: string): void {
  const events = repo.listEvents(db, memberId).map((e) => ({ type: e.type as MemberEventType, date: e.date, id: e.id }));
  repo.setMemberStatus(db, memberId, deriveStatus(events), nowIso);
}

/** Inserts a prepared member with its arrival event; the caller owns the transaction. */
export function insertPrepared(scope: WriteScope, p: Prepared, arrival?: Arrival): number {
  const { db, now } = scope;
  const nowIso = now.toISOString();
  assertUnique(db, p.row, null);
  assertGroup(db, p.row.group_id);
  const id = repo.insertMember(db, p.row, nowIso, scope.batchId ?? null);
  repo.writeSearchIndex(db, id, { name: p.row.name, sort_key: p.row.sort_key, status: 'active' }, searchIds(p.row), nameGrams(p.row.name), true);
  const first = arrival ?? (p.row.join_date ? { type: 'join' as const, date: p.row.join_date } : null);
  if (first) {
    repo.insertEvent(
      db,
      {
        member_id: id,
        type: first.type,
        date: first.date,
        reason: null,
        handler: ('handler' in first ? first.handler : null) ?? scope.actor ?? null,
        remark: null,
        other_union: ('otherUnion' in first ? first.otherUnion : null) ?? null,
        from_group_id: null,
        to_group_id: null,
        import_batch_id: scope.batchId ?? null,
      },
      nowIso,
    );
  }
  // Both arrival events leave a new member 在册, the status the row is inserted with: nothing to recompute.
  writeAudit(db, scope.actor, now, { action: 'members.create', entity: 'member', entityId: id, after: p.row });
  return id;
}

/** Updates a member from prepared fields; a changed 工会小组 is written to the history as well. */
export function updatePrepared(scope: WriteScope, id: number, p: Prepared, reason = '编辑会员信息'): void {
  const { db, now } = scope;
  const nowIso = now.toISOString();
  const before = repo.getMemberRow(db, id);
  if (!before) throw new AppError('NOT_FOUND', '找不到该会员，可能已被删除。');
  assertUnique(db, p.row, id);
  assertGroup(db, p.row.group_id);
  repo.updateMember(db, id, p.row, nowIso);
  repo.writeSearchIndex(db, id, { name: p.row.name, sort_key: p.row.sort_key, status: before.status }, searchIds(p.row), nameGrams(p.row.name));
  if (before.group_id !== p.row.group_id) {
    repo.insertEvent(
      db,
      {
        member_id: id,
        type: 'group_move',
        date: todayIso(now),
        reason,
        handler: scope.actor || null,
        remark: null,
        other_union: null,
        from_group_id: before.group_id,
        to_group_id: p.row.group_id,
        import_batch_id: scope.batchId ?? null,
      },
      nowIso,
    );
  }
  const changed = Object.fromEntries(
    Object.entries(p.row).filter(([k, v]) => (before as unknown as Record<string, unknown>)[k] !== v),
  );
  const was = Object.fromEntries(Object.keys(changed).map((k) => [k, (before as unknown as Record<string, unknown>)[k]]));
  writeAudit(db, scope.actor, now, { action: 'members.update', entity: 'member', entityId: id, before: was, after: changed });
}

const scopeOf = (ctx: AppContext): WriteScope => ({ db: ctx.db, actor: ctx.actor(), now: ctx.clock() });

export function getMember(ctx: AppContext, id: number, warnings: string[] = []): MemberDetail {
  const row = repo.getMemberRow(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '找不到该会员，可能已被删除。');
  return toDetail(row, repo.listEvents(ctx.db, id), ctx.clock(), warnings);
}

export function listMembers(ctx: AppContext, q: z.output<typeof memberQuery>): { total: number; totalCapped: boolean; rows: MemberListRow[] } {
  const today = ctx.clock();
  const { total, totalCapped, rows } = queryMembers(ctx.db, q, today);
  return { total, totalCapped, rows: rows.map((r) => ({ ...toListRow(r, today), ...(q.revealIds ? { idNumber: r.id_number } : {}) })) };
}

export function createMember(ctx: AppContext, fields: MemberFields, arrival?: Arrival): MemberDetail {
  const scope = scopeOf(ctx);
  const p = prepareOrThrow(fields, scope.now);
  const id = scope.db.transaction(() => insertPrepared(scope, p, arrival))();
  return getMember(ctx, id, p.warnings);
}

export function updateMember(ctx: AppContext, id: number, fields: MemberFields, expectedUpdatedAt?: string): MemberDetail {
  const scope = scopeOf(ctx);
  const p = prepareOrThrow(fields, scope.now);
  scope.db.transaction(() => {
    const current = repo.getMemberRow(scope.db, id);
    if (current && expectedUpdatedAt && current.updated_at !== expectedUpdatedAt) {
      throw new AppError('CONFLICT', '该会员信息已在别处被修改，请刷新后再编辑。');
    }
    updatePrepared(scope, id, p);
  })();
  return getMember(ctx, id, p.warnings);
}

export function addMemberEvent(ctx: AppContext, input: EventInput): MemberDetail {
  const scope = scopeOf(ctx);
  const { db, now } = scope;
  if (input.date > todayIso(now)) {
    throw validationError('会籍变动日期不能晚于今天。', [{ path: ['date'], message: '日期不能晚于今天' }]);
  }
  db.transaction(() => {
    const row = repo.getMemberRow(db, input.memberId);
    if (!row) throw new AppError('NOT_FOUND', '找不到该会员，可能已被删除。');
    const history = repo.listEvents(db, input.memberId).map((e) => ({ type: e.type as MemberEventType, date: e.date, id: e.id }));
    const refusal = checkTransition(history, { type: input.type, date: input.date });
    if (refusal) throw new AppError('CONFLICT', refusal);
    if ((input.type === 'transfer_out' || input.type === 'transfer_in') && !input.otherUnion) {
      const what = input.type === 'transfer_out' ? '转往哪个工会' : '从哪个工会转入';
      throw validationError(`请填写${what}。`, [{ path: ['otherUnion'], message: `请填写${what}` }]);
    }
    const nowIso = now.toISOString();
    const eventId = repo.insertEvent(
      db,
      {
        member_id: input.memberId,
        type: input.type,
        date: input.date,
        reason: input.reason ?? null,
        handler: input.handler ?? (scope.actor || null),
        remark: input.remark ?? null,
        other_union: input.otherUnion ?? null,
        from_group_id: null,
        to_group_id: null,
        import_batch_id: null,
      },
      nowIso,
    );
    const before = row.status;
    recomputeStatus(db, input.memberId, nowIso);
    writeAudit(db, scope.actor, now, {
      action: `members.event.${input.type}`,
      entity: 'member',
      entityId: input.memberId,
      before: { status: before },
      after: { status: repo.getMemberRow(db, input.memberId)?.status, eventId, event: MEMBER_EVENT_LABELS[input.type] },
    });
  })();
  return getMember(ctx, input.memberId);
}

export function moveMembers(
  ctx: AppContext,
  memberIds: number[],
  toGroupId: number | null,
  date: string,
  reason: string | null | undefined,
): number {
  const scope = scopeOf(ctx);
  const { db, now } = scope;
  return db.transaction(() => {
    assertGroup(db, toGroupId);
    let moved = 0;
    for (const id of memberIds) {
      const row = repo.getMemberRow(db, id);
      if (!row) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的会员，未调整任何人。`);
      if (row.group_id === toGroupId) continue;
      repo.setMemberGroup(db, id, toGroupId, now.toISOString());
      repo.insertEvent(
        db,
        {
          member_id: id,
          type: 'group_move',
          date,
          reason: reason ?? null,
          handler: scope.actor || null,
          remark: null,
          other_union: null,
          from_group_id: row.group_id,
          to_group_id: toGroupId,
          import_batch_id: null,
        },
        now.toISOString(),
      );
      writeAudit(db, scope.actor, now, {
        action: 'members.moveGroup',
        entity: 'member',
        entityId: id,
        before: { groupId: row.group_id },
        after: { groupId: toGroupId },
      });
      moved++;
    }
    return moved;
  })();
}

/** Only for records entered by mistake: people who left keep their file through lifecycle events instead. */
export function removeMember(ctx: AppContext, id: number, reason: string): boolean {
  const scope = scopeOf(ctx);
  scope.db.transaction(() => {
    const row = repo.getMemberRow(scope.db, id);
    if (!row) throw new AppError('NOT_FOUND', '找不到该会员，可能已被删除。');
    repo.softDeleteMember(scope.db, id, scope.now.toISOString());
    repo.dropSearchIndex(scope.db, id);
    writeAudit(scope.db, scope.actor, scope.now, { action: 'members.remove', entity: 'member', entityId: id, before: row, after: { reason } });
  })();
  return true;
}

/** One member by internal id, 会员证号 or ID number, in that order. */
export function findMember(ctx: AppContext, key: string): MemberDetail {
  const db = ctx.db;
  const byId = /^\d{1,9}$/.test(key) ? repo.getMemberRow(db, Number(key)) : undefined;
  const row = byId ?? repo.findByMemberNo(db, key) ?? repo.findByIdNumber(db, normalizeIdNumber(key));
  if (!row) throw new AppError('NOT_FOUND', `找不到编号、会员证号或证件号码为「${key}」的会员。`);
  return getMember(ctx, row.id);
}
