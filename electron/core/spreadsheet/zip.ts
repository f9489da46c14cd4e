/**
 * Just enough of ZIP to read an .xlsx safely: the central directory (names, methods, declared sizes), and one
 * entry at a time inflated as a stream with a hard cap on the bytes produced. The cap is what stops a zip bomb
 * (a few KB inflating to gigabytes): declared sizes are checked up front, and because they can lie, inflating
 * also stops as soon as the output passes the declared size or the cap.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { AppError } from '../errors';
import { MSG, checkAbort, refuse } from './messages';

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
const MAX_CENTRAL_DIR = 64 * 1024 * 1024;

const corrupt = () => refuse(MSG.corrupt);

async function readAt(fh: FileHandle, pos: number, len: number): Promise<Buffer> {
  const buf = Buffer.alloc(len);
  const { bytesRead } = await fh.read(buf, 0, len, pos);
  if (bytesRead < len) throw corrupt();
  return buf;
}

export class ZipFile {
  /** Keyed by the part name lower-cased (OOXML part names are case-insensitive), without a leading '/'. */
  readonly entries = new Map<string, ZipEntry>();

  private constructor(
    readonly path: string,
    readonly size: number,
    private fh: FileHandle | null,
  ) {}

  static async open(path: string): Promise<ZipFile> {
    const fh = await open(path, 'r');
    try {
      const { size } = await fh.stat();
      const zip = new ZipFile(path, size, fh);
      await zip.readCentralDirectory();
      return zip;
    } catch (e) {
      await fh.close();
      throw e;
    }
  }

  private async readCentralDirectory(): Promise<void> {
    const fh = this.fh as FileHandle;
    const tailLen = Math.min(this.size, 65_557);
    const tail = await readAt(fh, this.size - tailLen, tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIG) {
        eocd = i;
        break;
      }
    }
    // A file that starts like a zip but has no end record was cut short (an interrupted download or copy).
    if (eocd < 0) throw corrupt();
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const loc = eocd - 20;
      if (loc < 0 || tail.readUInt32LE(loc) !== ZIP64_LOCATOR_SIG) throw corrupt();
      const z64pos = Number(tail.readBigUInt64LE(loc + 8));
      const z64 = await readAt(fh, z64pos, 56);
      if (z64.readUInt32LE(0) !== ZIP64_EOCD_SIG) throw corrupt();
      count = Number(z64.readBigUInt64LE(32));
      cdSize = Number(z64.readBigUInt64LE(40));
      cdOffset = Number(z64.readBigUInt64LE(48));
    }
    if (cdSize > MAX_CENTRAL_DIR || cdOffset + cdSize > this.size) throw corrupt();
    const cd = await readAt(fh, cdOffset, cdSize);
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CEN_SIG) throw corrupt();
      const flags = cd.readUInt16LE(p + 8);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      let compressedSize = cd.readUInt32LE(p + 20);
      let uncompressedSize = cd.readUInt32LE(p + 24);
      let localHeaderOffset = cd.readUInt32LE(p + 42);
      const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
      // ZIP64 extended information: the 8-byte values appear in this order, only for fields that are maxed out.
      let x = p + 46 + nameLen;
      const xEnd = x + extraLen;
      while (x + 4 <= xEnd && x + 4 <= cd.length) {
        const id = cd.readUInt16LE(x);
        const len = cd.readUInt16LE(x + 2);
        if (id === 0x0001) {
          let q = x + 4;
          const fieldEnd = x + 4 + len;
          const next = () => {
            const v = q + 8 <= fieldEnd ? Number(cd.readBigUInt64LE(q)) : 0xffffffff;
            q += 8;
            return v;
          };
          if (uncompressedSize === 0xffffffff) uncompressedSize = next();
          if (compressedSize === 0xffffffff) compressedSize = next();
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
        }
        x += 4 + len;
      }
      const entry: ZipEntry = {
        name,
        method: cd.readUInt16LE(p + 10),
        encrypted: (flags & 0x01) !== 0,
        compressedSize,
        uncompressedSize,
        localHeaderOffset,
      };
      this.entries.set(name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase(), entry);
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  get(name: string): ZipEntry | undefined {
    return this.entries.get(name.replace(/^\/+/, '').toLowerCase());
  }

  private async dataRange(e: ZipEntry): Promise<{ start: number; end: number }> {
    if (e.encrypted) throw refuse(MSG.encrypted);
    if (e.method !== 0 && e.method !== 8) throw corrupt();
    const fh = this.fh;
    if (!fh) throw corrupt();
    const loc = await readAt(fh, e.localHeaderOffset, 30);
    if (loc.readUInt32LE(0) !== LOC_SIG) throw corrupt();
    const start = e.localHeaderOffset + 30 + loc.readUInt16LE(26) + loc.readUInt16LE(28);
    const end = start + e.compressedSize;
    if (end > this.size) throw corrupt();
    return { start, end };
  }

  /**
   * The entry's bytes, uncompressed, chunk by chunk. Refuses before reading when the declared size is over
   * `cap`, and stops when the real output exceeds the declared size (a lying header) or the cap.
   */
  async *stream(
    e: ZipEntry,
    cap: number,
    opts: { signal?: AbortSignal; onCompressedBytes?: (n: number) => void } = {},
  ): AsyncGenerator<Buffer> {
    if (e.uncompressedSize > cap) throw refuse(MSG.zipBomb(Math.round(cap / 1024 / 1024)));
    const { start, end } = await this.dataRange(e);
    if (end === start) return;
    const src = createReadStream(this.path, { start, end: end - 1, highWaterMark: 256 * 1024 });
    if (opts.onCompressedBytes) {
      const report = opts.onCompressedBytes;
      src.on('data', (chunk) => report(chunk.length));
    }
    const out = e.method === 0 ? src : pipeline(src, createInflateRaw({ chunkSize: 256 * 1024 }), () => {});
    const limit = Math.min(cap, e.uncompressedSize);
    let produced = 0;
    try {
      for await (const chunk of out as AsyncIterable<Buffer>) {
        produced += chunk.length;
        if (produced > limit) {
          throw produced > cap ? refuse(MSG.zipBomb(Math.round(cap / 1024 / 1024))) : corrupt();
        }
        checkAbort(opts.signal);
        yield chunk;
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw corrupt(); // zlib: unexpected end of file, invalid block type …
    } finally {
      src.destroy();
    }
    if (produced !== e.uncompressedSize) throw corrupt();
  }

  /** A small part (workbook.xml, rels, styles) completely; refuses past `cap`. */
  async readAll(e: ZipEntry, cap: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const chunk of this.stream(e, cap)) parts.push(chunk);
    return Buffer.concat(parts);
  }

  async close(): Promise<void> {
    const fh = this.fh;
    this.fh = null;
    await fh?.close();
  }
}
