/** The clerk's arrangement of a year: edit, exclude, merge, reorder, add by hand. One transaction + audit each. */
import type { ArchiveItem, ItemPatch, ManualDoc } from '../../../shared/contract/archive';
import { manualDoc } from '../../../shared/contract/archive';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { getSettings } from '../settings/settings.service';
import { getArchiveConfig } from './archive.config';
import { recordUploads, storeArchiveUploads } from './archive.files';
import { MANUAL_KIND, orgFor, retentionFor } from './archive.kinds';
import { assertOpen } from './archive.plan';
import * as repo from './archive.repo';
import { buildView, editedOf, filesOf } from './archive.view';

function requireItem(ctx: AppContext, id: number): repo.ItemRow {
  const r = repo.getItem(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', '找不到这件归档文件，可能已被移除。请刷新后再试。');
  return r;
}

export function itemOut(ctx: AppContext, id: number): ArchiveItem {
  const r = requireItem(ctx, id);
  const v = buildView(ctx.db, r.year, getSettings(ctx));
  const out = v.items.find((i) => i.id === id);
  if (!out) throw new AppError('NOT_FOUND', '找不到这件归档文件。');
  return out;
}

const PATCH_COLUMNS = {
  title: 'title',
  selfMadeTitle: 'self_made_title',
  responsible: 'responsible',
  docNo: 'doc_no',
  date: 'date',
  secrecy: 'secrecy',
  pages: 'pages',
  retention: 'retention',
  orgCode: 'org_code',
  remarks: 'remarks',
  boxNo: 'box_no',
} as const;

export function updateItem(ctx: AppContext, id: number, patch: ItemPatch): ArchiveItem {
  const db = ctx.db;
  db.transaction(() => {
    const cur = requireItem(ctx, id);
    assertOpen(ctx, cur.year);
    if (patch.orgCode && !getSettings(ctx).orgCodes.some((o) => o.code === patch.orgCode)) {
      throw new AppError('VALIDATION', `机构（问题）代码「${patch.orgCode}」不在设置的列表中。请先在 设置 → 归档 添加。`);
    }
    const next: Record<string, unknown> = { ...cur };
    const before: Record<string, unknown> = {};
    const edited = editedOf(cur);
    for (const [k, col] of Object.entries(PATCH_COLUMNS) as [keyof ItemPatch, string][]) {
      if (patch[k] === undefined) continue;
      const v = k === 'selfMadeTitle' ? (patch[k] ? 1 : 0) : patch[k];
      if (v === next[col]) continue;
      before[k] = next[col];
      next[col] = v;
      edited[k] = true;
    }
    if (!Object.keys(before).length) return;
    repo.updateEdited(db, id, { ...(next as unknown as repo.ItemRow), edited_json: JSON.stringify(edited) }, ctx.clock().toISOString());
    writeAudit(db, ctx.actor(), ctx.clock(), {
      action: 'archive.item.update',
      entity: 'archive_item',
      entityId: id,
      before,
      after: Object.fromEntries(Object.keys(before).map((k) => [k, patch[k as keyof ItemPatch]])),
    });
  })();
  return itemOut(ctx, id);
}

export function excludeItems(ctx: AppContext, ids: readonly number[], excluded: boolean): number {
  const db = ctx.db;
  return db.transaction(() => {
    let changed = 0;
    const now = ctx.clock().toISOString();
    for (const id of ids) {
      const r = requireItem(ctx, id);
      assertOpen(ctx, r.year);
      changed += repo.setExcluded(db, id, excluded, now);
    }
    if (changed) writeAudit(db, ctx.actor(), ctx.clock(), { action: excluded ? 'archive.item.exclude' : 'archive.item.include', entity: 'archive_item', after: { ids } });
    return changed;
  })();
}

/** 正本+定稿, body + attachments (DOMAIN.md §5.2): the parts follow the target in the order given. */
export function mergeItems(ctx: AppContext, targetId: number, ids: readonly number[]): ArchiveItem {
  const db = ctx.db;
  db.transaction(() => {
    const target = requireItem(ctx, targetId);
    assertOpen(ctx, target.year);
    if (target.merged_into_id !== null) throw new AppError('VALIDATION', '不能合并到已并入其他件的文件中。');
    const now = ctx.clock().toISOString();
    let order = target.sort_order;
    for (const id of ids) {
      if (id === targetId) continue;
      const r = requireItem(ctx, id);
      if (r.year !== target.year) throw new AppError('VALIDATION', '只能合并同一年度的文件。');
      if (r.item_no !== null) throw new AppError('VALIDATION', `「${r.title}」已编号（${r.archive_code ?? ''}），不能再并入其他件；件号不重复使用。`);
      // Parts of the merged item come along, in their order.
      for (const p of repo.partsOf(db, id)) repo.setMergedInto(db, p.id, targetId, now);
      repo.setMergedInto(db, id, targetId, now);
      repo.setSortOrder(db, id, (order += 1), now);
    }
    writeAudit(db, ctx.actor(), ctx.clock(), { action: 'archive.item.merge', entity: 'archive_item', entityId: targetId, after: { parts: ids } });
  })();
  return itemOut(ctx, targetId);
}

export function unmergeItem(ctx: AppContext, id: number): number {
  const db = ctx.db;
  return db.transaction(() => {
    const r = requireItem(ctx, id);
    assertOpen(ctx, r.year);
    const now = ctx.clock().toISOString();
    let n = 0;
    if (r.merged_into_id !== null) n += repo.setMergedInto(db, id, null, now);
    else for (const p of repo.partsOf(db, id)) n += repo.setMergedInto(db, p.id, null, now);
    if (n) writeAudit(db, ctx.actor(), ctx.clock(), { action: 'archive.item.unmerge', entity: 'archive_item', entityId: id });
    return n;
  })();
}

/** Up/down within its class, among the 件 of the catalogue. */
export function moveItem(ctx: AppContext, id: number, direction: 'up' | 'down'): boolean {
  const db = ctx.db;
  return db.transaction(() => {
    const r = requireItem(ctx, id);
    assertOpen(ctx, r.year);
    const view = buildView(db, r.year, getSettings(ctx));
    const me = view.items.find((i) => i.id === id);
    if (!me) return false;
    const peers = view.items.filter((i) => i.classKey === me.classKey && !i.excluded && i.mergedIntoId === null);
    const at = peers.findIndex((i) => i.id === id);
    const other = peers[direction === 'up' ? at - 1 : at + 1];
    if (!other) return false;
    if (me.itemNo !== null && other.itemNo !== null) {
      throw new AppError('VALIDATION', '已编号的文件不能再调整顺序（件号不重复使用）。');
    }
    const now = ctx.clock().toISOString();
    repo.setSortOrder(db, id, other.order, now);
    repo.setSortOrder(db, other.id, me.order, now);
    writeAudit(db, ctx.actor(), ctx.clock(), { action: 'archive.item.move', entity: 'archive_item', entityId: id, after: { direction } });
    return true;
  })();
}

/** A document the clerk adds by hand; 页数 is read from its files unless given. */
export async function addManual(ctx: AppContext, year: number, input: ManualDoc, tokens: readonly string[]): Promise<ArchiveItem> {
  const doc = manualDoc.parse(input);
  if (Number(doc.date.slice(0, 4)) !== year) throw new AppError('VALIDATION', `文件日期 ${doc.date} 不在 ${year} 年度。`);
  assertOpen(ctx, year);
  const files = await storeArchiveUploads(ctx, tokens);
  const db = ctx.db;
  const cfg = getArchiveConfig(db);
  const now = ctx.clock().toISOString();
  const id = db.transaction(() => {
    assertOpen(ctx, year);
    repo.ensureYear(db, year, now);
    recordUploads(db, files, now);
    const n = repo.listItems(db, year).filter((r) => r.source_key.startsWith('manual:')).length + 1;
    let key = `manual:${n}`;
    for (let i = n; repo.listItems(db, year).some((r) => r.source_key === key); i++) key = `manual:${i + 1}`;
    const pages = doc.pages ?? (files.length ? files.reduce((s, f) => s + f.pages, 0) : null);
    const newId = repo.insertItem(
      db,
      year,
      key,
      {
        kind: MANUAL_KIND.id,
        title: doc.title,
        self_made_title: doc.selfMadeTitle ? 1 : 0,
        responsible: doc.responsible,
        doc_no: doc.docNo,
        date: doc.date,
        secrecy: doc.secrecy,
        pages,
        retention: doc.retention ?? retentionFor(cfg, MANUAL_KIND.id),
        org_code: doc.orgCode ?? orgFor(cfg, MANUAL_KIND.id),
        files_json: JSON.stringify(files.map((f) => ({ sha256: f.sha256, name: f.name, mime: f.mime, pages: f.pages }))),
        data_json: JSON.stringify({ manual: doc }),
      },
      repo.maxSortOrder(db, year) + 10,
      now,
    );
    // 页数 typed by the clerk counts as the clerk's edit.
    if (doc.pages != null) repo.updateEdited(db, newId, { ...repo.getItem(db, newId)!, edited_json: JSON.stringify({ pages: true }) }, now);
    writeAudit(db, ctx.actor(), ctx.clock(), { action: 'archive.item.add', entity: 'archive_item', entityId: newId, after: { ...doc, files: files.map((f) => f.name) } });
    return newId;
  })();
  return itemOut(ctx, id);
}

export function removeManual(ctx: AppContext, id: number): boolean {
  const db = ctx.db;
  return db.transaction(() => {
    const r = requireItem(ctx, id);
    assertOpen(ctx, r.year);
    if (!r.source_key.startsWith('manual:')) throw new AppError('VALIDATION', '只能删除手工添加的文件；来自记录的文件请用「不归档」。');
    if (r.item_no !== null) throw new AppError('VALIDATION', '已编号的文件不能删除（件号不重复使用），请改为「不归档」。');
    const now = ctx.clock().toISOString();
    for (const p of repo.partsOf(db, id)) repo.setMergedInto(db, p.id, null, now);
    repo.deleteItem(db, id);
    writeAudit(db, ctx.actor(), ctx.clock(), { action: 'archive.item.remove', entity: 'archive_item', entityId: id, before: { title: r.title, files: filesOf(r).map((f) => f.name) } });
    return true;
  })();
}
