import type { DB } from '../db/open';
import { stmt } from '../db/stmt';

/** One row of `proposals` as stored, joined with the names lists and details show. */
export interface ProposalRow {
  id: number;
  session_id: number;
  kind: 'proposal' | 'opinion';
  serial: number;
  title: string;
  reasons: string | null;
  suggestions: string | null;
  category: string | null;
  proposer_member_id: number;
  suggested_unit_id: number | null;
  submitted_date: string;
  contact_phone: string | null;
  remarks: string | null;
  state: string;
  lead_unit_id: number | null;
  reply_due: string | null;
  reply_class: string | null;
  feedback: string | null;
  merged_into_id: number | null;
  import_batch_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProposalJoinedRow extends ProposalRow {
  term: number;
  meeting: number;
  session_start: string | null;
  proposer_name: string;
  delegation: string | null;
  round_deadline: string | null;
  seconder_count: number;
  lead_unit: string | null;
}

export const JOINED_SELECT = `SELECT p.*, s.term, s.meeting, s.start_date AS session_start, m.name AS proposer_name,
    r.delegation, (SELECT count(*) FROM proposal_seconders x WHERE x.proposal_id = p.id) AS seconder_count,
    h.name AS lead_unit,
    -- The 办理期限 of the latest 交办/督办 round (proposal_events_proposal index), kept after the reply and 办结.
    (SELECT e.deadline FROM proposal_events e WHERE e.proposal_id = p.id AND e.type IN ('assign', 'supervise')
      ORDER BY e.date DESC, e.id DESC LIMIT 1) AS round_deadline
  FROM proposals p
  JOIN congress_sessions s ON s.id = p.session_id
  JOIN members m ON m.id = p.proposer_member_id
  LEFT JOIN session_representatives r ON r.session_id = p.session_id AND r.member_id = p.proposer_member_id
  LEFT JOIN handling_units h ON h.id = p.lead_unit_id`;

export interface EventRow {
  id: number;
  proposal_id: number;
  type: string;
  date: string;
  handler: string | null;
  text: string | null;
  target_id: number | null;
  lead_unit_id: number | null;
  co_unit_ids_json: string;
  deadline: string | null;
  unit_id: number | null;
  reply_class: string | null;
  satisfaction: string | null;
  import_batch_id: number | null;
  created_at: string;
}

export type NewEvent = Omit<EventRow, 'id' | 'created_at'>;

export type ProposalWritable = Pick<
  ProposalRow,
  'title' | 'reasons' | 'suggestions' | 'category' | 'proposer_member_id' | 'suggested_unit_id' | 'submitted_date' | 'contact_phone' | 'remarks'
>;
const FIELD_COLS = [
  'title',
  'reasons',
  'suggestions',
  'category',
  'proposer_member_id',
  'suggested_unit_id',
  'submitted_date',
  'contact_phone',
  'remarks',
] as const;

export function nextSerial(db: DB, sessionId: number, kind: string): number {
  return (stmt(db, 'SELECT coalesce(max(serial), 0) + 1 AS n FROM proposals WHERE session_id = ? AND kind = ?').get(sessionId, kind) as { n: number })
    .n;
}

export function insertProposal(
  db: DB,
  p: ProposalWritable & { session_id: number; kind: string; serial: number; import_batch_id: number | null },
  now: string,
): number {
  const cols = [...FIELD_COLS, 'session_id', 'kind', 'serial', 'import_batch_id'];
  return Number(
    stmt(db, `INSERT INTO proposals (${cols.join(', ')}, created_at, updated_at) VALUES (${cols.map((c) => '@' + c).join(', ')}, @now, @now)`).run({
      ...p,
      now,
    }).lastInsertRowid,
  );
}

export function updateFields(db: DB, id: number, p: ProposalWritable, now: string): void {
  stmt(db, `UPDATE proposals SET ${FIELD_COLS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`).run({ ...p, id, now });
}

export interface WorkflowCache {
  state: string;
  lead_unit_id: number | null;
  reply_due: string | null;
  reply_class: string | null;
  feedback: string | null;
  merged_into_id: number | null;
}

export function writeWorkflowCache(db: DB, id: number, c: WorkflowCache, now: string): void {
  stmt(
    db,
    `UPDATE proposals SET state = @state, lead_unit_id = @lead_unit_id, reply_due = @reply_due, reply_class = @reply_class,
       feedback = @feedback, merged_into_id = @merged_into_id, updated_at = @now WHERE id = @id`,
  ).run({ ...c, id, now });
}

export function getRow(db: DB, id: number): ProposalRow | undefined {
  return stmt(db, 'SELECT * FROM proposals WHERE id = ?').get(id) as ProposalRow | undefined;
}

export function getJoined(db: DB, id: number): ProposalJoinedRow | undefined {
  return stmt(db, `${JOINED_SELECT} WHERE p.id = ?`).get(id) as ProposalJoinedRow | undefined;
}

export function listSessionJoined(db: DB, sessionId: number): ProposalJoinedRow[] {
  return stmt(db, `${JOINED_SELECT} WHERE p.session_id = ? ORDER BY p.kind DESC, p.serial`).all(sessionId) as ProposalJoinedRow[];
}

export function setSeconders(db: DB, proposalId: number, memberIds: readonly number[]): void {
  stmt(db, 'DELETE FROM proposal_seconders WHERE proposal_id = ?').run(proposalId);
  const ins = stmt(db, 'INSERT INTO proposal_seconders (proposal_id, member_id, position) VALUES (?, ?, ?)');
  memberIds.forEach((m, i) => ins.run(proposalId, m, i));
}

export interface SeconderRow {
  member_id: number;
  name: string;
  delegation: string | null;
}

export function listSeconders(db: DB, proposalId: number): SeconderRow[] {
  return stmt(
    db,
    `SELECT ps.member_id, m.name, r.delegation FROM proposal_seconders ps
       JOIN proposals p ON p.id = ps.proposal_id
       JOIN members m ON m.id = ps.member_id
       LEFT JOIN session_representatives r ON r.session_id = p.session_id AND r.member_id = ps.member_id
     WHERE ps.proposal_id = ? ORDER BY ps.position`,
  ).all(proposalId) as SeconderRow[];
}

export function insertEvent(db: DB, e: NewEvent, now: string): number {
  return Number(
    stmt(
      db,
      `INSERT INTO proposal_events (proposal_id, type, date, handler, text, target_id, lead_unit_id, co_unit_ids_json, deadline,
         unit_id, reply_class, satisfaction, import_batch_id, created_at)
       VALUES (@proposal_id, @type, @date, @handler, @text, @target_id, @lead_unit_id, @co_unit_ids_json, @deadline,
         @unit_id, @reply_class, @satisfaction, @import_batch_id, @now)`,
    ).run({ ...e, now }).lastInsertRowid,
  );
}

export function listEvents(db: DB, proposalId: number): EventRow[] {
  return stmt(db, 'SELECT * FROM proposal_events WHERE proposal_id = ? ORDER BY date, id').all(proposalId) as EventRow[];
}

export function listSessionEvents(db: DB, sessionId: number): EventRow[] {
  return stmt(
    db,
    `SELECT e.* FROM proposal_events e JOIN proposals p ON p.id = e.proposal_id WHERE p.session_id = ? ORDER BY e.proposal_id, e.date, e.id`,
  ).all(sessionId) as EventRow[];
}

/** Proposals merged into this one, by their own numbers. */
export function listMergedFrom(db: DB, proposalId: number): ProposalJoinedRow[] {
  return stmt(db, `${JOINED_SELECT} WHERE p.merged_into_id = ? ORDER BY p.serial`).all(proposalId) as ProposalJoinedRow[];
}

// ----- attachments

export interface AttachmentRow {
  id: number;
  proposal_id: number;
  file_name: string;
  size_bytes: number;
  created_at: string;
}

export function listAttachments(db: DB, proposalId: number): AttachmentRow[] {
  return stmt(
    db,
    'SELECT id, proposal_id, file_name, size_bytes, created_at FROM proposal_attachments WHERE proposal_id = ? AND deleted_at IS NULL ORDER BY id',
  ).all(proposalId) as AttachmentRow[];
}

/** The attachments with their hash and first bytes (enough to tell a PDF or an image), without the data. */
export function listAttachmentHeads(db: DB, proposalId: number): { file_name: string; sha256: string; head: Buffer }[] {
  return stmt(
    db,
    'SELECT file_name, sha256, substr(data, 1, 16) AS head FROM proposal_attachments WHERE proposal_id = ? AND deleted_at IS NULL ORDER BY id',
  ).all(proposalId) as { file_name: string; sha256: string; head: Buffer }[];
}

export function attachmentDataByHash(db: DB, sha256: string): Buffer | null {
  return (stmt(db, 'SELECT data FROM proposal_attachments WHERE sha256 = ? LIMIT 1').get(sha256) as { data: Buffer } | undefined)?.data ?? null;
}

export function insertAttachment(db: DB, a: { proposal_id: number; file_name: string; data: Buffer; sha256: string }, now: string): number {
  return Number(
    stmt(
      db,
      'INSERT INTO proposal_attachments (proposal_id, file_name, size_bytes, sha256, data, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(a.proposal_id, a.file_name, a.data.length, a.sha256, a.data, now).lastInsertRowid,
  );
}

export function getAttachment(db: DB, id: number): (AttachmentRow & { data: Buffer }) | undefined {
  return stmt(db, 'SELECT * FROM proposal_attachments WHERE id = ? AND deleted_at IS NULL').get(id) as (AttachmentRow & { data: Buffer }) | undefined;
}

export function softDeleteAttachment(db: DB, id: number, now: string): void {
  stmt(db, 'UPDATE proposal_attachments SET deleted_at = ? WHERE id = ?').run(now, id);
}

/** The items already in a session, for the import's "already registered" check. */
export function sessionTitles(db: DB, sessionId: number): { kind: 'proposal' | 'opinion'; serial: number; title: string; proposer_member_id: number }[] {
  return db
    .prepare('SELECT kind, serial, title, proposer_member_id FROM proposals WHERE session_id = ? ORDER BY kind, serial')
    .all(sessionId) as { kind: 'proposal' | 'opinion'; serial: number; title: string; proposer_member_id: number }[];
}

export function kindAndSerial(db: DB, id: number): { kind: 'proposal' | 'opinion'; serial: number } {
  return db.prepare('SELECT kind, serial FROM proposals WHERE id = ?').get(id) as { kind: 'proposal' | 'opinion'; serial: number };
}
