/** Rows → the contract's year view: classes in scheme order, boxes, totals. Reads only. */
import type { ArchiveConfig, ArchiveItem, ArchiveYearView } from '../../../shared/contract/archive';
import { RETENTION_CODES, RETENTION_LABELS, type Retention } from '../../../shared/domain/archive-labels';
import type { Settings } from '../../../shared/contract/settings';
import type { DB } from '../db/open';
import { classKey } from './archive-code';
import { getArchiveConfig } from './archive.config';
import { kindById, MANUAL_SOURCE } from './archive.kinds';
import * as repo from './archive.repo';
import type { ArchiveFileRef } from './contributor';

export type Edited = Partial<Record<'title' | 'selfMadeTitle' | 'responsible' | 'docNo' | 'date' | 'secrecy' | 'pages' | 'retention' | 'orgCode' | 'remarks' | 'boxNo' | '_orphan', boolean>>;

export const editedOf = (r: repo.ItemRow): Edited => JSON.parse(r.edited_json) as Edited;
export const filesOf = (r: repo.ItemRow): (ArchiveFileRef & { pages?: number | null })[] => JSON.parse(r.files_json) as ArchiveFileRef[];

export function classLabel(cfg: ArchiveConfig, s: Settings, retention: Retention, orgCode: string): string {
  const org = orgCode ? `${orgCode} ${s.orgCodes.find((o) => o.code === orgCode)?.name ?? ''}`.trim() : '';
  const r = RETENTION_LABELS[retention];
  if (cfg.scheme === 'year-retention') return r;
  if (cfg.scheme === 'year-org-retention') return [org || '（未定机构）', r].join(' · ');
  return [r, org || '（未定机构）'].join(' · ');
}

/** Class order: retention Y, D30, D10 and 机构(问题) in the order of the 设置 list, as the scheme nests them. */
function classSort(cfg: ArchiveConfig, s: Settings) {
  const orgIndex = (code: string) => {
    const i = s.orgCodes.findIndex((o) => o.code === code);
    return i < 0 ? 999 : i;
  };
  return (a: repo.ItemRow, b: repo.ItemRow): number => {
    const r = RETENTION_CODES.indexOf(a.retention) - RETENTION_CODES.indexOf(b.retention);
    const o = cfg.scheme === 'year-retention' ? 0 : orgIndex(a.org_code) - orgIndex(b.org_code) || a.org_code.localeCompare(b.org_code);
    const first = cfg.scheme === 'year-org-retention' ? o || r : r || o;
    if (first) return first;
    // Numbered items in 件号 order, unnumbered after them in the clerk's order.
    if (a.item_no !== null && b.item_no !== null) return a.item_no - b.item_no;
    if (a.item_no !== null) return -1;
    if (b.item_no !== null) return 1;
    return a.sort_order - b.sort_order || a.id - b.id;
  };
}

/** Rows in catalogue order: classes in scheme order, numbered first in 件号 order, then the clerk's order. */
export const catalogueOrder = (cfg: ArchiveConfig, s: Settings, rows: readonly repo.ItemRow[]): repo.ItemRow[] => [...rows].sort(classSort(cfg, s));

/** The items that are 件 in the catalogue: not excluded, not merged into another. */
export const isCatalogued = (r: repo.ItemRow): boolean => r.excluded === 0 && r.merged_into_id === null;

export function itemPages(r: repo.ItemRow, parts: readonly repo.ItemRow[]): number | null {
  if (r.pages === null) return null;
  let n = r.pages;
  for (const p of parts) {
    if (p.pages === null) return null;
    n += p.pages;
  }
  return n;
}

export function buildView(db: DB, year: number, s: Settings): ArchiveYearView {
  const cfg = getArchiveConfig(db);
  const y = repo.getYear(db, year);
  const rows = repo.listItems(db, year);
  const partsOf = new Map<number, repo.ItemRow[]>();
  for (const r of rows) if (r.merged_into_id !== null) partsOf.set(r.merged_into_id, [...(partsOf.get(r.merged_into_id) ?? []), r]);
  const sorted = catalogueOrder(cfg, s, rows);
  // Boxes: a new box at each class change (classes never share a box) or when the limit is reached; an
  // item's own 盒号 (the clerk's edit) restarts the count from there.
  const boxOf = new Map<number, number>();
  let box = 0;
  let inBox = 0;
  let lastClass: string | null = null;
  for (const r of sorted) {
    if (!isCatalogued(r) || r.item_no === null) continue;
    const ck = classKey(cfg.scheme, r.retention, r.org_code);
    const amount = cfg.boxBy === 'pages' ? (itemPages(r, partsOf.get(r.id) ?? []) ?? 0) : 1;
    if (r.box_no !== null) {
      box = r.box_no;
      inBox = 0;
    } else if (ck !== lastClass || box === 0 || inBox + amount > cfg.boxLimit) {
      box += 1;
      inBox = 0;
    }
    inBox += amount;
    lastClass = ck;
    boxOf.set(r.id, box);
  }
  const items: ArchiveItem[] = sorted.map((r) => {
    const parts = partsOf.get(r.id) ?? [];
    const kind = kindById(r.kind);
    const edited = editedOf(r);
    return {
      id: r.id,
      sourceKey: r.source_key,
      source: kind?.source ?? MANUAL_SOURCE,
      kind: r.kind,
      kindLabel: kind?.label ?? r.kind,
      title: r.title,
      selfMadeTitle: r.self_made_title === 1,
      responsible: r.responsible,
      docNo: r.doc_no,
      date: r.date,
      secrecy: r.secrecy,
      pages: itemPages(r, parts),
      retention: r.retention,
      orgCode: r.org_code,
      remarks: r.remarks,
      excluded: r.excluded === 1,
      mergedIntoId: r.merged_into_id,
      parts: parts.map((p) => ({ id: p.id, title: p.title })),
      order: r.sort_order,
      classKey: classKey(cfg.scheme, r.retention, r.org_code),
      classLabel: classLabel(cfg, s, r.retention, r.org_code),
      itemNo: r.item_no,
      archiveCode: r.archive_code,
      boxNo: boxOf.get(r.id) ?? null,
      files: [...filesOf(r), ...parts.flatMap(filesOf)].map((f) => ({ sha256: f.sha256, name: f.name, mime: f.mime, pages: f.pages ?? null })),
      manual: r.source_key.startsWith('manual:'),
      orphan: edited._orphan === true,
    };
  });
  const classes = new Map<string, { key: string; label: string; count: number; pages: number }>();
  for (const it of items) {
    if (it.excluded || it.mergedIntoId !== null) continue;
    const c = classes.get(it.classKey) ?? { key: it.classKey, label: it.classLabel, count: 0, pages: 0 };
    c.count += 1;
    c.pages += it.pages ?? 0;
    classes.set(it.classKey, c);
  }
  const manifests = repo.listManifests(db, year).map((m) => ({
    version: m.version,
    sealedAt: m.sealed_at,
    sealedBy: m.sealed_by,
    reason: m.reason,
    yearSha256: m.year_sha256,
    itemCount: (JSON.parse(m.items_json) as unknown[]).length,
    unsealedAt: m.unsealed_at,
    unsealReason: m.unseal_reason,
  }));
  const catalogued = items.filter((i) => !i.excluded && i.mergedIntoId === null);
  return {
    year,
    state: y?.sealed_at ? 'sealed' : y?.numbered_at ? 'numbered' : 'draft',
    numberedAt: y?.numbered_at ?? null,
    sealedAt: y?.sealed_at ?? null,
    items,
    classes: [...classes.values()],
    manifests,
    totals: {
      items: catalogued.length,
      pages: catalogued.reduce((n, i) => n + (i.pages ?? 0), 0),
      excluded: items.filter((i) => i.excluded).length,
      boxes: new Set(catalogued.map((i) => i.boxNo).filter((b) => b !== null)).size,
    },
  };
}
