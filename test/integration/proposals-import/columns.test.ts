import { describe, expect, it } from 'vitest';
import { planHistory, readReplyClass, readReview, readSatisfaction, type HistoryInput } from '../../../electron/core/proposals/import/import-history';
import { parsePerson } from '../../../electron/core/proposals/import/import-people';
import type { DetectedColumn } from '../../../electron/core/spreadsheet/detect';
import { guessProposalField, mapProposalColumns, proposalHeaderScore, splitNames } from '../../../electron/core/proposals/import/proposal-columns';

const cols = (...headers: string[]): DetectedColumn[] => headers.map((h, index) => ({ index, header: h, name: h }));

describe('proposal column mapper', () => {
  it('knows the spellings registers use', () => {
    const field = (h: string, group?: string) => guessProposalField(h, group)?.field ?? null;
    expect(['案由', '题目', '提案题目', '标题'].map((h) => field(h))).toEqual(['title', 'title', 'title', 'title']);
    expect(['提案人', '第一提案人', '附议人', '附议人（签名）', '所在代表团'].map((h) => field(h))).toEqual([
      'proposer', 'proposer', 'seconders', 'seconders', 'delegation',
    ]);
    expect(['提案类别', '建议承办部门', '主办部门', '提交日期', '提案时间'].map((h) => field(h))).toEqual([
      'category', 'unit', 'unit', 'submittedDate', 'submittedDate',
    ]);
    expect(['案由及理由', '问题与理由', '具体建议', '办法'].map((h) => field(h))).toEqual(['reasons', 'reasons', 'suggestions', 'suggestions']);
    expect(['答复', '办理结果', '答复类别', '满意度', '办理期限'].map((h) => field(h))).toEqual(['reply', 'reply', 'replyClass', 'satisfaction', 'deadline']);
    // Decorated and qualified headers.
    expect(field('案 由\n（必填）*')).toBe('title');
    expect(field('提案人联系电话')).toBe('contactPhone');
    // Generic words only as the whole header: 反馈日期 is not the 提交日期, 联系人电话 not the proposer's.
    expect(field('反馈日期')).toBeNull();
    expect(field('联系人电话')).toBeNull();
    // Under a grouped header the group names the person: 提案人/姓名.
    expect(field('姓名', '提案人')).toBe('proposer');
    expect(field('姓名', '附议人')).toBe('seconders');
    expect(proposalHeaderScore('序号')).toBeLessThan(proposalHeaderScore('案由'));
  });

  it('keeps every 附议人 column, gives other fields one column each, and names what is missing', () => {
    const m = mapProposalColumns(cols('序号', '题目', '附议人1', '附议人2', '附议人(3)', '承办部门', '主办单位'));
    expect(m.columns.map((c) => c.field)).toEqual(['seq', 'title', 'seconders', 'seconders', 'seconders', 'unit', null]);
    expect(m.columns[6]!.note).toBe('也像「建议承办部门」，但已由「承办部门」列导入');
    expect(m.missingRequired).toEqual(['proposer']);
    const corrected = mapProposalColumns(cols('题目', '姓名', '附议人'), { 姓名: 'proposer' });
    expect(corrected.columns.map((c) => [c.field, !!c.userChosen])).toEqual([
      ['title', false],
      ['proposer', true],
      ['seconders', false],
    ]);
    expect(corrected.missingRequired).toEqual([]);
    expect(corrected.signature).toMatch(/^[0-9a-f]{16}$/);
  });

  it('splits several names in one cell and reads a 代表团 written after a name', () => {
    expect(splitNames('张三、李四，王五,赵六/钱七；孙八;周九 吴十')).toEqual(['张三', '李四', '王五', '赵六', '钱七', '孙八', '周九', '吴十']);
    expect(splitNames(' 、 ')).toEqual([]);
    expect(parsePerson('王芳（第二代表团）')).toEqual({ name: '王芳', hint: '第二代表团' });
    expect(parsePerson('王芳[教务处]')).toEqual({ name: '王芳', hint: '教务处' });
    expect(parsePerson(' 张三 ')).toEqual({ name: '张三', hint: null });
  });
});

describe('replaying the result columns', () => {
  it('reads the words offices write', () => {
    expect(['立案', '同意立案', '是', '不予立案：超出学校职权', '否', '转为意见建议', '撤案', '并案', '待定'].map((t) => readReview(t).type)).toEqual([
      'file', 'file', 'file', 'reject', 'reject', 'convert', 'withdraw', 'merge', 'unknown',
    ]);
    expect(['A', 'Ｂ类', 'c', '已解决', '列入计划', '留作参考', 'D'].map((t) => readReplyClass(t)?.value)).toEqual(['A', 'B', 'C', 'A', 'B', 'C', 'C']);
    expect(readReplyClass('D')?.note).toBe('D 类（留作参考）按 C 类登记');
    expect(readReplyClass('很好')).toBeNull();
    expect(['满意', '基本满意', '不满意', '比较满意', '一般'].map(readSatisfaction)).toEqual(['satisfied', 'basic', 'unsatisfied', 'basic', null]);
  });

  const unit = { id: 1, name: '后勤管理处', active: true };
  const base: HistoryInput = {
    kind: 'proposal',
    submittedDate: '2026-03-10',
    today: '2026-04-01',
    sessionDeadline: '2026-05-31',
    review: null,
    deadline: null,
    unit,
    coUnits: [],
    reply: null,
    replyClass: null,
    replyDate: null,
    satisfaction: null,
  };
  const plan = (over: Partial<HistoryInput>) => {
    const warnings: string[] = [];
    const r = planHistory({ ...base, ...over }, (_f, m) => warnings.push(m));
    return { labels: r.labels, warnings, steps: r.steps };
  };

  it('replays as far as the register justifies, and says where it stopped and why', () => {
    expect(plan({}).labels).toEqual([]);
    expect(plan({ review: '立案' }).labels).toEqual(['立案']);
    expect(plan({ review: '不予立案：属个人事务' }).steps[0]).toMatchObject({ type: 'reject', text: '不予立案：属个人事务（据导入的提案登记表补记）' });
    // A reply without a review result: the proposal was filed, assigned to its unit with the session's deadline.
    const full = plan({ replyClass: 'B', replyDate: '2026-03-20', satisfaction: '基本满意' });
    expect(full.labels).toEqual(['立案', '交办 后勤管理处', '答复 B 类', '反馈 基本满意']);
    expect(full.steps[1]).toMatchObject({ type: 'assign', date: '2026-03-10', deadline: '2026-05-31' });
    expect(full.steps[3]).toMatchObject({ type: 'feedback', date: '2026-03-20' });
    expect(plan({ reply: '已增加两个窗口' })).toMatchObject({
      labels: ['立案', '交办 后勤管理处'],
      warnings: ['答复没有类别（A/B/C），答复及反馈未补记；请导入后在提案详情中登记答复'],
    });
    expect(plan({ replyClass: 'A', sessionDeadline: null }).warnings).toEqual(['表中没有办理期限，届次也未设答复期限，交办及以后的步骤未补记']);
    expect(plan({ replyClass: 'A', unit: null }).labels).toEqual(['立案']);
    expect(plan({ review: '并案' })).toMatchObject({ labels: [], warnings: ['并案须指明并入哪一件提案，未补记；请导入后在提案详情中办理「并案」'] });
    expect(plan({ review: '不予立案', replyClass: 'A' }).warnings).toEqual(['审查结果为「不予立案」，其后的交办、答复、反馈未补记']);
    // The workflow rules decide: a reply dated before the 交办 is refused, with the rule's own words.
    const early = plan({ replyClass: 'A', replyDate: '2026-03-01' });
    expect(early.labels).toEqual(['立案', '交办 后勤管理处']);
    expect(early.warnings[0]).toBe('「答复 A 类」未能补记，办理过程补记到此为止：日期 2026-03-01 早于上一步（交办，2026-03-10）。');
    // An 意见建议 skips the review and goes straight to 交办.
    expect(plan({ kind: 'opinion', review: '立案', replyClass: 'C', replyDate: '2026-03-15' }).labels).toEqual(['交办 后勤管理处', '答复 C 类']);
  });
});
