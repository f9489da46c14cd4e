/**
 * The report every import hands back, in the words the CLI prints (the renderer shows the same findings in
 * its result step). Row numbers are Excel's (1-based); `column` in the JSON is the column's header as shown
 * in the file ('' for a finding about the whole row, e.g. a duplicate).
 */
import type { ImportColumn, ImportIssue, WarningSummary } from '../../../shared/contract/imports';
import { columnLetter } from '../spreadsheet/detect';

/** Lines of findings printed for people; the JSON document lists them all. */
export const SHOWN_ISSUES = 50;

export const issueJson = (i: ImportIssue) => ({ row: i.row, column: i.header, message: i.message });

export const issueLine = (i: ImportIssue, multiSheet = false): string =>
  `  ${multiSheet ? `「${i.sheet}」` : ''}第 ${i.row} 行${i.header ? ` ${i.column} 列「${i.header}」` : ''}：${i.message}`;

/** One grouped note as the clerk reads it: 「学历「本科」按「大学本科」导入：48 行」. */
export const noteLine = (n: WarningSummary['notes'][number]): string => `${n.message}：${n.count} 行`;

/**
 * The errors and warnings of a report as printed lines, the first SHOWN_ISSUES of each. With a warning
 * summary, the real conflicts come first with their own count and the benign notes follow, one line each.
 */
export function issueLines(r: { errors: ImportIssue[]; warnings: ImportIssue[]; warningSummary?: WarningSummary }, multiSheet = false): string[] {
  const lines: string[] = [];
  const section = (title: string, list: ImportIssue[], total = list.length) => {
    if (!total) return;
    lines.push(`${title.replace('{n}', String(total))}：`, ...list.slice(0, SHOWN_ISSUES).map((i) => issueLine(i, multiSheet)));
    if (total > Math.min(list.length, SHOWN_ISSUES)) lines.push(`  …… 另有 ${total - Math.min(list.length, SHOWN_ISSUES)} 条，用 --json 查看全部`);
  };
  section('错误 {n} 条（这些行未导入）', r.errors);
  const s = r.warningSummary;
  if (!s) {
    section('提示 {n} 条', r.warnings);
    return lines;
  }
  section('需要核对 {n} 条（已导入，请核对）', r.warnings.filter((w) => !w.benign), s.conflicts);
  if (s.notes.length) {
    lines.push(`已自动规范 ${s.notes.reduce((n, x) => n + x.count, 0)} 处：`, ...s.notes.slice(0, SHOWN_ISSUES).map((n) => `  ${noteLine(n)}`));
    if (s.notes.length > SHOWN_ISSUES) lines.push(`  …… 另有 ${s.notes.length - SHOWN_ISSUES} 种，用 --json 查看全部`);
  }
  return lines;
}

/** The batch line every committed import prints. */
export const batchLine = (verb: string, batchId: number | null, backup: string | null): string[] =>
  batchId !== null ? [`批次号 ${batchId}（撤销：ledger ${verb} undo-import ${batchId}）；导入前已备份 ${backup ?? ''}。`] : [];

/** Rows shown from the top of the file, then rows with findings, up to the total. */
export const PREVIEW_FIRST_ROWS = 50;
export const PREVIEW_MAX_ROWS = 400;
/** Findings listed per kind; the rest are counted in moreIssues. */
export const MAX_LISTED_ISSUES = 5000;

/** One column of the mapping step: where it is, what the file calls it, which field it went to and why. */
export function importColumn(
  c: { index: number; header: string; field: string | null; confidence: number; userChosen?: boolean | undefined },
  fieldLabel: string | null,
  hint: string | null,
): ImportColumn {
  return { index: c.index, letter: columnLetter(c.index), header: c.header, field: c.field, fieldLabel, confidence: c.confidence, userChosen: !!c.userChosen, hint };
}

interface Findings {
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/** The rows a preview shows: the first PREVIEW_FIRST_ROWS, then rows with findings, PREVIEW_MAX_ROWS at most. */
export function previewRows<P, R>(planned: readonly P[], findings: (p: P) => Findings, show: (p: P) => R): R[] {
  const rows: R[] = [];
  for (const p of planned) {
    if (rows.length >= PREVIEW_MAX_ROWS) break;
    const f = findings(p);
    if (rows.length < PREVIEW_FIRST_ROWS || f.errors.length || f.warnings.length) rows.push(show(p));
  }
  return rows;
}

/** Rows named per grouped note (the count says how many there are in all). */
const NOTE_ROWS = 20;

/**
 * Every finding of the plan, MAX_LISTED_ISSUES of each kind listed and the rest counted in `more`. Warnings:
 * the real conflicts first, then the benign notes; `summary` counts the conflicts and groups the benign notes
 * per column and message, over every row (not only the listed ones).
 */
export function listedIssues<P>(
  planned: readonly P[],
  findings: (p: P) => Findings,
): { errors: ImportIssue[]; warnings: ImportIssue[]; more: number; summary: WarningSummary } {
  const errors: ImportIssue[] = [];
  const conflicts: ImportIssue[] = [];
  const benign: ImportIssue[] = [];
  const notes = new Map<string, WarningSummary['notes'][number]>();
  let conflictCount = 0;
  let more = 0;
  for (const p of planned) {
    const f = findings(p);
    for (const e of f.errors) {
      if (errors.length < MAX_LISTED_ISSUES) errors.push(e);
      else more++;
    }
    for (const w of f.warnings) {
      if (w.benign) {
        const key = `${w.header}\u0000${w.message}`;
        const n = notes.get(key);
        if (n) {
          n.count++;
          if (n.rows.length < NOTE_ROWS) n.rows.push(w.row);
        } else notes.set(key, { header: w.header, message: w.message, count: 1, rows: [w.row] });
      } else conflictCount++;
      const list = w.benign ? benign : conflicts;
      if (list.length < MAX_LISTED_ISSUES) list.push(w);
      else more++;
    }
  }
  // A conflict is never crowded out of the list by notes.
  const room = MAX_LISTED_ISSUES - conflicts.length;
  more += Math.max(0, benign.length - room);
  const summary = { conflicts: conflictCount, notes: [...notes.values()].sort((a, b) => b.count - a.count) };
  return { errors, warnings: [...conflicts, ...benign.slice(0, room)], more, summary };
}
