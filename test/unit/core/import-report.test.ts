import { describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../../shared/contract/imports';
import { issueLines, listedIssues, MAX_LISTED_ISSUES } from '../../../electron/core/imports/report';

const issue = (row: number, message: string, benign = false, header = '学历'): ImportIssue => ({ sheet: 'S', row, column: 'F', header, message, ...(benign ? { benign: true } : {}) });

describe('listedIssues', () => {
  it('lists conflicts first, counts them, and groups benign notes per column and message', () => {
    const rows = [
      { errors: [], warnings: [issue(2, '学历「本科」按「大学本科」导入', true)] },
      { errors: [], warnings: [issue(3, '学历「本科」按「大学本科」导入', true), issue(3, '填写的出生日期 1975-07-01 与身份证号不符', false, '出生年月')] },
      { errors: [], warnings: [issue(4, '学历「硕士研究生」按「研究生」导入', true)] },
      { errors: [], warnings: [issue(5, '学历「本科」按「大学本科」导入', true)] },
    ];
    const r = listedIssues(rows, (p) => p);
    expect(r.warnings[0]!.message).toContain('与身份证号不符');
    expect(r.summary).toEqual({
      conflicts: 1,
      notes: [
        { header: '学历', message: '学历「本科」按「大学本科」导入', count: 3, rows: [2, 3, 5] },
        { header: '学历', message: '学历「硕士研究生」按「研究生」导入', count: 1, rows: [4] },
      ],
    });
    const lines = issueLines({ errors: [], warnings: r.warnings, warningSummary: r.summary });
    expect(lines).toEqual([
      '需要核对 1 条（已导入，请核对）：',
      '  第 3 行 F 列「出生年月」：填写的出生日期 1975-07-01 与身份证号不符',
      '已自动规范 4 处：',
      '  学历「本科」按「大学本科」导入：3 行',
      '  学历「硕士研究生」按「研究生」导入：1 行',
    ]);
  });

  it('never lets notes crowd a conflict out of the capped list', () => {
    const rows = [
      ...Array.from({ length: MAX_LISTED_ISSUES + 10 }, (_, i) => ({ errors: [], warnings: [issue(i + 2, '学历「本科」按「大学本科」导入', true)] })),
      { errors: [], warnings: [issue(99999, '入会时间 2031-01-01 晚于今天，请核对', false, '入会时间')] },
    ];
    const r = listedIssues(rows, (p) => p);
    expect(r.warnings).toHaveLength(MAX_LISTED_ISSUES);
    expect(r.warnings[0]!.row).toBe(99999);
    expect(r.more).toBe(11);
    expect(r.summary.notes[0]!.count).toBe(MAX_LISTED_ISSUES + 10);
  });
});
