/**
 * 封存: checks, then — after a backup — one transaction that stores the year's manifest (a SHA-256 per item
 * over its data and its files' bytes, and one for the year) and creates the read-only triggers on the items
 * and on every contributor's source tables. `verify` recomputes everything and names each difference.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ArchiveCheck, VerifyResult } from '../../../shared/contract/archive';
import { archiveContributors } from '../archive-registry';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import type { DB } from '../db/open';
import { AppError } from '../errors';
import { blobPath } from '../files/attachments';
import { getSettings } from '../settings/settings.service';
import { assertOpen } from './archive.plan';
import * as repo from './archive.repo';
import { filesOf, isCatalogued } from './archive.view';

export function checkYear(ctx: AppContext, year: number): ArchiveCheck[] {
  const db = ctx.db;
  const out: ArchiveCheck[] = [];
  const rows = repo.listItems(db, year);
  const catalogued = rows.filter(isCatalogued);
  if (!catalogued.length) out.push({ code: 'empty', message: `${year} 年度没有要归档的文件。`, itemId: null });
  if (!getSettings(ctx).fondsCode) out.push({ code: 'fonds', message: '设置中还没有填写全宗号。', itemId: null });
  for (const r of catalogued) {
    if (r.item_no === null) out.push({ code: 'unnumbered', message: `「${r.title}」还没有编号。`, itemId: r.id });
    const parts = rows.filter((p) => p.merged_into_id === r.id);
    if (r.pages === null || parts.some((p) => p.pages === null)) out.push({ code: 'pages', message: `「${r.title}」没有页数。`, itemId: r.id });
  }
  const byClass = new Map<string, Set<number>>();
  for (const r of catalogued) if (r.item_no !== null && r.class_key) byClass.set(r.class_key, (byClass.get(r.class_key) ?? new Set()).add(r.item_no));
  for (const [ck, nos] of byClass) {
    const last = repo.lastItemNo(db, year, ck);
    const missing: number[] = [];
    for (let n = 1; n <= last; n++) if (!nos.has(n)) missing.push(n);
    if (missing.length) {
      out.push({ code: 'gap', message: `${ck.replace('/', ' · ')} 类的件号有空缺：${missing.map((n) => String(n).padStart(4, '0')).join('、')}（这些号已用过，不再使用）。`, itemId: null });
    }
  }
  const bySource = new Map(rows.map((r) => [r.source_key, r.id]));
  for (const c of archiveContributors) {
    for (const p of c.checks?.(db, year) ?? []) out.push({ code: 'record', message: p.message, itemId: p.sourceKey ? (bySource.get(p.sourceKey) ?? null) : null });
  }
  return out;
}

interface ItemHash {
  id: number;
  archiveCode: string | null;
  title: string;
  dataSha256: string;
  files: { sha256: string; name: string; contentSha256: string | null }[];
  sha256: string;
}

const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

function fileContentHash(filesDir: string, sha256: string): string | null {
  try {
    return sha(fs.readFileSync(blobPath(filesDir, sha256)));
  } catch {
    return null;
  }
}

/** The hash of one 件: its catalogue fields and data, its parts, and the bytes of every file. */
function hashItem(filesDir: string, r: repo.ItemRow, parts: readonly repo.ItemRow[]): ItemHash {
  const fields = (x: repo.ItemRow) => ({
    sourceKey: x.source_key,
    archiveCode: x.archive_code,
    itemNo: x.item_no,
    title: x.title,
    selfMadeTitle: x.self_made_title,
    responsible: x.responsible,
    docNo: x.doc_no,
    date: x.date,
    secrecy: x.secrecy,
    pages: x.pages,
    retention: x.retention,
    orgCode: x.org_code,
    remarks: x.remarks,
    data: x.data_json,
  });
  const dataSha256 = sha(JSON.stringify([fields(r), ...parts.map(fields)]));
  const files = [r, ...parts].flatMap(filesOf).map((f) => ({ sha256: f.sha256, name: f.name, contentSha256: fileContentHash(filesDir, f.sha256) }));
  return { id: r.id, archiveCode: r.archive_code, title: r.title, dataSha256, files, sha256: sha(dataSha256 + files.map((f) => `${f.sha256}:${f.contentSha256 ?? 'missing'}`).join('|')) };
}

function hashYear(db: DB, filesDir: string, year: number): { items: ItemHash[]; yearSha256: string } {
  const rows = repo.listItems(db, year);
  const items = rows.filter(isCatalogued).map((r) => hashItem(filesDir, r, rows.filter((p) => p.merged_into_id === r.id)));
  items.sort((a, b) => (a.archiveCode ?? '').localeCompare(b.archiveCode ?? '') || a.id - b.id);
  return { items, yearSha256: sha(`${year}\n${items.map((i) => i.sha256).join('\n')}`) };
}

const SEAL_TABLE = { table: 'archive_items', yearExpr: 'year', label: '归档文件' };

export async function sealYear(ctx: AppContext, year: number, reason?: string): Promise<{ version: number; yearSha256: string; items: number }> {
  assertOpen(ctx, year);
  const problems = checkYear(ctx, year);
  if (problems.some((p) => p.code === 'empty')) throw new AppError('VALIDATION', `${year} 年度没有要归档的文件，无法封存。`);
  if (problems.some((p) => p.code === 'unnumbered')) throw new AppError('VALIDATION', `${year} 年度还有未编号的文件，请先编号。`);
  if (problems.length && !reason) {
    throw new AppError('VALIDATION', `封存前检查发现 ${problems.length} 个问题，未封存。请先处理，或填写原因后仍然封存：\n${problems.map((p) => `· ${p.message}`).join('\n')}`, { problems });
  }
  await ctx.backup('pre-archive');
  const db = ctx.db;
  return db.transaction(() => {
    assertOpen(ctx, year);
    const { items, yearSha256 } = hashYear(db, ctx.paths.filesDir, year);
    const at = ctx.clock().toISOString();
    const version = repo.insertManifest(db, { year, sealed_at: at, sealed_by: ctx.actor() || '未署名', reason: reason ?? null, year_sha256: yearSha256, items_json: JSON.stringify(items) });
    repo.setSealed(db, year, at, reason ?? null, at);
    for (const t of [SEAL_TABLE, ...archiveContributors.flatMap((c) => c.sealTargets ?? [])]) {
      repo.createSealTriggers(db, year, t.table, t.yearExpr, `${year} 年度已封存，不能修改${t.label}。如确需修改，请先在「年度归档」解除封存（需填写原因）。`);
    }
    writeAudit(db, ctx.actor(), ctx.clock(), { action: 'archive.seal', entity: 'archive', entityId: year, after: { version, yearSha256, items: items.length, reason: reason ?? null, problems: problems.map((p) => p.message) } });
    return { version, yearSha256, items: items.length };
  })();
}

export function unsealYear(ctx: AppContext, year: number, reason: string): boolean {
  const db = ctx.db;
  return db.transaction(() => {
    const y = repo.getYear(db, year);
    if (!y?.sealed_at) throw new AppError('VALIDATION', `${year} 年度没有封存。`);
    const at = ctx.clock().toISOString();
    repo.dropSealTriggers(db, year);
    repo.setSealed(db, year, null, null, at);
    repo.markManifestUnsealed(db, year, at, reason);
    writeAudit(db, ctx.actor(), ctx.clock(), { action: 'archive.unseal', entity: 'archive', entityId: year, after: { reason } });
    return true;
  })();
}

/** Recomputes the year against its newest manifest; every difference names its item. */
export function verifyYear(ctx: AppContext, year: number): VerifyResult {
  const db = ctx.db;
  const manifest = repo.listManifests(db, year)[0];
  if (!manifest) return { ok: false, version: null, yearSha256: null, differences: [{ itemId: null, archiveCode: null, title: '', message: `${year} 年度还没有封存过，没有可核对的清单。` }] };
  const sealed = JSON.parse(manifest.items_json) as ItemHash[];
  const now = hashYear(db, ctx.paths.filesDir, year);
  const differences: VerifyResult['differences'] = [];
  const current = new Map(now.items.map((i) => [i.id, i]));
  for (const was of sealed) {
    const is = current.get(was.id);
    const d = (message: string) => differences.push({ itemId: was.id, archiveCode: was.archiveCode, title: was.title, message });
    if (!is) {
      d('这件文件已不在归档中（被删除、不归档或并入其他件）。');
      continue;
    }
    current.delete(was.id);
    if (is.dataSha256 !== was.dataSha256) d('著录数据与封存时不一致（档号、题名、页数或记录内容被改动）。');
    for (const f of was.files) {
      const nf = is.files.find((x) => x.sha256 === f.sha256);
      if (!nf) d(`文件「${f.name}」已不在这件中。`);
      else if (nf.contentSha256 === null) d(`文件「${f.name}」在数据文件夹中找不到。`);
      else if (nf.contentSha256 !== f.contentSha256) d(`文件「${f.name}」的内容与封存时不一致。`);
    }
    for (const f of is.files) if (!was.files.some((x) => x.sha256 === f.sha256)) d(`多了封存时没有的文件「${f.name}」。`);
  }
  for (const is of current.values()) differences.push({ itemId: is.id, archiveCode: is.archiveCode, title: is.title, message: '封存后新增的文件。' });
  // The live source records of frozen record types must still say what the items hold.
  const rows = new Map(repo.listItems(db, year).map((r) => [r.source_key, r]));
  for (const c of archiveContributors) {
    if (!c.sealTargets?.length) continue;
    for (const draft of c.items(db, year)) {
      const r = rows.get(draft.sourceKey);
      if (r && isCatalogued(r) && JSON.stringify(draft.data ?? null) !== r.data_json) {
        differences.push({ itemId: r.id, archiveCode: r.archive_code, title: r.title, message: `来源记录（${c.label}）与封存时不一致。` });
      }
    }
  }
  const y = repo.getYear(db, year);
  if (y?.sealed_at && repo.sealTriggerNames(db, year).length === 0) {
    differences.push({ itemId: null, archiveCode: null, title: '', message: '封存的只读保护（数据库触发器）不见了。' });
  }
  if (!differences.length && now.yearSha256 !== manifest.year_sha256) {
    differences.push({ itemId: null, archiveCode: null, title: '', message: '年度校验值与封存时不一致。' });
  }
  return { ok: differences.length === 0, version: manifest.version, yearSha256: now.yearSha256, differences };
}
