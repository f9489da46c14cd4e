/**
 * The readers on files with the odd things real programs write: zh-CN built-in date ids, phonetic guides,
 * rich text, inflated used ranges, namespace prefixes, 1904 dates, SST strings split across CONTINUE
 * records, GBK and UTF-16 CSV, Excel 2003 XML. Files are built byte by byte (test/fixtures/spreadsheets).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbook } from '../../../electron/core/spreadsheet/open';
import type { SheetGrid } from '../../../electron/core/spreadsheet/types';
import { biffWorkbook, cfb, xlsxFile } from '../../fixtures/spreadsheets/builders';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-readers-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function read(bytes: Buffer, ext: string, sheet?: string): Promise<{ grid: SheetGrid; names: string[]; format: string; hidden: string[] }> {
  const file = path.join(dir, `f${n++}.${ext}`);
  writeFileSync(file, bytes);
  const wb = await openWorkbook(file);
  try {
    const names = wb.sheetNames();
    const grid = await wb.readSheet(sheet ?? (names[0] as string));
    return { grid, names, format: wb.format, hidden: wb.sheets().filter((s) => s.hidden).map((s) => s.name) };
  } finally {
    await wb.close();
  }
}
const v = (g: SheetGrid, r: number, c: number) => g.rows[r]?.[c]?.value;
const t = (g: SheetGrid, r: number, c: number) => g.rows[r]?.[c]?.text;
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('.xlsx', () => {
  const styles =
    '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy.mm"/></numFmts>' +
    '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="57"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="49"/></cellXfs>';

  it('zh-CN built-in date ids (31, 57), id 14 and a custom format all give dates; General stays a number', async () => {
    const body =
      '<row r="1"><c r="A1" s="1"><v>31118</v></c><c r="B1" s="2"><v>40422</v></c><c r="C1" s="3"><v>31118</v></c>' +
      '<c r="D1" s="4"><v>31118</v></c><c r="E1"><v>31118</v></c><c r="F1" s="5"><v>13800138000</v></c></row>';
    const { grid } = await read(xlsxFile([{ name: 'S', body }], { styles }), 'xlsx');
    expect([0, 1, 2, 3].map((c) => v(grid, 0, c))).toEqual([utc(1985, 3, 12), utc(2010, 9, 1), utc(1985, 3, 12), utc(1985, 3, 12)]);
    expect([0, 1, 2, 3].map((c) => t(grid, 0, c))).toEqual(['1985年3月12日', '2010年9月', '1985/3/12', '1985.03']);
    expect(v(grid, 0, 4)).toBe(31118);
    expect(grid.rows[0]?.[5]).toMatchObject({ value: 13800138000, text: '13800138000', numFmt: '@' });
  });

  it('shared strings: rich runs joined, phonetic guide left out, escapes and entities decoded', async () => {
    const sst =
      '<si><r><t>张</t></r><r><rPr><b/></rPr><t xml:space="preserve">三 </t></r><rPh sb="0" eb="1"><t>ZHANG</t></rPh></si>' +
      '<si><t>A&amp;B &lt;x&gt; 第一行_x000D_\n第二行</t></si><si><t><![CDATA[<raw & kept>]]></t></si>';
    const body = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>';
    const { grid } = await read(xlsxFile([{ name: 'S', body }], { sharedStrings: sst }), 'xlsx');
    expect(v(grid, 0, 0)).toBe('张三 ');
    expect(v(grid, 0, 1)).toBe('A&B <x> 第一行\r\n第二行');
    expect(v(grid, 0, 2)).toBe('<raw & kept>');
  });

  it('inline rich strings, formula strings, booleans, errors, ISO dates; cells without r', async () => {
    const body =
      '<row r="2"><c t="inlineStr"><is><r><t>李</t></r><r><t>四</t></r></is></c><c t="str"><f>A2&amp;"x"</f><v>李四x</v></c>' +
      '<c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="d"><v>1985-03-12T00:00:00</v></c><c><f>1+1</f><v>2</v></c></row>';
    const { grid } = await read(xlsxFile([{ name: 'S', body }]), 'xlsx');
    expect(grid.rows[0]).toBeUndefined();
    expect([0, 1, 2, 4, 5].map((c) => v(grid, 1, c))).toEqual(['李四', '李四x', true, utc(1985, 3, 12), 2]);
    expect(grid.rows[1]?.[3]).toEqual({ value: null, text: '#N/A' });
  });

  it('inflated used range: dimension to row 1048576, thousands of empty styled cells, empty rows', async () => {
    const empties = (r: number) => Array.from({ length: 3000 }, (_, i) => `<c r="${colName(i + 2)}${r}" s="1"/>`).join('');
    let body = `<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>性别</t></is></c>${empties(1)}</row>`;
    body += `<row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c><c r="B2" t="inlineStr"><is><t>男</t></is></c>${empties(2)}</row>`;
    for (let r = 3; r < 2000; r++) body += `<row r="${r}" s="1" customFormat="1"/>`;
    body += '<row r="1048576" s="1"/>';
    const { grid } = await read(xlsxFile([{ name: 'S', body, dimension: 'A1:DKJ1048576' }], { styles }), 'xlsx');
    expect(grid.rowCount).toBe(2);
    expect(grid.colCount).toBe(2);
    expect(grid.rows.length).toBe(2);
  });

  it('merges, hidden sheets, 1904 dates, absolute part names and a namespace prefix', async () => {
    const body = '<x:row r="1"><x:c r="A1" s="3"><x:v>29656</x:v></x:c></x:row></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:C2"/></x:mergeCells>';
    const file = xlsxFile(
      [
        { name: '说明', body: '', hidden: true },
        { name: '花名册', body },
      ],
      { styles: styles.replace(/<(\/?)(numFmts|numFmt|cellXfs|xf)/g, '<$1x:$2'), date1904: true, absoluteTargets: true, prefix: 'x' },
    );
    const { grid, names, hidden } = await read(file, 'xlsx', '花名册');
    expect(names).toEqual(['说明', '花名册']);
    expect(hidden).toEqual(['说明']);
    expect(v(grid, 0, 0)).toEqual(utc(1985, 3, 12));
    expect(grid.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 2 }]);
  });

  it('content decides the format, not the extension: an .xlsx named .csv is read as .xlsx', async () => {
    const { format, grid } = await read(xlsxFile([{ name: 'S', body: '<row r="1"><c r="A1"><v>1</v></c></row>' }]), 'csv');
    expect(format).toBe('xlsx');
    expect(v(grid, 0, 0)).toBe(1);
  });
});

function colName(i: number): string {
  let s = '';
  for (let k = i; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

describe('.xls (BIFF8)', () => {
  const book = (opts: Parameters<typeof biffWorkbook>[1] = {}) =>
    cfb([
      {
        name: 'Workbook',
        data: biffWorkbook(
          [
            { name: '隐藏', hidden: true, cells: [{ row: 0, col: 0, v: 'x' }] },
            {
              name: '花名册',
              withChart: true,
              cells: [
                { row: 0, col: 0, v: '姓名' },
                { row: 0, col: 1, v: '出生日期' },
                { row: 1, col: 0, v: '欧阳修远（一个很长的名字用来跨越记录边界）' },
                { row: 1, col: 1, v: 31118, xf: 16 },
                { row: 2, col: 1, v: 31118, xf: 17, rk: true },
                { row: 3, col: 1, v: 31118, xf: 18 },
                { row: 4, col: 1, v: 40422, xf: 19 },
                { row: 5, col: 0, v: { formulaString: '公式结果' } },
                { row: 5, col: 1, v: true },
                { row: 6, col: 0, v: 13800138000 },
              ],
              mulrk: { row: 7, col: 0, values: [12.34, 5], xf: 15 },
              merges: [[1, 2, 0, 0]],
            },
          ],
          opts,
        ),
      },
    ]);

  it('sheets, shared strings across CONTINUE records, dates by format id, RK/MULRK, formulas, booleans, merges', async () => {
    const { grid, names, hidden, format } = await read(book({ sstSplit: 41 }), 'xls', '花名册');
    expect(format).toBe('xls');
    expect(names).toEqual(['隐藏', '花名册']);
    expect(hidden).toEqual(['隐藏']);
    expect(v(grid, 1, 0)).toBe('欧阳修远（一个很长的名字用来跨越记录边界）');
    expect([1, 2, 3, 4].map((r) => v(grid, r, 1))).toEqual([utc(1985, 3, 12), utc(1985, 3, 12), utc(1985, 3, 12), utc(2010, 9, 1)]);
    expect([1, 2, 3, 4].map((r) => t(grid, r, 1))).toEqual(['1985年3月12日', '1985/3/12', '1985.03', '2010年9月']);
    expect(v(grid, 5, 0)).toBe('公式结果');
    expect(v(grid, 5, 1)).toBe(true);
    expect(v(grid, 6, 0)).toBe(13800138000);
    expect([v(grid, 7, 0), v(grid, 7, 1)]).toEqual([12.34, 5]);
    expect(grid.merges).toEqual([{ top: 1, left: 0, bottom: 2, right: 0 }]);
    expect(grid.rows[0]?.[0]?.value).toBe('姓名'); // the embedded chart's cell did not land here
  });

  it('the 1904 date system', async () => {
    const file = cfb([{ name: 'Workbook', data: biffWorkbook([{ name: 'S', cells: [{ row: 0, col: 0, v: 29656, xf: 17 }] }], { date1904: true }) }]);
    expect(v((await read(file, 'xls')).grid, 0, 0)).toEqual(utc(1985, 3, 12));
  });
});

describe('.csv', () => {
  const roster = '姓名,性别,备注,工号\r\n张三,男,"住址：北京市，朝阳区\n（多行）",="0123"\r\n李四,女,"他说""好""",\'00456\r\n';

  it('UTF-8 without BOM: quoted fields with newlines and commas, ="0123" and a leading apostrophe', async () => {
    const { grid, format } = await read(Buffer.from(roster), 'csv');
    expect(format).toBe('csv');
    expect(v(grid, 1, 2)).toBe('住址：北京市，朝阳区\n（多行）');
    expect(v(grid, 1, 3)).toBe('0123');
    expect(v(grid, 2, 2)).toBe('他说"好"');
    expect(v(grid, 2, 3)).toBe('00456');
    expect(grid.rowCount).toBe(3);
  });

  it('GBK (saved by Chinese Excel) is decoded as GB18030', async () => {
    const { grid } = await read(iconv.encode(`${roster}王𠀀五,男,,\r\n`, 'gb18030'), 'csv');
    expect(v(grid, 1, 0)).toBe('张三');
    expect(v(grid, 3, 0)).toBe('王𠀀五');
    const gbk = await read(iconv.encode('姓名,性别\n张三,男\n', 'gbk'), 'csv');
    expect(v(gbk.grid, 1, 0)).toBe('张三');
  });

  it('UTF-16 LE with BOM, tab separated (Excel’s "Unicode 文本")', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t性别\r\n张三\t男\r\n', 'utf16le')]);
    const { grid } = await read(bytes, 'txt');
    expect([v(grid, 1, 0), v(grid, 1, 1)]).toEqual(['张三', '男']);
  });

  it('the sheet is named after the file; numbers stay text for the value layer', async () => {
    const file = path.join(dir, '花名册2024.csv');
    writeFileSync(file, '身份证号,电话\n3.60723E+18,13800138000\n');
    const wb = await openWorkbook(file);
    expect(wb.sheetNames()).toEqual(['花名册2024']);
    const grid = await wb.readSheet('花名册2024');
    expect([v(grid, 1, 0), v(grid, 1, 1)]).toEqual(['3.60723E+18', '13800138000']);
    await wb.close();
  });
});

describe('Excel 2003 XML', () => {
  it('styles, DateTime data, merges across and down, skipped columns and rows, two sheets', async () => {
    const xml = `<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Styles><Style ss:ID="d"><NumberFormat ss:Format="Short Date"/></Style></Styles>
 <Worksheet ss:Name="花名册"><Table>
  <Row><Cell ss:MergeAcross="2"><Data ss:Type="String">2024年花名册</Data></Cell></Row>
  <Row><Cell><Data ss:Type="String">姓名</Data></Cell><Cell><Data ss:Type="String">出生日期</Data></Cell><Cell><Data ss:Type="String">入会时间</Data></Cell></Row>
  <Row><Cell ss:MergeDown="1"><Data ss:Type="String">张&amp;三</Data></Cell><Cell ss:StyleID="d"><Data ss:Type="Number">31118</Data></Cell><Cell><Data ss:Type="DateTime">2010-09-01T00:00:00.000</Data></Cell></Row>
  <Row ss:Index="5"><Cell ss:Index="3"><Data ss:Type="Boolean">1</Data></Cell></Row>
 </Table></Worksheet>
 <Worksheet ss:Name="Sheet2"><Table/></Worksheet>
</Workbook>`;
    const { grid, names, format } = await read(Buffer.from(xml), 'xls');
    expect(format).toBe('xml2003');
    expect(names).toEqual(['花名册', 'Sheet2']);
    expect(v(grid, 0, 0)).toBe('2024年花名册');
    expect(v(grid, 2, 0)).toBe('张&三');
    expect(v(grid, 2, 1)).toEqual(utc(1985, 3, 12));
    expect(v(grid, 2, 2)).toEqual(utc(2010, 9, 1));
    expect(v(grid, 4, 2)).toBe(true);
    expect(grid.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 2, left: 0, bottom: 3, right: 0 },
    ]);
  });
});
