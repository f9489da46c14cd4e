/** 工作计划: parse a pasted plan, save what the clerk confirmed, show the month board (issue #14, DOMAIN.md §8.1). */
import type { PlanDetail, PlanItemRow, PlanParseResult, PlanSaveInput } from '../../../shared/contract/plans';
import { todayIso } from '../../../shared/domain/dates';
import {
  planKindLabel,
  PLAN_ITEM_STATUS_LABELS,
  monthOrder,
  type PlanItemStatus,
  type PlanPeriod,
} from '../../../shared/domain/plans-labels';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import { AppError, validationError } from '../errors';
import { readPlanFile } from './plan-file';
import { assertKind } from './plan-kinds';
import { parsePlanText } from './plan-parser';
import * as repo from './plans.repo';

export async function parsePlan(ctx: AppContext, q: { text?: string | undefined; token?: string | undefined }): Promise<PlanParseResult & { text: string }> {
  let text = q.text ?? '';
  if (q.token) {
    const f = ctx.files.resolve(q.token);
    text = await readPlanFile(f.path, f.fileName);
  }
  if (!text.trim()) throw validationError('没有可识别的计划内容：请粘贴计划全文或选择 .txt / .docx 文件。');
  return { ...parsePlanText(text), text };
}

/** The plan's month (1–12) that `iso` falls in, and whether that month is over by `today`. */
function monthPassed(year: number, period: PlanPeriod, month: number, today: string): boolean {
  const y = period === 'school' && month < 9 ? year + 1 : year;
  const end = new Date(Date.UTC(y, month, 0)).toISOString().slice(0, 10);
  return end < today;
}

export function toItemRow(r: repo.PlanItemDbRow, plan: { year: number; period: PlanPeriod }, today: string): PlanItemRow {
  const activityIds = r.activity_ids ? r.activity_ids.split(',').map(Number) : [];
  const lastMonth = r.month_to ?? r.month;
  return {
    id: r.id,
    seq: r.seq,
    month: r.month,
    monthTo: r.month_to,
    title: r.title,
    kind: r.kind,
    kindLabel: planKindLabel(r.kind),
    area: r.area,
    owner: r.owner,
    status: r.status as PlanItemStatus,
    statusLabel: PLAN_ITEM_STATUS_LABELS[r.status as PlanItemStatus] ?? r.status,
    statusReason: r.status_reason,
    activityIds,
    overdue: lastMonth != null && r.status !== 'cancelled' && activityIds.length === 0 && monthPassed(plan.year, plan.period, lastMonth, today),
  };
}

function detail(ctx: AppContext, p: repo.PlanDbRow): PlanDetail {
  const period = p.period as PlanPeriod;
  const today = todayIso(ctx.clock());
  return {
    id: p.id,
    year: p.year,
    period,
    title: p.title,
    areas: JSON.parse(p.areas) as string[],
    monthOrder: monthOrder(period),
    items: repo.listItems(ctx.db, p.id).map((r) => toItemRow(r, { year: p.year, period }, today)),
  };
}

export function getPlan(ctx: AppContext, year: number, period?: PlanPeriod): PlanDetail | null {
  const p = repo.getPlan(ctx.db, year, period ?? null);
  return p ? detail(ctx, p) : null;
}

/** Saving again for the same year replaces the plan (the old one is kept, marked deleted, with its audit). */
export function savePlan(ctx: AppContext, input: PlanSaveInput): PlanDetail {
  const db = ctx.db;
  const now = ctx.clock();
  const nowIso = now.toISOString();
  const id = db
    .transaction(() => {
      const old = repo.getPlan(db, input.year, input.period);
      if (old) repo.softDeletePlan(db, old.id, nowIso);
      const planId = repo.insertPlan(db, { year: input.year, period: input.period, title: input.title.trim(), areas: input.areas, source_text: input.sourceText ?? null }, nowIso);
      input.items.forEach((i, n) => {
        assertKind(ctx, i.kind, ['items', n, 'kind']);
        if (i.monthTo != null && i.month == null) throw validationError(`第 ${n + 1} 项：有结束月份却没有开始月份。`);
        repo.insertItem(db, planId, n + 1, { month: i.month, month_to: i.monthTo ?? i.month, title: i.title.trim(), kind: i.kind, area: i.area?.trim() || null, owner: i.owner?.trim() || null }, nowIso);
      });
      writeAudit(db, ctx.actor(), now, {
        action: 'plans.create',
        entity: 'plan',
        entityId: planId,
        before: old ? { replacedPlanId: old.id } : undefined,
        after: { year: input.year, period: input.period, title: input.title, items: input.items.length, areas: input.areas.length },
      });
      return planId;
    })
    .immediate();
  return detail(ctx, repo.getPlanById(db, id)!);
}

export function updateItem(
  ctx: AppContext,
  u: {
    id: number;
    status: PlanItemStatus;
    reason?: string | null | undefined;
    month?: number | null | undefined;
    monthTo?: number | null | undefined;
    owner?: string | null | undefined;
    title?: string | undefined;
    kind?: string | undefined;
  },
): PlanItemRow {
  const db = ctx.db;
  const now = ctx.clock();
  db.transaction(() => {
    const before = repo.getItem(db, u.id);
    if (!before) throw new AppError('NOT_FOUND', '找不到该计划事项。');
    if (u.kind !== undefined && u.kind !== before.kind) assertKind(ctx, u.kind, ['kind']);
    if (u.status === 'cancelled' && !u.reason?.trim()) throw validationError('取消计划事项请填写原因。', [{ path: ['reason'], message: '请填写取消原因' }]);
    const month = u.month === undefined ? before.month : u.month;
    // A new month without a new end moves a one-month item; a range keeps its end only if it still follows.
    let monthTo = u.monthTo === undefined ? (u.month === undefined ? before.month_to : month) : u.monthTo;
    if (month == null) monthTo = null;
    else if (monthTo == null || monthTo < month) monthTo = month;
    const after: repo.PlanItemUpdate = {
      status: u.status,
      status_reason: u.reason?.trim() || null,
      month,
      month_to: monthTo,
      owner: u.owner === undefined ? before.owner : u.owner?.trim() || null,
      title: u.title?.trim() || before.title,
      kind: u.kind ?? before.kind,
    };
    repo.updateItem(db, u.id, after, now.toISOString());
    const old: Record<string, unknown> = { status: before.status, status_reason: before.status_reason, month: before.month, month_to: before.month_to, owner: before.owner, title: before.title, kind: before.kind };
    const keys = (Object.keys(after) as (keyof repo.PlanItemUpdate)[]).filter((k) => old[k] !== after[k]);
    if (!keys.length) return;
    writeAudit(db, ctx.actor(), now, {
      action: 'plans.itemUpdate',
      entity: 'plan_item',
      entityId: u.id,
      before: Object.fromEntries(keys.map((k) => [k, old[k]])),
      after: Object.fromEntries(keys.map((k) => [k, after[k]])),
    });
  })();
  const item = repo.getItem(db, u.id)!;
  const plan = repo.getPlanById(db, item.plan_id)!;
  return toItemRow(item, { year: plan.year, period: plan.period as PlanPeriod }, todayIso(now));
}
