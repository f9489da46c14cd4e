/**
 * One register row → what would be registered: the 提案表 fields (people matched to representatives, 类别
 * and 承办部门 to the configured lists), the number it gets in file order, the workflow steps replayed from
 * the result columns, and every finding with its Excel row, column and a Chinese message.
 *
 * Errors skip the row (it is listed, never dropped silently): 案由 or 提案人 missing, a person who is not a
 * representative or cannot be told apart from a namesake, a 类别 or 承办部门 not in the lists, an unreadable or
 * future date, a proposal already registered (same 提案人 and 案由, in the session or earlier in the file).
 * Warnings keep it: too few 附议人 (→ 意见建议), a repeated 附议人, a date filled in, history not replayed.
 */
import type { ImportIssue } from '../../../../shared/contract/imports';
import type { ProposalFields } from '../../../../shared/contract/proposals';
import { parseClerkDate } from '../../../../shared/domain/dates';
import { normalizeSpaces } from '../../../../shared/domain/text';
import { columnLetter, type DetectedRecord } from '../../spreadsheet/detect';
import { splitNames, type ProposalFieldKey, type ProposalMapping } from './proposal-columns';
import type { Cell } from '../../spreadsheet/types';
import { unprotectCellText } from '../../spreadsheet/safe-cell';
import { cellAsText } from '../../spreadsheet/values';
import { planHistory, type PlannedStep } from './import-history';
import { nameKey, titleKey, type ImportLookups, type UnitInfo } from './import-lookups';
import { matchPerson, parsePerson } from './import-people';

export interface PlannedRow {
  excelRow: number;
  record: DetectedRecord;
  action: 'proposal' | 'opinion' | 'skip';
  fields: ProposalFields | null;
  steps: PlannedStep[];
  stepLabels: string[];
  number: string | null;
  title: string;
  proposer: string | null;
  seconders: string[];
  note: string | null;
  /** What each mapped column's cell became, by column index, for the preview. */
  shown: Map<number, string>;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

interface Fix {
  rows: number[];
}
export interface Fixes {
  representatives: Map<number, Fix & { memberId: number; name: string; detail: string; delegation: string | null }>;
  categories: Map<string, Fix & { name: string }>;
  units: Map<string, Fix & { name: string }>;
}

const isBlank = (c: Cell | undefined) => !c || (typeof c.value === 'string' ? c.value.trim() === '' : c.value === null && c.text === '');
const LIMITS: Partial<Record<ProposalFieldKey, [number, string]>> = {
  title: [100, '案由'],
  reasons: [5000, '理由'],
  suggestions: [5000, '办法和建议'],
};
const PHONE = /^[0-9+\-() ]{1,20}$/;
const LONG: ReadonlySet<ProposalFieldKey> = new Set(['reasons', 'suggestions', 'reply', 'remarks']);
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Text of the 提案表 keeps its Chinese punctuation (，。：), unlike IDs and codes, which the spreadsheet
 * layer turns half-width; only invisible characters and runs of spaces go.
 */
function lineText(cell: Cell): string {
  return typeof cell.value === 'string' ? unprotectCellText(normalizeSpaces(cell.value)) : cellAsText(cell);
}

/** Like lineText, but the paragraphs of 理由 and 办法 keep their line breaks. */
function longText(cell: Cell): string {
  if (typeof cell.value !== 'string') return cellAsText(cell);
  const lines = cell.value.replace(ZERO_WIDTH, '').replace(/\r\n?/g, '\n').split('\n');
  const text = lines.map((l) => l.replace(/[^\S\n]+/g, ' ').trim()).join('\n');
  return unprotectCellText(text.replace(/\n{3,}/g, '\n\n').trim());
}

export class RowPlanner {
  readonly fixes: Fixes = { representatives: new Map(), categories: new Map(), units: new Map() };
  private readonly seen = new Map<string, number>();
  private readonly byField = new Map<ProposalFieldKey, { index: number; header: string }[]>();

  constructor(
    private readonly look: ImportLookups,
    mapping: ProposalMapping,
    private readonly sheet: string,
    private readonly opts: { replay: boolean; today: string },
  ) {
    for (const c of mapping.columns) if (c.field && c.field !== 'seq') this.byField.set(c.field, [...(this.byField.get(c.field) ?? []), c]);
  }

  has(field: ProposalFieldKey): boolean {
    return this.byField.has(field);
  }

  plan(rec: DetectedRecord): PlannedRow {
    const { look } = this;
    const shown = new Map<number, string>();
    const errors: ImportIssue[] = [];
    const warnings: ImportIssue[] = [];
    const at = (field: ProposalFieldKey | null) => (field ? this.byField.get(field)?.[0] : undefined);
    const issue = (field: ProposalFieldKey | null, message: string): ImportIssue => {
      const c = at(field);
      return { sheet: this.sheet, row: rec.excelRow, column: c ? columnLetter(c.index) : '', header: c?.header ?? '', message };
    };
    const error = (field: ProposalFieldKey | null, message: string) => errors.push(issue(field, message));
    const warn = (field: ProposalFieldKey | null, message: string) => warnings.push(issue(field, message));
    const cellOf = (field: ProposalFieldKey) => {
      const c = at(field);
      return c ? rec.cells[c.index] : undefined;
    };
    const text = (field: ProposalFieldKey): string => {
      const cell = cellOf(field);
      if (isBlank(cell)) return '';
      if (cell!.value === null) {
        error(field, `单元格是错误值 ${cell!.text}`);
        return '';
      }
      const t = LONG.has(field) ? longText(cell!) : field === 'contactPhone' ? cellAsText(cell!) : lineText(cell!);
      const limit = LIMITS[field];
      if (limit && t.length > limit[0]) error(field, `${limit[1]}有 ${t.length} 个字，超过 ${limit[0]} 个字的上限`);
      return t;
    };
    const show = (field: ProposalFieldKey, value: string) => {
      const c = at(field);
      if (c) shown.set(c.index, value);
    };

    // 案由
    const title = text('title');
    if (!title) error('title', '案由为空，本行不能导入');
    show('title', title);

    // 代表团 and 提案人
    const delegation = text('delegation') || null;
    const proposerText = text('proposer');
    let proposerId: number | null = null;
    let proposerLabel: string | null = null;
    if (!proposerText) error('proposer', '提案人为空，本行不能导入');
    else {
      const people = splitNames(proposerText.replace(/[（(][^）)]*[）)]/g, (m) => m.replace(/[\s、，,/；;]/g, '')));
      if (people.length > 1) error('proposer', `提案人只能有一位（表中为「${proposerText}」）；其他人请填在附议人一栏`);
      const m = matchPerson(look, parsePerson(people[0] ?? proposerText), '提案人', delegation);
      if (m.ok) {
        proposerId = m.rep.memberId;
        proposerLabel = `${m.rep.name}（${m.rep.delegation}）`;
        if (m.warning) warn('delegation', m.warning);
      } else {
        error('proposer', m.message);
        if (m.suggest) this.suggestRep(m.suggest.id, m.suggest.name, m.suggest.detail, delegation, rec.excelRow);
      }
    }
    show('proposer', proposerLabel ?? proposerText);
    if (delegation) show('delegation', delegation);

    // 附议人: every seconder column, names split, in column order.
    const seconderIds: number[] = [];
    const seconderNames: string[] = [];
    for (const col of this.byField.get('seconders') ?? []) {
      const cell = rec.cells[col.index];
      if (isBlank(cell)) continue;
      const raw = cellAsText(cell!);
      const names: string[] = [];
      for (const part of splitNames(raw.replace(/[（(][^）)]*[）)]/g, (m) => m.replace(/[\s、，,/；;]/g, '')))) {
        const person = parsePerson(part);
        const m = matchPerson(look, person, '附议人', null);
        const here = { sheet: this.sheet, row: rec.excelRow, column: columnLetter(col.index), header: col.header };
        if (!m.ok) {
          errors.push({ ...here, message: m.message });
          if (m.suggest) this.suggestRep(m.suggest.id, m.suggest.name, m.suggest.detail, null, rec.excelRow);
          names.push(person.name);
          continue;
        }
        if (m.rep.memberId === proposerId) warnings.push({ ...here, message: `提案人${m.rep.name}也写在附议人中，不计为附议人` });
        else if (seconderIds.includes(m.rep.memberId)) warnings.push({ ...here, message: `附议人${m.rep.name}重复，只计一次` });
        else {
          seconderIds.push(m.rep.memberId);
          seconderNames.push(m.rep.name);
        }
        names.push(m.rep.name);
      }
      shown.set(col.index, names.join('、'));
    }

    // 类别, 建议承办部门, 协办部门
    const categoryText = text('category');
    let category: string | null = null;
    if (categoryText) {
      category = look.categories.get(nameKey(categoryText)) ?? null;
      if (!category) {
        error('category', `类别「${categoryText}」不在提案类别列表中（${look.config.categories.join('、')}）；可先把它加入类别列表`);
        this.addFix(this.fixes.categories, categoryText, rec.excelRow);
      }
      show('category', category ?? categoryText);
    }
    const unitOf = (field: ProposalFieldKey, name: string): UnitInfo | null => {
      const u = look.units.get(nameKey(name));
      if (!u) {
        error(field, `承办部门「${name}」不在承办部门列表中；可先新建该部门`);
        this.addFix(this.fixes.units, name, rec.excelRow);
      }
      return u ?? null;
    };
    const unitText = text('unit');
    const unit = unitText ? unitOf('unit', unitText) : null;
    if (unitText) show('unit', unit?.name ?? unitText);
    const coUnitText = this.opts.replay ? text('coUnits') : '';
    const coUnits = splitNames(coUnitText)
      .map((n) => unitOf('coUnits', n))
      .filter((u): u is UnitInfo => !!u);
    if (coUnitText) show('coUnits', coUnits.map((u) => u.name).join('、'));

    // 提交日期
    let dateUnreadable = false;
    const dateError = (f: ProposalFieldKey, m: string) => {
      dateUnreadable = true;
      error(f, m);
    };
    let submittedDate = this.date(cellOf('submittedDate'), 'submittedDate', dateError, warn);
    if (submittedDate && submittedDate > this.opts.today) {
      error('submittedDate', `提交日期 ${submittedDate} 晚于今天`);
      submittedDate = null;
    } else if (!submittedDate && !dateUnreadable) {
      submittedDate = this.defaultDate();
      warn('submittedDate', `没有提交日期，按 ${submittedDate} 登记（${this.defaultDateSource()}）`);
    }
    if (submittedDate) show('submittedDate', submittedDate);
    const deadline = look.session.collection_deadline;
    if (submittedDate && deadline && submittedDate > deadline) {
      warn('submittedDate', `提交日期晚于征集截止日期（${deadline}），按惯例逾期提交的不再立案`);
    }

    // The rest of the 提案表
    const reasons = text('reasons') || null;
    const suggestions = text('suggestions') || null;
    let contactPhone: string | null = text('contactPhone').replace(/^'/, '') || null;
    if (contactPhone && !PHONE.test(contactPhone)) {
      warn('contactPhone', `联系电话「${contactPhone}」格式不对（只能有数字、+、-、括号和空格），未导入该号码`);
      contactPhone = null;
    }
    const sourceNo = text('sourceNo');
    const remarksText = text('remarks');
    let remarks = [remarksText, sourceNo ? `登记表原编号：${sourceNo}` : ''].filter(Boolean).join('；') || null;
    if (remarks && remarks.length > 1000) {
      warn('remarks', '备注超过 1000 个字，已截断');
      remarks = remarks.slice(0, 1000);
    }
    show('reasons', reasons ?? '');
    show('suggestions', suggestions ?? '');
    show('contactPhone', contactPhone ?? '');
    show('remarks', remarksText);
    show('sourceNo', sourceNo);

    // Already registered: in the session, or earlier in this file.
    if (proposerId && title) {
      const existing = look.existingNumber(proposerId, title);
      const key = `${proposerId}|${titleKey(title)}`;
      const earlier = this.seen.get(key);
      if (existing) error('title', `本届已登记过同一提案人的同一案由（${existing}），本行不再导入`);
      else if (earlier) error('title', `与第 ${earlier} 行重复（同一提案人、同一案由），本行不导入`);
      else this.seen.set(key, rec.excelRow);
    }

    const minimum = look.session.min_seconders;
    const kind = seconderIds.length < minimum ? 'opinion' : 'proposal';
    const base = { excelRow: rec.excelRow, record: rec, title, proposer: proposerLabel, seconders: seconderNames, shown, errors, warnings };
    if (errors.length || !proposerId || !submittedDate) {
      return { ...base, action: 'skip', fields: null, steps: [], stepLabels: [], number: null, note: errors[0]?.message ?? '本行不能导入' };
    }
    if (kind === 'opinion') {
      warn('seconders', `附议人 ${seconderIds.length} 人，不足本届规定的 ${minimum} 人，将登记为意见建议`);
    }
    const history = this.opts.replay ? this.history(kind, submittedDate, unit, coUnits, cellOf, text, warn) : { steps: [], labels: [] };
    history.steps.forEach((step, k) => {
      const label = history.labels[k]!;
      if (step.type === 'assign') show('deadline', step.deadline);
      else if (step.type === 'reply') {
        show('replyClass', `${step.replyClass} 类`);
        show('replyDate', step.date);
        show('reply', step.text ?? '');
      } else if (step.type === 'feedback') show('satisfaction', label.replace(/^反馈 /, ''));
      else if (!isBlank(cellOf('review'))) show('review', label);
    });
    const fields: ProposalFields = {
      title,
      reasons,
      suggestions,
      category,
      proposerId,
      seconderIds,
      suggestedUnitId: unit?.id ?? null,
      submittedDate,
      contactPhone,
      remarks,
    };
    return {
      ...base,
      action: kind,
      fields,
      steps: history.steps,
      stepLabels: history.labels,
      number: look.takeNumber(kind),
      note: kind === 'opinion' ? '附议人不足，登记为意见建议' : null,
    };
  }

  private history(
    kind: 'proposal' | 'opinion',
    submittedDate: string,
    unit: UnitInfo | null,
    coUnits: UnitInfo[],
    cellOf: (f: ProposalFieldKey) => Cell | undefined,
    text: (f: ProposalFieldKey) => string,
    warn: (f: ProposalFieldKey | null, m: string) => void,
  ) {
    const dateOf = (f: ProposalFieldKey) => this.date(cellOf(f), f, (field, m) => warn(field, `${m}，该步骤未补记`), warn);
    return planHistory(
      {
        kind,
        submittedDate,
        today: this.opts.today,
        sessionDeadline: this.look.session.reply_deadline,
        review: text('review') || null,
        deadline: dateOf('deadline'),
        unit,
        coUnits,
        reply: text('reply') || null,
        replyClass: text('replyClass') || null,
        replyDate: dateOf('replyDate'),
        satisfaction: text('satisfaction') || null,
      },
      warn,
    );
  }

  private date(
    cell: Cell | undefined,
    field: ProposalFieldKey,
    error: (f: ProposalFieldKey, m: string) => void,
    warn: (f: ProposalFieldKey, m: string) => void,
  ): string | null {
    if (isBlank(cell)) return null;
    const v = cell!.value;
    const label = field === 'submittedDate' ? '提交日期' : field === 'deadline' ? '办理期限' : '答复日期';
    const parsed = v instanceof Date ? parseClerkDate(cellAsText(cell!)) : typeof v === 'boolean' || v === null ? null : parseClerkDate(v);
    if (!parsed) {
      error(field, `${label}「${cell!.text}」不是能识别的日期（可写 2026-03-10、2026.3.10 或 2026年3月10日）`);
      return null;
    }
    if (parsed.precision !== 'day') warn(field, `${label}「${cell!.text}」没有写到日，按 ${parsed.iso} 登记`);
    return parsed.iso;
  }

  private defaultDate(): string {
    const s = this.look.session;
    const d = s.collection_deadline ?? s.start_date ?? this.opts.today;
    return d > this.opts.today ? this.opts.today : d;
  }

  private defaultDateSource(): string {
    const s = this.look.session;
    const d = this.defaultDate();
    if (d === s.collection_deadline) return '本届征集截止日期';
    if (d === s.start_date) return '本届开会日期';
    return '导入当天';
  }

  private suggestRep(memberId: number, name: string, detail: string, delegation: string | null, row: number): void {
    const f = this.fixes.representatives.get(memberId) ?? { memberId, name, detail, delegation: null, rows: [] };
    if (!f.delegation && delegation) f.delegation = delegation;
    if (!f.rows.includes(row)) f.rows.push(row);
    this.fixes.representatives.set(memberId, f);
  }

  private addFix(map: Map<string, Fix & { name: string }>, name: string, row: number): void {
    const key = nameKey(name);
    const f = map.get(key) ?? { name, rows: [] };
    if (!f.rows.includes(row)) f.rows.push(row);
    map.set(key, f);
  }
}
