/**
 * 困难职工档案 (DOMAIN.md §6.3): the national form's fields, its 家庭成员 table, 致困原因 (one main, up to three
 * secondary), bank account, scans in the content-addressed store, 帮扶记录 with yearly totals, and the yearly 复核.
 * Bank accounts and ID numbers leave here masked unless the caller asked with revealIds (the router checks the
 * permission and logs the reveal).
 */
import type { AidRow, FamilyMemberRow, HardshipDetail, HardshipFields, HardshipRow } from '../../../shared/contract/care';
import { MAX_SECONDARY_REASONS, type HardshipStatus } from '../../../shared/domain/care-labels';
import { todayIso } from '../../../shared/domain/dates';
import { maskId } from '../../../shared/domain/permissions';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import { AppError, validationError } from '../errors';
import { storeFile, verifiedBlobPath } from '../files/attachments';
import { recordBlob } from '../files/blobs.repo';
import { getSettings } from '../settings/settings.service';
import { getMemberLite } from './care.repo';
import * as hrepo from './hardship.repo';

const addYear = (iso: string) => `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;
const fen = (yuan: number | null | undefined) => (yuan == null ? null : Math.round(yuan * 100));
const t = (v: string | null | undefined) => v?.trim() || null;

export const maskAccount = (v: string | null): string | null => (v ? maskId(v) : null);

function toRow(r: hrepo.HardshipDbRow, today: string, totals: Map<number, { year: number; all: number }>): HardshipRow {
  const reviewDue = addYear(r.last_review_on ?? r.filed_on);
  const aid = totals.get(r.id);
  return {
    id: r.id,
    memberId: r.member_id,
    memberName: r.member_name,
    idNumberMasked: r.id_number ? maskId(r.id_number) : null,
    department: r.department,
    category: r.category,
    mainReason: r.main_reason,
    secondaryReasons: JSON.parse(r.secondary_reasons_json) as string[],
    familySize: r.family_size,
    incomePerHeadFen: r.income_per_head_fen,
    status: r.status as HardshipStatus,
    filedOn: r.filed_on,
    lastReviewOn: r.last_review_on,
    reviewDue,
    reviewOverdue: r.status === 'open' && reviewDue <= today,
    reviewReason: r.review_reason,
    notes: r.notes,
    bankAccountMasked: maskAccount(r.bank_account),
    aidYearFen: aid?.year ?? 0,
    aidTotalFen: aid?.all ?? 0,
  };
}

export const toAidRow = (a: hrepo.AidDbRow): AidRow => ({ id: a.id, date: a.aid_date, kind: a.kind, amountFen: a.amount_fen, fundSource: a.fund_source, notes: a.notes });

const toFamilyRow = (f: hrepo.FamilyDbRow, reveal: boolean): FamilyMemberRow => ({
  name: f.name,
  relation: f.relation,
  gender: (f.gender as '男' | '女' | null) ?? null,
  idNumber: f.id_number && !reveal ? maskId(f.id_number) : f.id_number,
  birthDate: f.birth_date,
  health: f.health,
  monthlyIncomeFen: f.monthly_income_fen,
  identity: f.identity,
  medicalInsurance: f.medical_insurance,
  workplace: f.workplace,
});

export const listHardship = (ctx: AppContext, status?: HardshipStatus): HardshipRow[] => {
  const today = todayIso(ctx.clock());
  const totals = hrepo.aidTotals(ctx.db, today.slice(0, 4));
  return hrepo.listHardshipRows(ctx.db, status ?? null).map((r) => toRow(r, today, totals));
};

/**
 * The whole file. Without `reveal` the bank account is null (only its masked form is given) and family ID numbers
 * are masked; with it both are in full. Saving a form that never showed the number leaves the stored one alone.
 */
export function getHardship(ctx: AppContext, id: number, reveal = false): HardshipDetail {
  const db = ctx.db;
  const r = hrepo.getHardshipRow(db, id);
  if (!r) throw new AppError('NOT_FOUND', '找不到该困难职工档案。');
  const today = todayIso(ctx.clock());
  const aid = hrepo.aidOf(db, id).map(toAidRow);
  const byYear = new Map<number, { year: number; count: number; totalFen: number }>();
  for (const a of aid) {
    const y = Number(a.date.slice(0, 4));
    const e = byYear.get(y) ?? { year: y, count: 0, totalFen: 0 };
    e.count++;
    e.totalFen += a.amountFen;
    byYear.set(y, e);
  }
  return {
    ...toRow(r, today, hrepo.aidTotals(db, today.slice(0, 4))),
    member: { gender: r.gender, birthDate: r.birth_date, ethnicity: r.ethnicity, politicalStatus: r.political_status, workUnit: r.work_unit },
    ownIncomeFen: r.own_income_fen,
    familyIncomeFen: r.family_income_fen,
    health: r.health,
    disability: r.disability,
    housing: r.housing,
    housingArea: r.housing_area,
    maritalStatus: r.marital_status,
    hukouType: r.hukou_type,
    medicalInsurance: r.medical_insurance,
    phone: r.phone,
    address: r.address,
    bankName: r.bank_name,
    bankBranch: r.bank_branch,
    bankAccount: reveal ? r.bank_account : null,
    filedBy: r.filed_by,
    auditedBy: r.audited_by,
    auditedOn: r.audited_on,
    family: hrepo.familyOf(db, id).map((f) => toFamilyRow(f, reveal)),
    attachments: hrepo.attachmentsOf(db, id).map((a) => ({ id: a.id, label: a.label, kind: a.kind, sizeBytes: a.size_bytes, addedAt: a.added_at })),
    aid,
    aidByYear: [...byYear.values()].sort((a, b) => a.year - b.year),
  };
}

/** The raw row for prints and exports (they mask themselves). */
export const hardshipDbRow = (ctx: AppContext, id: number): hrepo.HardshipDbRow => {
  const r = hrepo.getHardshipRow(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', '找不到该困难职工档案。');
  return r;
};

function prepare(f: HardshipFields, keepAccount: string | null): { row: hrepo.HardshipWrite; family: hrepo.FamilyDbRow[] } {
  const secondary = [...new Set(f.secondaryReasons.map((s) => s.trim()).filter(Boolean))];
  if (secondary.length > MAX_SECONDARY_REASONS) {
    throw validationError(`次要致困原因最多 ${MAX_SECONDARY_REASONS} 项。`, [{ path: ['hardship', 'secondaryReasons'], message: `最多 ${MAX_SECONDARY_REASONS} 项` }]);
  }
  if (secondary.includes(f.mainReason.trim())) {
    throw validationError('次要致困原因不能与主要致困原因相同。', [{ path: ['hardship', 'secondaryReasons'], message: '与主要原因重复' }]);
  }
  if (f.auditedOn && f.auditedOn < f.filedOn) throw validationError('审核日期不能早于建档日期。', [{ path: ['hardship', 'auditedOn'], message: '不能早于建档日期' }]);
  const row: hrepo.HardshipWrite = {
    member_id: f.memberId,
    category: f.category,
    main_reason: f.mainReason,
    secondary_reasons_json: JSON.stringify(secondary),
    family_size: f.familySize ?? null,
    income_per_head_fen: fen(f.incomePerHead),
    own_income_fen: fen(f.ownIncome),
    family_income_fen: fen(f.familyIncome),
    health: t(f.health),
    disability: t(f.disability),
    housing: t(f.housing),
    housing_area: f.housingArea ?? null,
    marital_status: t(f.maritalStatus),
    hukou_type: t(f.hukouType),
    medical_insurance: t(f.medicalInsurance),
    phone: t(f.phone),
    address: t(f.address),
    bank_name: t(f.bankName),
    bank_branch: t(f.bankBranch),
    bank_account: f.bankAccount === undefined ? keepAccount : f.bankAccount || null,
    filed_on: f.filedOn,
    filed_by: t(f.filedBy),
    audited_by: t(f.auditedBy),
    audited_on: f.auditedOn ?? null,
    notes: t(f.notes),
  };
  const family = f.family.map((m) => ({
    name: m.name.trim(),
    relation: t(m.relation),
    gender: m.gender ?? null,
    id_number: t(m.idNumber)?.toUpperCase() ?? null,
    birth_date: m.birthDate ?? null,
    health: t(m.health),
    monthly_income_fen: fen(m.monthlyIncome),
    identity: t(m.identity),
    medical_insurance: t(m.medicalInsurance),
    workplace: t(m.workplace),
  }));
  return { row, family };
}

/** What the audit keeps of a file: the bank account only masked (the log is read by everyone with 查看). */
const auditView = (row: hrepo.HardshipWrite, family: hrepo.FamilyDbRow[]) => ({
  ...row,
  bank_account: maskAccount(row.bank_account),
  family: family.map((f) => ({ ...f, id_number: f.id_number ? maskId(f.id_number) : null })),
});

export function createHardship(ctx: AppContext, f: HardshipFields): HardshipRow {
  const db = ctx.db;
  const now = ctx.clock();
  const id = db
    .transaction(() => {
      if (!getMemberLite(db, f.memberId)) throw new AppError('NOT_FOUND', '找不到该会员，可能已被删除。');
      if (hrepo.openFileOf(db, f.memberId)) throw new AppError('CONFLICT', '该会员已有在档的困难职工档案，请在原档案上复核。');
      const { row, family } = prepare(f, null);
      const newId = hrepo.insertHardship(db, row, now.toISOString());
      hrepo.replaceFamily(db, newId, family);
      writeAudit(db, ctx.actor(), now, { action: 'care.hardshipCreate', entity: 'hardship_file', entityId: newId, after: auditView(row, family) });
      return newId;
    })
    .immediate();
  return listHardship(ctx).find((r) => r.id === id)!;
}

export function updateHardship(ctx: AppContext, id: number, f: HardshipFields): HardshipDetail {
  const db = ctx.db;
  const now = ctx.clock();
  db.transaction(() => {
    const before = hrepo.getHardshipRow(db, id);
    if (!before) throw new AppError('NOT_FOUND', '找不到该困难职工档案。');
    if (before.member_id !== f.memberId) throw validationError('档案所属会员不能更改，请为另一位会员另建档案。', [{ path: ['hardship', 'memberId'], message: '不能更改' }]);
    const { row, family } = prepare(f, before.bank_account);
    const beforeFamily = hrepo.familyOf(db, id);
    // A form shown without 显示完整号码 sends the masked numbers back: those keep what is stored.
    family.forEach((m, i) => {
      if (!m.id_number?.includes('*')) return;
      const was = beforeFamily.find((b) => b.name === m.name && b.id_number && maskId(b.id_number) === m.id_number);
      if (!was) throw validationError(`家庭成员「${m.name}」的身份证号不完整，请点「显示完整号码」后再修改。`, [{ path: ['hardship', 'family', i, 'idNumber'], message: '身份证号不完整' }]);
      m.id_number = was.id_number;
    });
    hrepo.updateHardship(db, id, row, now.toISOString());
    hrepo.replaceFamily(db, id, family);
    const was = auditView(before, beforeFamily) as Record<string, unknown>;
    const is = auditView(row, family) as Record<string, unknown>;
    const changed = Object.keys(is).filter((k) => JSON.stringify(was[k]) !== JSON.stringify(is[k]));
    writeAudit(db, ctx.actor(), now, {
      action: 'care.hardshipUpdate',
      entity: 'hardship_file',
      entityId: id,
      before: Object.fromEntries(changed.map((k) => [k, was[k]])),
      after: Object.fromEntries(changed.map((k) => [k, is[k]])),
    });
  })();
  return getHardship(ctx, id);
}

/** 年度复核: 在档 (kept), 脱困 or 退出, with the date and the reason. */
export function reviewHardshipFile(ctx: AppContext, id: number, status: HardshipStatus, reviewedOn: string, reason: string | null | undefined): HardshipRow {
  const db = ctx.db;
  const now = ctx.clock();
  db.transaction(() => {
    const before = hrepo.getHardshipRow(db, id);
    if (!before) throw new AppError('NOT_FOUND', '找不到该困难职工档案。');
    if (status !== 'open' && !reason?.trim()) throw validationError('脱困或退出请填写复核说明。', [{ path: ['reason'], message: '请填写复核说明' }]);
    hrepo.reviewHardship(db, id, status, reviewedOn, reason?.trim() || null, now.toISOString());
    writeAudit(db, ctx.actor(), now, {
      action: 'care.hardshipReview',
      entity: 'hardship_file',
      entityId: id,
      before: { status: before.status, last_review_on: before.last_review_on },
      after: { status, last_review_on: reviewedOn, reason },
    });
  })();
  return listHardship(ctx).find((r) => r.id === id)!;
}

export function addAid(ctx: AppContext, fileId: number, a: { date: string; kind: string; amount: number; fundSource?: string | null | undefined; notes?: string | null | undefined }): HardshipDetail {
  const db = ctx.db;
  const now = ctx.clock();
  db.transaction(() => {
    if (!hrepo.getHardshipRow(db, fileId)) throw new AppError('NOT_FOUND', '找不到该困难职工档案。');
    const row = { file_id: fileId, aid_date: a.date, kind: a.kind.trim(), amount_fen: Math.round(a.amount * 100), fund_source: t(a.fundSource), notes: t(a.notes) };
    const newId = hrepo.insertAid(db, row, now.toISOString());
    writeAudit(db, ctx.actor(), now, { action: 'care.hardshipAidAdd', entity: 'hardship_file', entityId: fileId, after: { id: newId, ...row } });
  })();
  return getHardship(ctx, fileId);
}

export function removeAid(ctx: AppContext, id: number, reason: string): HardshipDetail {
  const db = ctx.db;
  const now = ctx.clock();
  const before = hrepo.getAid(db, id);
  if (!before) throw new AppError('NOT_FOUND', '找不到该帮扶记录，可能已被删除。');
  db.transaction(() => {
    hrepo.softDeleteAid(db, id, reason, now.toISOString());
    writeAudit(db, ctx.actor(), now, { action: 'care.hardshipAidRemove', entity: 'hardship_file', entityId: before.file_id, before, after: { reason } });
  })();
  return getHardship(ctx, before.file_id);
}

/** Scans go into files/ before the transaction (I/O outside, rows inside), as activities' photos do. */
export async function addAttachments(ctx: AppContext, fileId: number, kind: string | null | undefined, tokens: string[]): Promise<HardshipDetail> {
  if (!hrepo.getHardshipRow(ctx.db, fileId)) throw new AppError('NOT_FOUND', '找不到该困难职工档案。');
  const limit = getSettings(ctx).attachmentMaxMb * 1024 * 1024;
  const uploads: Awaited<ReturnType<typeof storeFile>>[] = [];
  for (const token of tokens) {
    const file = ctx.files.resolve(token);
    uploads.push(await storeFile(ctx.paths.filesDir, file.path, file.fileName, limit));
  }
  const db = ctx.db;
  const now = ctx.clock();
  const nowIso = now.toISOString();
  db.transaction(() => {
    for (const u of uploads) {
      recordBlob(db, { sha256: u.sha256, sizeBytes: u.sizeBytes, mime: u.type.mime }, nowIso);
      hrepo.insertAttachment(db, fileId, u.sha256, u.label, t(kind), nowIso);
    }
    writeAudit(db, ctx.actor(), now, {
      action: 'care.hardshipAttachmentAdd',
      entity: 'hardship_file',
      entityId: fileId,
      after: { kind: t(kind), attachments: uploads.map((u) => ({ label: u.label, sha256: u.sha256 })) },
    });
  })();
  return getHardship(ctx, fileId);
}

export function removeAttachment(ctx: AppContext, id: number): HardshipDetail {
  const db = ctx.db;
  const now = ctx.clock();
  const a = hrepo.getAttachment(db, id);
  if (!a) throw new AppError('NOT_FOUND', '找不到该附件，可能已被删除。');
  db.transaction(() => {
    hrepo.removeAttachment(db, id, now.toISOString());
    writeAudit(db, ctx.actor(), now, { action: 'care.hardshipAttachmentRemove', entity: 'hardship_file', entityId: a.file_id, before: { label: a.label, sha256: a.sha256 } });
  })();
  return getHardship(ctx, a.file_id);
}

/** A token for one scan (open or save); the stored file is re-hashed first, so a damaged one is named, not handed out. */
export async function attachmentFile(ctx: AppContext, id: number) {
  const a = hrepo.getAttachment(ctx.db, id);
  if (!a) throw new AppError('NOT_FOUND', '找不到该附件，可能已被删除。');
  const p = await verifiedBlobPath(ctx.paths.filesDir, a.sha256, a.label);
  return ctx.files.register(p, a.label, false);
}
