import type { z } from 'zod';
import type { OpinionFields, opinionQuery, OpinionRow } from '../../../shared/contract/disclosures';
import { todayIso } from '../../../shared/domain/dates';
import { deriveOpinionStatus, OPINION_STATUS_LABELS } from '../../../shared/domain/disclosure-labels';
import { addWorkdays, type WorkCalendar } from '../../../shared/domain/workdays';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import { AppError, validationError, type FieldIssue } from '../errors';
import { getSettings } from '../settings/settings.service';
import { toOpinion } from './disclosures.mapper';
import { getDisclosureRow } from './disclosures.repo';
import * as repo from './opinions.repo';

type Query = z.output<typeof opinionQuery>;

/** Weekends plus the office's holidays and make-up working days from 设置. */
export function workCalendar(ctx: AppContext): WorkCalendar {
  const s = getSettings(ctx);
  return { holidays: s.holidays, workdays: s.makeupWorkdays };
}

export function defaultDueDate(ctx: AppContext, receivedOn: string): { dueOn: string; workdays: number } {
  const workdays = getSettings(ctx).opinionReplyDays;
  return { dueOn: addWorkdays(receivedOn, workdays, workCalendar(ctx)), workdays };
}

const notFound = () => new AppError('NOT_FOUND', '找不到该意见记录，可能已被删除。');

export function getOpinion(ctx: AppContext, id: number): OpinionRow {
  const row = repo.getOpinionRow(ctx.db, id);
  if (!row) throw notFound();
  return toOpinion(row, todayIso(ctx.clock()));
}

export function listOpinions(ctx: AppContext, q: Query): { total: number; rows: OpinionRow[] } {
  const today = todayIso(ctx.clock());
  const { total, rows } = repo.listOpinionRows(ctx.db, { ...q, today });
  return { total, rows: rows.map((r) => toOpinion(r, today)) };
}

type Stored = Pick<repo.OpinionRow, 'reply' | 'replied_on' | 'replied_by' | 'archived_at'>;

/** The row to write from the form, keeping the reply and archive state the form does not carry. */
function toWritable(ctx: AppContext, f: OpinionFields, kept: Stored): repo.OpinionWritable {
  const today = todayIso(ctx.clock());
  const issues: FieldIssue[] = [];
  const at = (field: string, message: string) => issues.push({ path: ['opinion', field], message });
  if (f.receivedOn > today) at('receivedOn', '收到日期不能晚于今天');
  if (f.forwardedOn && !f.forwardedTo) at('forwardedTo', '填写了转交日期，请同时填写转交部门');
  if (f.forwardedOn && f.forwardedOn < f.receivedOn) at('forwardedOn', '转交日期不能早于收到日期');
  if (f.forwardedOn && f.forwardedOn > today) at('forwardedOn', '转交日期不能晚于今天');
  if (f.dueOn && f.dueOn < f.receivedOn) at('dueOn', '答复期限不能早于收到日期');
  if (!f.anonymous && !f.reporter) at('reporter', '请填写反映人，或勾选匿名');
  if (f.disclosureId && !getDisclosureRow(ctx.db, f.disclosureId)) at('disclosureId', '关联的公开事项不存在或已被删除');
  if (issues.length) throw validationError(`意见记录有误：${issues[0]!.message}。`, issues);
  const row: repo.OpinionWritable = {
    received_on: f.receivedOn,
    channel: f.channel,
    anonymous: f.anonymous ? 1 : 0,
    // 匿名 means no name is kept, even one typed before the box was ticked.
    reporter: f.anonymous ? null : f.reporter || null,
    contact: f.anonymous ? null : f.contact || null,
    content: f.content,
    disclosure_id: f.disclosureId ?? null,
    forwarded_to: f.forwardedTo || null,
    forwarded_on: f.forwardedTo ? (f.forwardedOn ?? today) : null,
    due_on: f.dueOn ?? defaultDueDate(ctx, f.receivedOn).dueOn,
    reply: kept.reply,
    replied_on: kept.replied_on,
    replied_by: kept.replied_by,
    remarks: f.remarks || null,
    status: 'pending',
    archived_at: kept.archived_at,
  };
  return withStatus(row);
}

const withStatus = (row: repo.OpinionWritable): repo.OpinionWritable => ({
  ...row,
  status: deriveOpinionStatus({ forwardedTo: row.forwarded_to, reply: row.reply, archivedAt: row.archived_at }),
});

const writable = (r: repo.OpinionRow): repo.OpinionWritable =>
  Object.fromEntries(repo.OPINION_COLUMNS.map((c) => [c, r[c]])) as repo.OpinionWritable;

export function createOpinion(ctx: AppContext, f: OpinionFields): OpinionRow {
  const row = toWritable(ctx, f, { reply: null, replied_on: null, replied_by: null, archived_at: null });
  const now = ctx.clock();
  const id = ctx.db.transaction(() => {
    const newId = repo.insertOpinion(ctx.db, row, now.toISOString());
    writeAudit(ctx.db, ctx.actor(), now, { action: 'opinions.create', entity: 'opinion', entityId: newId, after: row });
    return newId;
  })();
  return getOpinion(ctx, id);
}

/** Runs `change` on the current row inside one transaction with its audit entry. */
function change(ctx: AppContext, id: number, action: string, fn: (before: repo.OpinionRow) => repo.OpinionWritable): OpinionRow {
  const now = ctx.clock();
  ctx.db.transaction(() => {
    const before = repo.getOpinionRow(ctx.db, id);
    if (!before) throw notFound();
    const after = withStatus(fn(before));
    repo.updateOpinion(ctx.db, id, after, now.toISOString());
    const old = writable(before);
    const keys = repo.OPINION_COLUMNS.filter((c) => old[c] !== after[c]);
    writeAudit(ctx.db, ctx.actor(), now, {
      action,
      entity: 'opinion',
      entityId: id,
      before: Object.fromEntries(keys.map((k) => [k, old[k]])),
      after: Object.fromEntries(keys.map((k) => [k, after[k]])),
    });
  })();
  return getOpinion(ctx, id);
}

const refuseArchived = (r: repo.OpinionRow) => {
  if (r.archived_at) throw new AppError('CONFLICT', '该意见已归档，不能再修改。如需修改，请先撤销归档。');
};

export function updateOpinion(ctx: AppContext, id: number, f: OpinionFields, expectedUpdatedAt?: string): OpinionRow {
  return change(ctx, id, 'opinions.update', (before) => {
    refuseArchived(before);
    if (expectedUpdatedAt && before.updated_at !== expectedUpdatedAt) {
      throw new AppError('CONFLICT', '该意见记录已在别处被修改，请刷新后再编辑。');
    }
    return toWritable(ctx, f, before);
  });
}

export function replyOpinion(ctx: AppContext, id: number, reply: string, repliedOn: string, repliedBy: string | null | undefined): OpinionRow {
  const today = todayIso(ctx.clock());
  return change(ctx, id, 'opinions.reply', (before) => {
    refuseArchived(before);
    const issues: FieldIssue[] = [];
    if (repliedOn < before.received_on) issues.push({ path: ['repliedOn'], message: '答复日期不能早于收到日期' });
    if (repliedOn > today) issues.push({ path: ['repliedOn'], message: '答复日期不能晚于今天' });
    if (issues.length) throw validationError(`${issues[0]!.message}。`, issues);
    return { ...writable(before), reply, replied_on: repliedOn, replied_by: repliedBy || ctx.actor() || null };
  });
}

export function archiveOpinion(ctx: AppContext, id: number, archived: boolean): OpinionRow {
  const nowIso = ctx.clock().toISOString();
  return change(ctx, id, archived ? 'opinions.archive' : 'opinions.unarchive', (before) => {
    if (archived && !before.reply) {
      throw new AppError('CONFLICT', `该意见还没有答复（当前：${OPINION_STATUS_LABELS[before.status as keyof typeof OPINION_STATUS_LABELS]}），答复后才能归档。`);
    }
    if (archived === !!before.archived_at) {
      throw new AppError('CONFLICT', archived ? '该意见已经归档。' : '该意见没有归档，无需撤销。');
    }
    return { ...writable(before), archived_at: archived ? nowIso : null };
  });
}

export function removeOpinion(ctx: AppContext, id: number, reason: string): boolean {
  const now = ctx.clock();
  ctx.db.transaction(() => {
    const row = repo.getOpinionRow(ctx.db, id);
    if (!row) throw notFound();
    repo.softDeleteOpinion(ctx.db, id, now.toISOString());
    writeAudit(ctx.db, ctx.actor(), now, { action: 'opinions.remove', entity: 'opinion', entityId: id, before: row, after: { reason } });
  })();
  return true;
}
