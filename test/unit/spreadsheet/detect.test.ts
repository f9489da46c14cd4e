import { describe, expect, it } from 'vitest';
import { detectTable } from '../../../electron/core/spreadsheet/detect';
import { detectMemberTable } from '../../../electron/core/members/import/member-columns';
import type { Cell, MergeRange, SheetGrid } from '../../../electron/core/spreadsheet/types';

type V = string | number | null;
/** A grid from rows of values (null = empty) and merges given as Excel ranges ("A1:D1"). */
function grid(rows: V[][], merges: string[] = []): SheetGrid {
  const toCell = (v: V): Cell | undefined => (v === null || v === '' ? undefined : { value: v, text: String(v) });
  const ref = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a) as RegExpExecArray;
    return { col: (m[1] as string).charCodeAt(0) - 65, row: Number(m[2]) - 1 };
  };
  const mergeList: MergeRange[] = merges.map((m) => {
    const [a, b] = m.split(':').map(ref) as [{ col: number; row: number }, { col: number; row: number }];
    return { top: a.row, left: a.col, bottom: b.row, right: b.col };
  });
  const out = rows.map((r) => (r.every((v) => v === null) ? undefined : r.map(toCell)));
  return { name: 'S', rows: out, merges: mergeList, rowCount: rows.length, colCount: Math.max(...rows.map((r) => r.length)) };
}

const ok = (d: ReturnType<typeof detectTable>) => {
  if (!d.ok) throw new Error(d.reason);
  return d;
};

describe('detectTable', () => {
  it('skips a merged title and an instruction row; finds a one-row header', () => {
    const d = ok(
      detectMemberTable(
        grid(
          [
            ['2024年度工会会员花名册', null, null, null],
            ['填表说明：身份证号请设为文本格式，出生日期写成 1985-03-12 这样的格式，不要合并单元格', null, null, null],
            ['序号', '姓名', '性别', '身份证号'],
            [1, '张三', '男', '110105198503120021'],
            [2, '李四', '女', '110105198503120048'],
          ],
          ['A1:D1', 'A2:D2'],
        ),
      ),
    );
    expect(d.titleRows).toEqual([1, 2]);
    expect(d.headerRows).toEqual([3]);
    expect(d.records.map((r) => r.excelRow)).toEqual([4, 5]);
    expect(d.columns.map((c) => c.header)).toEqual(['序号', '姓名', '性别', '身份证号']);
  });

  it('two-row grouped header with merged group cells (基本信息 / 会籍信息)', () => {
    const d = ok(
      detectMemberTable(
        grid(
          [
            ['序号', '基本信息', null, null, '会籍信息', null],
            [null, '姓名', '性别', '出生日期', '入会时间', '会员证号'],
            [1, '张三', '男', '1985-03-12', '2010-09-01', 'HY001'],
          ],
          ['A1:A2', 'B1:D1', 'E1:F1'],
        ),
      ),
    );
    expect(d.headerRows).toEqual([1, 2]);
    expect(d.columns.map((c) => [c.header, c.group ?? null, c.name])).toEqual([
      ['序号', null, '序号'],
      ['基本信息/姓名', '基本信息', '姓名'],
      ['基本信息/性别', '基本信息', '性别'],
      ['基本信息/出生日期', '基本信息', '出生日期'],
      ['会籍信息/入会时间', '会籍信息', '入会时间'],
      ['会籍信息/会员证号', '会籍信息', '会员证号'],
    ]);
    expect(d.records).toHaveLength(1);
  });

  it('two-row grouped header without merges (a CSV of a grouped sheet)', () => {
    const d = ok(
      detectMemberTable(
        grid([
          ['基本信息', null, null, '联系方式', null],
          ['姓名', '性别', '民族', '手机号码', '电话'],
          ['张三', '男', '汉族', '13800138000', '010-1234567'],
        ]),
      ),
    );
    expect(d.headerRows).toEqual([1, 2]);
    expect(d.columns.map((c) => c.header)).toEqual(['基本信息/姓名', '基本信息/性别', '基本信息/民族', '联系方式/手机号码', '联系方式/电话']);
  });

  it('footers (合计, 制表人, 填表说明, signature lines) are not records; blank rows inside are skipped', () => {
    const d = ok(
      detectMemberTable(
        grid(
          [
            ['姓名', '性别', '部门', '月工资'],
            ['张三', '男', '办公室', 5000],
            [null, null, null, null],
            ['李四', '女', '财务科', 6000],
            ['合 计', null, null, 11000],
            [null, null, null, null],
            ['制表人：王五', null, '审核人：赵六', null],
            ['填表说明：本表一式两份，报上级工会一份。', null, null, null],
            [null, null, '年    月    日', null],
          ],
          ['A8:D8'],
        ),
      ),
    );
    expect(d.records.map((r) => r.excelRow)).toEqual([2, 4]);
    expect(d.footerRows).toEqual([5, 7, 8, 9]);
    expect(d.notes.join('\n')).toContain('表尾');
  });

  it('a repeated header (a printed roster) and 小计 rows inside the data are skipped', () => {
    const d = ok(
      detectMemberTable(
        grid([
          ['姓名', '性别', '部门'],
          ['张三', '男', '办公室'],
          ['小计', null, 1],
          ['姓名', '性别', '部门'],
          ['李四', '女', '财务科'],
        ]),
      ),
    );
    expect(d.records.map((r) => r.excelRow)).toEqual([2, 5]);
    expect(d.skippedRows).toEqual([3, 4]);
  });

  it('a long run of blank rows ends the table', () => {
    const rows: V[][] = [['姓名', '性别'], ['张三', '男']];
    for (let i = 0; i < 12; i++) rows.push([null, null]);
    rows.push(['另一张表', '备用']);
    const d = ok(detectMemberTable(grid(rows)));
    expect(d.records.map((r) => r.excelRow)).toEqual([2]);
    expect(d.notes.join()).toContain('第 15 行起的内容与表格隔了 10 个以上空行');
  });

  it('vertical merges in data columns are filled down; the grid itself is not changed', () => {
    const g = grid(
      [
        ['部门', '姓名', '性别'],
        ['办公室', '张三', '男'],
        [null, '李四', '女'],
        [null, '王五', '男'],
      ],
      ['A2:A4'],
    );
    const d = ok(detectMemberTable(g));
    expect(d.records.map((r) => r.cells[0]?.value)).toEqual(['办公室', '办公室', '办公室']);
    expect(g.rows[2]?.[0]).toBeUndefined();
  });

  it('duplicate header names without groups are kept apart', () => {
    const d = ok(detectMemberTable(grid([['姓名', '电话', '电话'], ['张三', '1', '2']])));
    expect(d.columns.map((c) => c.header)).toEqual(['姓名', '电话', '电话(2)']);
  });

  it('no usable table: a form with label：value cells, a sheet of numbers, an empty sheet', () => {
    const form = detectMemberTable(
      grid([
        ['专项支出用款申请书', null, null],
        ['申请单位：（公章）', '申请日期：2024-01-01', '单位：元'],
        ['项目名称', '申请金额', '核定金额'],
        ['办公设备', 5000, 4000],
      ]),
    );
    expect(form.ok).toBe(false);
    if (!form.ok) expect(form.reason).toMatch(/^未找到可导入的表格/);
    expect(detectMemberTable(grid([[1, 2], [3, 4]])).ok).toBe(false);
    expect(detectTable(grid([])).ok).toBe(false);
  });

  it('without known header words the shape alone decides (for other imports)', () => {
    const d = ok(detectTable(grid([['标题', null], ['项目', '金额'], ['甲', 1], ['乙', 2]])));
    expect(d.headerRows).toEqual([2]);
    expect(d.records).toHaveLength(2);
  });
});

describe('a header below the rows searched', () => {
  // 34 rows of notes above the header: more than the 30 rows searched.
  const rows: V[][] = [
    ...Array.from({ length: 34 }, (_v, i): V[] => [`第 ${i + 1} 条填表说明：请按单位人事系统导出的顺序填写`, null, null]),
    ['姓名', '性别', '身份证号'],
    ['张三', '男', '110105198503120021'],
    ['李四', '女', '110105198503120048'],
  ];

  it('is refused with what to do: delete the rows above, or name the header row in the wizard', () => {
    const d = detectMemberTable(grid(rows));
    expect(d.ok).toBe(false);
    expect(!d.ok && d.reason).toBe(
      '未找到可导入的表格：前 30 行里没有像表头的行（至少两个文字列名）。如果表头在更下面，请在 Excel/WPS 中删除表头上方的行后另存再导入，或在导入向导「选择工作表」一步中指定表头所在的行',
    );
  });

  it('is found when the clerk names its row', () => {
    const d = ok(detectMemberTable(grid(rows), { headerRow: 35 }));
    expect(d.headerRows).toEqual([35]);
    expect(d.columns.map((c) => c.header)).toEqual(['姓名', '性别', '身份证号']);
    expect(d.records.map((r) => r.excelRow)).toEqual([36, 37]);
    expect(d.titleRows).toHaveLength(34);
  });

  it('names an empty chosen row instead of guessing', () => {
    const d = detectMemberTable(grid([...rows, [null, null, null]]), { headerRow: 38 });
    expect(!d.ok && d.reason).toBe('未找到可导入的表格：指定的表头行（第 38 行）是空的');
  });
});
