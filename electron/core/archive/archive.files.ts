/**
 * The files of archive items: scans the clerk attaches (PDF, JPEG, PNG only: what a binder can hold) and the
 * pages they have. pdf-lib reads the page count from the file itself; an image is one page.
 */
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import type { AppContext } from '../context';
import type { DB } from '../db/open';
import { AppError } from '../errors';
import { blobPath, inspectFile, storeFile } from '../files/attachments';
import { BINDABLE_MIMES, type ArchiveFileRef } from './contributor';
import { recordBlob } from '../files/blobs.repo';
import { cachedPages, cachePages } from './archive.repo';

const MAX_BYTES = 200 * 1024 * 1024;

/** Pages of a PDF or image; a file pdf-lib cannot read is refused here, when it is attached, not at print. */
export async function countPages(bytes: Uint8Array, mime: string, label: string): Promise<number> {
  if (mime !== 'application/pdf') {
    // The binder embeds the image with pdf-lib: a damaged one is refused now, not when the binder prints.
    try {
      const doc = await PDFDocument.create();
      if (mime === 'image/png') await doc.embedPng(bytes);
      else await doc.embedJpg(bytes);
    } catch {
      throw new AppError('VALIDATION', `「${label}」不是可读的${mime === 'image/png' ? ' PNG' : ' JPEG'} 图片（可能已损坏），未添加。`);
    }
    return 1;
  }
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    const n = doc.getPageCount();
    if (n < 1) throw new Error('no pages');
    return n;
  } catch {
    throw new AppError('VALIDATION', `「${label}」不是可读的 PDF 文件（可能已损坏或加密），未添加。请重新扫描或另存为 PDF 后再添加。`);
  }
}

export interface CheckedUpload {
  label: string;
  mime: ArchiveFileRef['mime'];
  pages: number;
  path: string;
}

/** Type (sniffed from the bytes) and pages of a chosen file; nothing is stored. */
export async function inspectArchiveUpload(ctx: AppContext, token: string): Promise<CheckedUpload> {
  const f = ctx.files.resolve(token);
  const info = inspectFile(f.path, f.fileName, MAX_BYTES);
  if (!BINDABLE_MIMES.has(info.type.mime)) {
    throw new AppError('VALIDATION', `「${info.label}」是${info.type.kind}，归档文件只能是 PDF、JPEG 或 PNG（扫描件或照片）。`);
  }
  const pages = await countPages(fs.readFileSync(f.path), info.type.mime, info.label);
  return { label: info.label, mime: info.type.mime as ArchiveFileRef['mime'], pages, path: f.path };
}

/** Copies checked uploads into the file store (before the transaction: file copies cannot roll back). */
export async function storeArchiveUploads(ctx: AppContext, tokens: readonly string[]): Promise<(ArchiveFileRef & { pages: number; sizeBytes: number })[]> {
  const out: (ArchiveFileRef & { pages: number; sizeBytes: number })[] = [];
  for (const token of tokens) {
    const checked = await inspectArchiveUpload(ctx, token);
    const stored = await storeFile(ctx.paths.filesDir, checked.path, checked.label, MAX_BYTES);
    out.push({ sha256: stored.sha256, name: stored.label, mime: checked.mime, pages: checked.pages, sizeBytes: stored.sizeBytes });
  }
  return out;
}

/** Records stored uploads in file_blobs and the page cache (inside the caller's transaction). */
export function recordUploads(db: DB, files: readonly (ArchiveFileRef & { pages: number; sizeBytes: number })[], now: string): void {
  for (const f of files) {
    recordBlob(db, f, now);
    cachePages(db, f.sha256, f.pages);
  }
}

/** Pages of a stored file: the cache, else counted from the file (a missing or unreadable file: null). */
export async function storedPages(db: DB, filesDir: string, f: ArchiveFileRef): Promise<number | null> {
  const cached = cachedPages(db, f.sha256);
  if (cached !== undefined) return cached;
  try {
    const n = await countPages(fs.readFileSync(blobPath(filesDir, f.sha256)), f.mime, f.name);
    cachePages(db, f.sha256, n);
    return n;
  } catch {
    return null;
  }
}

export const readStored = (filesDir: string, sha256: string): Buffer => fs.readFileSync(blobPath(filesDir, sha256));
