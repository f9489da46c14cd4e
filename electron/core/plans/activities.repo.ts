import type { DB } from '../db/open';
import { stmt } from '../db/stmt';

export interface ActivityDbRow {
  id: number;
  name: string;
  kind: string;
  start_date: string;
  end_date: string | null;
  place: string | null;
  organizer: string | null;
  head_count: number | null;
  cost_fen: number;
  cost_source: string | null;
  leader: string | null;
  summary: string | null;
}
export type ActivityWrite = Omit<ActivityDbRow, 'id'>;

const COLS = 'id, name, kind, start_date, end_date, place, organizer, head_count, cost_fen, cost_source, leader, summary';

export function listActivities(db: DB, q: { from: string; to: string; kind: string | null; memberId: number | null }): ActivityDbRow[] {
  return stmt(
    db,
    `SELECT ${COLS} FROM activities a WHERE deleted_at IS NULL AND start_date BETWEEN @from AND @to AND (@kind IS NULL OR kind = @kind)
     AND (@memberId IS NULL OR EXISTS (SELECT 1 FROM activity_participants p WHERE p.activity_id = a.id AND p.member_id = @memberId))
     ORDER BY start_date, id`,
  ).all(q) as ActivityDbRow[];
}

export const getActivity = (db: DB, id: number): ActivityDbRow | undefined =>
  stmt(db, `SELECT ${COLS} FROM activities WHERE deleted_at IS NULL AND id = ?`).get(id) as ActivityDbRow | undefined;

export function insertActivity(db: DB, a: ActivityWrite, now: string): number {
  return Number(
    stmt(
      db,
      `INSERT INTO activities (name, kind, start_date, end_date, place, organizer, head_count, cost_fen, cost_source, leader, summary, created_at, updated_at)
       VALUES (@name, @kind, @start_date, @end_date, @place, @organizer, @head_count, @cost_fen, @cost_source, @leader, @summary, @now, @now)`,
    ).run({ ...a, now }).lastInsertRowid,
  );
}

export const softDeleteActivity = (db: DB, id: number, reason: string, now: string): number =>
  stmt(db, `UPDATE activities SET deleted_at = ?, deleted_reason = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`).run(now, reason, now, id).changes;

export const addParticipant = (db: DB, activityId: number, memberId: number) =>
  stmt(db, `INSERT OR IGNORE INTO activity_participants (activity_id, member_id) VALUES (?, ?)`).run(activityId, memberId);
export const linkPlanItem = (db: DB, activityId: number, itemId: number) =>
  stmt(db, `INSERT OR IGNORE INTO activity_plan_items (activity_id, plan_item_id) VALUES (?, ?)`).run(activityId, itemId);

export const participants = (db: DB, activityId: number): { id: number; name: string }[] =>
  stmt(db, `SELECT m.id, m.name FROM activity_participants p JOIN members m ON m.id = p.member_id WHERE p.activity_id = ? ORDER BY m.sort_key, m.id`).all(
    activityId,
  ) as { id: number; name: string }[];

export const planItemIds = (db: DB, activityId: number): number[] =>
  (stmt(db, `SELECT plan_item_id AS id FROM activity_plan_items WHERE activity_id = ? ORDER BY plan_item_id`).all(activityId) as { id: number }[]).map((r) => r.id);

export interface ActivityAttachmentDbRow {
  id: number;
  label: string;
  sha256: string;
  size_bytes: number;
  mime: string;
}
export const attachments = (db: DB, activityId: number): ActivityAttachmentDbRow[] =>
  stmt(
    db,
    `SELECT x.id, x.label, x.sha256, b.size_bytes, b.mime FROM activity_attachments x JOIN file_blobs b ON b.sha256 = x.sha256
     WHERE x.activity_id = ? AND x.removed_at IS NULL ORDER BY x.id`,
  ).all(activityId) as ActivityAttachmentDbRow[];

export const insertAttachment = (db: DB, activityId: number, sha256: string, label: string, now: string): number =>
  Number(stmt(db, `INSERT INTO activity_attachments (activity_id, sha256, label, added_at) VALUES (?, ?, ?, ?)`).run(activityId, sha256, label, now).lastInsertRowid);

export const memberName = (db: DB, id: number): string | undefined =>
  (stmt(db, `SELECT name FROM members WHERE id = ? AND deleted_at IS NULL`).get(id) as { name: string } | undefined)?.name;

type MemberRef = { id: number; name: string };
/** 签到表 matching: live members by 身份证号, 工号 or name (a name may belong to several). */
export const memberByIdNumber = (db: DB, idNumber: string): MemberRef | undefined =>
  stmt(db, `SELECT id, name FROM members WHERE id_number = ? AND deleted_at IS NULL`).get(idNumber) as MemberRef | undefined;
export const membersByStaffNo = (db: DB, staffNo: string): MemberRef[] =>
  stmt(db, `SELECT id, name FROM members WHERE staff_no = ? AND deleted_at IS NULL ORDER BY id`).all(staffNo) as MemberRef[];
export const membersByName = (db: DB, name: string): MemberRef[] =>
  stmt(db, `SELECT id, name FROM members WHERE name = ? AND deleted_at IS NULL ORDER BY id`).all(name) as MemberRef[];
