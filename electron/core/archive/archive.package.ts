/**
 * The archive package: one .zip per year for the archive room or the upper-level union — the binder PDFs,
 * the catalogue .xlsx, each item's data as JSON with its original files, and the manifest (newest seal).
 * manifest.json lists the SHA-256 of every other entry, so `verifyPackage` can check a package it is given.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { FileRef } from '../../../shared/contract/app';
import { RETENTION_CODES } from '../../../shared/domain/archive-labels';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { safeFileName } from '../files/file-store';
import { getSettings } from '../settings/settings.service';
import { binderPdf } from './archive.binder';
import { readStored } from './archive.files';
import { catalogued, writeCatalogueXlsx } from './archive.print';
import * as repo from './archive.repo';
import { buildView } from './archive.view';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const safe = (s: string) => safeFileName(s).slice(0, 80);

export async function packageBytes(ctx: AppContext, year: number): Promise<Uint8Array> {
  const v = buildView(ctx.db, year, getSettings(ctx));
  const items = catalogued(v);
  if (!items.length) throw new AppError('VALIDATION', `${year} 年度没有已编号的归档文件，不能导出归档包。`);
  const entries: Record<string, Uint8Array> = {};
  for (const r of RETENTION_CODES) {
    if (!catalogued(v, r).length) continue;
    entries[`${year}-${r}-归档文件.pdf`] = await binderPdf(ctx, year, r);
  }
  const xlsx = ctx.files.createOutput('catalogue.xlsx');
  await writeCatalogueXlsx(ctx, year, xlsx.path);
  entries[`${year}-归档文件目录.xlsx`] = fs.readFileSync(xlsx.path);
  fs.rmSync(xlsx.path, { force: true });
  const rows = new Map(repo.listItems(ctx.db, year).map((r) => [r.id, r]));
  for (const it of items) {
    const dir = `items/${it.archiveCode ?? it.id}`;
    const parts = [it.id, ...it.parts.map((p) => p.id)].map((id) => rows.get(id)!);
    entries[`${dir}/item.json`] = strToU8(JSON.stringify({ ...it, data: parts.map((p) => JSON.parse(p.data_json) as unknown) }, null, 2));
    it.files.forEach((f, n) => {
      entries[`${dir}/${String(n + 1).padStart(2, '0')}-${safe(f.name)}`] = readStored(ctx.paths.filesDir, f.sha256);
    });
  }
  const manifest = repo.listManifests(ctx.db, year)[0];
  const files = Object.fromEntries(Object.entries(entries).map(([k, b]) => [k, sha(b)]));
  entries['manifest.json'] = strToU8(
    JSON.stringify({ year, fondsCode: getSettings(ctx).fondsCode, sealed: manifest ? { version: manifest.version, sealedAt: manifest.sealed_at, yearSha256: manifest.year_sha256, items: JSON.parse(manifest.items_json) as unknown } : null, files }, null, 2),
  );
  return zipSync(entries as Zippable, { level: 6 });
}

export async function exportPackage(ctx: AppContext, year: number): Promise<FileRef> {
  const bytes = await packageBytes(ctx, year);
  const out = ctx.files.createOutput(`${year}年度归档包.zip`);
  fs.writeFileSync(out.path, bytes);
  return out.ref();
}

/** Larger packages are not from this app's archive: refused before anything is inflated (a zip bomb states its size). */
const MAX_ENTRY_BYTES = 1024 ** 3;
const MAX_TOTAL_BYTES = 4 * 1024 ** 3;

export interface PackageCheck {
  ok: boolean;
  year: number | null;
  differences: string[];
}

/** Every entry against manifest.json: the differences, by entry name. */
export function verifyPackage(bytes: Uint8Array): PackageCheck {
  let files: Record<string, Uint8Array>;
  let declared = 0;
  let tooLarge = false;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        declared += f.originalSize;
        if (f.originalSize > MAX_ENTRY_BYTES || declared > MAX_TOTAL_BYTES) tooLarge = true;
        return !tooLarge;
      },
    });
  } catch {
    return { ok: false, year: null, differences: ['不是可读的 .zip 归档包。'] };
  }
  if (tooLarge) return { ok: false, year: null, differences: ['归档包中的文件大得不合常理，不是本程序导出的归档包。'] };
  const m = files['manifest.json'];
  if (!m) return { ok: false, year: null, differences: ['归档包中没有 manifest.json。'] };
  let manifest: { year?: unknown; files?: unknown };
  try {
    manifest = JSON.parse(Buffer.from(m).toString('utf8')) as typeof manifest;
  } catch {
    return { ok: false, year: null, differences: ['归档包的 manifest.json 不是可读的清单。'] };
  }
  const listed = manifest.files && typeof manifest.files === 'object' ? (manifest.files as Record<string, unknown>) : null;
  const year = typeof manifest.year === 'number' ? manifest.year : null;
  if (!listed) return { ok: false, year, differences: ['归档包的 manifest.json 中没有文件清单。'] };
  const differences: string[] = [];
  for (const [name, hash] of Object.entries(listed)) {
    const b = files[name];
    if (!b) differences.push(`缺少「${name}」。`);
    else if (typeof b.length !== 'number' || sha(b) !== hash) differences.push(`「${name}」的内容与清单不一致。`);
  }
  for (const name of Object.keys(files)) if (name !== 'manifest.json' && !(name in listed)) differences.push(`多了清单中没有的「${name}」。`);
  return { ok: differences.length === 0, year, differences };
}

/** A package the clerk was given (a file token from the open dialog or an upload). */
export function verifyPackageFile(ctx: AppContext, token: string): PackageCheck {
  return verifyPackage(fs.readFileSync(ctx.files.resolve(token).path));
}
