import { computeCheckChar } from '../../shared/domain/id-number';
import type { MemberFields } from '../../shared/contract/members';

/** Deterministic PRNG so every bench run searches the same data. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The most common surnames with rough weights (per mille), plus polyphonic ones the search must read right.
const SURNAMES: [string, number][] = [
  ['王', 72], ['李', 71], ['张', 69], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 22], ['赵', 21], ['吴', 20], ['周', 19],
  ['徐', 15], ['孙', 15], ['马', 15], ['朱', 14], ['胡', 13], ['郭', 12], ['何', 12], ['高', 11], ['林', 11], ['罗', 10],
  ['郑', 10], ['梁', 9], ['谢', 8], ['宋', 8], ['唐', 7], ['许', 7], ['韩', 7], ['冯', 7], ['邓', 7], ['曹', 6],
  ['彭', 6], ['曾', 6], ['肖', 6], ['田', 6], ['董', 5], ['袁', 5], ['潘', 5], ['于', 5], ['蒋', 5], ['蔡', 5],
  ['余', 5], ['杜', 5], ['叶', 4], ['程', 4], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4], ['任', 4], ['沈', 4],
  ['单', 1], ['解', 1], ['仇', 1], ['欧阳', 1], ['司马', 1],
];
const GIVEN_TEXT = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅玉兰志强海燕晓东春梅立新文博思远雨欣子涵浩然一鸣嘉怡梓萱宇轩';
const GIVEN = [...GIVEN_TEXT];
const AREAS = ['110108', '110105', '310115', '440306', '320102', '510107', '330106', '420106', '610113', '370102'];

const total = SURNAMES.reduce((s, [, w]) => s + w, 0);

export function randomName(r: () => number): string {
  let pick = r() * total;
  let surname = '王';
  for (const [s, w] of SURNAMES) {
    pick -= w;
    if (pick <= 0) {
      surname = s;
      break;
    }
  }
  const given = GIVEN;
  const len = r() < 0.35 ? 1 : 2;
  let name = surname;
  for (let i = 0; i < len; i++) name += given[Math.floor(r() * given.length)];
  return name;
}

export function randomId(r: () => number, serial: number): string {
  const area = AREAS[Math.floor(r() * AREAS.length)]!;
  const y = 1960 + Math.floor(r() * 42);
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  const seq = String(serial % 1000).padStart(3, '0');
  const body = `${area}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`;
  return body + computeCheckChar(body);
}

/** n distinct members with realistic names, valid (unique) IDs, phones and 会员证号. */
export function generateMembers(n: number, seed = 42): MemberFields[] {
  const r = rng(seed);
  const seen = new Set<string>();
  const out: MemberFields[] = [];
  for (let i = 0; out.length < n; i++) {
    const idNumber = randomId(r, i);
    if (seen.has(idNumber)) continue;
    seen.add(idNumber);
    out.push({
      name: randomName(r),
      idType: 'resident',
      idNumber,
      phone: `13${String(Math.floor(r() * 1e9)).padStart(9, '0')}`,
      memberNo: `HY${String(out.length + 1).padStart(7, '0')}`,
      joinDate: `${2000 + Math.floor(r() * 25)}-09-01`,
      politicalStatus: r() < 0.3 ? '中共党员' : '群众',
      familyMembers: [],
    });
  }
  return out;
}
