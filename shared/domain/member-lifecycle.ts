/**
 * Membership lifecycle (DOMAIN.md §1.5). The current status is never typed by hand: it is derived from the
 * event history by `deriveStatus`, and `checkTransition` says which event may follow which status.
 */
export const MEMBER_STATUSES = ['active', 'retained', 'transferred_out', 'left', 'expelled', 'deceased'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  active: '在册',
  retained: '保留会籍',
  transferred_out: '已转出',
  left: '已退会',
  expelled: '已开除',
  deceased: '已故',
};

/**
 * The two member totals a screen can show, each named by what it counts, so 首页 never shows two different
 * figures both called 会员: the current members (在册 + 保留会籍) and every member file kept (with those who
 * transferred out, left or died).
 */
export const MEMBER_TOTAL_LABELS = {
  current: '现有会员合计',
  /** What 现有会员合计 counts, beside it (a tooltip: the card is narrow at 1366 × 768). */
  currentNote: '在册＋保留会籍，不含已转出、退会、已故',
  all: '会员档案（含已转出、退会）',
} as const;

/** Lists show these unless the clerk asks for the others: people who left stay in the archive. */
export const CURRENT_STATUSES: readonly MemberStatus[] = ['active', 'retained'];

export const MEMBER_EVENT_TYPES = [
  'join',
  'transfer_in',
  'transfer_out',
  'retain',
  'restore',
  'leave',
  'expel',
  'death',
  'group_move',
] as const;
export type MemberEventType = (typeof MEMBER_EVENT_TYPES)[number];

export const MEMBER_EVENT_LABELS: Record<MemberEventType, string> = {
  join: '入会',
  transfer_in: '转入',
  transfer_out: '转出',
  retain: '保留会籍',
  restore: '恢复会籍',
  leave: '退会',
  expel: '开除会籍',
  death: '去世',
  group_move: '调整工会小组',
};

/** Common reasons offered in the form; the clerk may type another. */
export const MEMBER_EVENT_REASONS: Partial<Record<MemberEventType, readonly string[]>> = {
  retain: ['退休', '离休', '失业'],
  transfer_out: ['工作调动', '辞职', '劳动合同终止'],
  leave: ['本人申请', '自动退会（连续 6 个月未交会费且不参加组织生活）'],
};

const STATUS_AFTER: Partial<Record<MemberEventType, MemberStatus>> = {
  join: 'active',
  transfer_in: 'active',
  restore: 'active',
  retain: 'retained',
  transfer_out: 'transferred_out',
  leave: 'left',
  expel: 'expelled',
  death: 'deceased',
};

/** Events that end a membership here (转出, 退会, 开除会籍, 去世): what the 个人信息 retention counts from. */
export const LEAVING_EVENTS: readonly MemberEventType[] = MEMBER_EVENT_TYPES.filter((t) => {
  const after = STATUS_AFTER[t];
  return after !== undefined && !CURRENT_STATUSES.includes(after);
});

/**
 * Which statuses each event may follow; `null` stands for "no status event yet": a record entered without its
 * 入会 date, which counts as 在册 but may still have its 入会 or 转入 recorded.
 */
const ALLOWED_FROM: Record<MemberEventType, readonly (MemberStatus | null)[]> = {
  join: [null, 'left', 'transferred_out'],
  transfer_in: [null, 'transferred_out', 'left'],
  restore: ['retained'],
  retain: [null, 'active'],
  transfer_out: [null, 'active', 'retained'],
  leave: [null, 'active', 'retained'],
  expel: [null, 'active', 'retained'],
  death: [null, 'active', 'retained', 'transferred_out', 'left', 'expelled'],
  group_move: [null, 'active', 'retained'],
};

export interface LifecycleEvent {
  type: MemberEventType;
  date: string;
  id?: number;
}

const byDateThenId = (a: LifecycleEvent, b: LifecycleEvent) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : (a.id ?? 0) - (b.id ?? 0);

/** A record with no status event is a registered member: creating the record is the registration. */
export function deriveStatus(events: readonly LifecycleEvent[]): MemberStatus {
  let status: MemberStatus = 'active';
  for (const e of [...events].sort(byDateThenId)) status = STATUS_AFTER[e.type] ?? status;
  return status;
}

function lastStatusEvent(events: readonly LifecycleEvent[]): LifecycleEvent | null {
  const withStatus = [...events].filter((e) => STATUS_AFTER[e.type]).sort(byDateThenId);
  return withStatus[withStatus.length - 1] ?? null;
}

/** Returns a Chinese reason when `next` may not follow the history, else null. */
export function checkTransition(events: readonly LifecycleEvent[], next: LifecycleEvent): string | null {
  const last = lastStatusEvent(events);
  const current = last ? deriveStatus(events) : null;
  if (!ALLOWED_FROM[next.type].includes(current)) {
    const now = current ? MEMBER_STATUS_LABELS[current] : '新登记';
    return `当前会籍状态为「${now}」，不能办理「${MEMBER_EVENT_LABELS[next.type]}」。`;
  }
  if (last && STATUS_AFTER[next.type] && next.date < last.date) {
    return `日期 ${next.date} 早于最近一次会籍变动（${MEMBER_EVENT_LABELS[last.type]}，${last.date}）。`;
  }
  return null;
}
