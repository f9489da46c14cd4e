/**
 * A small streaming XML tokenizer for the parts of a spreadsheet file (sheet XML, shared strings, styles,
 * workbook, Excel 2003 XML). It is fed decoded text chunk by chunk and reports start tags (raw attribute
 * text, parsed only on demand), end tags and — only while the handler asks for it — text. Skipping text that
 * nobody wants is what makes a 100k-row sheet cheap: no string is built for the whitespace and markup between
 * cells.
 *
 * Not a validating parser. DOCTYPE is refused (OOXML never has one, and refusing it rules out entity tricks);
 * only the five predefined entities and numeric references are decoded.
 */
import { MSG, refuse } from './messages';

export interface XmlHandler {
  /**
   * `name` without namespace prefix. The attributes are `buf.slice(attrStart, attrEnd)` — passed as a range so
   * nothing is allocated for tags whose attributes nobody reads (use `attrText` or `attr` on the slice).
   */
  open(name: string, buf: string, attrStart: number, attrEnd: number, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw (still entity-encoded) text `buf.slice(start, end)`; may arrive in several pieces. Only while `wantText`. */
  text(buf: string, start: number, end: number): void;
  wantText: boolean;
}

export const attrText = (buf: string, start: number, end: number): string => buf.slice(start, end);

/** A tag or text run longer than this without its end is not something a spreadsheet contains. */
const MAX_PENDING = 32 * 1024 * 1024;

/** Hot element names of sheet XML returned as constants, so no string is built for them per tag. */
const ONE_CHAR: string[] = [];
for (const n of ['c', 'v', 'f', 't', 'r']) ONE_CHAR[n.charCodeAt(0)] = n;

function tagName(buf: string, start: number, end: number): string {
  if (end - start === 1) {
    const k = ONE_CHAR[buf.charCodeAt(start)];
    if (k) return k;
  }
  if (end - start === 3 && buf.startsWith('row', start)) return 'row';
  if (end - start === 2 && buf.startsWith('is', start)) return 'is';
  const q = buf.slice(start, end);
  const i = q.indexOf(':');
  return i < 0 ? q : q.slice(i + 1);
}

export class XmlScanner {
  private rest = '';

  constructor(private readonly h: XmlHandler) {}

  feed(chunk: string): void {
    const buf = this.rest === '' ? chunk : this.rest + chunk;
    this.rest = '';
    const h = this.h;
    const len = buf.length;
    let pos = 0;
    while (pos < len) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        if (h.wantText) h.text(buf, pos, len);
        return;
      }
      if (lt > pos && h.wantText) h.text(buf, pos, lt);
      const c1 = buf.charCodeAt(lt + 1);
      if (Number.isNaN(c1)) return this.keep(buf, lt);
      if (c1 === 0x21 /* ! */) {
        if (buf.startsWith('<!--', lt)) {
          const end = buf.indexOf('-->', lt + 4);
          if (end < 0) return this.keep(buf, lt);
          pos = end + 3;
          continue;
        }
        if (buf.startsWith('<![CDATA[', lt)) {
          const end = buf.indexOf(']]>', lt + 9);
          if (end < 0) return this.keep(buf, lt);
          if (h.wantText) {
            const lit = escapeCdata(buf.slice(lt + 9, end));
            h.text(lit, 0, lit.length);
          }
          pos = end + 3;
          continue;
        }
        if (lt + 9 > len) return this.keep(buf, lt);
        throw refuse(MSG.corrupt); // <!DOCTYPE or <!ENTITY
      }
      if (c1 === 0x3f /* ? */) {
        const end = buf.indexOf('?>', lt + 2);
        if (end < 0) return this.keep(buf, lt);
        pos = end + 2;
        continue;
      }
      const gt = findTagEnd(buf, lt + 1);
      if (gt < 0) return this.keep(buf, lt);
      if (c1 === 0x2f /* / */) {
        let e = gt;
        while (e > lt + 2 && buf.charCodeAt(e - 1) <= 0x20) e--;
        h.close(tagName(buf, lt + 2, e));
      } else {
        let nameEnd = lt + 1;
        while (nameEnd < gt) {
          const c = buf.charCodeAt(nameEnd);
          if (c === 0x20 || c === 0x2f || c === 0x0a || c === 0x0d || c === 0x09) break;
          nameEnd++;
        }
        const selfClosing = buf.charCodeAt(gt - 1) === 0x2f;
        const name = tagName(buf, lt + 1, nameEnd);
        h.open(name, buf, nameEnd, selfClosing ? gt - 1 : gt, selfClosing);
        if (selfClosing) h.close(name);
      }
      pos = gt + 1;
    }
  }

  private keep(buf: string, from: number): void {
    this.rest = buf.slice(from);
    if (this.rest.length > MAX_PENDING) throw refuse(MSG.corrupt);
  }

  /** Call after the last chunk: an unfinished tag means the part was cut short. */
  end(): void {
    if (this.rest.trim() !== '') throw refuse(MSG.corrupt);
  }
}

/** Index of the '>' closing a tag that starts before `from`, ignoring '>' inside quoted attribute values. */
function findTagEnd(buf: string, from: number): number {
  let quote = 0;
  for (let i = from; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x3e) return i;
    else if (c === 0x22 || c === 0x27) quote = c;
  }
  return -1;
}

/** CDATA is literal: re-encode the ampersands so `decodeXml` leaves the text as it was. */
const escapeCdata = (s: string) => s.replace(/&/g, '&amp;');

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[ent] ?? m;
  });
}

/** OOXML escapes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for a carriage return). */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Value of attribute `name` (exact qualified name) in raw attribute text, decoded; undefined if absent. */
export function attr(attrs: string, name: string): string | undefined {
  let i = 0;
  for (;;) {
    i = attrs.indexOf(name, i);
    if (i < 0) return undefined;
    const before = i === 0 ? 0x20 : attrs.charCodeAt(i - 1);
    let j = i + name.length;
    while (attrs.charCodeAt(j) === 0x20) j++;
    if ((before === 0x20 || before === 0x0a || before === 0x09 || before === 0x0d) && attrs.charCodeAt(j) === 0x3d /* = */) {
      j++;
      while (attrs.charCodeAt(j) === 0x20) j++;
      const q = attrs.charAt(j);
      if (q !== '"' && q !== "'") return undefined;
      const end = attrs.indexOf(q, j + 1);
      if (end < 0) return undefined;
      return decodeXml(attrs.slice(j + 1, end));
    }
    i += name.length;
  }
}

/** Value of the first attribute whose local name is `local`, whatever its namespace prefix (r:id, ns1:id). */
export function attrLocal(attrs: string, local: string): string | undefined {
  const re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${local}\\s*=\\s*("([^"]*)"|'([^']*)')`);
  const m = re.exec(attrs);
  return m ? decodeXml(m[2] ?? m[3] ?? '') : undefined;
}

/**
 * A copy of `s` that does not keep a larger string alive. V8 represents a slice of 13+ characters as a view
 * into its parent, so a shared string sliced out of a decoded chunk would pin the whole chunk in memory for
 * as long as the cell lives. Retained strings (cell values) go through this.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Decoded text is fed in pieces of at most this many bytes: the strings stay small enough for V8's young
 * generation (large strings go to large-object space, which only a full GC frees, and RSS climbs).
 */
const PIECE = 32 * 1024;

/** Feeds a stream of UTF-8 buffers to a scanner. */
export async function scanXml(chunks: AsyncIterable<Buffer>, handler: XmlHandler): Promise<void> {
  const scanner = new XmlScanner(handler);
  const decoder = new TextDecoder('utf-8');
  let first = true;
  for await (const chunk of chunks) {
    for (let off = 0; off < chunk.length; off += PIECE) {
      let text = decoder.decode(chunk.subarray(off, off + PIECE), { stream: true });
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      scanner.feed(text);
    }
  }
  scanner.feed(decoder.decode());
  scanner.end();
}
