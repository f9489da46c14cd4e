import { describe, expect, it } from 'vitest';
import { csvCell, guessDelimiter, sniffTextEncoding } from '../../../electron/core/spreadsheet/csv-reader';
import { decodeRef } from '../../../electron/core/spreadsheet/xlsx-reader';
import { attr, attrText, decodeXml, XmlScanner, type XmlHandler } from '../../../electron/core/spreadsheet/xml-scan';
import { columnLetter } from '../../../electron/core/spreadsheet/detect';

describe('CSV helpers', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['姓名\t性别\r\n张三\t男\r\n', '\t'],
    ['a;b\n1;2\n', ';'],
    ['"x,y";b\n"1,2";3\n', ';'],
    ['单列\n张三\n', ','],
  ])('delimiter of %j is %j', (text, d) => {
    expect(guessDelimiter(text)).toBe(d);
  });

  it('encoding sniffing: BOMs, UTF-16 without BOM, binary', () => {
    expect(sniffTextEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf8', binary: false });
    expect(sniffTextEncoding(Buffer.from('name,sex\n', 'utf16le')).encoding).toBe('utf16le');
    expect(sniffTextEncoding(Buffer.from('name,sex\n', 'utf16le').swap16()).encoding).toBe('utf16be');
    expect(sniffTextEncoding(Buffer.from([0x50, 0x4b, 0x00, 0x01, 0x02, 0x03])).binary).toBe(true);
    expect(sniffTextEncoding(Buffer.from('姓名,性别\n张三,男\n')).binary).toBe(false);
  });

  it('cells: ="0123" and \'0123 mean the text 0123; other apostrophes stay', () => {
    expect(csvCell('="0123"')?.value).toBe('0123');
    expect(csvCell("'0123")?.value).toBe('0123');
    expect(csvCell("O'Brien")?.value).toBe("O'Brien");
    expect(csvCell('')).toBeUndefined();
  });
});

describe('XML scanning', () => {
  const xml =
    '<?xml version="1.0"?><!-- c --><x:root a="1>2" b=\'q\'><x:c r="B12" t="s"><x:v>7</x:v></x:c><t xml:space="preserve"> a&amp;b </t>' +
    '<t><![CDATA[<&>]]></t><e/></x:root>';
  const collect = (pieces: string[]) => {
    const events: string[] = [];
    let text = '';
    const h: XmlHandler = {
      wantText: false,
      open(name, buf, s, e, self) {
        events.push(`<${name}${self ? '/' : ''} ${attrText(buf, s, e).trim()}`);
        h.wantText = name === 't' || name === 'v';
        text = '';
      },
      close(name) {
        if (h.wantText) events.push(`text:${decodeXml(text)}`);
        h.wantText = false;
        events.push(`</${name}`);
      },
      text(buf, s, e) {
        text += buf.slice(s, e);
      },
    };
    const sc = new XmlScanner(h);
    for (const p of pieces) sc.feed(p);
    sc.end();
    return events;
  };

  it('gives the same events however the text is split into chunks', () => {
    const whole = collect([xml]);
    expect(whole).toContain('text: a&b ');
    expect(whole).toContain('text:<&>');
    expect(whole).toContain('<root a="1>2" b=\'q\'');
    expect(collect([...xml])).toEqual(whole);
    expect(collect([xml.slice(0, 50), xml.slice(50, 51), xml.slice(51)])).toEqual(whole);
  });

  it('refuses a DOCTYPE (no entity expansion) and an unfinished tag', () => {
    const h: XmlHandler = { wantText: false, open() {}, close() {}, text() {} };
    expect(() => new XmlScanner(h).feed('<!DOCTYPE x [<!ENTITY a "aaaa">]><x/>')).toThrow(/损坏/);
    const sc = new XmlScanner(h);
    sc.feed('<row r="1"');
    expect(() => sc.end()).toThrow(/损坏/);
  });

  it('attributes and references', () => {
    expect(attr(' r="A1" s="3" t="s"', 's')).toBe('3');
    expect(attr(' t="str" r="B2"', 'r')).toBe('B2');
    expect(attr(' name="A&amp;B"', 'name')).toBe('A&B');
    expect(decodeRef('AB12')).toEqual({ row: 12, col: 27 });
    expect(decodeRef('XFD1048576')).toEqual({ row: 1048576, col: 16383 });
    expect(decodeRef('12')).toBeNull();
    expect(columnLetter(27)).toBe('AB');
  });
});
