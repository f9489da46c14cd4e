/**
 * 设置 → 个人信息 (#16, 个人信息保护法 §45 查阅复制, §47 删除): what personal information the office holds, a member's
 * own file for that member, and anonymising a member who left once 设置's retention has passed.
 *
 * Anonymising replaces the identifying values in the live records in one transaction; statistics keep working
 * (dates, status, group, amounts stay). What it never touches: a sealed year's records (their triggers refuse,
 * the row is skipped and counted), the archive's sealed snapshots (archive_items.data_json, sealed the same way)
 * and the change log, which is append-only evidence — its old entries keep what they recorded.
 */
import fs from 'node:fs';
import type { FileRef } from '../../../shared/contract/app';
import type { PiiMember, PiiSummary } from '../../../shared/contract/pii';
import { HARDSHIP_STATUS_LABELS, PAYER_LABELS, type HardshipStatus } from '../../../shared/domain/care-labels';
import { addYears, todayIso } from '../../../shared/domain/dates';
import { ID_TYPE_LABELS } from '../../../shared/domain/member-labels';
import { CURRENT_STATUSES, MEMBER_EVENT_LABELS, MEMBER_STATUS_LABELS } from '../../../shared/domain/member-lifecycle';
import { MEMBER_FIELDS } from '../../../shared/domain/member-fields';
import { PII_EXPORT_NOTICE } from '../../../shared/domain/permissions';
import { ANONYMISED_NAME } from '../../../shared/domain/pii';
import { writeAudit } from '../audit';
import { occasionLabel } from '../care/care.occasions';
import type { AppContext } from '../context';
import { AppError, isSealRefusal } from '../errors';
import { getMember } from '../members/members.service';
import { congressTitle } from '../proposals/sessions.service';
import { dropSearchIndex } from '../members/members.repo';
import { exportReason, logPiiExport } from '../operators/pii';
import { getSettings } from '../settings/settings.service';
import type { CellInput } from '../spreadsheet/cell-writer';
import { writeTablesXlsx, type TableWrite, type WriteColumn, type WriteKind } from '../spreadsheet/xlsx-writer';
import * as repo from './pii.repo';

const HELD_LABELS: [key: string, label: string][] = [
  ['members', '会员档案'],
  ['idNumbers', '有身份证号（证件号码）的会员'],
  ['phones', '有手机号码的会员'],
  ['wages', '有月工资的会员'],
  ['families', '登记了家庭成员的会员'],
  ['hardshipFiles', '困难职工档案'],
  ['bankAccounts', '有银行卡号的困难职工档案'],
  ['hardshipFamily', '困难职工家庭成员（含身份证号、收入）'],
  ['careVisits', '慰问记录'],
  ['duesRecords', '会费记录（按月）'],
  ['mediationIds', '有申请人身份证号的调解案件'],
  ['proposalPhones', '有联系电话的提案'],
  ['left', '已离会（转出、退会、开除、去世）的会员'],
  ['anonymised', '已匿名化的会员'],
];

/** The same test as pii.repo's NOT_ANONYMISED: the placeholder name and no ID number left. */
const isAnonymised = (name: string, idNumber: string | null | undefined) => name.startsWith(ANONYMISED_NAME) && !idNumber;

export function piiSummary(ctx: AppContext): PiiSummary {
  const counts = repo.heldCounts(ctx.db);
  const s = getSettings(ctx);
  const due = repo.leftMembers(ctx.db).filter((m) => !refusalOf(ctx, { id: m.id, name: m.name, status: m.status, idNumber: m.id_number }, m.left_on, m.open_hardship));
  return {
    rows: HELD_LABELS.map(([key, label]) => ({ key, label, count: counts[key] ?? 0 })),
    retentionYears: s.piiRetentionYears,
    anonymisable: due.length,
    candidates: due.slice(0, 200).map((m) => ({ memberId: m.id, name: m.name, statusLabel: MEMBER_STATUS_LABELS[m.status as keyof typeof MEMBER_STATUS_LABELS] ?? m.status, leftOn: m.left_on })),
  };
}

/** Why this member may not be anonymised now, in the clerk's words; null when allowed. */
function refusalOf(ctx: AppContext, m: { id: number; name: string; status: string; idNumber?: string | null | undefined }, left: string | null, openHardship: number): string | null {
  if (isAnonymised(m.name, m.idNumber)) return '该会员已经匿名化。';
  if ((CURRENT_STATUSES as readonly string[]).includes(m.status)) {
    return `「${m.name}」的会籍状态是「${MEMBER_STATUS_LABELS[m.status as keyof typeof MEMBER_STATUS_LABELS]}」，只有已转出、退会、开除或去世的会员才能匿名化。`;
  }
  const years = getSettings(ctx).piiRetentionYears;
  const today = todayIso(ctx.clock());
  if (!left) return `「${m.name}」没有离会的会籍变动记录（转出、退会、开除、去世），无法确定保留期限，不能匿名化。`;
  const until = addYears(left, years);
  if (until > today) return `「${m.name}」于 ${left} 离会，个人信息按设置保留 ${years} 年（到 ${until}），保留期满后才能匿名化。`;
  if (openHardship) return `「${m.name}」还有在档的困难职工档案，请先复核为脱困或退出后再匿名化。`;
  return null;
}

export function piiMember(ctx: AppContext, memberId: number): PiiMember {
  const m = getMember(ctx, memberId);
  const c = repo.memberCounts(ctx.db, memberId);
  const left = repo.leftOn(ctx.db, memberId);
  const held: [string, string, number][] = [
    ['fields', '档案字段（姓名、证件号码、电话、工作、家庭成员等）', 1],
    ['events', '会籍变动', c.events ?? 0],
    ['dues', '会费记录（按月）', c.dues ?? 0],
    ['care', '慰问记录', c.care ?? 0],
    ['hardship', '困难职工档案', c.hardship ?? 0],
    ['proposals', '提出的提案', c.proposals ?? 0],
    ['seconded', '附议的提案', c.seconded ?? 0],
    ['activities', '参加的活动', c.activities ?? 0],
    ['awards', '获得的表彰', c.awards ?? 0],
    ['mediation', '调解案件（申请人）', c.mediation ?? 0],
  ];
  return {
    memberId,
    name: m.name,
    status: m.status,
    statusLabel: MEMBER_STATUS_LABELS[m.status],
    leftOn: left,
    held: held.map(([key, label, count]) => ({ key, label, count })),
    anonymised: isAnonymised(m.name, m.idNumber),
    refusal: refusalOf(ctx, { id: memberId, name: m.name, status: m.status, idNumber: m.idNumber }, left, c.openHardship ?? 0),
  };
}

/** One update in a savepoint: a sealed year's trigger refuses it, the member's other rows still change. */
function unlessSealed(ctx: AppContext, write: () => void): boolean {
  try {
    ctx.db.transaction(write)();
    return true;
  } catch (e) {
    if (isSealRefusal(e)) return false;
    throw e;
  }
}

export function anonymiseMember(ctx: AppContext, memberId: number, confirmName: string): { memberId: number; replaced: string[]; skippedSealed: number } {
  const db = ctx.db;
  return db.transaction(() => {
    const m = getMember(ctx, memberId);
    if (confirmName.trim() !== m.name) throw new AppError('VALIDATION', `确认姓名与会员「${m.name}」不符，未匿名化。`);
    const c = repo.memberCounts(db, memberId);
    const refusal = refusalOf(ctx, { id: memberId, name: m.name, status: m.status, idNumber: m.idNumber }, repo.leftOn(db, memberId), c.openHardship ?? 0);
    if (refusal) throw new AppError('CONFLICT', refusal);
    const now = ctx.clock();
    const nowIso = now.toISOString();
    const placeholder = `${ANONYMISED_NAME}${memberId}`;
    const replaced = ['姓名', '证件号码', '手机号码', '籍贯', '户籍所在地', '工号', '会员证号', '家庭成员', '工作简历', '备注', '月工资'];
    repo.anonymiseMemberRow(db, memberId, placeholder, nowIso);
    // The old name and numbers must not be findable through the search index either.
    dropSearchIndex(db, memberId);
    if (repo.anonymiseHardshipFiles(db, memberId, nowIso)) replaced.push('困难职工档案的电话、住址、银行账户');
    if (repo.anonymiseHardshipFamily(db, memberId)) replaced.push('困难职工家庭成员的姓名、身份证号');
    let skippedSealed = 0;
    let phones = 0;
    for (const id of repo.proposalIdsWithPhone(db, memberId)) {
      if (unlessSealed(ctx, () => repo.clearProposalPhone(db, id))) phones++;
      else skippedSealed++;
    }
    if (phones) replaced.push('提案的联系电话');
    let cases = 0;
    for (const id of repo.mediationIdsOf(db, memberId)) {
      if (unlessSealed(ctx, () => repo.anonymiseMediation(db, id, placeholder))) cases++;
      else skippedSealed++;
    }
    if (cases) replaced.push('调解案件的申请人姓名、身份证号');
    // Only what was replaced, never the values: the change log is append-only and must not keep them afresh.
    writeAudit(db, ctx.actor() || '管理员', now, { action: 'pii.anonymise', entity: 'member', entityId: memberId, after: { replaced, skippedSealed } });
    return { memberId, replaced, skippedSealed };
  })();
}

const yuan = (fen: number | null | undefined) => (fen == null ? null : fen / 100);

/** Columns of the member's own file: numbers that must stay text (IDs, phones, cards, dates as typed) are code. */
const cols = (spec: [header: string, kind: WriteKind][]): WriteColumn[] => spec.map(([header, kind]) => ({ header, kind, width: Math.max(10, [...header].length * 2 + 2) }));

/** 查阅复制: everything held about one member as .xlsx, one sheet per kind, values in full (it is theirs). */
export async function memberFileXlsx(ctx: AppContext, memberId: number, reason: string | undefined): Promise<FileRef & { rows: number }> {
  // Always full numbers (the file is the member's own), so always under the rule for full exports.
  const why = exportReason(ctx, '本人个人信息', reason);
  const db = ctx.db;
  const m = getMember(ctx, memberId);
  const detail = m as unknown as Record<string, unknown>;
  const fields: (string | null)[][] = [];
  for (const [key, f] of Object.entries(MEMBER_FIELDS)) {
    const v = detail[key];
    if (key === 'familyMembers') continue;
    if (key === 'monthlyWage') {
      fields.push([f.label, v == null ? null : String(v)]);
      continue;
    }
    fields.push([f.label, key === 'idType' && typeof v === 'string' ? (ID_TYPE_LABELS as Record<string, string>)[v] ?? v : v == null ? null : String(v)]);
  }
  fields.push(['会籍状态', MEMBER_STATUS_LABELS[m.status]]);
  for (const f of m.familyMembers) fields.push(['家庭成员', [f.name, f.relation, f.workUnit].filter(Boolean).join(' ')]);

  const hardship = repo.hardshipOf(db, memberId);
  const s = getSettings(ctx);
  const tables: TableWrite[] = [
    {
      sheetName: '档案',
      preamble: [...(s.exportNotice ? [PII_EXPORT_NOTICE] : []), `${s.unionName || s.unitName || ''}会员个人信息（查阅复制）　${m.name}　制表日期：${todayIso(ctx.clock())}`.trim()],
      columns: [{ header: '项目', kind: 'text', width: 16 }, { header: '内容', kind: 'code', width: 40 }],
      rows: fields,
    },
    { sheetName: '会籍变动', columns: cols([['日期', 'code'], ['变动', 'text'], ['原因', 'text'], ['对方工会', 'text']]), rows: m.events.map((e) => [e.date, MEMBER_EVENT_LABELS[e.type], e.reason, e.otherUnion ?? null]) },
    {
      sheetName: '会费',
      columns: cols([['月份', 'code'], ['月工资（元）', 'number'], ['计缴基数（元）', 'number'], ['应缴（元）', 'number'], ['实缴（元）', 'number'], ['缴纳日期', 'code'], ['缴纳方式', 'text'], ['收据号', 'code'], ['备注', 'text']]),
      rows: repo.duesOf(db, memberId).map((d) => [d.period, yuan(d.wage_fen), yuan(d.base_fen), yuan(d.amount_fen), d.paid_on ? yuan(d.paid_fen ?? d.amount_fen) : null, d.paid_on, d.payer ? PAYER_LABELS[d.payer as keyof typeof PAYER_LABELS] ?? d.payer : d.exempt ? '免交' : null, d.receipt_no, d.reason]),
    },
    {
      sheetName: '慰问',
      columns: cols([['慰问日期', 'code'], ['事由', 'text'], ['发生日期', 'code'], ['金额（元）', 'number'], ['慰问人', 'text'], ['备注', 'text']]),
      rows: repo.careOf(db, memberId).map((v) => [v.visit_date, occasionLabel(ctx, v.occasion), v.event_date, yuan(v.amount_fen), v.visitors, v.notes]),
    },
    {
      sheetName: '困难帮扶',
      columns: cols([['建档日期', 'code'], ['困难类别', 'text'], ['主要致困原因', 'text'], ['状态', 'text'], ['联系电话', 'code'], ['家庭住址', 'text'], ['开户银行', 'text'], ['银行卡号', 'code'], ['帮扶日期', 'code'], ['帮扶方式', 'text'], ['金额（元）', 'number'], ['资金来源', 'text']]),
      rows: hardship.flatMap((h) => {
        const head: CellInput[] = [h.filed_on, h.category, h.main_reason, HARDSHIP_STATUS_LABELS[h.status as HardshipStatus] ?? h.status, h.phone, h.address, [h.bank_name, h.bank_branch].filter(Boolean).join(' '), h.bank_account];
        const aid = repo.aidOf(db, h.id);
        return (aid.length ? aid.map((a) => [...head, a.aid_date, a.kind, yuan(a.amount_fen), a.fund_source]) : [head]).map((r) => r.map((v) => v ?? null));
      }),
    },
    { sheetName: '提案', columns: cols([['届次会议', 'text'], ['编号', 'code'], ['标题', 'text'], ['身份', 'text']]), rows: repo.proposalsOf(db, memberId).map((p) => [congressTitle(db, p), p.serial, p.title, p.role]) },
    {
      sheetName: '活动与表彰',
      columns: cols([['类别', 'text'], ['名称', 'text'], ['日期', 'code'], ['地点或授予单位', 'text'], ['级别', 'text']]),
      rows: [...repo.activitiesOf(db, memberId).map((a) => ['活动', a.name, a.start_date, a.place, null]), ...repo.awardsOf(db, memberId).map((a) => ['表彰', a.title, a.award_date, a.grantor, a.level])],
    },
  ];

  const out = ctx.files.createOutput(`个人信息-${m.name}-${todayIso(ctx.clock())}.xlsx`);
  let rows: number;
  try {
    rows = (await writeTablesXlsx(out.path, tables)).reduce((a, b) => a + b, 0);
  } catch (e) {
    fs.rmSync(out.path, { force: true });
    throw e;
  }
  const ref = out.ref();
  logPiiExport(ctx, 'pii.memberFile', { fileName: ref.fileName, rows, ...(why ? { reason: why } : {}) }, memberId);
  return { ...ref, rows };
}
