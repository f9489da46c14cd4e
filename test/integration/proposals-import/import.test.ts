import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { commitProposalImport } from '../../../electron/core/proposals/import/import-commit';
import type { BackupInfo, ProposalDetail, ProposalImportBatch, ProposalListRow } from '../../../shared/contract';
import { call, openTestContext, tempDir } from '../../helpers/context';
import { act } from '../proposals/seed';
import { commit, preview, registerFile, seedRegisterPeople, writtenCounts, type RegisterSeed } from './seed';

/**
 * The messy register of register.ts (title row, instructions, two-row merged header, 附议人 with mixed
 * separators, an unknown proposer, a member who is not a representative, two representatives named 王芳,
 * a category not configured, a footer) imported into 五届二次 on 2026-04-01.
 */
let ctx: AppContext;
let s: RegisterSeed;
let token: string;
const now = new Date('2026-04-01T09:00:00+08:00');

beforeEach(async () => {
  ctx = await openTestContext({ clock: () => now });
  s = await seedRegisterPeople(ctx);
  token = (await registerFile(ctx)).token;
});
afterEach(async () => {
  await ctx.close();
});

const list = async () => (await call<{ rows: ProposalListRow[] }>(ctx, 'proposals.list', { sessionId: s.session.id })).rows;
const backups = () => call<BackupInfo[]>(ctx, 'backup.list');

describe('proposal register preview', () => {
  it('finds the table under the title rows, maps the grouped header and checks every row', async () => {
    const p = await preview(ctx, { token, sessionId: s.session.id });
    expect(p.headerRows).toEqual([3, 4]);
    expect(p.notes).toContain('第 1、2 行是标题或说明，已跳过');
    expect(p.notes.some((n) => n.includes('第 13 行是表尾'))).toBe(true);
    expect(p.columns.map((c) => [c.letter, c.header, c.field])).toEqual([
      ['A', '序号', 'seq'],
      ['B', '案由', 'title'],
      ['C', '提案人/姓名', 'proposer'],
      ['D', '提案人/代表团', 'delegation'],
      ['E', '附议人', 'seconders'],
      ['F', '类别', 'category'],
      ['G', '建议承办部门', 'unit'],
      ['H', '提交日期', 'submittedDate'],
      ['I', '理由', 'reasons'],
      ['J', '办法', 'suggestions'],
      ['K', '办理情况/审查意见', 'review'],
      ['L', '办理情况/答复类别', 'replyClass'],
      ['M', '办理情况/答复日期', 'replyDate'],
      ['N', '办理情况/满意度', 'satisfaction'],
    ]);
    expect(p.blockers).toEqual([]);
    expect(p.counts).toMatchObject({ rowsRead: 7, proposals: 2, opinions: 1, skipped: 4, withHistory: 2, errorRows: 4 });
    // Numbers in file order, each series on its own.
    expect(p.rows.map((r) => [r.excelRow, r.action, r.number])).toEqual([
      [5, 'proposal', '五届二次 第001号'],
      [6, 'opinion', '五届二次 意见建议第001号'],
      [7, 'skip', null],
      [8, 'skip', null],
      [9, 'skip', null],
      [10, 'skip', null],
      [11, 'proposal', '五届二次 第002号'],
    ]);
  });

  it('reports each problem with its Excel row, column and a Chinese message', async () => {
    const p = await preview(ctx, { token, sessionId: s.session.id });
    const errors = p.errors.map((e) => [e.row, e.column, e.header, e.message]);
    expect(errors).toEqual([
      [7, 'C', '提案人/姓名', '提案人「陈路人」不是五届二次的代表，会员档案中也没有此人'],
      [8, 'C', '提案人/姓名', '提案人「周非代」（体育组）是会员，但不是五届二次的代表；可先把其加为本届代表再导入'],
      [
        9,
        'C',
        '提案人/姓名',
        '提案人「王芳」在五届二次代表中有 2 位同名：王芳（第一代表团，教务处）、王芳（第二代表团，人事处），无法确定是哪一位；请在表中注明代表团，如「王芳（第一代表团）」',
      ],
      [10, 'F', '类别', expect.stringContaining('类别「校园安全」不在提案类别列表中')],
    ]);
    expect(p.warnings.map((w) => [w.row, w.column, w.message])).toEqual([[6, 'E', '附议人 1 人，不足本届规定的 2 人，将登记为意见建议']]);
    // What the clerk can fix in the app instead of in the file.
    expect(p.fixes.representatives).toEqual([{ memberId: s.notRep, name: '周非代', detail: '体育组', delegation: '第二代表团', rows: [8] }]);
    expect(p.fixes.categories).toEqual([{ name: '校园安全', rows: [10] }]);
    expect(p.fixes.units).toEqual([]);
  });

  it('shows the raw cell beside the parsed value: names split on 、，/； and spaces, dates read', async () => {
    const p = await preview(ctx, { token, sessionId: s.session.id });
    const row11 = p.rows.find((r) => r.excelRow === 11)!;
    const cell = (letter: string) => row11.cells[p.columns.findIndex((c) => c.letter === letter)]!;
    expect(cell('E')).toEqual({ raw: '赵敏，钱学森/孙小美；张三丰', value: '赵敏、钱学森、孙小美、张三丰' });
    expect(cell('C')).toEqual({ raw: '王芳', value: '王芳（第二代表团）' });
    expect(cell('H')).toEqual({ raw: '2026年3月14日', value: '2026-03-14' });
    expect(row11.seconders).toEqual(['赵敏', '钱学森', '孙小美', '张三丰']);
    const row5 = p.rows.find((r) => r.excelRow === 5)!;
    expect(row5.steps).toEqual(['立案', '交办 后勤管理处', '答复 A 类', '反馈 满意']);
    // The 提案表 text keeps its Chinese punctuation.
    expect(row5.cells[8]!.value).toBe('午餐高峰排队时间长，菜品单一。');
  });

  it('after adding the missing representative and category, those rows go through', async () => {
    const before = await preview(ctx, { token, sessionId: s.session.id });
    const rep = before.fixes.representatives[0]!;
    await call(ctx, 'representatives.add', { sessionId: s.session.id, entries: [{ memberId: rep.memberId, delegation: rep.delegation! }] });
    const config = await call<{ categories: string[] }>(ctx, 'proposals.config');
    await call(ctx, 'proposals.configUpdate', { categories: [...config.categories, ...before.fixes.categories.map((c) => c.name)] });
    const after = await preview(ctx, { token, sessionId: s.session.id });
    expect(after.errors.map((e) => e.row)).toEqual([7, 9]);
    expect(after.rows.filter((r) => r.action !== 'skip').map((r) => [r.excelRow, r.number])).toEqual([
      [5, '五届二次 第001号'],
      [6, '五届二次 意见建议第001号'],
      [8, '五届二次 第002号'],
      [10, '五届二次 第003号'],
      [11, '五届二次 第004号'],
    ]);
  });

  it('refuses a session that does not exist, and a sheet that is not there', async () => {
    const noSession = await ctx.dispatch('proposals.importPreview', { token, sessionId: 999 });
    expect(noSession.ok).toBe(false);
    const noSheet = await ctx.dispatch('proposals.importPreview', { token, sessionId: s.session.id, sheet: '第二页' });
    expect(noSheet).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '工作表「第二页」不存在' } });
  });
});

describe('proposal register commit', () => {
  it('a dry run writes nothing and takes no backup', async () => {
    const counts = writtenCounts(ctx);
    const backupsBefore = (await backups()).length;
    const r = await commit(ctx, { token, sessionId: s.session.id, dryRun: true });
    expect(r).toMatchObject({ dryRun: true, batchId: null, backup: null, counts: { proposals: 2, opinions: 1, skipped: 4 } });
    expect(writtenCounts(ctx)).toEqual(counts);
    expect((await backups()).length).toBe(backupsBefore);
  });

  it('registers the valid rows in file order in one batch, after a backup, and lists the skipped ones', async () => {
    const r = await commit(ctx, { token, sessionId: s.session.id });
    expect(r.batchId).toEqual(expect.any(Number));
    expect((await backups()).find((b) => b.name === r.backup)?.reason).toBe('pre-import');
    const rows = await list();
    expect(rows.map((p) => [p.number, p.title, p.proposerName, p.state])).toEqual([
      ['五届二次 第001号', '关于改善教工食堂就餐环境的建议', '张三丰', 'feedback'],
      ['五届二次 第002号', '完善青年教师导师制度', '王芳', 'filed'],
      ['五届二次 意见建议第001号', '图书馆周末延长开放时间', '李秀英', 'registered'],
    ]);
    const first = await call<ProposalDetail>(ctx, 'proposals.get', { id: rows[0]!.id });
    expect(first.events.map((e) => [e.type, e.date])).toEqual([
      ['register', '2026-03-10'],
      ['file', '2026-03-10'],
      ['assign', '2026-03-10'],
      ['reply', '2026-03-25'],
      ['feedback', '2026-03-25'],
    ]);
    expect(first.events[2]).toMatchObject({ leadUnit: '后勤管理处', deadline: '2026-05-31' });
    expect(first).toMatchObject({ replyClass: 'A', feedback: 'satisfied', importBatchId: r.batchId, category: '后勤管理与服务' });
    expect(first.seconders.map((p) => p.name)).toEqual(['李秀英', '王建国']);
    const wang = await call<ProposalDetail>(ctx, 'proposals.get', { id: rows[1]!.id });
    expect(wang.proposer.memberId).toBe(s.wangFang.second);
    expect(wang.seconders.map((p) => p.name)).toEqual(['赵敏', '钱学森', '孙小美', '张三丰']);
    // The skipped rows are in the result and in the batch, each with its reason.
    expect(r.rows.filter((x) => x.action === 'skip').map((x) => x.excelRow)).toEqual([7, 8, 9, 10]);
    const batch = ctx.db.prepare('SELECT kind, summary_json FROM import_batches WHERE id = ?').get(r.batchId) as { kind: string; summary_json: string };
    expect(batch.kind).toBe('proposals');
    const summary = JSON.parse(batch.summary_json) as { created: number; skipped: number; skippedRows: { row: number; reason: string }[] };
    expect(summary).toMatchObject({ created: 3, skipped: 4, sessionLabel: '五届二次' });
    expect(summary.skippedRows.map((x) => x.row)).toEqual([7, 8, 9, 10]);
    expect(summary.skippedRows[0]!.reason).toContain('陈路人');
    // Every row written carries the batch id.
    const untagged = ctx.db.prepare('SELECT count(*) AS n FROM proposal_events WHERE import_batch_id IS NOT ?').get(r.batchId) as { n: number };
    expect(untagged.n).toBe(0);
  });

  it('does not register the same proposals again when the register is imported twice', async () => {
    await commit(ctx, { token, sessionId: s.session.id });
    const second = await commit(ctx, { token, sessionId: s.session.id });
    expect(second.batchId).toBeNull();
    expect(second.counts).toMatchObject({ proposals: 0, opinions: 0, skipped: 7 });
    expect(second.errors.find((e) => e.row === 5)?.message).toBe('本届已登记过同一提案人的同一案由（五届二次 第001号），本行不再导入');
    expect(await list()).toHaveLength(3);
  });

  it('is all or nothing: a failure while writing leaves no proposal, event or batch behind', async () => {
    const counts = writtenCounts(ctx);
    const boom = () => {
      throw new Error('磁盘已满（测试注入）');
    };
    await expect(
      commitProposalImport(ctx, { token, sessionId: s.session.id }, { beforeWrite: (i) => (i === 2 ? boom() : undefined) }),
    ).rejects.toThrow('磁盘已满');
    expect(writtenCounts(ctx)).toEqual(counts);
  });
});

describe('proposal register undo', () => {
  const batches = () => call<ProposalImportBatch[]>(ctx, 'proposals.importBatches', { sessionId: s.session.id });

  it('takes the whole batch out again, after a backup, once', async () => {
    const counts = writtenCounts(ctx);
    const r = await commit(ctx, { token, sessionId: s.session.id });
    expect((await batches()).map((b) => [b.id, b.created, b.skipped, b.undoneAt])).toEqual([[r.batchId, 3, 4, null]]);
    const undo = await call<{ removed: number; backup: string }>(ctx, 'proposals.importUndo', { batchId: r.batchId });
    expect(undo.removed).toBe(3);
    expect((await backups()).find((b) => b.name === undo.backup)?.reason).toBe('pre-undo-import');
    expect(await list()).toEqual([]);
    const after = writtenCounts(ctx);
    expect({ ...after, batches: after.batches - 1, audit: 0 }).toEqual({ ...counts, audit: 0 });
    expect((await batches())[0]!.undoneAt).toEqual(expect.any(String));
    const again = await ctx.dispatch('proposals.importUndo', { batchId: r.batchId });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // The register can be imported again after an undo: the numbers start from 1 once more.
    const redo = await commit(ctx, { token, sessionId: s.session.id });
    expect(redo.rows[0]!.number).toBe('五届二次 第001号');
  });

  it('refuses while someone worked on an imported proposal, and changes nothing', async () => {
    const r = await commit(ctx, { token, sessionId: s.session.id });
    const filed = (await list()).find((p) => p.state === 'filed')!;
    await act(ctx, { type: 'assign', proposalId: filed.id, date: '2026-03-20', leadUnitId: s.units[1]!.id, deadline: '2026-04-30' });
    const counts = writtenCounts(ctx);
    const backupsBefore = (await backups()).length;
    const undo = await ctx.dispatch('proposals.importUndo', { batchId: r.batchId });
    expect(undo).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!undo.ok && undo.error.message).toContain('第2号「完善青年教师导师制度」导入后办理过');
    expect(writtenCounts(ctx)).toEqual(counts);
    expect((await backups()).length).toBe(backupsBefore);
  });
});

describe('other register layouts', () => {
  it('reads a CSV register with one seconder per column, and fills in what is missing with warnings', async () => {
    const csv = [
      '提案编号,提案题目,第一提案人,附议人1,附议人2,附议人3,提案类型,承办单位,联系电话,具体建议',
      'T-01,加强实验室安全管理,赵敏,钱学森,孙小美,,教学与管理,保卫处,0571-88886666,每学期开展一次安全检查',
      'T-02,增加教职工停车位,钱学森,赵敏,张三丰,李秀英,后勤管理与服务,后勤管理处,电话号码,',
      'T-03,增加教职工停车位,钱学森,赵敏,,,后勤管理与服务,后勤管理处,,',
    ].join('\r\n');
    const file = path.join(tempDir('csv-'), '提案汇总.csv');
    fs.writeFileSync(file, `\uFEFF${csv}`);
    const csvToken = ctx.files.register(file, '提案汇总.csv', false).token;
    const p = await preview(ctx, { token: csvToken, sessionId: s.session.id });
    expect(p.columns.map((c) => c.field)).toEqual([
      'sourceNo', 'title', 'proposer', 'seconders', 'seconders', 'seconders', 'category', 'unit', 'contactPhone', 'suggestions',
    ]);
    expect(p.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'H', '承办部门「保卫处」不在承办部门列表中；可先新建该部门'],
      [4, 'B', '与第 3 行重复（同一提案人、同一案由），本行不导入'],
    ]);
    expect(p.fixes.units).toEqual([{ name: '保卫处', rows: [2] }]);
    expect(p.warnings.map((w) => [w.row, w.column, w.message])).toEqual([
      [2, '', '没有提交日期，按 2026-03-15 登记（本届征集截止日期）'],
      [3, '', '没有提交日期，按 2026-03-15 登记（本届征集截止日期）'],
      [3, 'I', '联系电话「电话号码」格式不对（只能有数字、+、-、括号和空格），未导入该号码'],
      [4, '', '没有提交日期，按 2026-03-15 登记（本届征集截止日期）'],
    ]);
    const row3 = p.rows.find((r) => r.excelRow === 3)!;
    expect(row3.seconders).toEqual(['赵敏', '张三丰', '李秀英']);

    await call(ctx, 'handlingUnits.create', { name: '保卫处' });
    const r = await commit(ctx, { token: csvToken, sessionId: s.session.id });
    expect(r.counts).toMatchObject({ proposals: 2, skipped: 1 });
    const first = await call<ProposalDetail>(ctx, 'proposals.get', { id: (await list())[0]!.id });
    expect(first).toMatchObject({
      title: '加强实验室安全管理',
      submittedDate: '2026-03-15',
      contactPhone: '0571-88886666',
      suggestions: '每学期开展一次安全检查',
      remarks: '登记表原编号：T-01',
      suggestedUnit: { name: '保卫处' },
    });
  });

  it('remembers a corrected mapping for this header and applies it next time', async () => {
    const first = await preview(ctx, { token, sessionId: s.session.id });
    expect(first.mappingSource).toBe('detected');
    await commit(ctx, { token, sessionId: s.session.id, overrides: { 办法: 'remarks' } });
    const again = await preview(ctx, { token, sessionId: s.session.id });
    expect(again.mappingSource).toBe('remembered');
    expect(again.columns.find((c) => c.header === '办法')).toMatchObject({ field: 'remarks', userChosen: true });
    const row = (await list())[0]!;
    const detail = await call<ProposalDetail>(ctx, 'proposals.get', { id: row.id });
    expect(detail).toMatchObject({ suggestions: null, remarks: '增加窗口，每周公布菜谱。' });
  });
});
