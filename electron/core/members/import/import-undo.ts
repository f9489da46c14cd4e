/**
 * Undo of a roster import batch, as a whole or not at all.
 *
 * Rule (so nobody's later work is lost silently):
 *   - a member the batch CREATED is removed (soft delete, search index dropped) only if nothing happened to
 *     them after the import: no edit, no lifecycle event, no other record (提案, 代表, 小组长 …) pointing at them;
 *   - a member the batch UPDATED gets back the values the batch replaced, only if those fields still hold what
 *     the batch wrote (edits of other fields are kept);
 *   - otherwise the undo is refused with the names and reasons, and nothing changes.
 * Events the batch wrote (入会 of new members, 调整工会小组) are deleted. A backup is taken first. Like the import,
 * whose one audit entry stands for the members it created, the undo's entry stands for the members it removes
 * (they keep their row, the batch number and the undo's time as deleted_at); each restored member gets its own.
 * Removal is set-based (a statement per table, not per member): a 100,000-row batch is undone in seconds.
 */
import type { AppContext } from '../../context';
import { writeAudit } from '../../audit';
import type { DB } from '../../db/open';
import { AppError } from '../../errors';
import { nameGrams, searchIds } from '../members.prepare';
import * as repo from '../members.repo';
import { startJob } from '../../jobs';
import { defineTask } from '../../threads/task';
import { runInThread } from '../../threads/run-in-thread';
import { MEMBER_COLUMN_LABELS } from '../../../../shared/domain/member-fields';
import * as importRepo from '../../imports/imports.repo';
import * as groupsRepo from '../../groups/groups.repo';
import * as membersImportRepo from './members-import.repo';


/** The clerk's wall-clock time of an ISO instant (the PC's time zone), to the minute. */
function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

interface Conflict {
  name: string;
  reason: string;
}

function findConflicts(db: DB, batchId: number, created: ReturnType<typeof repo.batchMembers>, changes: membersImportRepo.ChangeRow[]): Conflict[] {
  const out: Conflict[] = [];
  const createdSet = new Set(created.map((m) => m.id));
  const referenced = membersImportRepo.referencedBatchMembers(db, batchId);
  const otherEvents = membersImportRepo.membersWithOtherEvents(db, batchId);
  for (const m of created) {
    const id = m.id;
    if (referenced.has(id)) out.push({ name: m.name, reason: '已被其他记录（提案、代表、小组长等）引用' });
    else if (otherEvents.has(id)) out.push({ name: m.name, reason: '导入后登记过会籍变动' });
    else if (m.updated_at !== m.created_at) out.push({ name: m.name, reason: '导入后被修改过' });
  }
  for (const c of changes) {
    if (createdSet.has(c.member_id)) continue;
    const m = repo.getMemberRow(db, c.member_id);
    if (!m) continue;
    const after = JSON.parse(c.after_json) as Record<string, unknown>;
    const changed = Object.keys(after).filter((k) => (m as unknown as Record<string, unknown>)[k] !== after[k]);
    const shownFields = changed.map((k) => MEMBER_COLUMN_LABELS[k]).filter(Boolean);
    if (changed.length) out.push({ name: m.name, reason: `导入后${shownFields.length ? `「${shownFields.join('、')}」` : '相关字段'}又被修改过` });
  }
  return out;
}

function refusal(conflicts: Conflict[]): AppError {
  const shown = conflicts.slice(0, 5).map((c) => `${c.name}：${c.reason}`).join('；');
  const more = conflicts.length > 5 ? ` 等 ${conflicts.length} 人` : '';
  return new AppError(
    'CONFLICT',
    `无法撤销本次导入：${shown}${more}。为免覆盖导入后的改动，撤销未做任何更改；请先处理这些会员，或从导入前的备份恢复。`,
    { conflicts: conflicts.slice(0, 200) },
  );
}

type UndoResult = { batchId: number; removed: number; restored: number; backup: string };

export const UNDO_CANCELLED = '已取消撤销导入，没有更改任何数据，这次导入仍可撤销';

const cancelled = () => new AppError('CANCELLED', UNDO_CANCELLED);

/** Why the batch cannot be undone, or what it holds; run before the backup and again inside the transaction. */
function checkUndo(db: DB, batchId: number) {
  const batch = importRepo.getBatch(db, batchId);
  if (!batch || batch.kind !== 'members') throw new AppError('NOT_FOUND', `找不到编号为 ${batchId} 的会员导入记录`);
  if (batch.undone_at) throw new AppError('CONFLICT', `这次导入已于 ${localTime(batch.undone_at)} 撤销过`);
  const created = repo.batchMembers(db, batchId);
  const changes = membersImportRepo.listChanges(db, batchId);
  const conflicts = findConflicts(db, batchId, created, changes);
  if (conflicts.length) throw refusal(conflicts);
  return { batch, created, changes };
}

/**
 * The 分工会 / 工会小组 the batch created go with it, unless something uses them by now (a member added by
 * hand, a group under a branch): then they stay, and nothing is said — they are the clerk's now.
 */
function removeBatchUnits(db: DB, actor: string, now: Date, summaryJson: string): void {
  const ids = (JSON.parse(summaryJson) as importRepo.BatchSummary).createdUnitIds ?? [];
  // Groups before the branches they were created under (a branch with a group left is in use).
  for (const id of [...ids].reverse()) {
    const unit = groupsRepo.getUnit(db, id);
    const use = unit ? groupsRepo.countUnitUse(db, id) : null;
    if (!unit || !use || use.members || use.children) continue;
    groupsRepo.softDeleteUnit(db, id, now.toISOString());
    writeAudit(db, actor, now, { action: 'groups.remove', entity: 'union_unit', entityId: id, before: { name: unit.name, kind: unit.kind } });
  }
}

/** The undo's one transaction, in the task thread: 100,000 members take seconds the window must not wait. */
export const undoImportTask = defineTask<{ batchId: number; backup: string }, UndoResult>({
  name: 'members.importUndo',
  writes: true,
  run: ({ db, now, actor, progress, signal }, { batchId, backup }) => {
    progress('正在撤销导入', 0, null);
    const nowIso = now.toISOString();
    // 取消 throws out of the one transaction, which rolls everything back. Looked at between the set-based
    // statements (each is one SQLite step the flag cannot interrupt) and every 500 restored members.
    const check = () => {
      if (signal.aborted) throw cancelled();
    };
    return db.transaction(() => {
      // Checked again inside the transaction: the backup yielded to the event loop.
      const { batch, changes } = checkUndo(db, batchId);
      check();
      const removed = repo.softDeleteBatchMembers(db, batchId, nowIso, check);
      check();
      let restored = 0;
      for (const c of changes) {
        if (restored % 500 === 0) check();
        const row = repo.getMemberRow(db, c.member_id);
        if (!row) continue;
        const before = JSON.parse(c.before_json) as Record<string, unknown>;
        const next = { ...row, ...before } as unknown as repo.WritableRow;
        repo.updateMember(db, c.member_id, next, nowIso);
        repo.writeSearchIndex(db, c.member_id, { ...next, status: row.status }, searchIds(next), nameGrams(next.name));
        writeAudit(db, actor, now, {
          action: 'members.importUndo.restore',
          entity: 'member',
          entityId: c.member_id,
          before: JSON.parse(c.after_json) as unknown,
          after: before,
        });
        restored++;
      }
      membersImportRepo.deleteBatchEvents(db, batchId);
      removeBatchUnits(db, actor, now, batch.summary_json);
      // The last look: after it the transaction only marks the batch and commits.
      check();
      importRepo.markUndone(db, batchId, nowIso);
      writeAudit(db, actor, now, {
        action: 'imports.undo',
        entity: 'import_batch',
        entityId: batchId,
        before: { fileName: batch.file_name, createdAt: batch.created_at },
        // The removed members: this batch's, deleted at this entry's time.
        after: { removed, restored, backup, removedMembers: { importBatchId: batchId, deletedAt: nowIso } },
      });
      return { batchId, removed, restored, backup };
    })();
  },
});

/** The refusal check alone, read-only: for a large batch it reads every member the batch touched. */
export const checkUndoTask = defineTask<{ batchId: number }, null>({
  name: 'members.importUndoCheck',
  writes: false,
  run: ({ db }, { batchId }) => {
    checkUndo(db, batchId);
    return null;
  },
});

export async function undoImport(ctx: AppContext, batchId: number, jobId?: string): Promise<UndoResult> {
  const job = startJob(ctx, jobId);
  const check = () => {
    if (job.signal.aborted) throw cancelled();
  };
  try {
    // Refused before a backup is taken; both the check and the undo run off the main thread.
    job.progress('正在检查能否撤销', 0, null, true);
    await runInThread(ctx, job, checkUndoTask, { batchId });
    check();
    // A cancel during the backup lets it finish (it is a valid backup all the same) and stops before the undo.
    const backup = (await ctx.backup('pre-undo-import', job)).name;
    check();
    return await runInThread(ctx, job, undoImportTask, { batchId, backup });
  } finally {
    job.end();
  }
}
