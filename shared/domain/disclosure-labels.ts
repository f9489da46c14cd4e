/**
 * Value lists of open-affairs work (校务公开 / 院务公开 / 厂务公开, DOMAIN.md §4) with their Chinese labels, in
 * one place so forms, lists, the catalogue, the CLI and the spreadsheet export agree.
 *
 * Fixed lists (范围, 时限类型, 意见状态) are stored as codes; lists an office words its own way (类别, 公开形式,
 * 渠道) are stored as the Chinese text itself, so a renamed or retired entry never changes old records.
 */
import type { UnitType } from './labels';

/** 类别: the three content groups of §4.1. An office may replace the list in 设置 (disclosureCategories). */
export const DEFAULT_DISCLOSURE_CATEGORIES = ['管理与改革', '职工权益', '廉政建设'] as const;

/**
 * 公开形式 per unit type (§4.1): the congress is 教代会 in schools and 职代会 elsewhere; hospitals also use the
 * 院周会 and display screens. Several forms may be chosen for one item.
 */
export const DISCLOSURE_FORMS: Record<UnitType, readonly string[]> = {
  school: ['公开栏', '网站', '教代会', '教职工大会', '会议', '文件'],
  hospital: ['公开栏', '网站', '职代会', '职工大会', '院周会', '显示屏', '会议', '文件'],
  company: ['公开栏', '网站', '职代会', '职工大会', '会议', '文件'],
};

/** Every form any unit type offers, for reading records kept under another unit type. */
export const ALL_DISCLOSURE_FORMS: readonly string[] = [...new Set(Object.values(DISCLOSURE_FORMS).flat())];

export const DISCLOSURE_SCOPES = ['internal', 'external', 'both'] as const;
export type DisclosureScope = (typeof DISCLOSURE_SCOPES)[number];
export const DISCLOSURE_SCOPE_LABELS: Record<DisclosureScope, string> = {
  internal: '对内',
  external: '对外',
  both: '对内对外',
};

export const DISCLOSURE_TIMINGS = ['standing', 'periodic', 'immediate'] as const;
export type DisclosureTiming = (typeof DISCLOSURE_TIMINGS)[number];
export const DISCLOSURE_TIMING_LABELS: Record<DisclosureTiming, string> = {
  standing: '长期',
  periodic: '定期',
  immediate: '即时',
};

/** 渠道 of an opinion (§4.3): the box, letters, talks, the hotline; 其他 for anything else. */
export const OPINION_CHANNELS = ['意见箱', '信箱', '座谈会', '电话', '来访', '网络', '其他'] as const;

/**
 * 待转交 → 办理中 → 已答复 → 已归档. The status is derived from the record (forwarded? replied? archived?)
 * by `deriveOpinionStatus`, never typed, so it cannot disagree with the fields.
 */
export const OPINION_STATUSES = ['pending', 'in_progress', 'replied', 'archived'] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];
export const OPINION_STATUS_LABELS: Record<OpinionStatus, string> = {
  pending: '待转交',
  in_progress: '办理中',
  replied: '已答复',
  archived: '已归档',
};
/** Statuses still waiting for a reply: only these can be overdue. */
export const OPEN_OPINION_STATUSES: readonly OpinionStatus[] = ['pending', 'in_progress'];

export function deriveOpinionStatus(o: { forwardedTo: string | null; reply: string | null; archivedAt: string | null }): OpinionStatus {
  if (o.archivedAt) return 'archived';
  if (o.reply) return 'replied';
  if (o.forwardedTo) return 'in_progress';
  return 'pending';
}

/** Reply norm of principal mailboxes (§4.3): 5 working days; 设置 may change it (feedbackReplyDays). */
export const DEFAULT_REPLY_WORKDAYS = 5;
/** Scans and photos of a posted notice rarely pass 20 MB; 50 MB leaves room and keeps backups small. */
export const DEFAULT_ATTACHMENT_MAX_MB = 50;

/**
 * 登记号: year and a running number, 2026-001. The one place the format lives: the service, the catalogue,
 * the CLI and the tests all call these two.
 */
export function formatRegNo(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(3, '0')}`;
}

export function parseRegNo(regNo: string): { year: number; seq: number } | null {
  const m = /^(\d{4})-(\d{3,})$/.exec(regNo.trim());
  return m ? { year: Number(m[1]), seq: Number(m[2]) } : null;
}

/** A month (YYYY-MM) or a whole year: the period of a list or catalogue. */
export interface CataloguePeriod {
  year: number;
  month?: number | null;
}

export function periodLabel(p: CataloguePeriod): string {
  return p.month ? `${p.year}年${p.month}月` : `${p.year}年度`;
}

/** First and last day (inclusive, YYYY-MM-DD) of a period. */
export function periodRange(p: CataloguePeriod): { from: string; to: string } {
  const y = String(p.year).padStart(4, '0');
  if (!p.month) return { from: `${y}-01-01`, to: `${y}-12-31` };
  const m = String(p.month).padStart(2, '0');
  const last = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  return { from: `${y}-${m}-01`, to: `${y}-${m}-${String(last).padStart(2, '0')}` };
}

/** `2026-03` → {year: 2026, month: 3}; `2026` → the whole year; anything else → null. */
export function parsePeriod(text: string): CataloguePeriod | null {
  const t = text.trim();
  const ym = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (ym) {
    const month = Number(ym[2]);
    return month >= 1 && month <= 12 ? { year: Number(ym[1]), month } : null;
  }
  return /^\d{4}$/.test(t) ? { year: Number(t), month: null } : null;
}
