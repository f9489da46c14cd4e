import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanText, type ParsedPlan } from '../../../electron/core/plans/plan-parser';

const DATA = path.resolve(__dirname, '../../../../shared/data/plans');
const read = (f: string) => parsePlanText(fs.readFileSync(path.join(DATA, f), 'utf8'));
const counts = (p: ParsedPlan) => p.months.map((m) => [m.month, m.items.length]);

describe('plan parser on the real plans in shared/data/plans (counts checked by hand)', () => {
  it('school-union-plans-a: one schedule 三月份 … 十二月份 (## and ### headings, 十二月份 without), 22 items', () => {
    const p = read('school-union-plans-a.txt');
    expect(p.noMonthHeadings).toBe(false);
    expect(counts(p)).toEqual([[3, 2], [4, 2], [5, 2], [6, 3], [7, 2], [8, 2], [9, 2], [10, 2], [11, 2], [12, 3]]);
    expect(p.months[9]!.items.map((i) => i.title)).toEqual(['开展送温暖活动', '收集20xx年各种总结资料,做好整理、归档等工作', '开展教职工迎春文艺晚会']);
    expect(p.months[9]!.items.map((i) => i.kind)).toEqual(['care', 'other', 'festival']);
    expect(p.months[0]!.items[1]).toMatchObject({ title: '开展好“三·八”妇女节庆祝活动', kind: 'festival' });
    // The prose plans of the page keep their numbered items, month open.
    expect(p.unscheduled.length).toBe(52);
  });

  it('school-union-plans-b: two schedules — 10 months / 23 items, and 11 months / 17 items from "八、活动及时间安排：二月份：…"', () => {
    const p = read('school-union-plans-b.txt');
    expect(counts(p)).toEqual([
      [3, 2], [4, 2], [5, 2], [6, 3], [7, 2], [8, 2], [9, 2], [10, 3], [11, 2], [12, 3],
      [2, 1], [3, 5], [4, 2], [5, 1], [6, 1], [7, 1], [9, 1], [10, 2], [11, 1], [12, 1], [1, 1],
    ]);
    expect(p.months[10]!.items[0]!.title).toBe('确定xx年分工会工作意见和xx年上学期分工会活动安排');
    // "- 1、…" list items under "三月份：" and an unnumbered single item under "六月份：".
    expect(p.months[11]!.items[0]).toMatchObject({ title: '召开分工会委员会议,部署xx年分工会工作', kind: 'meeting' });
    expect(p.months[14]!.items[0]!.title).toBe('协助系党政领导做好期末各项工作');
    expect(p.months[17]!.items[1]).toMatchObject({ title: '教职工乒乓球比赛', kind: 'sports' });
  });

  it('county-union-plans: prose only — no month headings, 42 areas and 65 numbered items with the month open', () => {
    const p = read('county-union-plans.txt');
    expect(p.noMonthHeadings).toBe(true);
    expect(p.months).toEqual([]);
    expect(p.areas.length).toBe(42);
    expect(p.unscheduled.length).toBe(65);
    expect(p.unscheduled[0]).toMatchObject({ title: '围绕中心,发挥好工会的桥梁和纽带作用', area: '深入学习市区工会工作的精神,推进教职工的思想政治建设' });
    expect(p.unscheduled.find((i) => i.title.startsWith('落实好教工的体检工作'))?.kind).toBe('health');
  });
});

describe('heading and numbering variants', () => {
  it('元月份, 七—八月份, 八、九月份, 十一月 and "一月份：…；…" on one line', () => {
    const p = parsePlanText(['元月份', '1、春节慰问困难职工', '七—八月份', '(1)组织教职工疗休养', '八、九月份：制定本学期工会工作计划；庆祝教师节', '十一月', '① 召开工会委员会议'].join('\n'));
    expect(p.months.map((m) => [m.month, m.monthTo, m.items.length])).toEqual([[1, 1, 1], [7, 8, 1], [8, 9, 2], [11, 11, 1]]);
    expect(p.months.map((m) => m.items.map((i) => i.kind))).toEqual([['care'], ['health'], ['other', 'festival'], ['meeting']]);
  });

  it('full-width digits and punctuation: １０月份： and （２）', () => {
    const p = parsePlanText('１０月份：\n（１）举办教职工运动会。\n（２）组织体检\n３．开展法律援助');
    expect(p.months).toEqual([{ month: 10, monthTo: 10, items: [
      { title: '举办教职工运动会', kind: 'sports' },
      { title: '组织体检', kind: 'health' },
      { title: '开展法律援助', kind: 'rights' },
    ] }]);
  });

  it('traditional characters: 三月份 in 繁體 text', () => {
    const p = parsePlanText('## 三月份\n1、開展「三八」婦女節慶祝活動\n2、組織教職工體檢\n四月份：舉辦籃球比賽');
    expect(p.months.map((m) => [m.month, m.items.length])).toEqual([[3, 2], [4, 1]]);
    expect(p.months[0]!.items.map((i) => i.kind)).toEqual(['festival', 'health']);
    expect(p.months[1]!.items[0]!.kind).toBe('sports');
  });

  it('an item cut over two lines is joined; a new 一、 heading ends the schedule', () => {
    const p = parsePlanText('九月份\n1. 开展教师节庆祝活动，组织\n书画展\n2. 做好法制宣传。\n三、加强自身建设\n1、加强会员管理');
    expect(p.months[0]!.items.map((i) => i.title)).toEqual(['开展教师节庆祝活动,组织书画展', '做好法制宣传']);
    expect(p.unscheduled).toEqual([{ title: '加强会员管理', kind: 'other', area: '加强自身建设' }]);
  });

  it('text with no schedule at all still gives areas, and says no month headings were found', () => {
    const p = parsePlanText('一、指导思想\n二、主要工作\n1、做好送温暖工作\n2、开展劳动竞赛');
    expect(p.noMonthHeadings).toBe(true);
    expect(p.areas).toEqual(['指导思想', '主要工作']);
    expect(p.unscheduled.map((i) => i.kind)).toEqual(['care', 'contest']);
  });
});
