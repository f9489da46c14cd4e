import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileRef } from '../../../shared/contract/app';
import { AppError } from '../errors';
import { INVISIBLE } from './file-types';

interface Entry {
  path: string;
  fileName: string;
  sizeBytes: number;
  /** Files the store created (uploads, exports) are deleted when they expire; picked files are not. */
  owned: boolean;
  expiresAt: number;
}

export const DEFAULT_UPLOAD_LIMIT = 200 * 1024 * 1024;
const TTL_MS = 60 * 60 * 1000;

/** Strips anything path-like from a name the outside world gave us: it is a label, never a location. */
export function safeFileName(name: string): string {
  // Control characters and the invisible direction overrides (U+202E makes "名单‮xslx.exe" read as
  // "名单exe.xlsx") go before anything else, so they can neither hide a path nor disguise the extension.
  const base = name.replace(INVISIBLE, '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[<>:"|?*]/g, '_').replace(/^\.+/, '').trim();
  return cleaned.slice(0, 150) || 'file';
}

/**
 * Opaque tokens stand for files on both sides of the contract, so the renderer never names a path and the
 * main process never opens one the renderer chose.
 */
export class FileStore {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly tmpDir: string,
    private readonly now: () => number = Date.now,
  ) {}

  private newToken(): string {
    return randomBytes(18).toString('base64url');
  }

  /** Registers a file the host chose (dialog, CLI argument) or the core produced. */
  register(filePath: string, fileName: string, owned: boolean): FileRef {
    this.sweep();
    const token = this.newToken();
    const sizeBytes = fs.statSync(filePath).size;
    this.entries.set(token, { path: filePath, fileName: safeFileName(fileName), sizeBytes, owned, expiresAt: this.now() + TTL_MS });
    return { token, fileName: safeFileName(fileName), sizeBytes };
  }

  /** A new owned file in the temp folder for the core to write, already registered. */
  createOutput(fileName: string): { ref: () => FileRef; path: string } {
    fs.mkdirSync(this.tmpDir, { recursive: true });
    const p = path.join(this.tmpDir, `out-${this.newToken()}${path.extname(safeFileName(fileName))}`);
    return { path: p, ref: () => this.register(p, fileName, true) };
  }

  /** Stores uploaded bytes under a random name; the given name is only kept as a label. */
  saveUpload(fileName: string, data: Buffer, limit = DEFAULT_UPLOAD_LIMIT): FileRef {
    if (data.length > limit) {
      throw new AppError('VALIDATION', `文件过大（${(data.length / 1048576).toFixed(1)} MB），上限为 ${(limit / 1048576).toFixed(0)} MB。`);
    }
    fs.mkdirSync(this.tmpDir, { recursive: true });
    const p = path.join(this.tmpDir, `up-${this.newToken()}`);
    fs.writeFileSync(p, data);
    return this.register(p, fileName, true);
  }

  resolve(token: string): { path: string; fileName: string; sizeBytes: number } {
    this.sweep();
    const e = this.entries.get(token);
    if (!e || !fs.existsSync(e.path)) throw new AppError('NOT_FOUND', '文件已过期或不存在，请重新选择文件。');
    return { path: e.path, fileName: e.fileName, sizeBytes: e.sizeBytes };
  }

  /** A job that is done with its file (an import committed, a download saved) lets it go at once. */
  release(token: string): void {
    const e = this.entries.get(token);
    if (!e) return;
    if (e.owned) fs.rmSync(e.path, { force: true });
    this.entries.delete(token);
  }

  sweep(): void {
    const t = this.now();
    for (const [token, e] of this.entries) {
      if (e.expiresAt > t) continue;
      if (e.owned) fs.rmSync(e.path, { force: true });
      this.entries.delete(token);
    }
  }

  clear(): void {
    for (const e of this.entries.values()) if (e.owned) fs.rmSync(e.path, { force: true });
    this.entries.clear();
  }
}
