/**
 * What each row would do to the member files: 新建, 更新 (with a field diff), 无变化, or 跳过 (with why).
 *
 * Identity (upsert key), in this order:
 *   1. ID number;  2. 会员证号;  3. 工号 — only when exactly one member has it and no ID number contradicts;
 *   4. for rows with none of these, 姓名 + 出生日期 when exactly one member has both.
 * A row whose ID number and 会员证号 point at two different members is an error. Duplicates inside the file
 * (same ID number, same 会员证号, or the same 工号 on rows with neither) are reported on both rows: the later
 * row is an error and is skipped. An empty cell never erases a stored value, and people missing from the file
 * are never touched.
 */
import type { ImportDiff, ImportIssue, ImportAction } from '../../../../shared/contract/imports';
import { memberInput, type MemberFields } from '../../../../shared/contract/members';
import { ID_TYPE_LABELS, type IdType } from '../../../../shared/domain/member-labels';
import type { DB } from '../../db/open';
import { rowToFields } from '../members.mapper';
import { prepareMember, type Prepared } from '../members.prepare';
import * as repo from '../members.repo';
import { MEMBER_COLUMN_LABELS } from '../../../../shared/domain/member-fields';
import { addIssue, type ImportRow, type SheetFields } from './import-rows';
import * as membersImportRepo from './members-import.repo';
import { UnitResolver } from './import-units';

export interface PlannedRow {
  row: ImportRow;
  action: ImportAction;
  note: string | null;
  memberId: number | null;
  prepared: Prepared | null;
  diff: ImportDiff[];
  /** Update: the changed columns' values before and after. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}


/** MemberFields key → import field key, for putting a finding on its column. */
const fieldOfPath = (key: string): string => (key === 'groupId' ? 'group' : key);

/** Lookups shared by all rows of one plan (built lazily: most files never need the name index). */
export class PlanLookups {
  private nameBirth: Map<string, number[]> | null = null;
  private groupNames: Map<number, string> | null = null;
  private keys: { id: Map<string, number>; no: Map<string, number>; staff: Map<string, number[]> } | null = null;

  /**
   * `preload`: read every live member's keys once (one scan) instead of three indexed queries per row — for
   * large files, where the per-query overhead adds up to seconds.
   */
  readonly units: UnitResolver;

  constructor(
    readonly db: DB,
    private readonly preload = false,
    createUnits = true,
  ) {
    this.units = new UnitResolver(db, createUnits);
  }

  private loadKeys() {
    if (this.keys) return this.keys;
    const keys = { id: new Map<string, number>(), no: new Map<string, number>(), staff: new Map<string, number[]>() };
    const rows = membersImportRepo.liveMemberKeys(this.db);
    for (const [id, idNumber, memberNo, staffNo] of rows) {
      if (idNumber) keys.id.set(idNumber, id);
      if (memberNo) keys.no.set(memberNo, id);
      if (staffNo) keys.staff.set(staffNo, [...(keys.staff.get(staffNo) ?? []), id]);
    }
    return (this.keys = keys);
  }

  private row(id: number | undefined): repo.MemberRow | undefined {
    return id === undefined ? undefined : repo.getMemberRow(this.db, id);
  }

  byIdNumber(v: string): repo.MemberRow | undefined {
    return this.preload ? this.row(this.loadKeys().id.get(v)) : repo.findByIdNumber(this.db, v);
  }

  byMemberNo(v: string): repo.MemberRow | undefined {
    return this.preload ? this.row(this.loadKeys().no.get(v)) : repo.findByMemberNo(this.db, v);
  }

  byStaffNo(v: string): repo.MemberRow[] {
    if (!this.preload) return repo.findByStaffNo(this.db, v);
    return (this.loadKeys().staff.get(v) ?? []).map((id) => this.row(id)).filter((r): r is repo.MemberRow => !!r);
  }

  groupName(id: number | null): string | null {
    if (id === null) return null;
    if (id < 0) return this.units.nameOf(id) ?? `#${id}`;
    if (!this.groupNames) {
      const rows = membersImportRepo.unitNames(this.db, false);
      this.groupNames = new Map(rows.map((r) => [r.id, r.name]));
    }
    return this.groupNames.get(id) ?? `#${id}`;
  }

  byNameAndBirth(name: string, birth: string): number[] {
    if (!this.nameBirth) {
      this.nameBirth = new Map();
      const rows = membersImportRepo.liveMembersWithBirthDate(this.db);
      for (const r of rows) {
        const k = `${r.name}|${r.birth_date}`;
        this.nameBirth.set(k, [...(this.nameBirth.get(k) ?? []), r.id]);
      }
    }
    return this.nameBirth.get(`${name}|${birth}`) ?? [];
  }
}

const label = (r: Pick<repo.MemberRow, 'name' | 'member_no' | 'id'>) => (r.member_no ? `${r.name}（会员证号 ${r.member_no}）` : `${r.name}（编号 ${r.id}）`);
const where = (r: ImportRow, sameSheet: string) => (r.sheet === sameSheet ? `第 ${r.excelRow} 行` : `工作表「${r.sheet}」第 ${r.excelRow} 行`);

const skip = (row: ImportRow, note: string): PlannedRow => ({
  row,
  action: 'skip',
  note,
  memberId: null,
  prepared: null,
  diff: [],
  before: null,
  after: null,
});

function rowError(row: ImportRow, message: string, field: string | null = null): PlannedRow {
  addIssue(row, 'errors', field, message);
  return skip(row, message);
}

/** The existing member this row stands for, or null (new), or an error message. */
function match(db: DB, row: ImportRow, look: PlanLookups): { member: repo.MemberRow | null; how: string | null } | { error: string } {
  const f = row.fields;
  const byId = f.idNumber ? look.byIdNumber(f.idNumber) : undefined;
  const byNo = f.memberNo ? look.byMemberNo(f.memberNo) : undefined;
  if (byId && byNo && byId.id !== byNo.id) {
    return { error: `证件号码属于${label(byId)}，会员证号 ${f.memberNo} 却属于${label(byNo)}，请核对后再导入` };
  }
  if (byId) return { member: byId, how: '按证件号码匹配' };
  if (byNo) {
    if (f.idNumber && byNo.id_number && byNo.id_number !== f.idNumber) {
      return { error: `会员证号 ${f.memberNo} 已属于${label(byNo)}，其证件号码与本行不同，请核对后再导入` };
    }
    return { member: byNo, how: '按会员证号匹配' };
  }
  if (f.staffNo) {
    const same = look.byStaffNo(f.staffNo);
    if (same.length === 1) {
      const m = same[0] as repo.MemberRow;
      if (!(f.idNumber && m.id_number && m.id_number !== f.idNumber)) return { member: m, how: '按工号匹配' };
    } else if (same.length > 1) {
      addIssue(row, 'warnings', 'staffNo', `工号 ${f.staffNo} 对应 ${same.length} 名会员，未按工号匹配`);
    }
  }
  if (!f.idNumber && !f.memberNo && !f.staffNo && f.name && f.birthDate) {
    const ids = look.byNameAndBirth(f.name, f.birthDate);
    if (ids.length === 1) {
      const m = repo.getMemberRow(db, ids[0] as number);
      if (m) return { member: m, how: '按姓名和出生日期匹配' };
    }
  }
  return { member: null, how: null };
}

/** The shortest text limit of memberInput (民族, 学历 … 20 characters). */
const SHORTEST_TEXT_LIMIT = 20;
const hasLongText = (f: SheetFields): boolean =>
  Object.values(f).some((v) => typeof v === 'string' && v.length > SHORTEST_TEXT_LIMIT);

/** Sheet values over the stored ones (or over the defaults for a new member). */
function mergedFields(row: ImportRow, existing: repo.MemberRow | null, groupId: number | null | undefined): MemberFields {
  // Both bases are fresh objects, so the sheet values go straight onto them.
  const out = (existing ? rowToFields(existing) : { name: '', idType: 'resident', familyMembers: [] }) as Record<string, unknown>;
  const values = row.fields as Record<string, unknown>;
  for (const k in values) {
    const v = values[k];
    if (k !== 'groupName' && k !== 'branchName' && v !== undefined && v !== null) out[k] = v;
  }
  if (row.fields.idNumber && !row.fields.idType) out.idType = 'resident';
  if (groupId !== undefined) out.groupId = groupId;
  return out as MemberFields;
}

function display(col: keyof repo.WritableRow, v: unknown, look: PlanLookups): string | null {
  if (v === null || v === undefined) return null;
  if (col === 'group_id') return look.groupName(v as number);
  if (col === 'is_migrant_worker') return v ? '是' : '否';
  if (col === 'monthly_wage_fen') return ((v as number) / 100).toFixed(2);
  if (col === 'id_type') return ID_TYPE_LABELS[v as IdType] ?? String(v);
  return String(v);
}

/** Plans one row against the database as it is now (a commit's writer holds the lock, so it stays so). */
export function planRow(db: DB, row: ImportRow, look: PlanLookups, today: Date): PlannedRow {
  if (row.errors.length) return skip(row, row.errors[0]!.message);
  const m = match(db, row, look);
  if ('error' in m) return rowError(row, m.error);
  const existing = m.member;

  let groupId: number | null | undefined;
  const gname = row.fields.groupName;
  const bname = row.fields.branchName;
  // With a 分工会 column the group is looked for under its branch; a row with only the branch is placed there.
  let branchId: number | undefined;
  if (bname) {
    const b = look.units.resolve(bname, row.fieldCols.get('branch')?.header ?? '', { kind: 'branch' });
    if ('id' in b) branchId = b.id;
    else addIssue(row, 'warnings', 'branch', b.warning, b.benign);
  }
  if (gname) {
    const r = look.units.resolve(gname, row.fieldCols.get('group')?.header ?? '', branchId === undefined ? {} : { parent: branchId });
    if ('id' in r) groupId = r.id;
    else addIssue(row, 'warnings', 'group', r.warning, r.benign);
  } else if (branchId !== undefined) groupId = branchId;
  const fields = mergedFields(row, existing, groupId);
  let valid = fields;
  // The form's schema decides what may be stored. The cell converters already produce its formats (ISO
  // dates, 男/女, ID type codes, checked phones and amounts), so only a long text can still fail it: rows
  // without one skip the parse, which costs more than everything else in planning a row.
  if (hasLongText(row.fields)) {
    const checked = memberInput.safeParse(fields);
    if (!checked.success) {
      const first = checked.error.issues[0]!;
      return rowError(row, first.message, fieldOfPath(String(first.path[0] ?? '')));
    }
    valid = checked.data;
  }
  const p = prepareMember(valid, today);
  if (p.issues.length) {
    for (const i of p.issues.slice(1)) addIssue(row, 'errors', fieldOfPath(String(i.path[0] ?? '')), i.message);
    const i = p.issues[0]!;
    return rowError(row, i.message, fieldOfPath(String(i.path[0] ?? '')));
  }
  for (const w of p.warnings) {
    if (w.startsWith('15 位身份证号')) continue; // the cell conversion already said so
    addIssue(row, 'warnings', w.startsWith('填写的出生日期') ? 'birthDate' : w.startsWith('填写的性别') ? 'gender' : w.startsWith('入会时间') ? 'joinDate' : null, w);
  }

  if (!existing) {
    const note = !row.fields.idNumber && !row.fields.memberNo && !row.fields.staffNo ? '没有证件号码、会员证号或工号，按新会员导入' : null;
    return { row, action: 'create', note, memberId: null, prepared: p, diff: [], before: null, after: null };
  }
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const diff: ImportDiff[] = [];
  for (const [col, v] of Object.entries(p.row) as [keyof repo.WritableRow, unknown][]) {
    const was = existing[col];
    if (was === v) continue;
    before[col] = was;
    after[col] = v;
    // Only user-facing columns have a label; derived ones (拼音, 排序键, 校验标记) change with them silently.
    const lbl = MEMBER_COLUMN_LABELS[col];
    if (lbl) diff.push({ field: col, label: lbl, before: display(col, was, look), after: display(col, v, look) });
  }
  const base = { row, memberId: existing.id, prepared: p };
  if (!Object.keys(after).length) return { ...base, action: 'unchanged', note: `${m.how}：${label(existing)}`, diff: [], before: null, after: null, prepared: null };
  return { ...base, action: 'update', note: `${m.how}：${label(existing)}`, diff, before, after };
}

/** Files with more rows than this read the member keys once instead of querying per row. */
export const PRELOAD_ABOVE = 500;

/**
 * Plans rows one by one, in file order: duplicates inside the file are found as the rows come (the later row
 * is the error, the earlier one gets a warning), and two rows that land on one member are refused likewise.
 */
export class Planner {
  private readonly seen = { id: new Map<string, ImportRow>(), no: new Map<string, ImportRow>(), staff: new Map<string, ImportRow>() };
  private readonly claimed = new Map<number, ImportRow>();
  readonly look: PlanLookups;

  constructor(
    readonly db: DB,
    readonly today: Date,
    preload: boolean,
    createUnits = true,
  ) {
    this.look = new PlanLookups(db, preload, createUnits);
  }

  private duplicate(r: ImportRow): boolean {
    const f = r.fields;
    // The keys by kind, looked up without building anything per row (100k rows, almost none are duplicates);
    // the messages are built only for a duplicate.
    const id = f.idNumber ?? undefined;
    const no = f.memberNo ?? undefined;
    const staff = !f.idNumber && !f.memberNo ? (f.staffNo ?? undefined) : undefined;
    const clash = (first: ImportRow, key: string, kind: string, field: string) => {
      const what = `${kind} ${key}`;
      addIssue(r, 'errors', field, `与${where(first, r.sheet)}重复（${what}），本行未导入`);
      addIssue(first, 'warnings', field, `与${where(r, first.sheet)}重复（${what}），以该行为准`);
      return true;
    };
    const byId = id === undefined ? undefined : this.seen.id.get(id);
    if (byId) return clash(byId, id as string, '证件号码', 'idNumber');
    const byNo = no === undefined ? undefined : this.seen.no.get(no);
    if (byNo) return clash(byNo, no as string, '会员证号', 'memberNo');
    const byStaff = staff === undefined ? undefined : this.seen.staff.get(staff);
    if (byStaff) return clash(byStaff, staff as string, '工号', 'staffNo');
    if (id !== undefined) this.seen.id.set(id, r);
    if (no !== undefined) this.seen.no.set(no, r);
    if (staff !== undefined) this.seen.staff.set(staff, r);
    return false;
  }

  add(r: ImportRow): PlannedRow {
    if (!r.errors.length) this.duplicate(r);
    let p = planRow(this.db, r, this.look, this.today);
    // Two rows with different keys can still land on one member (工号 on one, 会员证号 on the other).
    if (p.memberId !== null) {
      const first = this.claimed.get(p.memberId);
      if (first) p = rowError(r, `与${where(first, r.sheet)}对应同一名会员，本行未导入`);
      else this.claimed.set(p.memberId, r);
    }
    return p;
  }
}

export type { ImportIssue };
