/**
 * The writing half of a wage / payment import and its undo, as task-thread tasks (threads/task.ts): 10,000
 * rows write 10,000–30,000 month rows, about a second the window would otherwise not draw. Each is a plain
 * function of a connection, so where no thread can start (vitest runs the sources) it runs in the main process.
 */
import type { DB } from '../../db/open';
import { writeAudit } from '../../audit';
import { AppError } from '../../errors';
import * as importRepo from '../../imports/imports.repo';
import { defineTask } from '../../threads/task';
import * as repo from '../dues.repo';
import type { Figures } from './import-rows';
import { CANCELLED_MESSAGE, throwIfCancelled } from '../../jobs';

export const DUES_IMPORT_KIND = 'dues';

export interface DuesWriteInput {
  fileName: string;
  sheet: string;
  summary: importRepo.BatchSummary & { period: string; monthsWritten: number; monthsPaid: number; paidFen: number };
  /** Each month row to write and the row as the plan saw it (null: none yet). */
  writes: { after: Figures; before: repo.RecordState | null }[];
  /** The clerk's column choices to remember for this header (null: nothing to remember). */
  mapping: { signature: string; headers: string[]; overrides: Record<string, string | null> } | null;
  /** Rows counted for progress. */
  rows: number;
}

const STALE = '会费记录在检查之后又被修改（核算、登记缴纳或另一次导入），没有写入任何数据；请重新检查后再导入。';

/** One transaction: the batch, every month row with its before-values, the mapping, one audit entry. */
export const duesImportWriteTask = defineTask<DuesWriteInput, number>({
  name: 'dues.importWrite',
  writes: true,
  run: ({ db, now, actor, progress, signal }, input) => {
    const at = now.toISOString();
    return db.transaction(() => {
      const batchId = importRepo.insertBatch(db, { kind: DUES_IMPORT_KIND, fileName: input.fileName, sheet: input.sheet, at, actor, summary: input.summary });
      let done = 0;
      for (const w of input.writes) {
        // The plan was made before the backup; a row changed since would be overwritten with a stale picture.
        const now = repo.recordAt(db, w.after.member_id, w.after.period);
        if ((now?.updated_at ?? null) !== (w.before?.updated_at ?? null)) throw new AppError('CONFLICT', STALE);
        const id = repo.writeImported(db, { ...w.after, batch_id: batchId }, at);
        repo.rememberBefore(db, batchId, id, w.before);
        if (++done % 2000 === 0) {
          throwIfCancelled(signal, CANCELLED_MESSAGE);
          progress('正在写入会费', done, input.writes.length);
        }
      }
      if (input.mapping) importRepo.rememberMapping(db, DUES_IMPORT_KIND, input.mapping.signature, input.mapping.headers, input.mapping.overrides, at);
      const { skippedRows: _skipped, ...counts } = input.summary;
      writeAudit(db, actor, now, { action: 'dues.importCommit', entity: 'import_batch', entityId: batchId, after: { fileName: input.fileName, ...counts } });
      return batchId;
    })();
  },
});

/** Why a batch cannot be undone, or its row (checked before the backup and again inside the transaction). */
export function checkDuesUndo(db: DB, batchId: number): importRepo.BatchRow {
  const batch = importRepo.getBatch(db, batchId);
  if (!batch || batch.kind !== DUES_IMPORT_KIND) throw new AppError('NOT_FOUND', `找不到编号为 ${batchId} 的会费导入记录`);
  if (batch.undone_at) throw new AppError('CONFLICT', `这次导入已于 ${batch.undone_at.slice(0, 16).replace('T', ' ')} 撤销过`);
  const changed = repo.changedSince(db, batchId);
  if (changed) throw new AppError('CONFLICT', `这次导入写入的会费记录中有 ${changed} 条之后又被核算、登记缴纳或再次导入，不能撤销（没有做任何更改）`);
  return batch;
}

export const duesUndoTask = defineTask<{ batchId: number; backup: string }, { batchId: number; restored: number; removed: number; backup: string }>({
  name: 'dues.importUndo',
  writes: true,
  run: ({ db, now, actor, progress }, { batchId, backup }) => {
    progress('正在撤销导入', 0, null);
    return db.transaction(() => {
      const batch = checkDuesUndo(db, batchId);
      let restored = 0;
      let removed = 0;
      for (const r of repo.batchRows(db, batchId)) {
        if (r.before_json === null) {
          repo.deleteRecord(db, r.record_id);
          removed++;
        } else {
          repo.restoreRecord(db, JSON.parse(r.before_json) as repo.RecordState);
          restored++;
        }
      }
      importRepo.markUndone(db, batchId, now.toISOString());
      writeAudit(db, actor, now, {
        action: 'dues.importUndo',
        entity: 'import_batch',
        entityId: batchId,
        before: { fileName: batch.file_name, createdAt: batch.created_at },
        after: { restored, removed, backup },
      });
      return { batchId, restored, removed, backup };
    })();
  },
});
