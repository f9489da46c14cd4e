import type { UnionUnit } from '../../../shared/contract/members';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import type { DB } from '../db/open';
import { AppError, validationError } from '../errors';
import * as repo from './groups.repo';
import { isLiveMember } from '../members/members.repo';
import { naturalCompare } from '../../../shared/domain/natural-order';

/** The 分工会 → 工会小组 tree as a flat list; a branch's count includes the groups under it. */
export function unitTree(db: DB): UnionUnit[] {
  // 第一小组 … 第十小组 in the order the clerk counts them, not by pinyin (第五 before 第一).
  const rows = repo.listUnitsWithCounts(db).sort((a, b) => a.sort_order - b.sort_order || naturalCompare(a.name, b.name));
  const children = new Map<number | null, typeof rows>();
  for (const r of rows) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r]);
  const total = (id: number, seen = new Set<number>()): number => {
    if (seen.has(id)) return 0;
    seen.add(id);
    const self = rows.find((r) => r.id === id)?.direct_count ?? 0;
    return self + (children.get(id) ?? []).reduce((s, c) => s + total(c.id, seen), 0);
  };
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    kind: r.kind,
    name: r.name,
    leaderMemberId: r.leader_member_id,
    leaderName: r.leader_name,
    memberCount: total(r.id),
  }));
}

function assertLeader(db: DB, leaderId: number | null | undefined): void {
  if (leaderId == null) return;
  if (!isLiveMember(db, leaderId)) throw validationError('所选组长不是在册会员。', [{ path: ['leaderMemberId'], message: '组长不存在' }]);
}

export function createUnit(
  ctx: AppContext,
  input: { parentId: number | null; kind: 'branch' | 'group'; name: string; leaderMemberId?: number | null },
): UnionUnit {
  const db = ctx.db;
  const now = ctx.clock();
  const id = db.transaction(() => {
    if (input.parentId != null) {
      const parent = repo.getUnit(db, input.parentId);
      if (!parent) throw validationError('上级组织不存在。', [{ path: ['parentId'], message: '上级组织不存在' }]);
      if (parent.kind === 'group') throw validationError('工会小组下面不能再建下级组织。', [{ path: ['parentId'], message: '请选择分工会' }]);
    }
    if (repo.findUnitByName(db, input.parentId, input.name)) {
      throw new AppError('CONFLICT', `同一上级下已有名为「${input.name}」的组织。`, {
        issues: [{ path: ['name'], message: '名称重复' }],
      });
    }
    assertLeader(db, input.leaderMemberId);
    const newId = repo.insertUnit(
      db,
      { parent_id: input.parentId, kind: input.kind, name: input.name, leader_member_id: input.leaderMemberId ?? null },
      now.toISOString(),
    );
    writeAudit(db, ctx.actor(), now, { action: 'groups.create', entity: 'union_unit', entityId: newId, after: input });
    return newId;
  })();
  return unitTree(db).find((u) => u.id === id)!;
}

export function updateUnitInfo(ctx: AppContext, input: { id: number; name: string; leaderMemberId: number | null }): UnionUnit {
  const db = ctx.db;
  const now = ctx.clock();
  db.transaction(() => {
    const unit = repo.getUnit(db, input.id);
    if (!unit) throw new AppError('NOT_FOUND', '找不到该组织。');
    const same = repo.findUnitByName(db, unit.parent_id, input.name);
    if (same && same.id !== input.id) throw new AppError('CONFLICT', `同一上级下已有名为「${input.name}」的组织。`);
    assertLeader(db, input.leaderMemberId);
    repo.updateUnit(db, input.id, input.name, input.leaderMemberId, now.toISOString());
    writeAudit(db, ctx.actor(), now, {
      action: 'groups.update',
      entity: 'union_unit',
      entityId: input.id,
      before: { name: unit.name, leaderMemberId: unit.leader_member_id },
      after: { name: input.name, leaderMemberId: input.leaderMemberId },
    });
  })();
  return unitTree(db).find((u) => u.id === input.id)!;
}

/** A unit that still has members (any status) or sub-units cannot go: their history points at it. */
export function removeUnit(ctx: AppContext, id: number): boolean {
  const db = ctx.db;
  const now = ctx.clock();
  db.transaction(() => {
    const unit = repo.getUnit(db, id);
    if (!unit) throw new AppError('NOT_FOUND', '找不到该组织。');
    const use = repo.countUnitUse(db, id);
    if (use.members || use.children) {
      throw new AppError('CONFLICT', `「${unit.name}」下还有 ${use.members} 名会员、${use.children} 个下级组织，不能删除。请先调整。`);
    }
    repo.softDeleteUnit(db, id, now.toISOString());
    writeAudit(db, ctx.actor(), now, { action: 'groups.remove', entity: 'union_unit', entityId: id, before: unit });
  })();
  return true;
}
