/**
 * Reader for the OLE2 / Compound File Binary container ([MS-CFB]) that holds legacy .xls workbooks (stream
 * "Workbook", or "Book" in Excel 5) and password-protected .xlsx files (streams "EncryptionInfo" and
 * "EncryptedPackage"). Only reading, only what the importer needs: the root storage's streams by name.
 *
 * Written here rather than taken from npm because it is ~150 lines and every bound is checked: sector numbers
 * outside the file, chains that loop, sizes that lie. Any such problem is "damaged file", never a hang or a
 * huge allocation.
 */
import { MSG, refuse } from './messages';

export const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const NOSTREAM = 0xffffffff;

interface DirEntry {
  name: string;
  type: number; // 1 storage, 2 stream, 5 root
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

const corrupt = () => refuse(MSG.corrupt);

export class CompoundFile {
  private readonly sectorSize: number;
  private readonly miniSectorSize: number;
  private readonly miniCutoff: number;
  private readonly fat: Uint32Array;
  private readonly entries: DirEntry[];
  private miniFat: Uint32Array | null = null;
  private miniStream: Buffer | null = null;

  constructor(private readonly buf: Buffer) {
    if (buf.length < 512 || !buf.subarray(0, 8).equals(CFB_SIGNATURE)) throw corrupt();
    const sectorShift = buf.readUInt16LE(0x1e);
    const miniShift = buf.readUInt16LE(0x20);
    if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6) throw corrupt();
    this.sectorSize = 1 << sectorShift;
    this.miniSectorSize = 1 << miniShift;
    this.miniCutoff = buf.readUInt32LE(0x38);
    this.fat = this.readFat(buf.readUInt32LE(0x2c), buf.readUInt32LE(0x44), buf.readUInt32LE(0x48));
    this.entries = this.readDirectory(buf.readUInt32LE(0x30));
  }

  /** Number of whole sectors after the header; sector n starts at (n + 1) × sectorSize. */
  private get sectorCount(): number {
    return Math.floor(this.buf.length / this.sectorSize) - 1;
  }

  private sector(n: number): Buffer {
    if (n >= this.sectorCount) throw corrupt();
    const start = (n + 1) * this.sectorSize;
    return this.buf.subarray(start, start + this.sectorSize);
  }

  private readFat(fatSectors: number, difatStart: number, difatCount: number): Uint32Array {
    const ids: number[] = [];
    for (let i = 0; i < 109 && ids.length < fatSectors; i++) ids.push(this.buf.readUInt32LE(0x4c + i * 4));
    let next = difatStart;
    const perDifat = this.sectorSize / 4 - 1;
    for (let k = 0; k < difatCount && ids.length < fatSectors && next !== ENDOFCHAIN && next !== FREESECT; k++) {
      const s = this.sector(next);
      for (let i = 0; i < perDifat && ids.length < fatSectors; i++) ids.push(s.readUInt32LE(i * 4));
      next = s.readUInt32LE(perDifat * 4);
    }
    if (ids.length < fatSectors || fatSectors > this.sectorCount) throw corrupt();
    const per = this.sectorSize / 4;
    const fat = new Uint32Array(fatSectors * per);
    ids.forEach((id, i) => {
      const s = this.sector(id);
      for (let j = 0; j < per; j++) fat[i * per + j] = s.readUInt32LE(j * 4);
    });
    return fat;
  }

  /** Follows a FAT chain; a loop, a free sector or a sector past the table means the file is damaged. */
  private chain(start: number, table: Uint32Array, limit: number): number[] {
    const out: number[] = [];
    let n = start;
    while (n !== ENDOFCHAIN) {
      if (n >= table.length || n >= limit || out.length >= limit) throw corrupt();
      out.push(n);
      n = table[n] as number;
    }
    return out;
  }

  private readChain(start: number, size?: number): Buffer {
    const sectors = this.chain(start, this.fat, this.sectorCount);
    const data = Buffer.concat(sectors.map((n) => this.sector(n)));
    if (size !== undefined && size > data.length) throw corrupt();
    return size === undefined ? data : data.subarray(0, size);
  }

  private readDirectory(start: number): DirEntry[] {
    const dir = this.readChain(start);
    const entries: DirEntry[] = [];
    for (let off = 0; off + 128 <= dir.length; off += 128) {
      const nameLen = Math.min(dir.readUInt16LE(off + 0x40), 64);
      const name = dir.toString('utf16le', off, off + Math.max(0, nameLen - 2));
      const size = dir.readUInt32LE(off + 0x78) + dir.readUInt32LE(off + 0x7c) * 0x1_0000_0000;
      entries.push({
        name,
        type: dir[off + 0x42] as number,
        left: dir.readUInt32LE(off + 0x44),
        right: dir.readUInt32LE(off + 0x48),
        child: dir.readUInt32LE(off + 0x4c),
        start: dir.readUInt32LE(off + 0x74),
        size,
      });
    }
    if (entries[0]?.type !== 5) throw corrupt();
    return entries;
  }

  /** Names of the streams directly in the root storage (walks the red-black tree, guarding against loops). */
  rootStreamNames(): string[] {
    const out: string[] = [];
    const seen = new Set<number>();
    const walk = (i: number) => {
      if (i === NOSTREAM || seen.has(i)) return;
      const e = this.entries[i];
      if (!e) throw corrupt();
      seen.add(i);
      walk(e.left);
      if (e.type === 2) out.push(e.name);
      walk(e.right);
    };
    walk((this.entries[0] as DirEntry).child);
    return out;
  }

  private findRootStream(name: string): DirEntry | undefined {
    const wanted = name.toLowerCase();
    if (!this.rootStreamNames().some((n) => n.toLowerCase() === wanted)) return undefined;
    return this.entries.find((e) => e.type === 2 && e.name.toLowerCase() === wanted);
  }

  hasStream(name: string): boolean {
    return this.findRootStream(name) !== undefined;
  }

  /** The whole stream, or null when the root storage has no stream of that name (case-insensitive). */
  readStream(name: string): Buffer | null {
    const e = this.findRootStream(name);
    if (!e) return null;
    if (e.size > this.buf.length * 2 && e.size > this.miniCutoff) throw corrupt();
    if (e.size >= this.miniCutoff) return this.readChain(e.start, e.size);
    return this.readMini(e.start, e.size);
  }

  private readMini(start: number, size: number): Buffer {
    if (!this.miniFat || !this.miniStream) {
      const root = this.entries[0] as DirEntry;
      const mfStart = this.buf.readUInt32LE(0x3c);
      const mfCount = this.buf.readUInt32LE(0x40);
      const mfBytes = mfStart === ENDOFCHAIN ? Buffer.alloc(0) : this.readChain(mfStart);
      if (mfBytes.length < mfCount * this.sectorSize) throw corrupt();
      this.miniFat = new Uint32Array(mfBytes.length / 4);
      for (let i = 0; i < this.miniFat.length; i++) this.miniFat[i] = mfBytes.readUInt32LE(i * 4);
      this.miniStream = root.start === ENDOFCHAIN ? Buffer.alloc(0) : this.readChain(root.start, root.size);
    }
    const limit = Math.floor(this.miniStream.length / this.miniSectorSize);
    const sectors = this.chain(start, this.miniFat, limit);
    const ms = this.miniStream;
    const data = Buffer.concat(sectors.map((n) => ms.subarray(n * this.miniSectorSize, (n + 1) * this.miniSectorSize)));
    if (size > data.length) throw corrupt();
    return data.subarray(0, size);
  }
}
