import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import '../../../shared/zod-zh';
import { safeFileName } from '../../../electron/core/files/file-store';
import { openTestContext } from '../../helpers/context';

// No English word may reach the clerk: only digits, punctuation, Chinese and the values the issue quotes.
const ENGLISH_WORD = /[A-Za-z]{2,}/;

describe('validation messages the UI or CLI can show', () => {
  const schema = z.strictObject({
    a: z.string(),
    b: z.number(),
    c: z.enum(['male', 'female']),
    d: z.string().max(3),
    e: z.array(z.string()).min(1),
    f: z.boolean(),
    g: z.string().min(1),
    h: z.string().regex(/^\d+$/),
    i: z.number().int().min(1),
    j: z.union([z.string(), z.number()]),
    k: z.iso.date(),
    l: z.object({ x: z.string() }),
    m: z.record(z.string(), z.number()),
    n: z.number().max(10),
  });
  const bad = { a: {}, b: 'x', c: 'other', d: 'abcd', e: [], f: 'yes', g: '', h: 'b', i: 0.5, j: {}, k: '2024-13-01', l: null, m: { q: 'x' }, n: 11, extra: 1 };
  const issues = schema.safeParse(bad).error!.issues;

  it('are Chinese for every kind of issue, without English type names', () => {
    expect(issues.length).toBeGreaterThan(12);
    for (const i of issues) {
      expect(i.message, `${i.code} ${i.path.join('.')}`).toMatch(/[\u4e00-\u9fff]/);
      expect(i.message.replace(/「[^」]*」/g, ''), `${i.code} ${i.path.join('.')}`).not.toMatch(ENGLISH_WORD);
    }
  });

  it('say what was expected in the clerk’s words', () => {
    const by = (key: string) => issues.find((i) => i.path[0] === key)?.message;
    expect(by('a')).toBe('应为文本，实际为一组字段');
    expect(by('b')).toBe('应为数字，实际为文本');
    expect(by('c')).toBe('应为以下之一：「male」、「female」');
    expect(by('d')).toBe('不能超过 3 个字');
    expect(by('g')).toBe('不能为空');
    expect(by('k')).toBe('格式不正确，应为日期（如 2024-05-01）');
    expect(z.string().safeParse(undefined).error!.issues[0]!.message).toBe('必填');
    expect(issues.find((i) => i.code === 'unrecognized_keys')?.message).toBe('含有不认识的字段：「extra」');
  });

  it('reach a channel’s caller in Chinese', async () => {
    const ctx = await openTestContext();
    try {
      const r = await ctx.dispatch('settings.update', { unitName: {} });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(!r.ok && r.error.message).toBe('输入有误：应为文本，实际为一组字段');
    } finally {
      await ctx.close();
    }
  });
});

describe('file names from outside', () => {
  it('lose Unicode direction overrides and other invisible characters with the ASCII controls', () => {
    expect(safeFileName('名单\u202Exslx.exe')).toBe('名单xslx.exe');
    expect(safeFileName('\u2066花名册\u2069\u200f.xlsx')).toBe('花名册.xlsx');
    expect(safeFileName('a\u0000b\u001fc.csv')).toBe('abc.csv');
    expect(safeFileName('报告\u061c\ufeff.pdf')).toBe('报告.pdf');
  });
});
