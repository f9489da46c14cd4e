/**
 * An .xlsx's ZIP container, read with yauzl (random access through the central directory, ZIP64, local headers,
 * encryption flags). What stays ours is inflating under a cap: declared sizes are checked
 * up front, and because they can lie, inflating also stops as soon as the output passes the declared size or the
 * cap — that is what stops a zip bomb (a few KB inflating to gigabytes) before it costs memory.
 */
import { pipeline, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import { AppError } from '../errors';
import { MSG, checkAbort, refuse } from './messages';

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  /** yauzl's entry, for opening its data. */
  readonly raw: yauzl.Entry;
}

const corrupt = () => refuse(MSG.corrupt);

export class ZipFile {
  /** Keyed by the part name lower-cased (OOXML part names are case-insensitive), without a leading '/'. */
  readonly entries = new Map<string, ZipEntry>();

  private constructor(
    readonly path: string,
    private zip: yauzl.ZipFile | null,
  ) {}

  static async open(path: string): Promise<ZipFile> {
    let zip: yauzl.ZipFile;
    try {
      // strictFileNames off: Excel and WPS never write '\' in part names, but other tools do; we normalise it.
      zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false });
    } catch {
      // No end record, a directory past the end of the file …: the file was cut short or is not a zip.
      throw corrupt();
    }
    const file = new ZipFile(path, zip);
    try {
      for await (const e of zip.eachEntry()) {
        const entry: ZipEntry = {
          name: e.fileName,
          method: e.compressionMethod,
          encrypted: e.isEncrypted(),
          compressedSize: e.compressedSize,
          uncompressedSize: e.uncompressedSize,
          raw: e,
        };
        file.entries.set(e.fileName.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase(), entry);
      }
    } catch {
      zip.close();
      throw corrupt();
    }
    return file;
  }

  get(name: string): ZipEntry | undefined {
    return this.entries.get(name.replace(/^\/+/, '').toLowerCase());
  }

  /**
   * The entry's bytes, uncompressed, chunk by chunk. Refuses before reading when the declared size is over
   * `cap`, and stops when the real output exceeds the declared size (a lying header) or the cap.
   */
  async *stream(e: ZipEntry, cap: number, opts: { signal?: AbortSignal; onCompressedBytes?: (n: number) => void } = {}): AsyncGenerator<Buffer> {
    if (e.uncompressedSize > cap) throw refuse(MSG.zipBomb(Math.round(cap / 1024 / 1024)));
    if (e.encrypted) throw refuse(MSG.encrypted);
    if (e.method !== 0 && e.method !== 8) throw corrupt();
    const zip = this.zip;
    if (!zip) throw corrupt();
    if (e.compressedSize === 0 && e.uncompressedSize === 0) return;
    let raw: Readable;
    try {
      // The stored bytes from yauzl (it found them through the local header); inflated here, under our caps.
      raw = await zip.openReadStreamPromise(e.raw, e.method === 0 ? {} : { decompress: false });
    } catch {
      throw corrupt();
    }
    if (opts.onCompressedBytes) {
      const report = opts.onCompressedBytes;
      raw.on('data', (chunk: Buffer) => report(chunk.length));
    }
    const src = e.method === 0 ? raw : pipeline(raw, createInflateRaw({ chunkSize: 256 * 1024 }), () => {});
    const limit = Math.min(cap, e.uncompressedSize);
    let produced = 0;
    try {
      for await (const chunk of src as AsyncIterable<Buffer>) {
        produced += chunk.length;
        if (produced > limit) throw produced > cap ? refuse(MSG.zipBomb(Math.round(cap / 1024 / 1024))) : corrupt();
        checkAbort(opts.signal);
        yield chunk;
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw corrupt(); // zlib: unexpected end of file, invalid block type; yauzl: size or signature mismatch
    } finally {
      raw.destroy();
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
    const zip = this.zip;
    this.zip = null;
    zip?.close();
  }
}
