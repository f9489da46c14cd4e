/**
 * The import thread (import-engine.ts) as the app runs it for a large file: both workers bundled as shipped,
 * and the size threshold set to 0 so that small files go through it too. It must give exactly what the main
 * process gives (sheets, preview, commit, real files), ask the main process for the backup, hold saves off
 * while writing, and leave nothing behind on a failure or a cancel.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import type { Logger } from '../../../electron/core/log';
import { commitImport } from '../../../electron/core/members/import/import-commit';
import { engineScript } from '../../../electron/core/members/import/import-engine';
import { call, openTestContext, tempDir } from '../../helpers/context';
import { badFiles } from '../../fixtures/spreadsheets/make-fixtures';
import { commit, dumpMembers, expectNothingWritten, preview, real, storedState, tokenOf, writeXlsx } from './helpers';
import { useWorkerBundle } from './worker-bundles';

const bundles: Awaited<ReturnType<typeof useWorkerBundle>>[] = [];
beforeAll(async () => {
  bundles.push(await useWorkerBundle('writer'), await useWorkerBundle('engine'));
  process.env.LEDGER_IMPORT_ENGINE_MIN_BYTES = '0';
});
afterAll(() => {
  delete process.env.LEDGER_IMPORT_ENGINE_MIN_BYTES;
  for (const b of bundles) b.dispose();
});

/** The log lines a context wrote, to see where an import ran. */
function capturingLogger(lines: { level: string; msg: string }[]): Logger {
  const at = (level: string) => (msg: string) => void lines.push({ level, msg });
  const l: Logger = { info: at('info'), warn: at('warn'), error: at('error'), child: () => l };
  return l;
}

let ctx: AppContext;
let dir: string;
let log: { level: string; msg: string }[];
beforeEach(async () => {
  log = [];
  ctx = await openTestContext({ logger: capturingLogger(log) });
  dir = tempDir();
});
afterEach(async () => {
  await ctx.close();
});

const count = (sql: string, ...p: unknown[]) => (ctx.db.prepare(sql).get(...p) as { n: number }).n;
const inThread = () => log.filter((l) => l.msg === 'import task ran in the import thread').length;

/** 3 000 people (more than one chunk), one of them already a member whose 职务 changes, and one bad ID. */
async function roster(): Promise<string> {
  await ctx.dispatch('members.create', { member: { name: '王秀英', idNumber: '310115199007040026', memberNo: 'HY-0', jobTitle: '教师' } });
  const rows: (string | null)[][] = [['姓名', '身份证号码', '会员证号', '职务', '入会时间']];
  rows.push(['王秀英', '310115199007040026', 'HY-0', '年级组长', null]);
  rows.push(['李错号', '310115199007040027', 'HY-X', '教师', null]);
  for (let i = 1; i < 3000; i++) rows.push([`会员${i}`, null, `HY-${i}`, '教师', '2010-09-01']);
  return tokenOf(ctx, await writeXlsx(path.join(dir, '花名册.xlsx'), { 花名册: rows }));
}

/** The same work in the main process (the threshold above every file), for comparison. */
async function inMainProcess<T>(f: () => Promise<T>): Promise<T> {
  process.env.LEDGER_IMPORT_ENGINE_MIN_BYTES = String(Number.MAX_SAFE_INTEGER);
  try {
    return await f();
  } finally {
    process.env.LEDGER_IMPORT_ENGINE_MIN_BYTES = '0';
  }
}

describe('the import thread', () => {
  it('is the bundle the import uses, and a commit through it stores what the main process would', async () => {
    expect(engineScript()).toBe(bundles[1]!.file);
    const token = await roster();
    const labels: string[] = [];
    const off = ctx.events.on((name, payload) => name === 'progress:update' && labels.push((payload as { label: string }).label));
    const r = await commit(ctx, { token, jobId: 'thread-1' });
    off();
    expect(inThread()).toBe(1);
    expect(r.counts).toMatchObject({ rowsRead: 3001, created: 2999, updated: 1, skipped: 1, errorRows: 1 });
    expect(r.errors).toEqual([expect.objectContaining({ row: 3, column: 'B', message: expect.stringContaining('校验') })]);
    expect(r.backup).toMatch(/pre-import/);
    expect(fs.existsSync(path.join(ctx.paths.backupsDir, r.backup!))).toBe(true);
    // Progress crossed from the thread, phase by phase, under the job id.
    expect([...new Set(labels)]).toEqual(expect.arrayContaining(['正在打开文件', '正在备份数据', '正在核对数据', '导入完成']));
    expect(count('SELECT count(*) AS n FROM members WHERE import_batch_id = ?', r.batchId)).toBe(2999);
    expect(count("SELECT count(*) AS n FROM members WHERE member_no = 'HY-0' AND job_title = '年级组长'")).toBe(1);
    // Saves are allowed again at once, with the app's busy timeout back.
    expect(ctx.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const stored = dumpMembers(ctx);

    // The same file into a fresh folder, in the main process: the same members, field for field.
    const other = await openTestContext();
    try {
      await other.dispatch('members.create', { member: { name: '王秀英', idNumber: '310115199007040026', memberNo: 'HY-0', jobTitle: '教师' } });
      const file = path.join(dir, '花名册.xlsx');
      const r2 = await inMainProcess(() => commit(other, { token: tokenOf(other, file) }));
      const { backup: _a, batchId: _b, ...same } = r;
      const { backup: _c, batchId: _d, ...same2 } = r2;
      expect(same2).toEqual(same);
      expect(dumpMembers(other)).toEqual(stored);
    } finally {
      await other.close();
    }
  });

  it('lists sheets and previews real files exactly as the main process does', async () => {
    const files = [
      real('magicodes-multisheet-roster', '班级学生基础数据导入.xlsx'),
      real('easypoi-two-row-header-xls', 'checkTwo.xls'),
      real('magicodes-student-roster-csv', '学生基础数据导入.csv'),
    ];
    for (const file of files) {
      const token = tokenOf(ctx, file);
      const threaded = { sheets: await call(ctx, 'members.importSheets', { token }), preview: await preview(ctx, { token }) };
      const local = await inMainProcess(async () => ({ sheets: await call(ctx, 'members.importSheets', { token }), preview: await preview(ctx, { token }) }));
      expect(threaded.sheets, path.basename(file)).toEqual(local.sheets);
      // The main process kept every sheet it had listed for the next preview; the thread reads only the chosen
      // ones (as the main process does for a file too large to keep): the other sheets are not summarised.
      const { sheets: s1, ...p1 } = threaded.preview;
      const { sheets: s2, ...p2 } = local.preview;
      expect(p1, path.basename(file)).toEqual(p2);
      for (const name of p1.chosenSheets) expect(s1.find((s) => s.name === name)).toEqual(s2.find((s) => s.name === name));
      expect(p1.counts.rowsRead, path.basename(file)).toBeGreaterThan(0);
    }
    expect(inThread()).toBe(files.length * 2);
  });

  it('a failure in the writer rolls everything back; the backup stays, and saves are allowed again', async () => {
    const token = await roster();
    const before = storedState(ctx);
    await expect(commitImport(ctx, { token }, { failAtRow: 2500 })).rejects.toThrow('injected failure');
    expect(inThread()).toBe(0); // it failed inside the thread: no success logged
    await expectNothingWritten(ctx, before, '之后');
  });

  it('a cancel reaches the thread: nothing written, the usual message', async () => {
    const token = await roster();
    const before = dumpMembers(ctx);
    // Sent while the main process takes the backup the thread asked for: the thread hears it right after.
    const off = ctx.events.on((name, payload) => {
      const p = payload as { label: string };
      if (name === 'progress:update' && p.label === '正在备份数据') void ctx.dispatch('members.importCancel', { jobId: 'thread-cancel' });
    });
    const r = await ctx.dispatch('members.importCommit', { token, jobId: 'thread-cancel' });
    off();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'CANCELLED', message: '导入已取消，没有写入任何数据' });
    expect(dumpMembers(ctx)).toEqual(before);
    expect(count('SELECT count(*) AS n FROM import_batches')).toBe(0);
    expect(ctx.db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('a picture or an encrypted file is refused in Chinese from the thread, and nothing is written', async () => {
    const bad = badFiles();
    for (const [name, text] of [
      ['png-renamed.xlsx', '这是一张图片（PNG 图片），不是表格文件'],
      ['encrypted.xlsx', '文件有密码保护'],
    ] as const) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bad[name]!);
      const r = await ctx.dispatch('members.importCommit', { token: tokenOf(ctx, file) });
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error, name).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining(text) });
    }
    expect(count('SELECT count(*) AS n FROM import_batches')).toBe(0);
    expect(fs.readdirSync(ctx.paths.backupsDir).filter((f) => f.includes('pre-import'))).toEqual([]);
  });

  it('nothing to write: no batch, the backup taken for it removed, and the clerk’s mapping remembered', async () => {
    const file = await writeXlsx(path.join(dir, '名单.xlsx'), { 名单: [['名字', '证件', '手机'], ['张三', '310115199007040026', '13800138000']] });
    const token = tokenOf(ctx, file);
    await commit(ctx, { token, overrides: { 证件: 'idNumber' } });
    const again = await commit(ctx, { token, overrides: { 证件: 'idNumber', 手机: 'phone' } });
    expect(again.counts).toMatchObject({ unchanged: 1, created: 0 });
    expect(again.batchId).toBeNull();
    expect(again.backup).toBeNull();
    expect(fs.readdirSync(ctx.paths.backupsDir).filter((f) => f.includes('pre-import'))).toHaveLength(1);
    expect(count("SELECT count(*) AS n FROM import_mappings WHERE kind = 'members'")).toBe(1);
    expect(inThread()).toBe(2);
  });

  it('a thread that cannot start leaves the work to the main process, which says so in the log', async () => {
    process.env.LEDGER_IMPORT_ENGINE = path.join(path.dirname(bundles[1]!.file), 'missing.cjs');
    try {
      const r = await commit(ctx, { token: await roster() });
      expect(r.counts).toMatchObject({ created: 2999, updated: 1 });
      expect(inThread()).toBe(0);
      expect(log.some((l) => l.level === 'warn' && l.msg.includes('import thread unavailable'))).toBe(true);
    } finally {
      process.env.LEDGER_IMPORT_ENGINE = bundles[1]!.file;
    }
  });
});
