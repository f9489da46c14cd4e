import { expect, type APIRequestContext } from '@playwright/test';
import { computeCheckChar } from '../../../shared/domain/id-number';

/**
 * Test data through the same rpc endpoint the browser uses, for the parts of a test that are set-up rather
 * than the behaviour under test (the members the search must tell apart, a tree to draw a chart from).
 */
export class MemberSeeder {
  constructor(
    private readonly request: APIRequestContext,
    private readonly baseUrl: string,
  ) {}

  async call<T>(channel: string, input: unknown): Promise<T> {
    const res = await this.request.post(`${this.baseUrl}api/rpc/${channel}`, { data: input });
    const body = (await res.json()) as { ok: boolean; data?: T; error?: { message: string } };
    expect(body.ok, `${channel}: ${body.error?.message ?? ''}`).toBe(true);
    return body.data as T;
  }

  member(member: Record<string, unknown>, arrival?: Record<string, unknown>): Promise<{ id: number; name: string }> {
    return this.call('members.create', { member, ...(arrival ? { arrival } : {}) });
  }

  unit(input: { parentId: number | null; kind: 'branch' | 'group'; name: string }): Promise<{ id: number; name: string }> {
    return this.call('groups.create', input);
  }

  /** Many members, a few requests at a time; IDs are valid and distinct, names cover many pinyin initials. */
  async many(count: number, opts: { groupIds?: number[]; prefix?: string } = {}): Promise<void> {
    const tasks = Array.from({ length: count }, (_, i) => () => this.member(fakeMember(i, opts.groupIds)));
    for (let i = 0; i < tasks.length; i += 16) await Promise.all(tasks.slice(i, i + 16).map((t) => t()));
  }
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英'];
const TITLES = ['教师', '班主任', '教研组长', '年级组长', '会计', '校医', '后勤', '图书管理员'];

/** A valid 18-digit ID for the i-th fake person: Beijing Haidian, birth 1966–2003, sex alternating. */
export function fakeId(i: number): string {
  const year = 1966 + (i % 38);
  const month = 1 + (i % 12);
  const day = 1 + (i % 28);
  const seq = String(100 + (Math.floor(i / 38) % 800)).padStart(3, '0');
  const body = `110108${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${seq}`;
  return body + computeCheckChar(body);
}

export function fakeMember(i: number, groupIds: number[] = []): Record<string, unknown> {
  const name = SURNAMES[i % SURNAMES.length]! + GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]!;
  return {
    name,
    idNumber: fakeId(i),
    memberNo: `HY${String(10000 + i)}`,
    phone: `139${String(10000000 + i * 7).slice(-8)}`,
    jobTitle: TITLES[i % TITLES.length],
    department: '教务处',
    politicalStatus: i % 3 === 0 ? '中共党员' : '群众',
    // Joined at 22 (birth years run 1966–2003, so every date is past and after the birth).
    joinDate: `${1966 + (i % 38) + 22}-09-01`,
    groupId: groupIds.length ? groupIds[i % groupIds.length] : null,
  };
}
