import type { DB } from '../db/open';
import { stmt } from '../db/stmt';

export interface PlanDbRow {
  id: number;
  year: number;
  period: string;
  title: string;
  areas: string;
}
export interface PlanItemDbRow {
  id: number;
  plan_id: number;
  seq: number;
  month: number | null;
  month_to: number | null;
  title: string;
  kind: string;
  area: string | null;
  owner: string | null;
  status: string;
  status_reason: string | null;
  activity_ids: string | null;
}
export interface PlanItemWrite {
  month: number | null;
  month_to: number | null;
  title: string;
  kind: string;
  area: string | null;
  owner: string | null;
}

export const getPlan = (db: DB, year: number, period: string | null): PlanDbRow | undefined =>
  stmt(db, `SELECT id, year, period, title, areas FROM plans WHERE deleted_at IS NULL AND year = ? AND (? IS NULL OR period = ?) ORDER BY period LIMIT 1`).get(
    year,
    period,
    period,
  ) as PlanDbRow | undefined;

export const getPlanById = (db: DB, id: number): PlanDbRow | undefined =>
  stmt(db, `SELECT id, year, period, title, areas FROM plans WHERE deleted_at IS NULL AND id = ?`).get(id) as PlanDbRow | undefined;

export const softDeletePlan = (db: DB, id: number, now: string) => stmt(db, `UPDATE plans SET deleted_at = ?, updated_at = ? WHERE id = ?`).run(now, now, id);

export function insertPlan(db: DB, p: { year: number; period: string; title: string; areas: string[]; source_text: string | null }, now: string): number {
  return Number(
    stmt(db, `INSERT INTO plans (year, period, title, areas, source_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
      p.year,
      p.period,
      p.title,
      JSON.stringify(p.areas),
      p.source_text,
      now,
      now,
    ).lastInsertRowid,
  );
}

export function insertItem(db: DB, planId: number, seq: number, i: PlanItemWrite, now: string): number {
  return Number(
    stmt(
      db,
      `INSERT INTO plan_items (plan_id, seq, month, month_to, title, kind, area, owner, created_at, updated_at)
       VALUES (@planId, @seq, @month, @month_to, @title, @kind, @area, @owner, @now, @now)`,
    ).run({ ...i, planId, seq, now }).lastInsertRowid,
  );
}

const ITEM_SELECT = `SELECT i.id, i.plan_id, i.seq, i.month, i.month_to, i.title, i.kind, i.area, i.owner, i.status, i.status_reason,
  (SELECT group_concat(l.activity_id) FROM activity_plan_items l JOIN activities a ON a.id = l.activity_id AND a.deleted_at IS NULL
   WHERE l.plan_item_id = i.id) AS activity_ids
  FROM plan_items i`;

export const listItems = (db: DB, planId: number): PlanItemDbRow[] =>
  stmt(db, `${ITEM_SELECT} WHERE i.plan_id = ? ORDER BY i.seq`).all(planId) as PlanItemDbRow[];

export const getItem = (db: DB, id: number): PlanItemDbRow | undefined =>
  stmt(db, `${ITEM_SELECT} WHERE i.id = ?`).get(id) as PlanItemDbRow | undefined;

export interface PlanItemUpdate {
  status: string;
  status_reason: string | null;
  month: number | null;
  month_to: number | null;
  owner: string | null;
  title: string;
  kind: string;
}
export const updateItem = (db: DB, id: number, f: PlanItemUpdate, now: string) =>
  stmt(
    db,
    `UPDATE plan_items SET status = @status, status_reason = @status_reason, month = @month, month_to = @month_to, owner = @owner, title = @title, kind = @kind,
     updated_at = @now WHERE id = @id`,
  ).run({
    ...f,
    id,
    now,
  });

/** An item carried out by an activity is 已完成 unless the clerk cancelled it. */
export const markItemsDone = (db: DB, ids: number[], now: string) => {
  for (const id of ids) stmt(db, `UPDATE plan_items SET status = 'done', updated_at = ? WHERE id = ? AND status IN ('pending', 'active')`).run(now, id);
};

export const itemExists = (db: DB, id: number): boolean => !!stmt(db, `SELECT 1 FROM plan_items WHERE id = ?`).get(id);
