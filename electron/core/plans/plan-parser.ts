/**
 * Reads a 工作计划 as clerks paste it from the web (DOMAIN.md §8.1): prose areas of work, then usually a month
 * schedule (一月份 … 十二月份, 元月份, 七—八月份, 八、九月份, "一月份：…" on one line, with or without ## ).
 * Pure text in, proposal out: nothing here touches the database; the clerk corrects the result in the preview.
 */
import { guessKind } from './plan-kinds';
import type { PlanItemKind } from '../../../shared/domain/plans-labels';

export interface ParsedItem {
  title: string;
  kind: PlanItemKind;
  /** The area (一、… / （一）…) the item was written under, when it has no month. */
  area?: string | undefined;
}
export interface ParsedMonth {
  month: number;
  /** Last month of a range (七—八月份 → 7..8); equal to month otherwise. */
  monthTo: number;
  items: ParsedItem[];
}
export interface ParsedPlan {
  months: ParsedMonth[];
  unscheduled: ParsedItem[];
  areas: string[];
  /** True when not one month heading was found: the preview says so and everything is unscheduled. */
  noMonthHeadings: boolean;
}

const CN: Record<string, number> = { 元: 1, 正: 1, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一 … 十二, 元, or 1 … 12 (already NFKC-normalised to ASCII digits). */
export function monthNumber(s: string): number | null {
  if (/^\d{1,2}$/.test(s)) {
    const n = Number(s);
    return n >= 1 && n <= 12 ? n : null;
  }
  if (s === '十') return 10;
  if (s.length === 2 && s[0] === '十') return 10 + (CN[s[1]!] ?? 99) <= 12 ? 10 + CN[s[1]!]! : null;
  if (s.length === 1) return CN[s] ?? null;
  return null;
}

const M = '(\\d{1,2}|十[一二]?|[元正一二三四五六七八九])';
const SEP = '\\s*[、,—\\-~至到和与]+\\s*';
/** A heading: 三月份 / 七—八月份 / 八、九月份 / 元月, then optionally ：and the month's text on the same line. */
const HEADING = new RegExp(`^${M}(?:月份?)?(?:${SEP}${M})?月份?\\s*(?:[:]\\s*(.*))?$`);
/** "八、活动及时间安排：二月份：确定…" — a schedule that starts in the middle of a line. */
const INLINE = new RegExp(`[:]\\s*(${M}(?:${SEP}${M})?月份?\\s*[:].*)$`);

/** 1、 1. 1) (1) ① 一是 — the numbering of an item; returns the text after it, or null. */
const NUMBERED = /^(?:\(\d{1,2}\)|\d{1,2}\s*[、.．)](?!\d)|[①-⑳]|[一二三四五六七八九十]是)\s*(.*)$/;
/** 一、… or (一)… — an area heading of the prose part. */
const AREA = /^(?:[一二三四五六七八九十]{1,3}\s*[、.]|\([一二三四五六七八九十]{1,3}\))\s*(.+)$/;
/** A new plan in a collection page ("…工作计划篇五", "篇3"), or a page header: ends the month schedule. */
const NEW_PLAN = /篇\s*(?:\d+|[一二三四五六七八九十]+)\s*$/;

const TRADITIONAL: Record<string, string> = { 貳: '二', 參: '三', 叄: '三', 陸: '六', 拾: '十', 壹: '一', 號: '号', 節: '节', 會: '会', 動: '动', 體: '体', 檢: '检', 練: '练', 學: '学', 習: '习', 評: '评', 優: '优', 慰: '慰', 問: '问', 溫: '温', 暖: '暖', 權: '权', 議: '议', 賽: '赛', 運: '运', 師: '师', 職: '职', 訓: '训', 養: '养', 療: '疗', 爭: '争', 調: '调', 幫: '帮', 扶: '扶', 協: '协', 開: '开', 組: '组', 織: '织', 慶: '庆', 祝: '祝', 競: '竞', 彰: '彰', 揚: '扬', 勞: '劳', 歡: '欢', 聯: '联', 籃: '篮', 書: '书', 畫: '画', 讀: '读', 講: '讲', 座: '座', 談: '谈' };

/** Full-width digits and punctuation to ASCII (NFKC), a few traditional characters to simplified, no markdown. */
export function normaliseLine(raw: string): string {
  let s = raw.normalize('NFKC').replace(/[\u200b\ufeff\u00a0]/g, ' ');
  s = s.replace(/[貳參叄陸拾壹號節會動體檢練學習評優問溫權議賽運師職訓養療爭調幫協開組織慶競勞歡聯籃書畫讀講談]/g, (c) => TRADITIONAL[c] ?? c);
  s = s.replace(/\\_/g, '_').replace(/^\s*#{1,6}\s*/, '').replace(/^\s*[-*•·]\s+/, '').replace(/\*\*/g, '');
  // Stray replacement characters come from pages cut mid-character; they are not text.
  return s.replace(/\uFFFD+/g, '').trim();
}

function heading(line: string): { month: number; monthTo: number; rest: string } | null {
  const h = HEADING.exec(line);
  if (!h) return null;
  // "三月份" alone, or a month word followed by 月: "三、四月份" needs the 月 (else "三、…" is an area heading).
  if (!/月/.test(line.slice(0, line.length - (h[3]?.length ?? 0)))) return null;
  const month = monthNumber(h[1]!);
  const monthTo = h[2] ? monthNumber(h[2]) : month;
  if (month == null || monthTo == null) return null;
  return { month, monthTo, rest: (h[3] ?? '').trim() };
}

/** "一月份：开展…；组织…" — one item per ；-separated part. */
const splitOneLine = (rest: string) =>
  rest
    .split(/[;；]/)
    .map((s) => s.replace(/^[,，。\s]+|[,，。\s]+$/g, ''))
    .filter((s) => s.length > 1);

const cleanTitle = (s: string) => s.replace(/[;；,，。:：\s]+$/, '').trim();

export function parsePlanText(text: string): ParsedPlan {
  const months: ParsedMonth[] = [];
  const unscheduled: ParsedItem[] = [];
  const areas: string[] = [];
  let current: ParsedMonth | null = null;
  let area: string | undefined;
  let last: ParsedItem | null = null;
  let lastContinuable = false;

  const addToMonth = (m: ParsedMonth, title: string) => {
    const t = cleanTitle(title);
    if (!t) return;
    last = { title: t, kind: guessKind(t) };
    m.items.push(last);
    lastContinuable = true;
  };
  const openMonth = (h: { month: number; monthTo: number; rest: string }) => {
    current = { month: h.month, monthTo: h.monthTo, items: [] };
    months.push(current);
    last = null;
    for (const part of splitOneLine(h.rest)) addToMonth(current, part);
    lastContinuable = false;
  };

  for (const raw of text.split(/\r?\n/)) {
    const line = normaliseLine(raw);
    if (!line) {
      lastContinuable = lastContinuable && current != null;
      continue;
    }
    const h = heading(line);
    if (h) {
      openMonth(h);
      continue;
    }
    const inline = INLINE.exec(line);
    const ih = inline ? heading(inline[1]!) : null;
    if (ih) {
      openMonth(ih);
      continue;
    }
    if (NEW_PLAN.test(line)) {
      current = null;
      area = undefined;
      last = null;
      continue;
    }
    const num = NUMBERED.exec(line);
    const a = num ? null : AREA.exec(line);
    if (current) {
      if (a) {
        // A new top-level heading after the schedule: the schedule is over.
        current = null;
      } else if (num) {
        addToMonth(current, num[1]!);
        continue;
      } else if ((current as ParsedMonth).items.length === 0 || !lastContinuable) {
        addToMonth(current, line);
        lastContinuable = false;
        continue;
      } else if (last) {
        // A numbered item cut over two lines (pages wrap): the next line continues it.
        (last as ParsedItem).title = cleanTitle((last as ParsedItem).title + line);
        (last as ParsedItem).kind = guessKind((last as ParsedItem).title);
        continue;
      }
    }
    if (a) {
      area = cleanTitle(a[1]!).slice(0, 60);
      areas.push(area);
      continue;
    }
    if (num) {
      const t = cleanTitle(num[1]!);
      if (t) unscheduled.push({ title: t.slice(0, 200), kind: guessKind(t), area });
    }
  }
  const kept = months.filter((m) => m.items.length > 0);
  return { months: kept, unscheduled, areas, noMonthHeadings: months.length === 0 };
}
