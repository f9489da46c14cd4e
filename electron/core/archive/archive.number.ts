/**
 * 编号: every 件 of the year gets its 件号 (four digits, restarting in each lowest class) and 档号. Numbers come
 * from counters that only grow, so a number once given is never given again — also after an item was
 * excluded or moved to another class (it then gets a new number, and the old one stays a visible gap).
 *
 * The main process must not stall (issue 15 item 16: in Electron it draws nothing while busy), and data must
 * not be half-numbered, so the work is in two steps: everything is worked out first, in memory and with turns
 * of the event loop (pages of records printed as documents counted through the PdfPort, the numbers and 档号
 * of every item), then written in one short transaction. The transaction writes only if nothing was written
 * to the database since the reading began (repo.writeMark); otherwise the clerk changed something during the
 * turns (an exclusion, a class) and the work is done again from the new state. A crash or an error at any
 * point leaves the year exactly as it was.
 */
import type { ArchiveYearView } from '../../../shared/contract/archive';
import type { Settings } from '../../../shared/contract/settings';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { pacer } from '../pace';
import { getSettings } from '../settings/settings.service';
import { archiveCode, classKey } from './archive-code';
import { getArchiveConfig } from './archive.config';
import { assertOpen, planItems } from './archive.plan';
import { renderMany } from './archive.batch-render';
import { itemRenderer } from './archive.render';
import * as repo from './archive.repo';
import { buildView, catalogueOrder, editedOf, isCatalogued } from './archive.view';
import { throwIfCancelled } from '../jobs';
import type { ThreadJob } from '../threads/run-in-thread';

/** Attempts before giving up when the year keeps changing under the numbering. */
const ATTEMPTS = 3;

export const NUMBER_CANCELLED = '已取消编号，没有更改任何数据。';

/**
 * What the window sees of a 编号 (a few seconds for a year of a thousand 件): progress, and 取消 heard at every
 * turn before the one short write — after it there is nothing left to stop.
 */
type NumberJob = ThreadJob;

const checkCancel = (job: NumberJob | undefined) => throwIfCancelled(job?.signal, NUMBER_CANCELLED);

async function countRenderedPages(ctx: AppContext, year: number, rows: readonly repo.ItemRow[], pace: () => Promise<void>, job?: NumberJob): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  const pdf = ctx.ports.pdf;
  if (!pdf) return out;
  const render = itemRenderer(ctx, year);
  const todo: { id: number; scans: number; html: string }[] = [];
  const due = rows.filter((r) => !r.excluded && r.pages === null && !editedOf(r).pages);
  for (const [i, r] of due.entries()) {
    const html = render(r);
    job?.progress('正在准备页数统计', i + 1, due.length);
    await pace();
    checkCancel(job);
    if (html === null) continue;
    todo.push({ id: r.id, html, scans: (JSON.parse(r.files_json) as { pages?: number | null }[]).reduce((n, f) => n + (f.pages ?? 0), 0) });
  }
  // A cancel between print batches: renderMany stops at the throw, and nothing has been written.
  const docs = await renderMany(pdf, todo.map((t) => t.html), (done) => {
    job?.progress('正在统计页数', done, todo.length);
    checkCancel(job);
  });
  todo.forEach((t, i) => out.set(t.id, docs[i]!.count + t.scans));
  return out;
}

/** What one 编号 writes: page counts, each changed item's class, 件号 and 档号, and the classes' counters. */
interface Numbering {
  pages: Map<number, number>;
  numbers: { id: number; classKey: string; itemNo: number; code: string }[];
  counters: Map<string, number>;
  numbered: number;
}

/** The numbers of the year in catalogue order, from rows as read (pure: no database access). */
function assignNumbers(ctx: AppContext, year: number, s: Settings, rows: readonly repo.ItemRow[], counters: Map<string, number>): Omit<Numbering, 'pages'> {
  const cfg = getArchiveConfig(ctx.db);
  const next = new Map(counters);
  const numbers: Numbering['numbers'] = [];
  let numbered = 0;
  // The catalogue order: classes in scheme order, numbered first, then the clerk's order (as the view shows it).
  for (const r of catalogueOrder(cfg, s, rows)) {
    if (!isCatalogued(r)) continue;
    const ck = classKey(cfg.scheme, r.retention, r.org_code);
    if (cfg.scheme !== 'year-retention' && !r.org_code) {
      throw new AppError('VALIDATION', `「${r.title}」没有机构（问题）代码，不能编号。请在列表中为它选择机构（问题），或在 设置 → 归档 为这类文件设定默认机构。`);
    }
    let no = r.item_no;
    if (no === null || r.class_key !== ck) {
      no = (next.get(ck) ?? 0) + 1;
      next.set(ck, no);
      numbered += 1;
    }
    const code = archiveCode(cfg.codeStyle, cfg.scheme, { fondsCode: s.fondsCode, categoryCode: cfg.categoryCode, year, retention: r.retention, orgCode: r.org_code, itemNo: no });
    if (no !== r.item_no || code !== r.archive_code || ck !== r.class_key) numbers.push({ id: r.id, classKey: ck, itemNo: no, code });
  }
  const changed = new Map([...next].filter(([k, n]) => counters.get(k) !== n));
  return { numbers, counters: changed, numbered };
}

/** Works the numbering out from the year as it is now; reads only, with turns of the event loop. */
async function workOut(ctx: AppContext, year: number, s: Settings, job?: NumberJob): Promise<Numbering> {
  const pace = pacer(10);
  const rows = repo.listItems(ctx.db, year);
  await pace();
  const pages = await countRenderedPages(ctx, year, rows, pace, job);
  await pace();
  checkCancel(job);
  // The numbers see the counted pages as the transaction will have written them (boxes do not matter here).
  const counted = rows.map((r) => (pages.has(r.id) ? { ...r, pages: pages.get(r.id)! } : r));
  return { pages, ...assignNumbers(ctx, year, s, counted, repo.listCounters(ctx.db, year)) };
}

export async function numberYear(ctx: AppContext, year: number, job?: NumberJob): Promise<{ numbered: number; view: ArchiveYearView }> {
  const db = ctx.db;
  const s = getSettings(ctx);
  if (!s.fondsCode) throw new AppError('VALIDATION', '请先在 设置 中填写全宗号（例如 Z109），档号以它开头。');
  for (let attempt = 1; ; attempt++) {
    assertOpen(ctx, year);
    job?.progress('正在收集本年度文件', 0, null, true);
    await planItems(ctx, year);
    checkCancel(job);
    const mark = repo.writeMark(db);
    const n = await workOut(ctx, year, s, job);
    job?.progress('正在写入编号', n.numbers.length, n.numbers.length, true);
    // IMMEDIATE: the write lock is held from the check on, so no other connection can commit after it.
    const written = db.transaction(() => {
      if (repo.writeMark(db) !== mark) return false;
      assertOpen(ctx, year);
      const now = ctx.clock().toISOString();
      for (const [id, pages] of n.pages) repo.setPages(db, id, pages, now);
      for (const [ck, last] of n.counters) repo.raiseCounter(db, year, ck, last);
      for (const x of n.numbers) repo.setNumber(db, x.id, x.classKey, x.itemNo, x.code, now);
      repo.setNumberedAt(db, year, now);
      writeAudit(db, ctx.actor(), ctx.clock(), { action: 'archive.number', entity: 'archive', entityId: year, after: { numbered: n.numbered } });
      return true;
    }).immediate();
    if (written) return { numbered: n.numbered, view: buildView(db, year, s) };
    if (attempt >= ATTEMPTS) throw new AppError('CONFLICT', `编号期间 ${year} 年度的数据一直在变动，没有编号。请稍后再点「编号」。`);
    ctx.logger.info('archive numbering: the database changed while numbers were worked out; starting again', { year, attempt });
  }
}
