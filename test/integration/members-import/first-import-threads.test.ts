/**
 * A first roster of 5,000 people through the import thread and the writer thread as the app ships them: the
 * 工会小组 named across several chunks (and spelled two ways) are created once, in the writer's transaction,
 * before the first row that names them; every member has one; the 问题行 are kept with the batch.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { commitImport } from '../../../electron/core/members/import/import-commit';
import * as importRepo from '../../../electron/core/imports/imports.repo';
import { openTestContext, tempDir } from '../../helpers/context';
import { idFor } from '../../fixtures/first-roster';
import { tokenOf, writeXlsx } from './helpers';
import { useWorkerBundle } from './worker-bundles';

let bundles: { dispose(): void }[] = [];
beforeAll(async () => {
  bundles = [await useWorkerBundle('writer'), await useWorkerBundle('engine')];
  process.env.LEDGER_IMPORT_ENGINE_MIN_BYTES = '0';
});
afterAll(() => {
  for (const b of bundles) b.dispose();
  delete process.env.LEDGER_IMPORT_ENGINE_MIN_BYTES;
});

let ctx: AppContext;
beforeEach(async () => {
  ctx = await openTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

describe('first roster through the threads', () => {
  it('creates the twelve groups once and puts every member in one', async () => {
    const rows: (string | null)[][] = [['姓名', '身份证号', '所在小组', '入会时间']];
    for (let i = 0; i < 5000; i++) {
      const g = i % 12;
      // Group 12 first appears in the third chunk; every 7th row spells its group with Arabic numerals.
      const group = i < 4500 && g === 11 ? `第${CN[0]}小组` : i % 7 === 0 ? `第${g + 1}小组` : `第${CN[g]}小组`;
      rows.push([`会员${i}`, idFor(`19${String(60 + (i % 40)).padStart(2, '0')}-0${(i % 9) + 1}-1${i % 9}`, i % 1000), group, i === 4999 ? '2031-01-01' : '2020-09-01']);
    }
    const file = await writeXlsx(path.join(tempDir(), '全校花名册.xlsx'), { 花名册: rows });
    const r = await commitImport(ctx, { token: tokenOf(ctx, file) });
    expect(r.counts).toMatchObject({ rowsRead: 5000, created: 5000, skipped: 0 });
    const units = ctx.db.prepare('SELECT name FROM union_units WHERE deleted_at IS NULL ORDER BY id').all() as { name: string }[];
    expect(units.map((u) => u.name)).toEqual(CN.map((c) => `第${c}小组`));
    // Created as 第1小组 (row 2 spells it so), named as most rows spell it, and audited under that name.
    const audited = ctx.db.prepare("SELECT json_extract(after_json, '$.name') AS name FROM audit_log WHERE action = 'groups.create' ORDER BY CAST(entity_id AS INTEGER)").all() as { name: string }[];
    expect(audited.map((a) => a.name)).toEqual(units.map((u) => u.name));
    expect(r.units.matches).toEqual(expect.arrayContaining([expect.objectContaining({ given: '第1小组', name: '第一小组', existing: false })]));
    expect((ctx.db.prepare('SELECT count(*) AS n FROM members WHERE group_id IS NULL').get() as { n: number }).n).toBe(0);
    expect((ctx.db.prepare("SELECT count(*) AS n FROM members m JOIN union_units u ON u.id = m.group_id WHERE u.name = '第十二小组'").get() as { n: number }).n).toBe(41);
    expect(r.issueRows).toBe(1);
    expect(importRepo.getBatchIssues(ctx.db, r.batchId!)?.rows).toEqual([expect.objectContaining({ row: 5001, problems: '「入会时间」入会时间 2031-01-01 晚于今天，请核对' })]);
  });
});
