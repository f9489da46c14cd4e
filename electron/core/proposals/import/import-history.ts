/**
 * Replaying a register's result columns (审查结果, 办理期限, 答复, 答复类别, 答复日期, 满意度) as workflow steps
 * after 登记, so a register kept in Excel for a whole session arrives with its state, not as a pile of
 * 待审查 items.
 *
 * Every step goes through the same rules as a clerk's click (`checkTransition`): the plan is simulated here
 * for the preview, and the commit applies it with `actIn`. Where the register does not say enough (a reply
 * without its A/B/C class, a 并案 without the proposal it went into, no 办理期限 anywhere), the replay stops at
 * the last step it can justify and the row carries a warning saying where and why; the proposal itself is
 * still registered. A step without a date column of its own is dated like the step before it (立案 and 交办 on
 * the 提交日期, 反馈 on the 答复日期), and its text says it was recorded from the register.
 */
import type { ProposalActionInput } from '../proposals.workflow';
import {
  checkTransition,
  PROPOSAL_EVENT_LABELS,
  SATISFACTION_LABELS,
  type ProposalKind,
  type ReplyClass,
  type Satisfaction,
  type WorkflowEvent,
} from '../../../../shared/domain/proposal-workflow';
import { stripAllSpaces, toHalfWidth } from '../../../../shared/domain/text';
import type { ProposalFieldKey } from './proposal-columns';
import type { UnitInfo } from './import-lookups';

type Distribute<T> = T extends unknown ? Omit<T, 'proposalId'> : never;
/** A workflow step of the replay, before the proposal (and so its id) exists. */
export type PlannedStep = Distribute<ProposalActionInput>;

export const FROM_REGISTER = '据导入的提案登记表补记';

export interface HistoryInput {
  kind: ProposalKind;
  submittedDate: string;
  today: string;
  /** The session's 答复期限, used as 办理期限 when the register has none. */
  sessionDeadline: string | null;
  review: string | null;
  deadline: string | null;
  unit: UnitInfo | null;
  coUnits: UnitInfo[];
  reply: string | null;
  replyClass: string | null;
  replyDate: string | null;
  satisfaction: string | null;
}

export type Warn = (field: ProposalFieldKey | null, message: string) => void;

type Review = { type: 'file' | 'reject' | 'withdraw' | 'convert' } | { type: 'merge' } | { type: 'unknown' };

export function readReview(raw: string): Review {
  const t = stripAllSpaces(toHalfWidth(raw));
  if (/^(否|不同意|不予)|不予?以?立案|未立案|不立案|不同意立案/.test(t)) return { type: 'reject' };
  if (/撤案|撤回|撤销/.test(t)) return { type: 'withdraw' };
  if (/^转.*(意见|建议)|作为(意见|建议)|^转达/.test(t)) return { type: 'convert' };
  if (/并案|合并|并入/.test(t)) return { type: 'merge' };
  if (/^(是|同意|立案|已立案|予以立案|同意立案|准予立案|√|✓)$|^(同意|予以|准予)?立案/.test(t)) return { type: 'file' };
  return { type: 'unknown' };
}

/** A/B/C as letters (A类, Ａ) or in words (已解决 → A, 列入计划 → B, 留作参考 → C); D 留作参考 counts as C. */
export function readReplyClass(raw: string): { value: ReplyClass; note?: string } | null {
  const t = stripAllSpaces(toHalfWidth(raw)).toUpperCase();
  const letter = /^([ABCD])(类|级)?/.exec(t)?.[1];
  if (letter === 'D') return { value: 'C', note: 'D 类（留作参考）按 C 类登记' };
  if (letter) return { value: letter as ReplyClass };
  if (/正在解决|列入计划|计划解决|逐步解决|部分解决/.test(t)) return { value: 'B' };
  if (/已解决|基本解决|已落实|已办理/.test(t)) return { value: 'A' };
  if (/留作参考|条件限制|暂不|不能解决|无法解决|以后解决|作为参考/.test(t)) return { value: 'C' };
  return null;
}

export function readSatisfaction(raw: string): Satisfaction | null {
  const t = stripAllSpaces(toHalfWidth(raw));
  if (/不满意|不太满意/.test(t)) return 'unsatisfied';
  if (/基本满意|比较满意|较满意/.test(t)) return 'basic';
  if (/满意|非常满意|很满意/.test(t)) return 'satisfied';
  return null;
}

const stepLabel = (s: PlannedStep, units: Map<number, string>): string => {
  switch (s.type) {
    case 'assign':
      return `交办 ${units.get(s.leadUnitId) ?? ''}`.trim();
    case 'reply':
      return `答复 ${s.replyClass} 类`;
    case 'feedback':
      return `反馈 ${SATISFACTION_LABELS[s.satisfaction]}`;
    default:
      return PROPOSAL_EVENT_LABELS[s.type];
  }
};

/**
 * The steps to replay after 登记, each already checked against the workflow rules in order; warnings name
 * whatever the register says that is not replayed.
 */
export function planHistory(h: HistoryInput, warn: Warn): { steps: PlannedStep[]; labels: string[] } {
  const steps: PlannedStep[] = [];
  const events: WorkflowEvent[] = [{ type: 'register', date: h.submittedDate }];
  const unitNames = new Map([h.unit, ...h.coUnits].filter((u): u is UnitInfo => !!u).map((u) => [u.id, u.name]));
  let date = h.submittedDate;
  const base = { handler: null };
  /** Adds a step when the rules allow it; otherwise warns and reports false (the replay stops). */
  const push = (step: PlannedStep, field: ProposalFieldKey | null): boolean => {
    const next = { ...step, coUnitIds: 'coUnitIds' in step ? step.coUnitIds : [] } as WorkflowEvent;
    const refusal = checkTransition(h.kind, events, next);
    if (refusal) {
      warn(field, `「${stepLabel(step, unitNames)}」未能补记，办理过程补记到此为止：${refusal}`);
      return false;
    }
    steps.push(step);
    events.push(next);
    date = step.date;
    return true;
  };

  const wantsReply = !!(h.reply || h.replyClass || h.satisfaction);
  const wantsAssign = wantsReply || !!h.deadline;
  const review = h.review ? readReview(h.review) : null;

  // 审查
  if (review && h.kind === 'opinion') {
    if (review.type !== 'file') warn('review', `附议人不足，已按意见建议登记，审查结果「${h.review}」未补记`);
  } else if (review) {
    const text = h.review ? `${h.review}（${FROM_REGISTER}）` : FROM_REGISTER;
    if (review.type === 'merge') {
      warn('review', `并案须指明并入哪一件提案，未补记；请导入后在提案详情中办理「并案」`);
      return done();
    }
    if (review.type === 'unknown') {
      warn('review', `不认识的审查结果「${h.review}」（可写 立案、不予立案、转为意见建议、撤案），未补记办理过程`);
      return done();
    }
    if (!push({ type: review.type, date, text, ...base } as PlannedStep, 'review')) return done();
    if (review.type !== 'file' && review.type !== 'convert') {
      if (wantsAssign) warn('reply', `审查结果为「${h.review}」，其后的交办、答复、反馈未补记`);
      return done();
    }
  } else if (wantsAssign && h.kind === 'proposal') {
    // A register that records a reply but no review result: the proposal was obviously filed.
    if (!push({ type: 'file', date, text: `有答复记录，视为已立案（${FROM_REGISTER}）`, ...base }, null)) return done();
  }

  // 交办
  if (!wantsAssign) return done();
  if (!h.unit) {
    warn('unit', '没有承办部门，交办及以后的步骤未补记');
    return done();
  }
  if (!h.unit.active) {
    warn('unit', `承办部门「${h.unit.name}」已停用，交办及以后的步骤未补记`);
    return done();
  }
  const deadline = h.deadline ?? h.sessionDeadline;
  if (!deadline) {
    warn('deadline', '表中没有办理期限，届次也未设答复期限，交办及以后的步骤未补记');
    return done();
  }
  const coUnitIds = h.coUnits.filter((u) => u.id !== h.unit!.id && u.active).map((u) => u.id);
  const assign: PlannedStep = { type: 'assign', date, leadUnitId: h.unit.id, coUnitIds, deadline, text: FROM_REGISTER, ...base };
  if (!push(assign, 'deadline')) return done();

  // 答复
  if (!wantsReply) return done();
  const cls = h.replyClass ? readReplyClass(h.replyClass) : null;
  if (!cls) {
    if (h.replyClass) warn('replyClass', `不认识的答复类别「${h.replyClass}」（可写 A、B、C 或 已解决、列入计划、留作参考），答复未补记`);
    else warn('replyClass', '答复没有类别（A/B/C），答复及反馈未补记；请导入后在提案详情中登记答复');
    return done();
  }
  if (cls.note) warn('replyClass', cls.note);
  if (h.replyDate && h.replyDate > h.today) {
    warn('replyDate', `答复日期 ${h.replyDate} 晚于今天，答复未补记`);
    return done();
  }
  const reply: PlannedStep = { type: 'reply', date: h.replyDate ?? date, unitId: h.unit.id, replyClass: cls.value, text: h.reply || FROM_REGISTER, ...base };
  if (!push(reply, 'replyDate')) return done();

  // 反馈
  if (!h.satisfaction) return done();
  const sat = readSatisfaction(h.satisfaction);
  if (!sat) {
    warn('satisfaction', `不认识的提案人意见「${h.satisfaction}」（可写 满意、基本满意、不满意），反馈未补记`);
    return done();
  }
  push({ type: 'feedback', date, satisfaction: sat, text: `${h.satisfaction}（${FROM_REGISTER}）`, ...base }, 'satisfaction');
  return done();

  function done() {
    return { steps, labels: steps.map((s) => stepLabel(s, unitNames)) };
  }
}
