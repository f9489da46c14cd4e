/**
 * The rows a clerk must look at again — every skipped row and every row with a real conflict (not the rows
 * whose only note is 本科 → 大学本科) — with the file's own cells, kept while the file is read (a large
 * file's records are let go as it is planned). They become the 问题行 workbook: the file's columns, 行号 and
 * 问题, to fix in Excel/WPS and import again.
 */
import type { IssueSheet } from '../../imports/imports.repo';
import type { PlannedRow } from './import-plan';
import type { ResolvedMapping } from './import-rows';

/** Rows kept per batch (beyond it the count says how many more there were). */
export const MAX_ISSUE_ROWS = 10_000;

export const needsLook = (p: PlannedRow): boolean => p.action === 'skip' || p.row.warnings.some((w) => !w.benign);

export class IssueCollector {
  private readonly headers: string[];
  /** Per sheet: for each header of the first sheet, the column index in this sheet (-1: not there). */
  private readonly at = new Map<string, number[]>();
  /**
   * Each kept row as its JSON text ({sheet, row, cells, problems}): what is stored in the end, a third of
   * the memory of the row objects and their cell strings (which would keep the file's strings alive), and it
   * crosses to the writer thread as one string instead of 10,000 objects to clone and stringify there.
   */
  private readonly rows: string[] = [];
  private total = 0;

  constructor(
    mapping: ResolvedMapping,
    private readonly multiSheet: boolean,
  ) {
    this.headers = mapping.first.columns.map((c) => c.header);
    for (const [sheet, m] of mapping.bySheet) {
      const index = new Map(m.columns.map((c) => [c.header, c.index]));
      this.at.set(sheet, this.headers.map((h) => index.get(h) ?? -1));
    }
  }

  add(p: PlannedRow): void {
    if (!needsLook(p)) return;
    this.total++;
    const record = p.row.record;
    if (this.rows.length >= MAX_ISSUE_ROWS || !record) return;
    const at = this.at.get(p.row.sheet) ?? [];
    const said = (i: { header: string; message: string }) => (i.header ? `「${i.header}」${i.message}` : i.message);
    const row: IssueSheet['rows'][number] = {
      sheet: p.row.sheet,
      row: p.row.excelRow,
      cells: at.map((i) => (i < 0 ? '' : (record.cells[i]?.text ?? ''))),
      problems: [...p.row.errors, ...p.row.warnings].map(said).join('；'),
    };
    this.rows.push(JSON.stringify(row));
  }

  get count(): number {
    return this.total;
  }

  /** The 问题行 as stored (the same text as JSON.stringify of sheet()), or null when there are none. */
  json(): string | null {
    if (!this.total) return null;
    const head = JSON.stringify({ headers: shownHeaders(this.headers), multiSheet: this.multiSheet });
    return `${head.slice(0, -1)},"rows":[${this.rows.join(',')}],"total":${this.total}}`;
  }

  sheet(): IssueSheet | null {
    const json = this.json();
    return json === null ? null : (JSON.parse(json) as IssueSheet);
  }
}

/**
 * The workbook's one header row: a two-row header's sub-column (基本信息/姓名 → 姓名), so the fixed file maps
 * again by itself; kept whole where two sub-columns share a name (小组A/姓名, 小组B/姓名).
 */
export function shownHeaders(headers: readonly string[]): string[] {
  const last = headers.map((h) => h.split('/').pop() ?? h);
  const count = new Map<string, number>();
  for (const l of last) count.set(l, (count.get(l) ?? 0) + 1);
  return headers.map((h, i) => (count.get(last[i]!) === 1 ? last[i]! : h));
}
