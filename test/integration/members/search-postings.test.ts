/**
 * The name grams as posting lists in display order (migration 0016): every write keeps them equal to what the
 * member rows say (grams of the name, the sort key's rank, the status; no rows for the deleted), and the
 * searches that use them return the same members, in the list's own order, as the plain list filtered by hand.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { AppContext } from '../../../electron/core/context';
import { runMigrations } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { openDatabase } from '../../../electron/core/db/open';
import { silentLogger } from '../../../electron/core/log';
import { commitImport } from '../../../electron/core/members/import/import-commit';
import { namePinyin, pinyinSortKey, sortRank } from '../../../electron/core/members/member-pinyin';
import { nameGrams, prepareMember } from '../../../electron/core/members/members.prepare';
import { GRAM_STATUS_CODES } from '../../../electron/core/members/members.repo';
import { insertPrepared } from '../../../electron/core/members/members.service';
import type { MemberDetail, MemberFields, MemberListRow } from '../../../shared/contract';
import { MEMBER_TOTAL_CAP } from '../../../shared/contract/members';
import type { MemberStatus } from '../../../shared/domain/member-lifecycle';
import { generateMembers } from '../../bench/gen-members';
import { call, openTestContext, tempDir } from '../../helpers/context';
import { tokenOf, writeXlsx } from '../members-import/helpers';

type Posting = [string, number, number, number];
const byKey = (a: Posting, b: Posting) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]);

/** The gram rows exactly as the live members' rows say they should be. */
function expectPostingsMatchMembers(db: Database.Database): void {
  const live = db.prepare('SELECT id, name, sort_key, status FROM members WHERE deleted_at IS NULL').all() as {
    id: number;
    name: string;
    sort_key: string;
    status: MemberStatus;
  }[];
  const expected = live.flatMap((m) => nameGrams(m.name).map((g): Posting => [g, sortRank(m.sort_key), m.id, GRAM_STATUS_CODES[m.status]]));
  const stored = db.prepare('SELECT gram, sort_rank, member_id, status FROM member_name_grams').raw().all() as Posting[];
  expect(stored.sort(byKey)).toEqual(expected.sort(byKey));
}

/** Ids of the list as shown (its first `limit` rows) for a query. */
async function listIds(ctx: AppContext, input: Record<string, unknown>): Promise<{ ids: number[]; total: number; totalCapped: boolean }> {
  const r = await call<{ rows: MemberListRow[]; total: number; totalCapped: boolean }>(ctx, 'members.list', input);
  return { ids: r.rows.map((x) => x.id), total: r.total, totalCapped: r.totalCapped };
}

/** The reference: the live members in display order (sort key, then id ascending either way), filtered in JS. */
function reference(
  db: Database.Database,
  keep: (m: { name: string; member_no: string | null; status: string; gender: string | null }) => boolean,
  desc = false,
  statuses: readonly string[] = ['active', 'retained'],
): number[] {
  const rows = db
    .prepare(`SELECT id, name, member_no, status, gender FROM members WHERE deleted_at IS NULL ORDER BY sort_key ${desc ? 'DESC' : 'ASC'}, id`)
    .all() as { id: number; name: string; member_no: string | null; status: string; gender: string | null }[];
  return rows.filter((m) => statuses.includes(m.status) && keep(m)).map((m) => m.id);
}

describe('name postings stay equal to the member rows', () => {
  let ctx: AppContext;
  beforeEach(async () => {
    ctx = await openTestContext();
  });
  afterEach(async () => {
    await ctx.close();
  });

  it('after create, rename, a status change, delete', async () => {
    const a = await call<MemberDetail>(ctx, 'members.create', { member: { name: '张小明', joinDate: '2010-09-01' } });
    const b = await call<MemberDetail>(ctx, 'members.create', { member: { name: '李张', joinDate: '2012-09-01' } });
    expectPostingsMatchMembers(ctx.db);

    // A new name replaces every gram and the rank (章 sorts with zhang, like 张, but is another character).
    await call(ctx, 'members.update', { id: a.id, member: { name: '章晓明', joinDate: '2010-09-01' } });
    expectPostingsMatchMembers(ctx.db);
    expect((await listIds(ctx, { search: '张' })).ids).toEqual([b.id]);
    expect((await listIds(ctx, { search: '晓明' })).ids).toEqual([a.id]);

    // 转出: the postings' status follows, so the default list (在册 + 保留会籍) no longer finds the member.
    await call(ctx, 'members.addEvent', { memberId: b.id, type: 'transfer_out', date: '2024-03-01', otherUnion: '某区教育工会' });
    expectPostingsMatchMembers(ctx.db);
    expect((await listIds(ctx, { search: '张' })).ids).toEqual([]);
    expect((await listIds(ctx, { search: '张', statuses: ['transferred_out'] })).ids).toEqual([b.id]);
    expect((await listIds(ctx, { search: '张', statuses: ['transferred_out'], capTotal: true })).total).toBe(1);

    await call(ctx, 'members.remove', { id: b.id, reason: '重复录入' });
    expectPostingsMatchMembers(ctx.db);
    expect((await listIds(ctx, { search: '张', statuses: ['transferred_out'] })).ids).toEqual([]);
  });

  it('after an import (bulk and row by row) and its undo', async () => {
    const kept = await call<MemberDetail>(ctx, 'members.create', { member: { name: '王秀英', idNumber: '310115199007040026', memberNo: 'HY-0' } });
    const dir = tempDir();
    const rows: (string | null)[][] = [['姓名', '身份证号码', '会员证号', '入会时间']];
    // An update that renames (its grams move with it) and new members, some with the same name.
    rows.push(['王秀兰', '310115199007040026', 'HY-0', null]);
    const names = generateMembers(600, 5).map((m) => m.name);
    names.forEach((name, i) => rows.push([name, null, `HY-${i + 1}`, '2010-09-01']));
    for (const bulk of [true, false]) {
      const token = tokenOf(ctx, await writeXlsx(path.join(dir, `花名册-${bulk}.xlsx`), { 花名册: rows }));
      const r = await commitImport(ctx, { token }, { bulk });
      expect(r.counts).toMatchObject({ created: 600, updated: 1 });
      expectPostingsMatchMembers(ctx.db);
      expect((await listIds(ctx, { search: '秀兰' })).ids).toContain(kept.id);
      const undo = await call<{ removed: number; restored: number }>(ctx, 'members.importUndo', { batchId: r.batchId });
      expect(undo).toMatchObject({ removed: 600, restored: 1 });
      expectPostingsMatchMembers(ctx.db);
      expect((await listIds(ctx, { search: '秀' })).ids).toEqual([kept.id]);
      expect((await listIds(ctx, { search: '秀兰' })).ids).toEqual([]);
    }
  });

  it('migration 0016 rebuilds the postings of an existing database from its gram rows', () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const db = openDatabase(file);
    try {
      runMigrations(db, MIGRATIONS.filter((m) => m.version < 16), silentLogger);
      const now = new Date().toISOString();
      const ins = db.prepare(
        `INSERT INTO members (name, name_pinyin, name_initials, sort_key, id_type, family_json, status, created_at, updated_at, deleted_at)
         VALUES (?, '', '', ?, 'resident', '[]', ?, ?, ?, ?)`,
      );
      const gram = db.prepare('INSERT INTO member_name_grams (gram, member_id) VALUES (?, ?)');
      const people: [string, string, string | null][] = [
        ['张三', 'active', null],
        ['章三', 'retained', null],
        ['张三丰', 'transferred_out', null],
        ['张删', 'active', now],
      ];
      for (const [name, status, deleted] of people) {
        const id = Number(ins.run(name, pinyinSortKey(name), status, now, now, deleted).lastInsertRowid);
        // A deleted member's grams were dropped with it; one left behind by mistake must not come back.
        for (const g of nameGrams(name)) gram.run(g, id);
      }
      runMigrations(db, MIGRATIONS, silentLogger);
      expectPostingsMatchMembers(db);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'member_name_grams%' ORDER BY name").pluck().all()).toEqual([
        'member_name_grams',
        'member_name_grams_member',
      ]);
    } finally {
      db.close();
    }
  });
});

describe('searches by the postings and by pinyin, in display order, counted up to the cap', () => {
  let ctx: AppContext;
  beforeAll(async () => {
    ctx = await openTestContext();
    const now = new Date();
    const scope = { db: ctx.db, actor: 'test', now };
    // More 张 than the cap (张 as surname and inside given names), the rest a realistic mix; three 会员证号
    // start with ZX, so 'z' also finds a few by number.
    const base = generateMembers(3000, 11);
    const fields: MemberFields[] = base.map((m, i) => {
      if (i < 1200) return { ...m, name: `张${[...m.name].slice(-2).join('')}`, gender: i % 3 ? '男' : '女' };
      if (i < 1260) return { ...m, name: `${[...m.name][0]}张${i % 2 ? '伟' : ''}` };
      if (i < 1263) return { ...m, memberNo: `ZX${i}` };
      return m;
    });
    ctx.db.transaction(() => {
      for (const f of fields) insertPrepared(scope, prepareMember(f, now));
    })();
    const ids = ctx.db.prepare("SELECT id FROM members WHERE name LIKE '张%' ORDER BY id LIMIT 40").pluck().all() as number[];
    for (const id of ids.slice(0, 20)) await call(ctx, 'members.addEvent', { memberId: id, type: 'transfer_out', date: '2025-03-01', otherUnion: '某区教育工会' });
    for (const id of ids.slice(20)) await call(ctx, 'members.addEvent', { memberId: id, type: 'retain', date: '2025-03-01', reason: '退休' });
    ctx.optimize();
  }, 120_000);
  afterAll(async () => {
    await ctx.close();
  });

  /** Every page of a query, `limit` at a time, in order. */
  async function allPages(input: Record<string, unknown>, limit = 250): Promise<number[]> {
    const out: number[] = [];
    for (let offset = 0; ; offset += limit) {
      const { ids } = await listIds(ctx, { ...input, limit, offset });
      out.push(...ids);
      if (ids.length < limit) return out;
    }
  }

  it('a common character: capped count, first page and every page in the list order, both directions', async () => {
    const want = reference(ctx.db, (m) => m.name.includes('张'));
    expect(want.length).toBeGreaterThan(MEMBER_TOTAL_CAP);
    const first = await listIds(ctx, { search: '张', limit: 100, capTotal: true });
    expect(first).toEqual({ ids: want.slice(0, 100), total: MEMBER_TOTAL_CAP, totalCapped: true });
    expect(await listIds(ctx, { search: '张', limit: 100 })).toEqual({ ids: want.slice(0, 100), total: want.length, totalCapped: false });
    expect(await allPages({ search: '张', capTotal: true })).toEqual(want);
    const desc = reference(ctx.db, (m) => m.name.includes('张'), true);
    expect(await allPages({ search: '张', sortOrder: 'desc', capTotal: true })).toEqual(desc);
    // Two characters, few hits: counted exactly even when capping is asked for.
    const two = reference(ctx.db, (m) => m.name.includes('张伟'));
    expect(await listIds(ctx, { search: '张伟', limit: 1000, capTotal: true })).toEqual({ ids: two, total: two.length, totalCapped: false });
  });

  it('with statuses and another filter (checked on each member as the postings are walked)', async () => {
    const all = ['active', 'retained', 'transferred_out', 'left', 'expelled', 'deceased'];
    expect(await allPages({ search: '张', statuses: ['transferred_out'] })).toEqual(reference(ctx.db, (m) => m.name.includes('张'), false, ['transferred_out']));
    expect(await allPages({ search: '张', statuses: ['retained', 'transferred_out'] })).toEqual(
      reference(ctx.db, (m) => m.name.includes('张'), false, ['retained', 'transferred_out']),
    );
    expect(await allPages({ search: '张', statuses: [] })).toEqual(reference(ctx.db, (m) => m.name.includes('张'), false, all));
    const women = reference(ctx.db, (m) => m.name.includes('张') && m.gender === '女');
    expect(await allPages({ search: '张', gender: '女' })).toEqual(women);
    const capped = await listIds(ctx, { search: '张', gender: '女', limit: 100, capTotal: true });
    expect(capped.ids).toEqual(women.slice(0, 100));
    expect(capped.total).toBe(Math.min(women.length, MEMBER_TOTAL_CAP));
  });

  it('pinyin: one letter, a syllable, initials and a 会员证号 prefix, every page in the list order', async () => {
    const py = new Map((ctx.db.prepare('SELECT id, name FROM members').all() as { id: number; name: string }[]).map((m) => [m.name, namePinyin(m.name)]));
    const pinyinHit = (q: string) => (m: { name: string; member_no: string | null }) => {
      const p = py.get(m.name)!;
      return p.initials.startsWith(q) || p.full.startsWith(q) || (m.member_no ?? '').startsWith(q.toUpperCase());
    };
    // 'z': many by pinyin and three by 会员证号 (ZX…); 'zh': pinyin only; 'hy': every 会员证号 (HY…).
    for (const q of ['z', 'zh', 'zx', 'hy', 'wf']) {
      const want = reference(ctx.db, pinyinHit(q));
      const first = await listIds(ctx, { search: q, limit: 100, capTotal: true });
      expect(first.ids).toEqual(want.slice(0, 100));
      expect(first.total).toBe(Math.min(want.length, MEMBER_TOTAL_CAP));
      expect(first.totalCapped).toBe(want.length > MEMBER_TOTAL_CAP);
      expect(await allPages({ search: q, capTotal: true }, 500)).toEqual(want);
      expect(await allPages({ search: q, sortOrder: 'desc' }, 500)).toEqual(reference(ctx.db, pinyinHit(q), true));
    }
    expect(reference(ctx.db, pinyinHit('hy')).length).toBeGreaterThan(MEMBER_TOTAL_CAP);
  });
});
