/**
 * The proposal workflow (DOMAIN.md §3.3). Like the membership lifecycle, the state is never typed by hand: it
 * is derived from the event history by `deriveWorkflow`, and `checkTransition` says, in Chinese, why an event
 * may not follow the history. Core and UI share these rules, so the buttons a page offers are exactly the
 * steps the core will accept.
 *
 * Decisions where the sources leave room (DOMAIN.md §3.3, §8.11–12):
 * - An item registered with fewer seconders than the session's minimum is an 意见建议 from the start, in its
 *   own number series. It skips 审查 and may be 交办 directly; units still reply ("they still reply").
 * - 转为意见建议 keeps the proposal's number; the item may then be 交办 like an 意见建议.
 * - 交办 names one 主办 and any 协办 units with a 办理期限. Every unit may file a reply, but the 主办's reply is
 *   the answer of record (co-units feed the lead unit, §3.3 step 6): it moves the item to 已答复 and its
 *   A/B/C class is what the statistics count.
 * - 督办 opens a new round (new 主办/协办 and 办理期限) after 不满意 feedback, or while a reply is overdue.
 * - A proposal is 办结 only after the proposer's feedback ("件件有回音"); an 意见建议 may be closed once replied.
 */

export const PROPOSAL_KINDS = ['proposal', 'opinion'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const PROPOSAL_KIND_LABELS: Record<ProposalKind, string> = { proposal: '提案', opinion: '意见建议' };

export const PROPOSAL_STATES = [
  'registered',
  'filed',
  'converted',
  'merged',
  'rejected',
  'withdrawn',
  'assigned',
  'replied',
  'feedback',
  'closed',
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const PROPOSAL_STATE_LABELS: Record<ProposalState, string> = {
  registered: '待审查',
  filed: '已立案',
  converted: '已转意见建议',
  merged: '已并案',
  rejected: '不予立案',
  withdrawn: '已撤案',
  assigned: '办理中',
  replied: '已答复',
  feedback: '已反馈',
  closed: '已办结',
};

/** An 意见建议 registered as such is not reviewed: it waits to be passed on, not for 审查. */
export const stateLabel = (state: ProposalState, kind: ProposalKind): string =>
  state === 'registered' && kind === 'opinion' ? '待交办' : PROPOSAL_STATE_LABELS[state];

/** States that end the item: nothing may follow them. */
export const FINAL_STATES: readonly ProposalState[] = ['merged', 'rejected', 'withdrawn', 'closed'];

export const PROPOSAL_EVENT_TYPES = [
  'register',
  'file',
  'merge',
  'convert',
  'reject',
  'withdraw',
  'assign',
  'reply',
  'feedback',
  'supervise',
  'close',
] as const;
export type ProposalEventType = (typeof PROPOSAL_EVENT_TYPES)[number];

export const PROPOSAL_EVENT_LABELS: Record<ProposalEventType, string> = {
  register: '登记',
  file: '立案',
  merge: '并案',
  convert: '转为意见建议',
  reject: '不予立案',
  withdraw: '撤案',
  assign: '交办',
  reply: '答复',
  feedback: '反馈',
  supervise: '督办',
  close: '办结',
};

/** What the free text of each step means, for forms, timelines and printed sheets. */
export const EVENT_TEXT_LABELS: Record<ProposalEventType, string> = {
  register: '登记说明',
  file: '审查意见',
  merge: '并案说明',
  convert: '审查意见',
  reject: '不予立案理由',
  withdraw: '撤案原因',
  assign: '交办意见',
  reply: '答复内容',
  feedback: '提案人意见',
  supervise: '督办意见',
  close: '办结说明',
};

export const REPLY_CLASSES = ['A', 'B', 'C'] as const;
export type ReplyClass = (typeof REPLY_CLASSES)[number];
export const REPLY_CLASS_LABELS: Record<ReplyClass, string> = {
  A: '已解决或基本解决',
  B: '正在解决或列入计划',
  C: '因条件限制留作参考',
};
export const replyClassLabel = (c: ReplyClass): string => `${c} 类（${REPLY_CLASS_LABELS[c]}）`;

export const SATISFACTIONS = ['satisfied', 'basic', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
};

/** One step as the rules see it; the optional fields belong to particular step types. */
export interface WorkflowEvent {
  id?: number;
  type: ProposalEventType;
  date: string;
  text?: string | null;
  /** 并案: the proposal this one is merged into. */
  targetId?: number | null;
  /** 交办 and 督办: the units of the new round and its 办理期限. */
  leadUnitId?: number | null;
  coUnitIds?: readonly number[];
  deadline?: string | null;
  /** 答复: which unit answers, and how. */
  unitId?: number | null;
  replyClass?: ReplyClass | null;
  /** 反馈 */
  satisfaction?: Satisfaction | null;
}

export interface WorkflowView {
  state: ProposalState;
  /** 0 before 交办; each 督办 starts the next round. */
  round: number;
  leadUnitId: number | null;
  coUnitIds: number[];
  deadline: string | null;
  /** Units that replied in the current round. */
  repliedUnitIds: number[];
  /** The latest reply of a 主办 unit in any round: the answer of record. */
  leadReply: { unitId: number; replyClass: ReplyClass; date: string } | null;
  feedback: Satisfaction | null;
  /** Went through 立案 (counts as filed in the statistics even after 办结). */
  filed: boolean;
  converted: boolean;
  mergedInto: number | null;
  /** 办理期限 of the current round while the 主办 has not replied in it; null otherwise. */
  replyDue: string | null;
  lastDate: string | null;
  lastType: ProposalEventType | null;
}

const byDateThenId = (a: WorkflowEvent, b: WorkflowEvent) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : (a.id ?? 0) - (b.id ?? 0);

export const sortEvents = <E extends WorkflowEvent>(events: readonly E[]): E[] => [...events].sort(byDateThenId);

/** Replays the history. Events the rules would refuse never reach the database, so replay does not re-check. */
export function deriveWorkflow(events: readonly WorkflowEvent[]): WorkflowView {
  const v: WorkflowView = {
    state: 'registered',
    round: 0,
    leadUnitId: null,
    coUnitIds: [],
    deadline: null,
    repliedUnitIds: [],
    leadReply: null,
    feedback: null,
    filed: false,
    converted: false,
    mergedInto: null,
    replyDue: null,
    lastDate: null,
    lastType: null,
  };
  for (const e of sortEvents(events)) {
    v.lastDate = e.date;
    v.lastType = e.type;
    switch (e.type) {
      case 'register':
        v.state = 'registered';
        break;
      case 'file':
        v.state = 'filed';
        v.filed = true;
        break;
      case 'merge':
        v.state = 'merged';
        v.mergedInto = e.targetId ?? null;
        break;
      case 'convert':
        v.state = 'converted';
        v.converted = true;
        break;
      case 'reject':
        v.state = 'rejected';
        break;
      case 'withdraw':
        v.state = 'withdrawn';
        break;
      case 'assign':
      case 'supervise':
        v.state = 'assigned';
        v.round += 1;
        v.leadUnitId = e.leadUnitId ?? null;
        v.coUnitIds = [...(e.coUnitIds ?? [])];
        v.deadline = e.deadline ?? null;
        v.repliedUnitIds = [];
        v.feedback = e.type === 'supervise' ? null : v.feedback;
        break;
      case 'reply':
        if (e.unitId != null && !v.repliedUnitIds.includes(e.unitId)) v.repliedUnitIds.push(e.unitId);
        if (e.unitId != null && e.unitId === v.leadUnitId && e.replyClass) {
          v.leadReply = { unitId: e.unitId, replyClass: e.replyClass, date: e.date };
          v.state = 'replied';
        }
        break;
      case 'feedback':
        v.state = 'feedback';
        v.feedback = e.satisfaction ?? null;
        break;
      case 'close':
        v.state = 'closed';
        break;
    }
  }
  const leadAnswered = v.leadUnitId != null && v.repliedUnitIds.includes(v.leadUnitId);
  v.replyDue = v.state === 'assigned' && !leadAnswered ? v.deadline : null;
  return v;
}

/** Overdue: the 主办 has not replied and the 办理期限 is past (the deadline day itself still counts as in time). */
export const isOverdue = (v: Pick<WorkflowView, 'replyDue'>, todayIso: string): boolean => !!v.replyDue && v.replyDue < todayIso;

const now = (v: WorkflowView, kind: ProposalKind) => `当前状态为「${stateLabel(v.state, kind)}」`;

/**
 * Whether a step of this type may follow the state at all (ignoring its fields). The UI offers exactly the
 * types for which this returns null.
 */
export function stateRefusal(kind: ProposalKind, v: WorkflowView, type: ProposalEventType, date: string): string | null {
  const label = PROPOSAL_EVENT_LABELS[type];
  if (type === 'register') return v.lastType ? '已经登记过，不能重复登记。' : null;
  if (!v.lastType) return '还没有登记，不能办理其他步骤。';
  if (FINAL_STATES.includes(v.state)) return `${now(v, kind)}，已经结束，不能再办理「${label}」。`;
  switch (type) {
    case 'file':
    case 'merge':
    case 'convert':
    case 'reject':
      if (kind === 'opinion') {
        return `意见建议（附议人不足）不经过立案审查，不能办理「${label}」；可以直接交办。`;
      }
      return v.state === 'registered' ? null : `${now(v, kind)}，已经审查过，不能再办理「${label}」。`;
    case 'withdraw':
      return ['registered', 'filed', 'converted'].includes(v.state) ? null : `${now(v, kind)}，已经交办，不能再撤案。`;
    case 'assign':
      if (v.state === 'filed' || v.state === 'converted' || (v.state === 'registered' && kind === 'opinion')) return null;
      if (v.state === 'registered') return '提案尚未立案，不能交办。请先立案，或转为意见建议后交办。';
      return `${now(v, kind)}，已经交办过；需要重新办理时请用「督办」。`;
    case 'reply':
      if (v.state === 'assigned' || v.state === 'replied') return null;
      if (v.round === 0) return `${now(v, kind)}，尚未交办，不能登记答复。`;
      return `${now(v, kind)}，本轮答复已结束；需要承办部门重新办理时请先「督办」。`;
    case 'feedback':
      if (v.state === 'replied') return null;
      if (v.state === 'feedback') return `${now(v, kind)}，已登记过提案人意见；如不满意需重新办理，请「督办」。`;
      return `${now(v, kind)}，主办部门尚未答复，不能登记提案人反馈。`;
    case 'supervise':
      if (v.state === 'assigned') {
        return v.deadline && date > v.deadline
          ? null
          : `尚未超过办理期限（${v.deadline ?? '未定'}），不需要督办。督办用于逾期未答复或提案人不满意的情形。`;
      }
      if (v.state === 'feedback') {
        return v.feedback === 'unsatisfied' ? null : `提案人对答复「${SATISFACTION_LABELS[v.feedback ?? 'satisfied']}」，不需要督办。`;
      }
      return `${now(v, kind)}，不能督办。督办用于逾期未答复或提案人不满意的情形。`;
    case 'close':
      if (v.state === 'feedback') return null;
      if (v.state === 'replied' && (kind === 'opinion' || v.converted)) return null;
      if (v.state === 'replied') return '提案人尚未反馈对答复的意见，不能办结（条条有答复、件件有回音）。';
      return `${now(v, kind)}，还不能办结。`;
  }
}

/** The fields a step needs, checked against the current round. */
function fieldRefusal(v: WorkflowView, next: WorkflowEvent): string | null {
  switch (next.type) {
    case 'reject':
      return next.text?.trim() ? null : '不予立案须写明理由（将书面告知提案人）。';
    case 'merge':
      return next.targetId ? null : '请选择并入哪一件提案。';
    case 'assign':
    case 'supervise': {
      if (!next.leadUnitId) return '请选择主办部门。';
      if (next.coUnitIds?.includes(next.leadUnitId)) return '主办部门不能同时是协办部门。';
      if (new Set(next.coUnitIds ?? []).size !== (next.coUnitIds ?? []).length) return '协办部门重复。';
      if (!next.deadline) return '请填写办理期限。';
      if (next.deadline < next.date) return `办理期限（${next.deadline}）不能早于${PROPOSAL_EVENT_LABELS[next.type]}日期（${next.date}）。`;
      return null;
    }
    case 'reply': {
      if (!next.unitId) return '请选择答复的承办部门。';
      if (!next.replyClass) return '请选择答复类别（A、B 或 C 类）。';
      const inRound = next.unitId === v.leadUnitId || v.coUnitIds.includes(next.unitId);
      if (!inRound) return '该部门不是本轮交办的承办部门，不能登记它的答复。';
      if (v.repliedUnitIds.includes(next.unitId)) return '该部门本轮已经答复过。如需重新答复，请先督办。';
      return null;
    }
    case 'feedback':
      return next.satisfaction ? null : '请选择提案人对答复的意见（满意、基本满意或不满意）。';
    default:
      return null;
  }
}

/** Returns a Chinese reason when `next` may not follow the history, else null. */
export function checkTransition(kind: ProposalKind, events: readonly WorkflowEvent[], next: WorkflowEvent): string | null {
  const v = deriveWorkflow(events);
  if (v.lastDate && next.date < v.lastDate && v.lastType) {
    return `日期 ${next.date} 早于上一步（${PROPOSAL_EVENT_LABELS[v.lastType]}，${v.lastDate}）。`;
  }
  return stateRefusal(kind, v, next.type, next.date) ?? fieldRefusal(v, next);
}

/** The steps a page may offer now (registration excluded). */
export function allowedActions(kind: ProposalKind, events: readonly WorkflowEvent[], todayIso: string): ProposalEventType[] {
  const v = deriveWorkflow(events);
  return PROPOSAL_EVENT_TYPES.filter((t) => t !== 'register' && stateRefusal(kind, v, t, todayIso) === null);
}

// ---------------------------------------------------------------------------------------------------------------
// Sessions and numbers (DOMAIN.md §3.1, §3.4)

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (届 and 次 stay well below a thousand). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const tail = rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${chineseNumeral(rest)}` : chineseNumeral(rest);
  return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
}

/** 一 … 九十九 and arabic digits back to a number; null for anything else. */
export function parseChineseNumeral(s: string): number | null {
  const t = s.trim();
  if (/^\d{1,3}$/.test(t)) return Number(t);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(t.replace(/两/g, '二'));
  if (!m || !t) return null;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? DIGITS.indexOf(tens) : null;
  return (tens ? DIGITS.indexOf(tens) : 1) * 10 + (ones ? DIGITS.indexOf(ones) : 0);
}

/** 五届二次 */
export const sessionLabel = (term: number, meeting: number): string => `${chineseNumeral(term)}届${chineseNumeral(meeting)}次`;
/** 第五届第二次 */
export const sessionTitle = (term: number, meeting: number): string => `第${chineseNumeral(term)}届第${chineseNumeral(meeting)}次`;

/** Reads 五届二次, 第五届第二次（会议）, 5届2次, 第5届第2次 or 5-2 as {term, meeting}. */
export function parseSessionKey(s: string): { term: number; meeting: number } | null {
  const t = s.replace(/\s+/g, '').replace(/(会议|教代会|职代会|双代会)$/, '');
  const dash = /^(\d{1,3})[-－.](\d{1,3})$/.exec(t);
  if (dash) return Number(dash[1]) > 0 && Number(dash[2]) > 0 ? { term: Number(dash[1]), meeting: Number(dash[2]) } : null;
  const m = /^第?([一二三四五六七八九十两\d]+)届第?([一二三四五六七八九十两\d]+)次$/.exec(t);
  if (!m) return null;
  const term = parseChineseNumeral(m[1]!);
  const meeting = parseChineseNumeral(m[2]!);
  return term && meeting ? { term, meeting } : null;
}

export const DEFAULT_NUMBER_FORMAT = '{届}届{次}次 第{号:3}号';
export const DEFAULT_OPINION_NUMBER_FORMAT = '{届}届{次}次 意见建议第{号:3}号';

/** What the number format may contain, for the settings form's help text. */
export const NUMBER_FORMAT_TOKENS: readonly { token: string; meaning: string }[] = [
  { token: '{届}', meaning: '届次，中文数字（五）' },
  { token: '{次}', meaning: '会议次数，中文数字（二）' },
  { token: '{届#}', meaning: '届次，阿拉伯数字（5）' },
  { token: '{次#}', meaning: '会议次数，阿拉伯数字（2）' },
  { token: '{年}', meaning: '会议召开年份（2026）' },
  { token: '{号}', meaning: '流水号（23）' },
  { token: '{号:3}', meaning: '流水号补足 3 位（023），位数可改为 1–6' },
];

const TOKEN_RE = /\{([^{}]*)\}/g;
const SERIAL_RE = /^号(?::([1-6]))?$/;

/** Null when the format is usable, else the problem in Chinese. */
export function numberFormatProblem(format: string): string | null {
  if (!format.trim()) return '编号格式不能为空。';
  if (format.length > 40) return '编号格式不能超过 40 个字。';
  let serials = 0;
  for (const m of format.matchAll(TOKEN_RE)) {
    const token = m[1]!;
    if (SERIAL_RE.test(token)) serials++;
    else if (!['届', '次', '届#', '次#', '年'].includes(token)) return `编号格式中的「{${token}}」无法识别。`;
  }
  if (serials !== 1) return '编号格式中必须有且只有一个流水号「{号}」（如「{号:3}」）。';
  if (/[{}]/.test(format.replace(TOKEN_RE, ''))) return '编号格式中的大括号不成对。';
  return null;
}

export interface NumberParts {
  term: number;
  meeting: number;
  serial: number;
  year?: number | null;
}

/** 五届二次 第023号 from '{届}届{次}次 第{号:3}号'. */
export function formatProposalNumber(format: string, p: NumberParts): string {
  return format.replace(TOKEN_RE, (whole, token: string) => {
    const serial = SERIAL_RE.exec(token);
    if (serial) return String(p.serial).padStart(Number(serial[1] ?? 1), '0');
    switch (token) {
      case '届':
        return chineseNumeral(p.term);
      case '次':
        return chineseNumeral(p.meeting);
      case '届#':
        return String(p.term);
      case '次#':
        return String(p.meeting);
      case '年':
        return p.year ? String(p.year) : '';
      default:
        return whole;
    }
  });
}
