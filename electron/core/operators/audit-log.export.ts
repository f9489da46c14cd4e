/** 修改记录 as .xlsx (#16): the filtered log through the shared cell writer, newest first like the page. */
import fs from 'node:fs';
import type { FileRef } from '../../../shared/contract/app';
import type { AuditFilter, AuditLogRow } from '../../../shared/contract/operators';
import { AUDIT_ENTITIES } from '../../../shared/domain/audit-labels';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import { writeTableXlsx, type WriteColumn } from '../spreadsheet/xlsx-writer';
import { iterateAuditLog, queryAuditLog } from './audit-log.query';
import { auditMasked, toAuditLogRow } from './operators.service';

const COLUMNS: WriteColumn[] = [
  { header: '序号', width: 8, kind: 'number' },
  { header: '时间', width: 20, kind: 'text' },
  { header: '操作人', width: 12, kind: 'text' },
  { header: '操作', width: 18, kind: 'text' },
  { header: '记录类型', width: 12, kind: 'text' },
  { header: '记录', width: 24, kind: 'text' },
  { header: '改动', width: 80, kind: 'text' },
];

const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '（空）' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** The time as the clerk reads it on the page (local time of this PC), not the stored UTC instant. */
const localTime = (iso: string): string => {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
};

export const auditRecordText = (r: AuditLogRow): string => (r.recordName ? r.recordName : r.entityId ? `第 ${r.entityId} 号` : '');

function* lines(ctx: AppContext, filter: AuditFilter): Generator<(string | number | null)[]> {
  const mask = auditMasked(ctx);
  for (const db of iterateAuditLog(ctx.db, filter)) {
    const r = toAuditLogRow(db, mask);
    yield [r.id, localTime(r.at), r.operator, r.actionLabel, r.entityLabel, auditRecordText(r), r.changes.map((c) => `${c.label}：${show(c.before)} → ${show(c.after)}`).join('；')];
  }
}

/** A file name that says what is in it: 修改记录-会员王五.xlsx, 修改记录.xlsx. */
function fileName(ctx: AppContext, filter: AuditFilter): string {
  const name = filter.entity && filter.entityId ? (queryAuditLog(ctx.db, { ...filter, offset: 0, limit: 1 }).rows[0]?.record_name ?? null) : null;
  const what = filter.entity ? `${AUDIT_ENTITIES[filter.entity] ?? filter.entity}${name ?? filter.entityId ?? ''}` : '';
  return `修改记录${what ? `-${what}` : ''}.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
}

export async function auditExportXlsx(ctx: AppContext, filter: AuditFilter): Promise<FileRef> {
  const out = ctx.files.createOutput(fileName(ctx, filter));
  let rows: number;
  try {
    rows = await writeTableXlsx(out.path, { sheetName: '修改记录', columns: COLUMNS, rows: lines(ctx, filter) });
  } catch (e) {
    fs.rmSync(out.path, { force: true });
    throw e;
  }
  const ref = out.ref();
  // Taking the log out of the program is itself worth a line in it (who, which file, how many entries).
  ctx.db.transaction(() =>
    writeAudit(ctx.db, ctx.actor() || '管理员', ctx.clock(), { action: 'audit.export', entity: 'audit_log', after: { fileName: ref.fileName, rows, ...filter } }),
  )();
  return ref;
}
