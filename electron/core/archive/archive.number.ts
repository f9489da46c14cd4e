/**
 * 编号: every 件 of the year gets its 件号 (four digits, restarting in each lowest class) and 档号. Numbers come
 * from counters that only grow, so a number once given is never given again — also after an item was
 * excluded or moved to another class (it then gets a new number, and the old one stays a visible gap).
 * Pages of records printed as documents are counted first (rendered through the PdfPort), outside the
 * transaction; the numbers themselves are written in one transaction, so a crash leaves the year as it was.
 */
import type { ArchiveYearView } from '../../../shared/contract/archive';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { getSettings } from '../settings/settings.service';
import { archiveCode, classKey } from './archive-code';
import { getArchiveConfig } from './archive.config';
import { assertOpen, planYear } from './archive.plan';
import { renderMany } from './archive.batch-render';
import { itemRenderer } from './archive.render';
import * as repo from './archive.repo';
import { buildView, editedOf, isCatalogued } from './archive.view';

async function countRenderedPages(ctx: AppContext, year: number): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  const pdf = ctx.ports.pdf;
  if (!pdf) return out;
  const render = itemRenderer(ctx, year);
  const todo: { id: number; scans: number; html: string }[] = [];
  for (const r of repo.listItems(ctx.db, year)) {
    if (r.excluded || r.pages !== null || editedOf(r).pages) continue;
    const html = render(r);
    if (html === null) continue;
    todo.push({ id: r.id, html, scans: (JSON.parse(r.files_json) as { pages?: number | null }[]).reduce((n, f) => n + (f.pages ?? 0), 0) });
  }
  const docs = await renderMany(pdf, todo.map((t) => t.html));
  todo.forEach((t, i) => out.set(t.id, docs[i]!.count + t.scans));
  return out;
}

export async function numberYear(ctx: AppContext, year: number): Promise<{ numbered: number; view: ArchiveYearView }> {
  const db = ctx.db;
  const s = getSettings(ctx);
  if (!s.fondsCode) throw new AppError('VALIDATION', '请先在 设置 中填写全宗号（例如 Z109），档号以它开头。');
  assertOpen(ctx, year);
  await planYear(ctx, year);
  const pages = await countRenderedPages(ctx, year);
  const cfg = getArchiveConfig(db);
  let numbered = 0;
  db.transaction(() => {
    assertOpen(ctx, year);
    const now = ctx.clock().toISOString();
    for (const [id, n] of pages) repo.setPages(db, id, n, now);
    // The view's order is the catalogue order: classes in scheme order, numbered first, then the clerk's order.
    const view = buildView(db, year, s);
    const rows = new Map(repo.listItems(db, year).map((r) => [r.id, r]));
    for (const it of view.items) {
      const r = rows.get(it.id)!;
      if (!isCatalogued(r)) continue;
      const ck = classKey(cfg.scheme, r.retention, r.org_code);
      if (cfg.scheme !== 'year-retention' && !r.org_code) {
        throw new AppError('VALIDATION', `「${r.title}」没有机构（问题）代码，不能编号。请在列表中为它选择机构（问题），或在 设置 → 归档 为这类文件设定默认机构。`);
      }
      let no = r.item_no;
      if (no === null || r.class_key !== ck) {
        no = repo.takeItemNo(db, year, ck);
        numbered += 1;
      }
      const code = archiveCode(cfg.codeStyle, cfg.scheme, { fondsCode: s.fondsCode, categoryCode: cfg.categoryCode, year, retention: r.retention, orgCode: r.org_code, itemNo: no });
      if (no !== r.item_no || code !== r.archive_code || ck !== r.class_key) repo.setNumber(db, r.id, ck, no, code, now);
    }
    repo.setNumberedAt(db, year, now);
    writeAudit(db, ctx.actor(), ctx.clock(), { action: 'archive.number', entity: 'archive', entityId: year, after: { numbered } });
  })();
  return { numbered, view: buildView(db, year, s) };
}
