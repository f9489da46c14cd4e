/**
 * One row of a wage / payment sheet → the month rows it writes, or why it is skipped. Nothing here writes.
 *
 * Matching: 身份证号, then 工号, then 姓名 (only when exactly one current member has it). A row naming somebody
 * not on the roster is an error — the import never creates a member. A member who left, or who joined after the
 * period, has nothing due and the row says so.
 * 月工资: each month of the period gets the wage as its base and the amount by the rule in 设置 (a paid month keeps
 * its figures). 实缴: covers the unpaid due months oldest first; a remainder too small for the next month stays
 * with the last month covered (a warning), an amount too small for any month is an error.
 */
import type { ImportIssue } from '../../../../shared/contract/imports';
import { parseClerkDate, todayIso } from '../../../../shared/domain/dates';
import { PAYER_LABELS } from '../../../../shared/domain/care-labels';
import { yuan, type DuesRule } from '../../../../shared/domain/dues';
import { isIdDestroyedByExcel, normalizeIdNumber } from '../../../../shared/domain/id-number';
import { MEMBER_STATUS_LABELS, type MemberStatus } from '../../../../shared/domain/member-lifecycle';
import { stripAllSpaces } from '../../../../shared/domain/text';
import type { DetectedRecord } from '../../spreadsheet/detect';
import type { Cell } from '../../spreadsheet/types';
import { cellAsText } from '../../spreadsheet/values';
import * as repo from '../dues.repo';
import { computeFor } from '../dues.service';
import { DUES_FIELD_LABELS, type DuesFieldKey, type DuesMapping } from './dues-columns';

export type Figures = Omit<repo.RecordState, 'id' | 'updated_at'>;

export interface MonthWrite {
  period: string;
  before: repo.RecordState | null;
  after: Figures;
}

export interface PlannedRow {
  record: DetectedRecord;
  excelRow: number;
  action: 'update' | 'unchanged' | 'skip';
  memberId: number | null;
  name: string;
  note: string | null;
  wageFen: number | null;
  dueFen: number;
  paidFen: number | null;
  writes: MonthWrite[];
  paidMonths: string[];
  /** What each mapped column would store, for the preview. */
  shown: Map<number, string>;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

const MAX_WAGE_FEN = 100_000_000; // 1,000,000 yuan a month: anything above is a typing error
const MAX_PAID_FEN = 10_000_000; // 100,000 yuan, the app's cap on any single amount

/** Yuan in a cell → fen: numbers, "4,567.89", "4567.89元", "￥22.80". Null when not a number. */
function fenOf(cell: Cell): number | null {
  const n = typeof cell.value === 'number' ? cell.value : Number(stripAllSpaces(cellAsText(cell)).replace(/[,，元¥￥]/g, ''));
  return Number.isFinite(n) ? Math.round(n * 100) : null;
}

const key = (s: string) => stripAllSpaces(s);

export class DuesLookups {
  readonly byId = new Map<string, repo.ImportMemberRow>();
  readonly byStaff = new Map<string, repo.ImportMemberRow[]>();
  readonly byName = new Map<string, repo.ImportMemberRow[]>();
  readonly records = new Map<string, repo.RecordState>();

  constructor(db: Parameters<typeof repo.importMembers>[0], months: string[]) {
    for (const m of repo.importMembers(db)) {
      if (m.id_number) this.byId.set(normalizeIdNumber(m.id_number), m);
      const live = !m.deleted_at;
      if (m.staff_no && live) this.byStaff.set(key(m.staff_no), [...(this.byStaff.get(key(m.staff_no)) ?? []), m]);
      if (live) this.byName.set(key(m.name), [...(this.byName.get(key(m.name)) ?? []), m]);
    }
    for (const r of repo.recordsOf(db, months)) this.records.set(`${r.member_id}|${r.period}`, r);
  }
}

export class DuesRowPlanner {
  private readonly seen = new Map<number, number>();
  private readonly col = new Map<DuesFieldKey, { index: number; header: string; letter: string }>();

  constructor(
    private readonly look: DuesLookups,
    mapping: DuesMapping,
    private readonly sheet: string,
    private readonly months: string[],
    private readonly rule: DuesRule,
    private readonly today: Date,
    letters: (index: number) => string,
  ) {
    for (const c of mapping.columns) if (c.field && c.field !== 'seq') this.col.set(c.field, { index: c.index, header: c.header, letter: letters(c.index) });
  }

  plan(record: DetectedRecord): PlannedRow {
    const p: PlannedRow = {
      record, excelRow: record.excelRow, action: 'skip', memberId: null, name: '', note: null, wageFen: null, dueFen: 0, paidFen: null,
      writes: [], paidMonths: [], shown: new Map(), errors: [], warnings: [],
    };
    const issue = (list: ImportIssue[], field: DuesFieldKey | null, message: string, benign = false) => {
      const c = field ? this.col.get(field) : undefined;
      list.push({ sheet: this.sheet, row: record.excelRow, column: c?.letter ?? '', header: c?.header ?? '', message, ...(benign ? { benign } : {}) });
    };
    const cell = (f: DuesFieldKey): Cell | undefined => {
      const c = this.col.get(f);
      const v = c ? record.cells[c.index] : undefined;
      return v && cellAsText(v) !== '' ? v : undefined;
    };
    const show = (f: DuesFieldKey, text: string) => {
      const c = this.col.get(f);
      if (c) p.shown.set(c.index, text);
    };

    // Who.
    const idCell = cell('idNumber');
    const staff = cell('staffNo') ? key(cellAsText(cell('staffNo')!)) : '';
    const name = cell('name') ? key(cellAsText(cell('name')!)) : '';
    p.name = name;
    let member: repo.ImportMemberRow | undefined;
    let how = '';
    if (idCell) {
      if (typeof idCell.value === 'number' && isIdDestroyedByExcel(idCell.value)) {
        issue(p.errors, 'idNumber', '身份证号被 Excel 存成了数字，末几位已丢失，无法对应会员；请把该列设为文本后重新录入');
      } else {
        const id = normalizeIdNumber(cellAsText(idCell));
        member = this.look.byId.get(id);
        show('idNumber', id);
        if (!member) issue(p.errors, 'idNumber', `花名册中没有身份证号为 ${id} 的会员（导入会费不会新建会员，请先在会员档案中登记）`);
        else how = '按身份证号对应';
      }
    } else if (staff) {
      const list = this.look.byStaff.get(staff) ?? [];
      if (list.length === 1) [member, how] = [list[0], '按工号对应'];
      else issue(p.errors, 'staffNo', list.length ? `花名册中有 ${list.length} 人的工号是 ${staff}，请填写身份证号` : `花名册中没有工号为 ${staff} 的会员（不会新建会员）`);
    } else if (name) {
      const list = (this.look.byName.get(name) ?? []).filter((m) => m.status === 'active' || m.status === 'retained');
      if (list.length === 1) [member, how] = [list[0], '按姓名对应'];
      else issue(p.errors, 'name', list.length ? `花名册中有 ${list.length} 位「${name}」，请填写身份证号或工号以区分` : `花名册中没有「${name}」（不会新建会员）`);
    } else {
      issue(p.errors, null, '没有身份证号、工号或姓名，无法对应会员');
    }
    if (member && name && key(member.name) !== name) issue(p.warnings, 'name', `表中姓名「${name}」与花名册「${member.name}」不同，已按${how.slice(1, -2)}对应到「${member.name}」`);
    if (member) {
      p.memberId = member.id;
      p.name = member.name;
      p.note = how;
      if (member.deleted_at) issue(p.errors, null, `「${member.name}」的档案已删除，不记会费`);
      else if (member.status !== 'active' && member.status !== 'retained') {
        issue(p.errors, null, `「${member.name}」已${MEMBER_STATUS_LABELS[member.status as MemberStatus] ?? member.status}，不记会费`);
      }
      const first = this.seen.get(member.id);
      if (first !== undefined) issue(p.errors, null, `与第 ${first} 行是同一人（${member.name}），此行未导入`);
      else this.seen.set(member.id, record.excelRow);
    }

    // What.
    const wageCell = cell('wage');
    const paidCell = cell('paid');
    let wage: number | null = null;
    let paid: number | null = null;
    if (wageCell) {
      wage = fenOf(wageCell);
      if (wage === null) issue(p.errors, 'wage', `月工资「${wageCell.text}」不是数字`);
      else if (wage < 0) issue(p.errors, 'wage', `月工资不能为负数（${wageCell.text}）`);
      else if (wage > MAX_WAGE_FEN) issue(p.errors, 'wage', `月工资「${wageCell.text}」超过 1,000,000 元，请核对`);
      else show('wage', yuan(wage));
      if (wage !== null && (wage < 0 || wage > MAX_WAGE_FEN)) wage = null;
    }
    if (paidCell) {
      paid = fenOf(paidCell);
      if (paid === null) issue(p.errors, 'paid', `实缴会费「${paidCell.text}」不是数字`);
      else if (paid < 0) issue(p.errors, 'paid', `实缴会费不能为负数（${paidCell.text}）`);
      else if (paid > MAX_PAID_FEN) issue(p.errors, 'paid', `实缴会费「${paidCell.text}」超过 100,000 元`);
      else show('paid', yuan(paid));
      if (paid !== null && (paid < 0 || paid > MAX_PAID_FEN)) paid = null;
    }
    if (!wageCell && !paidCell && !p.errors.length) issue(p.warnings, null, '月工资和实缴会费都是空的，此行不改变台账', true);
    let paidOn: string | null = null;
    if (cell('paidOn')) {
      const d = parseClerkDate(cell('paidOn')!.value ?? cellAsText(cell('paidOn')!));
      if (!d || d.precision !== 'day') issue(p.errors, 'paidOn', `缴费日期「${cell('paidOn')!.text}」无法识别`);
      else if (d.iso > todayIso(this.today)) issue(p.errors, 'paidOn', `缴费日期 ${d.iso} 晚于今天`);
      else show('paidOn', (paidOn = d.iso));
    }
    const receiptNo = cell('receiptNo') ? cellAsText(cell('receiptNo')!).slice(0, 40) : null;
    if (receiptNo) show('receiptNo', receiptNo);
    let payer: 'self' | 'payroll' = 'payroll';
    if (cell('payer')) {
      const t = key(cellAsText(cell('payer')!));
      const found = (Object.keys(PAYER_LABELS) as (keyof typeof PAYER_LABELS)[]).find((k) => PAYER_LABELS[k] === t || (t.length >= 2 && PAYER_LABELS[k].includes(t)));
      if (found) payer = found;
      else if (/本人|自缴|现金|个人/.test(t)) payer = 'self';
      else if (/代扣|工资|扣款/.test(t)) payer = 'payroll';
      else issue(p.warnings, 'payer', `缴纳方式「${t}」不认识，按「工资代扣」记`);
      show('payer', PAYER_LABELS[payer]);
    }
    if (p.errors.length || !member) return p;

    // The months.
    p.wageFen = wage;
    const due = this.months.filter((m) => !member.join_date || member.join_date.slice(0, 7) <= m);
    if (!due.length) {
      issue(p.errors, null, `「${member.name}」${member.join_date} 入会，${this.months.length > 1 ? '本期间' : '本月'}不需缴纳会费`);
      return p;
    }
    if (due.length < this.months.length) issue(p.warnings, null, `${member.join_date} 入会，从 ${due[0]} 起计缴`, true);
    const status = member.status;
    let remaining = paid;
    const marked: MonthWrite[] = [];
    for (const month of due) {
      const before = this.look.records.get(`${member.id}|${month}`) ?? null;
      let after: Figures;
      if (before?.paid_on) {
        if (wage !== null && wage !== before.wage_fen) issue(p.warnings, 'wage', `${month} 已于 ${before.paid_on} 缴纳，月工资和应缴保持不变`);
        if (paid !== null) issue(p.warnings, 'paid', `${month} 已于 ${before.paid_on} 登记缴纳，保持不变`);
        p.dueFen += before.exempt ? 0 : before.amount_fen;
        continue;
      }
      const figures =
        wage !== null ? computeFor({ status, monthly_wage_fen: wage }, this.rule) : before ? { ...before } : computeFor({ status, monthly_wage_fen: member.monthly_wage_fen }, this.rule);
      after = {
        member_id: member.id, period: month, wage_fen: figures.wage_fen, base_fen: figures.base_fen, amount_fen: figures.amount_fen, exempt: figures.exempt,
        reason: figures.reason, rule: figures.rule, paid_on: null, payer: null, receipt_no: null, paid_fen: null, batch_id: null,
      };
      p.dueFen += after.exempt ? 0 : after.amount_fen;
      if (remaining !== null && remaining > 0 && !after.exempt && after.amount_fen > 0 && remaining >= after.amount_fen) {
        after = { ...after, paid_on: paidOn ?? todayIso(this.today), payer, receipt_no: receiptNo, paid_fen: after.amount_fen };
        remaining -= after.amount_fen;
        marked.push({ period: month, before, after });
      }
      p.writes.push({ period: month, before, after });
    }
    if (paid !== null && paid > 0) {
      if (status === 'retained') {
        issue(p.errors, 'paid', `「${member.name}」保留会籍，免交会费；实缴 ${yuan(paid)} 元未导入，请核对`);
        p.writes = [];
        return p;
      }
      if (!marked.length) {
        const open = p.writes.find((w) => !w.after.exempt && w.after.amount_fen > 0);
        issue(
          p.errors,
          'paid',
          open
            ? `实缴 ${yuan(paid)} 元不足 ${open.period} 的应缴 ${yuan(open.after.amount_fen)} 元，未导入`
            : p.writes.length
              ? `应缴为 0（${p.writes[0]!.after.reason ?? '未登记月工资'}），实缴 ${yuan(paid)} 元无从对应：请在文件中加月工资列，或先在花名册登记月工资`
              : `${due.join('、')} 都已登记缴纳，实缴 ${yuan(paid)} 元未导入`,
        );
        p.writes = [];
        return p;
      }
      if (remaining! > 0) {
        const last = marked[marked.length - 1]!;
        last.after.paid_fen! += remaining!;
        const unpaidLeft = p.writes.filter((w) => !w.after.paid_on && !w.after.exempt && w.after.amount_fen > 0).map((w) => w.period);
        issue(
          p.warnings,
          'paid',
          unpaidLeft.length
            ? `实缴 ${yuan(paid)} 元只够 ${marked.length} 个月，${unpaidLeft.join('、')} 仍未缴；余下的 ${yuan(remaining!)} 元记在 ${last.period}`
            : `实缴 ${yuan(paid)} 元多于应缴 ${yuan(paid - remaining!)} 元，多出的 ${yuan(remaining!)} 元记在 ${last.period}`,
        );
      } else {
        const unpaidLeft = p.writes.filter((w) => !w.after.paid_on && !w.after.exempt && w.after.amount_fen > 0).map((w) => w.period);
        if (unpaidLeft.length) issue(p.warnings, 'paid', `实缴 ${yuan(paid)} 元只够 ${marked.length} 个月，${unpaidLeft.join('、')} 仍未缴`);
      }
      p.paidFen = paid;
      p.paidMonths = marked.map((m) => m.period);
      if (!paidOn) issue(p.warnings, 'paidOn', `未填缴费日期，按导入当天 ${todayIso(this.today)} 记`, true);
    } else if (paid === 0) issue(p.warnings, 'paid', '实缴为 0，未登记缴纳', true);
    if (status === 'retained' && wage !== null) issue(p.warnings, null, `「${member.name}」保留会籍，免交会费`, true);
    p.writes = p.writes.filter((w) => !w.before || changed(w.before, w.after));
    p.action = p.writes.length ? 'update' : 'unchanged';
    return p;
  }
}

const FIELDS: (keyof Figures)[] = ['wage_fen', 'base_fen', 'amount_fen', 'exempt', 'reason', 'paid_on', 'payer', 'receipt_no', 'paid_fen'];
const changed = (a: repo.RecordState, b: Figures) => FIELDS.some((f) => a[f] !== b[f]);

export { DUES_FIELD_LABELS };
