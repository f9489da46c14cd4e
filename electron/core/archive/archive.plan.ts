/**
 * Planning: the year's items from every registered record type, merged into what the clerk already arranged.
 * Re-planning is safe at any time before sealing: the clerk's edits (edited_json), exclusions, merges, order
 * and numbers stay; new records become new items at the end; items whose record is gone disappear unless they
 * already have a number (numbers are never reused, so such an item stays, marked).
 */
import type { ArchiveYearView } from '../../../shared/contract/archive';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { pacer } from '../pace';
import { getSettings } from '../settings/settings.service';
import { archiveContributors } from '../archive-registry';
import { getArchiveConfig } from './archive.config';
import { storedPages } from './archive.files';
import { orgFor, retentionFor } from './archive.kinds';
import * as repo from './archive.repo';
import { buildView, editedOf, type Edited } from './archive.view';
import type { ArchiveItemDraft } from './contributor';
import { storeBytes } from '../files/attachments';
import { recordBlob } from '../files/blobs.repo';

export function assertOpen(ctx: AppContext, year: number): void {
  if (repo.getYear(ctx.db, year)?.sealed_at) {
    throw new AppError('CONFLICT', `${year} 年度已封存，不能修改归档文件。如确需修改，请先解除封存（需填写原因）。`);
  }
}

interface OwnBlob {
  sha256: string;
  sizeBytes: number;
  mime: string;
}

/**
 * Every contributor's drafts for the year, with the source key checked to be unique. A record type's own files
 * (`fileBytes`) are copied into the file store here — before the transaction, as uploads are: a copy cannot roll
 * back, and an unused one is harmless — and returned to be recorded in file_blobs with the plan. The event loop
 * gets a turn between drafts (`pace`), so a year of thousands of records does not hold the main process.
 */
export async function collectDrafts(ctx: AppContext, year: number, pace: () => Promise<void>): Promise<{ drafts: ArchiveItemDraft[]; blobs: OwnBlob[] }> {
  const seen = new Set<string>();
  const drafts: ArchiveItemDraft[] = [];
  const blobs: OwnBlob[] = [];
  for (const c of archiveContributors) {
    for (const d of c.items(ctx.db, year)) {
      await pace();
      if (seen.has(d.sourceKey)) continue;
      seen.add(d.sourceKey);
      drafts.push(d);
      for (const f of c.fileBytes ? d.files : []) {
        const bytes = c.fileBytes!(ctx.db, f.sha256);
        if (!bytes) continue;
        storeBytes(ctx.paths.filesDir, bytes);
        blobs.push({ sha256: f.sha256, sizeBytes: bytes.length, mime: f.mime });
      }
    }
  }
  return { drafts, blobs };
}

type Resolved = repo.SourceFields & { sourceKey: string };

async function resolve(ctx: AppContext, d: ArchiveItemDraft, retention: repo.ItemRow['retention'], org: string): Promise<Resolved> {
  const files = [];
  let filePages: number | null = 0;
  for (const f of d.files) {
    const pages = await storedPages(ctx.db, ctx.paths.filesDir, f);
    files.push({ ...f, pages });
    filePages = filePages === null || pages === null ? null : filePages + pages;
  }
  // A record printed as a document (renderHtml) gets its pages counted at 编号; scans are counted now.
  const pages = d.pages !== null ? d.pages + (d.files.length ? (filePages ?? 0) : 0) : d.renderHtml ? null : d.files.length ? filePages : null;
  return {
    sourceKey: d.sourceKey,
    kind: d.kind,
    title: d.title,
    self_made_title: d.selfMadeTitle ? 1 : 0,
    responsible: d.responsible,
    doc_no: d.docNo,
    date: d.date,
    secrecy: d.secrecy,
    pages,
    retention,
    org_code: org,
    files_json: JSON.stringify(files),
    data_json: JSON.stringify(d.data ?? null),
  };
}

/** Fields the clerk changed keep the clerk's value. */
function keepEdits(cur: repo.ItemRow, next: Resolved, e: Edited): Resolved {
  return {
    ...next,
    title: e.title ? cur.title : next.title,
    self_made_title: e.selfMadeTitle || e.title ? cur.self_made_title : next.self_made_title,
    responsible: e.responsible ? cur.responsible : next.responsible,
    doc_no: e.docNo ? cur.doc_no : next.doc_no,
    date: e.date ? cur.date : next.date,
    secrecy: e.secrecy ? cur.secrecy : next.secrecy,
    // A record printed as a document keeps the pages counted at 编号 while its data is unchanged; changed data
    // is counted again at the next 编号 (until then the seal checks list it as without 页数).
    pages: e.pages ? cur.pages : (next.pages ?? (next.data_json === cur.data_json ? cur.pages : null)),
    // Retention and 机构 follow 设置 until the clerk sets them; a numbered item keeps its class.
    retention: e.retention || cur.item_no !== null ? cur.retention : next.retention,
    org_code: e.orgCode || cur.item_no !== null ? cur.org_code : next.org_code,
  };
}

export async function planYear(ctx: AppContext, year: number): Promise<ArchiveYearView> {
  await planItems(ctx, year);
  return buildView(ctx.db, year, getSettings(ctx));
}

/** The plan's work without the view (编号 plans first and builds the view once, after numbering). */
export async function planItems(ctx: AppContext, year: number): Promise<void> {
  const db = ctx.db;
  if (repo.getYear(db, year)?.sealed_at) return;
  const cfg = getArchiveConfig(db);
  const pace = pacer(10);
  const { drafts, blobs } = await collectDrafts(ctx, year, pace);
  const resolved: Resolved[] = [];
  for (const d of drafts) {
    resolved.push(await resolve(ctx, d, retentionFor(cfg, d.kind), orgFor(cfg, d.kind)));
    await pace();
  }
  const now = ctx.clock().toISOString();
  let added = 0;
  let removed = 0;
  db.transaction(() => {
    assertOpen(ctx, year);
    // A year only looked at (nothing to archive) leaves no trace in the list of years.
    if (!resolved.length && !repo.getYear(db, year)) return;
    repo.ensureYear(db, year, now);
    for (const b of blobs) recordBlob(db, b, now);
    const current = new Map(repo.listItems(db, year).map((r) => [r.source_key, r]));
    let order = repo.maxSortOrder(db, year);
    const keys = new Set<string>();
    for (const r of resolved) {
      keys.add(r.sourceKey);
      const cur = current.get(r.sourceKey);
      if (!cur) {
        order += 10;
        repo.insertItem(db, year, r.sourceKey, r, order, now);
        added += 1;
        continue;
      }
      const e = editedOf(cur);
      const next = keepEdits(cur, r, e);
      const changed = (Object.keys(next) as (keyof Resolved)[]).some((k) => k !== 'sourceKey' && next[k] !== (cur as unknown as Record<string, unknown>)[k]);
      if (changed) repo.updateSource(db, cur.id, next, now);
      if (e._orphan) repo.updateEdited(db, cur.id, { ...next, remarks: cur.remarks, box_no: cur.box_no, edited_json: JSON.stringify({ ...e, _orphan: undefined }) }, now);
    }
    for (const [key, cur] of current) {
      if (keys.has(key) || key.startsWith('manual:')) continue;
      if (cur.item_no !== null) {
        const e = editedOf(cur);
        if (!e._orphan) repo.updateEdited(db, cur.id, { ...cur, edited_json: JSON.stringify({ ...e, _orphan: true }) }, now);
        continue;
      }
      for (const p of repo.partsOf(db, cur.id)) repo.setMergedInto(db, p.id, null, now);
      repo.deleteItem(db, cur.id);
      removed += 1;
    }
    if (added || removed) {
      writeAudit(db, ctx.actor(), ctx.clock(), { action: 'archive.plan', entity: 'archive', entityId: year, after: { added, removed } });
    }
  })();
}
