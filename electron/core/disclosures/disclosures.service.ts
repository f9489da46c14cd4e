import type { z } from 'zod';
import type { FileRef } from '../../../shared/contract/app';
import type { DisclosureDetail, DisclosureFields, DisclosureListRow, disclosureQuery, UploadInfo } from '../../../shared/contract/disclosures';
import { todayIso } from '../../../shared/domain/dates';
import { DISCLOSURE_FORMS, formatRegNo, periodRange } from '../../../shared/domain/disclosure-labels';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import { AppError, validationError, type FieldIssue } from '../errors';
import { inspectFile, outputName, storeFile, verifiedBlobPath, viewerCopy } from '../files/attachments';
import { recordBlob } from '../files/blobs.repo';
import { typeForMime } from '../files/file-types';
import { getSettings } from '../settings/settings.service';
import { fieldsToRow, rowToFields, toAttachment, toListRow, toOpinion } from './disclosures.mapper';
import * as repo from './disclosures.repo';
import { listOpinionRows } from './opinions.repo';

type Query = z.output<typeof disclosureQuery>;

const maxBytes = (ctx: AppContext) => getSettings(ctx).attachmentMaxMb * 1024 * 1024;

export function getDisclosure(ctx: AppContext, id: number): DisclosureDetail {
  const row = repo.getDisclosureRow(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '找不到该公开事项，可能已被删除。');
  const today = todayIso(ctx.clock());
  const opinions = listOpinionRows(ctx.db, { overdueOnly: false, disclosureId: id, today, limit: 5000 }).rows;
  return {
    ...rowToFields(row),
    id: row.id,
    regNo: row.reg_no,
    attachments: repo.listAttachments(ctx.db, id).map((a) => toAttachment(a, ctx.paths.filesDir)),
    opinions: opinions.map((o) => toOpinion(o, today)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** By internal id or 登记号 (2026-001). */
export function findDisclosure(ctx: AppContext, key: string): DisclosureDetail {
  const byId = /^\d{1,9}$/.test(key) ? repo.getDisclosureRow(ctx.db, Number(key)) : undefined;
  const row = byId ?? repo.findByRegNo(ctx.db, key);
  if (!row) throw new AppError('NOT_FOUND', `找不到编号或登记号为「${key}」的公开事项。`);
  return getDisclosure(ctx, row.id);
}

export function listDisclosures(ctx: AppContext, q: Query, order: 'asc' | 'desc' = 'desc'): { total: number; rows: DisclosureListRow[] } {
  const range = q.year ? periodRange({ year: q.year, month: q.month ?? null }) : { from: '0000-01-01', to: '9999-12-31' };
  const rows = repo.listDisclosureRows(ctx.db, {
    ...range,
    category: q.category,
    form: q.form,
    search: q.search,
    today: todayIso(ctx.clock()),
    order,
  });
  return { total: rows.length, rows: rows.map(toListRow) };
}

/**
 * The rules beyond the schema. Lists are checked against 设置 (类别) and the unit type (公开形式), but a value
 * the record already has stays allowed, so renaming a category in 设置 never blocks editing an old record.
 */
function checkFields(ctx: AppContext, f: DisclosureFields, before: DisclosureFields | null): void {
  const s = getSettings(ctx);
  const issues: FieldIssue[] = [];
  const at = (field: string, message: string) => issues.push({ path: ['disclosure', field], message });
  if (!s.disclosureCategories.includes(f.category) && before?.category !== f.category) {
    at('category', `类别「${f.category}」不在设置的类别中（${s.disclosureCategories.join('、')}）`);
  }
  const allowedForms = new Set([...DISCLOSURE_FORMS[s.unitType], ...(before?.forms ?? [])]);
  const odd = f.forms.filter((x) => !allowedForms.has(x));
  if (odd.length) at('forms', `公开形式「${odd.join('、')}」不可用，可选：${DISCLOSURE_FORMS[s.unitType].join('、')}`);
  const thisYear = ctx.clock().getFullYear();
  const year = Number(f.disclosedOn.slice(0, 4));
  if (year < 2000 || year > thisYear + 1) at('disclosedOn', `公开日期的年份应在 2000 至 ${thisYear + 1} 之间`);
  if (f.until && f.until < f.disclosedOn) at('until', '公开期限不能早于公开日期');
  if (f.reviewedOn && !f.reviewer) at('reviewer', '填写了审核日期，请同时填写审核人');
  if (issues.length) throw validationError(`公开事项有误：${issues[0]!.message}。`, issues);
}

interface StoredUpload {
  sha256: string;
  sizeBytes: number;
  mime: string;
  label: string;
}

/** Copies the chosen files into files/ before the transaction: I/O outside, rows inside. */
async function storeUploads(ctx: AppContext, tokens: string[]): Promise<StoredUpload[]> {
  const limit = maxBytes(ctx);
  const out: StoredUpload[] = [];
  for (const token of tokens) {
    const f = ctx.files.resolve(token);
    const b = await storeFile(ctx.paths.filesDir, f.path, f.fileName, limit);
    out.push({ sha256: b.sha256, sizeBytes: b.sizeBytes, mime: b.type.mime, label: b.label });
  }
  return out;
}

function linkUploads(ctx: AppContext, disclosureId: number, uploads: StoredUpload[], nowIso: string): number[] {
  return uploads.map((u) => {
    recordBlob(ctx.db, u, nowIso);
    return repo.insertAttachment(ctx.db, disclosureId, u.sha256, u.label, nowIso);
  });
}

export function inspectUpload(ctx: AppContext, token: string): UploadInfo {
  const f = ctx.files.resolve(token);
  const info = inspectFile(f.path, f.fileName, maxBytes(ctx));
  return { token, label: info.label, sizeBytes: info.sizeBytes, mime: info.type.mime, kind: info.type.kind };
}

const uploadAudit = (u: StoredUpload[]) => u.map((x) => ({ label: x.label, sha256: x.sha256, sizeBytes: x.sizeBytes }));

export async function createDisclosure(ctx: AppContext, fields: DisclosureFields, tokens: string[]): Promise<DisclosureDetail> {
  checkFields(ctx, fields, null);
  const uploads = await storeUploads(ctx, tokens);
  const actor = ctx.actor();
  const now = ctx.clock();
  const nowIso = now.toISOString();
  const db = ctx.db;
  // IMMEDIATE: the write lock is taken before the counter is read, so no other connection can read the same
  // counter value between our read and our write.
  const id = db
    .transaction(() => {
      const year = Number(fields.disclosedOn.slice(0, 4));
      const seq = repo.takeNextSeq(db, year);
      const regNo = formatRegNo(year, seq);
      const row = fieldsToRow(fields);
      const newId = repo.insertDisclosure(db, { reg_year: year, reg_seq: seq, reg_no: regNo }, row, nowIso);
      linkUploads(ctx, newId, uploads, nowIso);
      writeAudit(db, actor, now, {
        action: 'disclosures.create',
        entity: 'disclosure',
        entityId: newId,
        after: { regNo, ...row, attachments: uploadAudit(uploads) },
      });
      return newId;
    })
    .immediate();
  return getDisclosure(ctx, id);
}

export interface UpdateInput {
  id: number;
  disclosure: DisclosureFields;
  uploads: string[];
  removeAttachmentIds: number[];
  expectedUpdatedAt?: string | undefined;
}

export async function updateDisclosure(ctx: AppContext, input: UpdateInput): Promise<DisclosureDetail> {
  const current = repo.getDisclosureRow(ctx.db, input.id);
  if (!current) throw new AppError('NOT_FOUND', '找不到该公开事项，可能已被删除。');
  const fields = input.disclosure;
  checkFields(ctx, fields, rowToFields(current));
  if (Number(fields.disclosedOn.slice(0, 4)) !== current.reg_year) {
    throw validationError(
      `登记号 ${current.reg_no} 属于 ${current.reg_year} 年度，公开日期不能改到其他年度。如确需改年度，请删除本条后重新登记。`,
      [{ path: ['disclosure', 'disclosedOn'], message: `应在 ${current.reg_year} 年内` }],
    );
  }
  const uploads = await storeUploads(ctx, input.uploads);
  const actor = ctx.actor();
  const now = ctx.clock();
  const nowIso = now.toISOString();
  const db = ctx.db;
  db.transaction(() => {
    const before = repo.getDisclosureRow(db, input.id);
    if (!before) throw new AppError('NOT_FOUND', '找不到该公开事项，可能已被删除。');
    if (input.expectedUpdatedAt && before.updated_at !== input.expectedUpdatedAt) {
      throw new AppError('CONFLICT', '该公开事项已在别处被修改，请刷新后再编辑。');
    }
    const owned = new Map(repo.listAttachments(db, input.id).map((a) => [a.id, a]));
    const removed = input.removeAttachmentIds.map((aid) => {
      const a = owned.get(aid);
      if (!a) throw new AppError('NOT_FOUND', '要移除的附件不属于该公开事项或已被移除。');
      repo.markAttachmentRemoved(db, aid, nowIso);
      return { id: aid, label: a.label, sha256: a.sha256 };
    });
    const row = fieldsToRow(fields);
    repo.updateDisclosure(db, input.id, row, nowIso);
    linkUploads(ctx, input.id, uploads, nowIso);
    const changed = Object.fromEntries(Object.entries(row).filter(([k, v]) => (before as unknown as Record<string, unknown>)[k] !== v));
    const was = Object.fromEntries(Object.keys(changed).map((k) => [k, (before as unknown as Record<string, unknown>)[k]]));
    writeAudit(db, actor, now, {
      action: 'disclosures.update',
      entity: 'disclosure',
      entityId: input.id,
      before: { ...was, ...(removed.length ? { removedAttachments: removed } : {}) },
      after: { ...changed, ...(uploads.length ? { addedAttachments: uploadAudit(uploads) } : {}) },
    });
  })();
  return getDisclosure(ctx, input.id);
}

/**
 * Soft delete: the row (and its 登记号) stays for the audit trail, and the number is never given again.
 * Attachment files stay too (see core/files/attachments.ts on backups).
 */
export function removeDisclosure(ctx: AppContext, id: number, reason: string): boolean {
  const db = ctx.db;
  const now = ctx.clock();
  db.transaction(() => {
    const row = repo.getDisclosureRow(db, id);
    if (!row) throw new AppError('NOT_FOUND', '找不到该公开事项，可能已被删除。');
    repo.softDeleteDisclosure(db, id, reason, now.toISOString());
    writeAudit(db, ctx.actor(), now, { action: 'disclosures.remove', entity: 'disclosure', entityId: id, before: row, after: { reason } });
  })();
  return true;
}

/** A checked attachment file and the name a copy of it should carry. */
async function attachmentSource(ctx: AppContext, attachmentId: number): Promise<{ path: string; name: string; sha256: string }> {
  const a = repo.getAttachment(ctx.db, attachmentId);
  if (!a) throw new AppError('NOT_FOUND', '找不到该附件，可能已被移除。');
  const p = await verifiedBlobPath(ctx.paths.filesDir, a.sha256, a.label);
  return { path: p, name: outputName(a.label, typeForMime(a.mime, a.label)), sha256: a.sha256 };
}

/** Electron: a read-only copy opened with the system viewer (the port answers false when none is set up). */
export async function openAttachment(ctx: AppContext, attachmentId: number): Promise<boolean> {
  if (!ctx.ports.openFile) throw new AppError('UNAVAILABLE', '此处无法直接打开附件，请下载后查看。');
  const src = await attachmentSource(ctx, attachmentId);
  return ctx.ports.openFile(viewerCopy(ctx.paths.tmpDir, src.path, src.sha256, src.name));
}

/** A token for downloading (browser) or saving a copy (Electron): the renderer gets a token, never a location. */
export async function attachmentFile(ctx: AppContext, attachmentId: number): Promise<FileRef> {
  const src = await attachmentSource(ctx, attachmentId);
  return ctx.files.register(src.path, src.name, false);
}
