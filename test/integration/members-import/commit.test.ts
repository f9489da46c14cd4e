/**
 * The commit as a whole: a backup first, all valid rows or nothing, progress under the job id, cancel writes
 * nothing; the batch recorded with its summary and audit entries; undo restores the member files exactly or
 * refuses (changing nothing) when someone worked on the imported members since.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { commitImport } from '../../../electron/core/members/import/import-commit';
import type { ImportBatch } from '../../../shared/contract/imports';
import type { MemberDetail } from '../../../shared/contract/members';
import { BUSY_MESSAGE } from '../../../electron/core/router';
import { call, openTestContext, tempDir } from '../../helpers/context';
import { commit, dumpMembers, tokenOf, writeXlsx } from './helpers';

let ctx: AppContext;
let dir: string;
beforeEach(async () => {
  ctx = await openTestContext();
  dir = tempDir();
});
afterEach(async () => {
  await ctx.close();
});

const count = (sql: string, ...p: unknown[]) => (ctx.db.prepare(sql).get(...p) as { n: number }).n;
const events = () => ctx.db.prepare('SELECT member_id, type, date, from_group_id, to_group_id FROM member_events ORDER BY id').all();
const search = async (q: string) => (await call<{ total: number }>(ctx, 'members.list', { search: q })).total;

/** Two existing members, one of them in 语文组; the file updates one, moves her group, and adds three. */
async function seedAndRoster(): Promise<string> {
  const yw = await call<{ id: number }>(ctx, 'groups.create', { parentId: null, kind: 'group', name: '语文组' });
  await call(ctx, 'groups.create', { parentId: null, kind: 'group', name: '数学组' });
  await call(ctx, 'members.create', { member: { name: '王秀英', idNumber: '310115199007040026', memberNo: 'HY002', jobTitle: '教师', groupId: yw.id } });
  await call(ctx, 'members.create', { member: { name: '不在表里', idNumber: '440306197812250039', memberNo: 'HY009' } });
  const file = await writeXlsx(path.join(dir, '花名册.xlsx'), {
    花名册: [
      ['姓名', '身份证号码', '会员证号', '职务', '工会小组', '入会时间'],
      ['李建国', '110108198503120011', 'HY001', '教研组长', '语文组', '2008-09-01'],
      ['王秀英', '310115199007040026', 'HY002', '年级组长', '数学组', null],
      ['赵敏', '32010219651001004X', 'HY004', '后勤', null, '1990-03-01'],
      ['钱多多', '310115199007040025', 'HY005', '教师', null, null],
      ['孙丽', '510107200002290053', 'HY006', null, null, null],
    ],
  });
  return tokenOf(ctx, file);
}

describe('commit', () => {
  it('takes a pre-import backup holding the state before the import, then writes the batch', async () => {
    const token = await seedAndRoster();
    const r = await commit(ctx, { token });
    expect(r.counts).toMatchObject({ rowsRead: 5, created: 3, updated: 1, skipped: 1 });
    const backup = ctx.listBackups().find((b) => b.name === r.backup);
    expect(backup?.reason).toBe('pre-import');
    const db = new Database(path.join(ctx.paths.backupsDir, r.backup!), { readonly: true });
    try {
      expect((db.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n).toBe(2);
    } finally {
      db.close();
    }
    expect(count('SELECT count(*) AS n FROM members WHERE import_batch_id = ?', r.batchId)).toBe(3);
    const batches = await call<ImportBatch[]>(ctx, 'members.importBatches');
    expect(batches).toEqual([
      expect.objectContaining({ id: r.batchId, fileName: '花名册.xlsx', sheet: '花名册', created: 3, updated: 1, unchanged: 0, skipped: 1, undoneAt: null }),
    ]);
    // The batch's entry stands for the members it created (2 typed before the import keep theirs); an updated
    // member gets its own entry with the values replaced.
    const audit = ctx.db.prepare('SELECT action, count(*) AS n FROM audit_log GROUP BY action').all();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'imports.commit', n: 1 },
        { action: 'members.create', n: 2 },
        { action: 'members.update', n: 1 },
      ]),
    );
    const entry = ctx.db.prepare("SELECT entity_id, after_json FROM audit_log WHERE action = 'imports.commit'").get() as { entity_id: string; after_json: string };
    expect(entry.entity_id).toBe(String(r.batchId));
    expect(JSON.parse(entry.after_json)).toMatchObject({ fileName: '花名册.xlsx', created: 3, updated: 1 });
    // Each new member still has its 入会 event (when the sheet gave 入会时间) and its search rows.
    const created = ctx.db.prepare('SELECT id, join_date FROM members WHERE import_batch_id = ?').all(r.batchId) as { id: number; join_date: string | null }[];
    for (const m of created) {
      const ev = ctx.db.prepare("SELECT type, date, import_batch_id FROM member_events WHERE member_id = ?").all(m.id);
      expect(ev).toEqual(m.join_date ? [{ type: 'join', date: m.join_date, import_batch_id: r.batchId }] : []);
      expect(count('SELECT count(*) AS n FROM member_name_grams WHERE member_id = ?', m.id)).toBeGreaterThan(0);
    }
  });

  it('is all or nothing: a failure in the middle of the write leaves no member, event, batch or audit entry', async () => {
    const token = await seedAndRoster();
    const before = { members: dumpMembers(ctx), events: events(), audit: count('SELECT count(*) AS n FROM audit_log') };
    await expect(
      commitImport(ctx, { token }, {
        beforeWrite: (i) => {
          if (i === 2) throw new Error('injected failure');
        },
      }),
    ).rejects.toThrow('injected failure');
    expect(dumpMembers(ctx)).toEqual(before.members);
    expect(events()).toEqual(before.events);
    expect(count('SELECT count(*) AS n FROM audit_log')).toBe(before.audit);
    expect(count('SELECT count(*) AS n FROM import_batches')).toBe(0);
    expect(count('SELECT count(*) AS n FROM member_fts')).toBe(2);
  });

  it('a save elsewhere while the import is being written is refused at once (nothing waits, nothing is lost)', async () => {
    const token = await seedAndRoster();
    // The clerk saves a member (another window) while the import's rows are being checked and written.
    let refused: unknown = null;
    const off = ctx.events.on((name, payload) => {
      if (name === 'progress:update' && (payload as { label: string }).label === '正在核对数据' && refused === null) {
        refused = 'pending';
        void ctx.dispatch('members.create', { member: { name: '周到', idNumber: '11010819900101001X' } }).then((r) => (refused = r));
      }
    });
    const started = performance.now();
    const r = await commit(ctx, { token });
    off();
    await vi.waitFor(() => expect(refused).not.toBe('pending'));
    expect(refused).toEqual({ ok: false, error: { code: 'CONFLICT', message: BUSY_MESSAGE } });
    expect(performance.now() - started).toBeLessThan(4000); // not the 5 s busy timeout
    expect(r.counts).toMatchObject({ created: 3, updated: 1, skipped: 1 });
    expect(count("SELECT count(*) AS n FROM members WHERE name = '周到'")).toBe(0);
    // Afterwards the connection waits for a lock again as usual, and saving works.
    expect(ctx.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect((await ctx.dispatch('members.create', { member: { name: '周到', idNumber: '11010819900101001X' } })).ok).toBe(true);
  });

  it('a dry run reports the same and writes nothing, not even a backup', async () => {
    const token = await seedAndRoster();
    const before = dumpMembers(ctx);
    const r = await commit(ctx, { token, dryRun: true });
    expect(r).toMatchObject({ dryRun: true, batchId: null, backup: null });
    expect(r.counts).toMatchObject({ created: 3, updated: 1, skipped: 1 });
    expect(dumpMembers(ctx)).toEqual(before);
    expect(ctx.listBackups()).toHaveLength(0);
  });

  it('a sheet with a header and no rows writes nothing and keeps no backup', async () => {
    const file = await writeXlsx(path.join(dir, '空表.xlsx'), { 花名册: [['姓名', '身份证号码', '会员证号']] });
    const r = await ctx.dispatch('members.importCommit', { token: tokenOf(ctx, file) });
    if (r.ok) expect(r.data).toMatchObject({ batchId: null, backup: null });
    else expect(r.error.code).toBe('VALIDATION');
    expect(count('SELECT count(*) AS n FROM import_batches')).toBe(0);
    expect(ctx.listBackups().filter((b) => b.reason === 'pre-import')).toEqual([]);
    expect(ctx.db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('reports progress under the job id, and a cancelled job writes nothing', async () => {
    const token = await seedAndRoster();
    const seen: string[] = [];
    const off = ctx.events.on((name, payload) => {
      if (name !== 'progress:update') return;
      const p = payload as { jobId: string; label: string };
      seen.push(`${p.jobId}:${p.label}`);
      // The first event of the job: cancelled before anything was read.
      if (p.label === '正在打开文件') void ctx.dispatch('members.importCancel', { jobId: 'job-cancel-1' });
    });
    const before = dumpMembers(ctx);
    const r = await ctx.dispatch('members.importCommit', { token, jobId: 'job-cancel-1' });
    off();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'CANCELLED', message: '导入已取消，没有写入任何数据' });
    expect(seen[0]).toBe('job-cancel-1:正在打开文件');
    expect(dumpMembers(ctx)).toEqual(before);
    expect(count('SELECT count(*) AS n FROM import_batches')).toBe(0);
    // The restore point was being taken while the file was read; a cancelled import does not keep it.
    expect(ctx.listBackups().filter((b) => b.reason === 'pre-import')).toEqual([]);
    expect((await ctx.dispatch('members.importCancel', { jobId: 'job-cancel-1' })).ok).toBe(true);

    const labels: string[] = [];
    const off2 = ctx.events.on((name, payload) => name === 'progress:update' && labels.push((payload as { label: string }).label));
    await commit(ctx, { token, jobId: 'job-2' });
    off2();
    expect(labels).toEqual(expect.arrayContaining(['正在打开文件', '正在核对数据', '正在备份数据', '正在写入会员档案', '导入完成']));
  });
});

describe('undo', () => {
  it('restores the member files exactly: created members gone (and unfindable), updated ones back, events removed', async () => {
    const token = await seedAndRoster();
    const before = { members: dumpMembers(ctx), events: events() };
    const r = await commit(ctx, { token });
    expect(await search('李建国')).toBe(1);
    expect((await call<MemberDetail>(ctx, 'members.find', { key: 'HY002' })).jobTitle).toBe('年级组长');

    const u = await call<{ removed: number; restored: number; backup: string }>(ctx, 'members.importUndo', { batchId: r.batchId });
    expect(u).toMatchObject({ removed: 3, restored: 1 });
    expect(ctx.listBackups().find((b) => b.name === u.backup)?.reason).toBe('pre-undo-import');
    expect(dumpMembers(ctx)).toEqual(before.members);
    expect(events()).toEqual(before.events);
    expect(await search('李建国')).toBe(0);
    expect(await search('HY004')).toBe(0);
    expect(await search('王秀英')).toBe(1);
    const batches = await call<ImportBatch[]>(ctx, 'members.importBatches');
    expect(batches[0]?.undoneAt).not.toBeNull();
    const actions = (ctx.db.prepare("SELECT action FROM audit_log WHERE action LIKE '%ndo%'").all() as { action: string }[]).map((a) => a.action);
    // One entry for the batch (it stands for the members removed, as the import's stood for those it created),
    // one per member whose replaced values came back.
    expect(actions.sort()).toEqual(['imports.undo', 'members.importUndo.restore']);
    const entry = ctx.db.prepare("SELECT after_json FROM audit_log WHERE action = 'imports.undo'").get() as { after_json: string };
    const removedAt = (JSON.parse(entry.after_json) as { removedMembers: { importBatchId: number; deletedAt: string } }).removedMembers;
    expect(removedAt.importBatchId).toBe(r.batchId);
    expect(count('SELECT count(*) AS n FROM members WHERE import_batch_id = ? AND deleted_at = ?', r.batchId, removedAt.deletedAt)).toBe(3);

    // Once is enough; and the same file can be imported again afterwards.
    const again = await ctx.dispatch('members.importUndo', { batchId: r.batchId });
    expect(again.ok ? null : again.error.message).toMatch(/^这次导入已于 .* 撤销过$/);
    const redo = await commit(ctx, { token });
    expect(redo.counts).toMatchObject({ created: 3, updated: 1 });
  });

  it('refuses, changing nothing, when an imported member was edited or got an event afterwards', async () => {
    const token = await seedAndRoster();
    const r = await commit(ctx, { token });
    const li = await call<MemberDetail>(ctx, 'members.find', { key: 'HY001' });
    await call(ctx, 'members.update', { id: li.id, member: { ...li, phone: '13800138000', familyMembers: [] } });
    const zhao = await call<MemberDetail>(ctx, 'members.find', { key: 'HY004' });
    await call(ctx, 'members.addEvent', { memberId: zhao.id, type: 'retain', date: '2026-01-02', reason: '退休' });
    const wang = await call<MemberDetail>(ctx, 'members.find', { key: 'HY002' });
    await call(ctx, 'members.update', { id: wang.id, member: { ...wang, jobTitle: '副校长', familyMembers: [] } });
    const state = dumpMembers(ctx);
    const backups = ctx.listBackups().length;

    const u = await ctx.dispatch('members.importUndo', { batchId: r.batchId });
    expect(u.ok).toBe(false);
    if (!u.ok) {
      expect(u.error.code).toBe('CONFLICT');
      expect(u.error.message).toBe(
        '无法撤销本次导入：李建国：导入后被修改过；赵敏：导入后登记过会籍变动；王秀英：导入后「职务」又被修改过。为免覆盖导入后的改动，撤销未做任何更改；请先处理这些会员，或从导入前的备份恢复。',
      );
    }
    expect(dumpMembers(ctx)).toEqual(state);
    expect(ctx.listBackups()).toHaveLength(backups);
  });

  it('keeps a later edit of a field the import did not change', async () => {
    const token = await seedAndRoster();
    const r = await commit(ctx, { token });
    const wang = await call<MemberDetail>(ctx, 'members.find', { key: 'HY002' });
    await call(ctx, 'members.update', { id: wang.id, member: { ...wang, phone: '13900139000', familyMembers: [] } });
    await call(ctx, 'members.importUndo', { batchId: r.batchId });
    const after = await call<MemberDetail>(ctx, 'members.find', { key: 'HY002' });
    expect(after).toMatchObject({ jobTitle: '教师', group: '语文组', phone: '13900139000' });
  });

  it('refuses while an imported member is the proposer of a 提案 or a group leader', async () => {
    const token = await seedAndRoster();
    const r = await commit(ctx, { token });
    const sun = await call<MemberDetail>(ctx, 'members.find', { key: 'HY006' });
    const g = await call<{ id: number }>(ctx, 'groups.create', { parentId: null, kind: 'group', name: '新组', leaderMemberId: sun.id });
    const u = await ctx.dispatch('members.importUndo', { batchId: r.batchId });
    expect(u.ok ? null : u.error.message).toMatch(/^无法撤销本次导入：孙丽：已被其他记录（提案、代表、小组长等）引用。/);
    await call(ctx, 'groups.update', { id: g.id, name: '新组', leaderMemberId: null });
    expect((await ctx.dispatch('members.importUndo', { batchId: r.batchId })).ok).toBe(true);
  });

  it('an unknown batch is NOT_FOUND', async () => {
    const u = await ctx.dispatch('members.importUndo', { batchId: 999 });
    expect(u.ok ? null : u.error).toMatchObject({ code: 'NOT_FOUND', message: '找不到编号为 999 的会员导入记录' });
  });
});
