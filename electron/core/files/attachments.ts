/**
 * Attachment files (scans, photos, PDFs, Word files) kept inside the data folder.
 *
 * Layout: files/ab/abcdef….bin — the SHA-256 of the content names the file, so the same scan attached twice is
 * stored once, and a name someone typed or uploaded (../../x, C:\x, CON, NUL bytes) never becomes a location:
 * it is only a label in the database.
 *
 * Backups. The online backup (db/backup.ts) copies the database, not this folder. Files and database stay
 * consistent because stored files are immutable and never deleted by the app: removing an attachment or its
 * record only marks the database row, the file stays. A database backup from any day therefore still finds
 * every file it references, and restoring it brings the attachments back with the records, without copying
 * gigabytes of scans on every backup. Damage from outside (someone deleting files/ by hand) is what
 * `ledger check` looks for: it reports every file the live database — and every backup in backups/ —
 * references but the folder lacks. Moving to another computer means copying the whole data folder;
 * a lone exported .sqlite carries the records but not the files.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors';
import { extensionOf, isExecutableName, sanitizeLabel, sniffType, type FileType } from './file-types';

export interface StoredBlob {
  sha256: string;
  sizeBytes: number;
  type: FileType;
}

export interface InspectedFile {
  label: string;
  sizeBytes: number;
  type: FileType;
}

const HEAD = 8192;
const TAIL = 65536;
const SHA = /^[0-9a-f]{64}$/;

export function blobPath(filesDir: string, sha256: string): string {
  if (!SHA.test(sha256)) throw new AppError('VALIDATION', '附件编号格式不正确。');
  return path.join(filesDir, sha256.slice(0, 2), `${sha256}.bin`);
}

const mb = (n: number) => (n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0);

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(Math.max(0, length));
  const n = length > 0 ? fs.readSync(fd, buf, 0, length, position) : 0;
  return buf.subarray(0, n);
}

/** Reads what sniffType needs: the head, the tail (ZIP entry names) and an OLE root entry's class id. */
export function sniffFile(filePath: string, name: string): FileType {
  const fd = fs.openSync(filePath, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const head = readAt(fd, 0, Math.min(HEAD, size));
    const tail = size > HEAD ? readAt(fd, Math.max(HEAD, size - TAIL), Math.min(TAIL, size - HEAD)) : Buffer.alloc(0);
    let oleRootClsid: Buffer | null = null;
    if (head.length >= 0x34 && head.readUInt32BE(0) === 0xd0cf11e0) {
      const sectorShift = head.readUInt16LE(0x1e);
      const firstDirSector = head.readUInt32LE(0x30);
      if (sectorShift >= 7 && sectorShift <= 16 && firstDirSector < 0xfffffffa) {
        oleRootClsid = readAt(fd, (firstDirSector + 1) * 2 ** sectorShift + 0x50, 16);
      }
    }
    return sniffType(head, name, { tail, oleRootClsid });
  } finally {
    fs.closeSync(fd);
  }
}

/** The refusals every attachment goes through, before anything is copied and again on the copy. */
function refuse(label: string, sizeBytes: number, type: FileType, maxBytes: number, givenName = label): void {
  if (sizeBytes === 0) throw new AppError('VALIDATION', `「${label}」是空文件，未添加。`);
  if (sizeBytes > maxBytes) {
    throw new AppError('VALIDATION', `「${label}」有 ${mb(sizeBytes)} MB，超过附件大小上限 ${mb(maxBytes)} MB，未添加。可在设置中调整上限。`);
  }
  // The raw name is checked too: "a.exe:stream" or "a.exe. " is a.exe to Windows whatever the label became.
  const risky = [label, givenName].find(isExecutableName);
  if (risky !== undefined) {
    throw new AppError('VALIDATION', `「${label}」是可执行程序或脚本（.${extensionOf(risky)}），不能作为附件。`);
  }
  if (type.executable) {
    throw new AppError('VALIDATION', `「${label}」的内容是${type.kind}，不能作为附件（无论文件名是什么）。`);
  }
}

/** Size, real type and refusals of a chosen file; nothing is stored. */
export function inspectFile(filePath: string, givenName: string, maxBytes: number): InspectedFile {
  const label = sanitizeLabel(givenName);
  const sizeBytes = fs.statSync(filePath).size;
  const type = sizeBytes > 0 ? sniffFile(filePath, label) : sniffType(Buffer.alloc(0), label);
  refuse(label, sizeBytes, type, maxBytes, givenName);
  return { label, sizeBytes, type };
}

/**
 * Copies a file into the store and returns its hash. The bytes are hashed while they are copied, so the name
 * always matches what was stored even if the source changes meanwhile; the copy is flushed and renamed into
 * place, so a crash leaves either no file or a whole one. A file already present (same hash) is not copied again.
 */
export async function storeFile(filesDir: string, sourcePath: string, givenName: string, maxBytes: number): Promise<StoredBlob & { label: string }> {
  const { label } = inspectFile(sourcePath, givenName, maxBytes);
  fs.mkdirSync(filesDir, { recursive: true });
  const temp = path.join(filesDir, `.incoming-${randomBytes(8).toString('hex')}`);
  const hash = createHash('sha256');
  let size = 0;
  const out = await fsp.open(temp, 'wx');
  try {
    for await (const chunk of fs.createReadStream(sourcePath) as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw new AppError('VALIDATION', `「${label}」超过附件大小上限 ${mb(maxBytes)} MB，未添加。`);
      hash.update(chunk);
      await out.write(chunk);
    }
    await out.sync();
  } catch (e) {
    await out.close();
    fs.rmSync(temp, { force: true });
    throw e;
  }
  await out.close();
  try {
    // The stored bytes are what counts: sniff and refuse again on the copy.
    const type = sniffFile(temp, label);
    refuse(label, size, type, maxBytes);
    const sha256 = hash.digest('hex');
    placeBlob(filesDir, temp, sha256, size);
    return { sha256, sizeBytes: size, type, label };
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Moves a flushed copy into its place in the store, unless a whole copy (same size) is already there. */
function placeBlob(filesDir: string, temp: string, sha256: string, size: number): void {
  const target = blobPath(filesDir, sha256);
  const existing = fs.existsSync(target) ? fs.statSync(target).size : -1;
  if (existing === size) return;
  // Absent, or damaged from outside (wrong size): the fresh copy takes its place.
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Stored files are read-only; Windows refuses to replace a read-only file, so lift that first.
  if (existing >= 0) fs.chmodSync(target, 0o644);
  fs.renameSync(temp, target);
  fs.chmodSync(target, 0o444);
}

/**
 * Puts bytes a record type kept in its own table (proposal attachments are BLOBs, from before the store) into
 * the store under their hash, written and flushed aside first like `storeFile`, so a crash leaves no half file.
 */
export function storeBytes(filesDir: string, bytes: Uint8Array): string {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (blobPresent(filesDir, sha256, bytes.length)) return sha256;
  fs.mkdirSync(filesDir, { recursive: true });
  const temp = path.join(filesDir, `.incoming-${randomBytes(8).toString('hex')}`);
  try {
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    placeBlob(filesDir, temp, sha256, bytes.length);
    return sha256;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Present with the recorded size (cheap: for lists and `ledger check`). */
export function blobPresent(filesDir: string, sha256: string, sizeBytes: number): boolean {
  try {
    return fs.statSync(blobPath(filesDir, sha256)).size === sizeBytes;
  } catch {
    return false;
  }
}

/** Re-hashes a stored file before it is handed out, so a damaged file is named, not opened. */
export async function verifiedBlobPath(filesDir: string, sha256: string, label: string): Promise<string> {
  const p = blobPath(filesDir, sha256);
  if (!fs.existsSync(p)) {
    throw new AppError('NOT_FOUND', `附件「${label}」的文件不在数据文件夹中（可能被移动或删除）。可运行「ledger check」查看所有缺失的附件，或从备份的数据文件夹中找回 files 文件夹。`);
  }
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(p) as AsyncIterable<Buffer>) hash.update(chunk);
  if (hash.digest('hex') !== sha256) throw new AppError('VALIDATION', `附件「${label}」的文件已损坏（内容与登记时不一致）。`);
  return p;
}

/** The name a copy is saved or opened under: the label, with the extension of what the content really is. */
export function outputName(label: string, type: FileType): string {
  const ext = extensionOf(label);
  if (!type.exts.length || type.exts.includes(ext)) return label;
  return `${label}.${type.exts[0]}`;
}

/**
 * A read-only copy with a proper name for the system viewer: the stored file has no extension the viewer could
 * go by, and a viewer that edits in place must not change the registered file. Copies are reused (a viewer
 * may still hold one open) and live in the data folder's tmp/.
 */
export function viewerCopy(tmpDir: string, source: string, sha256: string, name: string): string {
  const dir = path.join(tmpDir, 'open', sha256.slice(0, 16));
  const target = path.join(dir, sanitizeLabel(name));
  const size = fs.statSync(source).size;
  if (fs.existsSync(target) && fs.statSync(target).size === size) return target;
  fs.mkdirSync(dir, { recursive: true });
  if (fs.existsSync(target)) fs.chmodSync(target, 0o644);
  fs.copyFileSync(source, target);
  fs.chmodSync(target, 0o444);
  return target;
}
