import { describe, expect, it } from 'vitest';
import { jsonOf, ledgerInProcess, withContext } from '../../helpers/cli';
import { call, tempDir } from '../../helpers/context';

interface JsonMember {
  name: string;
  gender: string | null;
  birthDate: string | null;
  idNumber: string | null;
  group: string | null;
  memberNo: string | null;
  phone: string | null;
  joinDate: string | null;
  status: string;
}

async function seeded(): Promise<string> {
  const dir = tempDir();
  await withContext(dir, async (ctx) => {
    const g = await call<{ id: number }>(ctx, 'groups.create', { parentId: null, kind: 'group', name: '数学组' });
    await call(ctx, 'members.create', {
      member: { name: '张三丰', idNumber: '110108198503120011', phone: '13800138000', memberNo: 'HY001', joinDate: '2008-09-01', groupId: g.id },
    });
    await call(ctx, 'members.create', { member: { name: '李四', idNumber: '310115199007040026', memberNo: 'HY002' } });
    const m = await call<{ id: number }>(ctx, 'members.create', { member: { name: '王五', idNumber: '440306197812250039' } });
    await call(ctx, 'members.addEvent', { memberId: m.id, type: 'transfer_out', date: '2026-01-05', otherUnion: '区教育工会' });
  });
  return dir;
}

describe('ledger members', () => {
  it('lists current members as JSON with full IDs, sex, dates, group and status', async () => {
    const dir = await seeded();
    const run = await ledgerInProcess(['--data-dir', dir, 'members', 'list', '--json']);
    expect(run.code).toBe(0);
    const doc = jsonOf<{ ok: true; data: { total: number; members: JsonMember[] } }>(run);
    expect(doc.data.total).toBe(2);
    const zs = doc.data.members.find((m) => m.name === '张三丰')!;
    expect(zs).toMatchObject({
      gender: '男',
      birthDate: '1985-03-12',
      idNumber: '110108198503120011',
      group: '数学组',
      memberNo: 'HY001',
      phone: '13800138000',
      joinDate: '2008-09-01',
      status: '在册',
    });
  });

  it('searches by pinyin, filters by status and group, and limits', async () => {
    const dir = await seeded();
    const names = async (...args: string[]) =>
      jsonOf<{ data: { members: JsonMember[] } }>(await ledgerInProcess(['--data-dir', dir, 'members', 'list', '--json', ...args])).data.members.map(
        (m) => m.name,
      );
    expect(await names('--search', 'zsf')).toEqual(['张三丰']);
    expect(await names('--status', '已转出')).toEqual(['王五']);
    expect((await names('--status', 'all')).sort()).toEqual(['张三丰', '李四', '王五'].sort());
    expect(await names('--group', '数学组')).toEqual(['张三丰']);
    expect(await names('--limit', '1')).toHaveLength(1);
  });

  it('shows one member by 会员证号 or ID number, and says so in Chinese when there is none', async () => {
    const dir = await seeded();
    const byNo = jsonOf<{ data: JsonMember & { events: unknown[] } }>(await ledgerInProcess(['--data-dir', dir, 'members', 'show', 'HY001', '--json']));
    expect(byNo.data).toMatchObject({ name: '张三丰', idNumber: '110108198503120011', status: '在册' });
    expect(byNo.data.events).toHaveLength(1);
    const byId = jsonOf<{ data: JsonMember }>(await ledgerInProcess(['--data-dir', dir, 'members', 'show', '440306197812250039', '--json']));
    expect(byId.data).toMatchObject({ name: '王五', status: '已转出' });
    const missing = await ledgerInProcess(['--data-dir', dir, 'members', 'show', 'HY999']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到');
    const bad = await ledgerInProcess(['--data-dir', dir, 'members', 'list', '--status', '胡说']);
    expect(bad.code).toBe(2);
  });
});
