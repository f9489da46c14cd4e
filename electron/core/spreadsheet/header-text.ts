/**
 * Header cell text: how it is shown, how it is compared, and the hints clerks write into it
 * (性别(男是0，女是1), 出生日期(yyyyMMdd), 姓名*, 身份证号（必填）).
 */
import { normalizeSpaces, toHalfWidth } from '../../../shared/domain/text';
import type { Cell } from './types';

/** The cell's displayed text, trimmed ('' for an empty cell). */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  return normalizeSpaces(cell.text);
}

/** For comparing header cells with each other (repeated header rows, duplicate names). */
export function headerNameKey(text: string): string {
  return toHalfWidth(text).replace(/[\s\u200B-\u200D\uFEFF]+/g, '').toLowerCase();
}

const FOOTER_WORDS = [
  '合计', '总计', '小计', '共计', '制表', '填表', '审核', '审批', '复核', '负责人', '经办人', '联系人', '说明', '注:', '注：',
  '备注:', '备注：', '编写', '打印', '签字', '签名', '盖章', '单位负责人', '主管', '核定', '填报', '报送', '日期:', '日期：',
];

/** A footer row's first cell: 合计、制表人：、填表说明、注： … (spaces inside ignored: "合 计"). */
export function isFooterText(text: string): boolean {
  const t = headerNameKey(text);
  return FOOTER_WORDS.some((w) => t.startsWith(headerNameKey(w)));
}

export interface HeaderHints {
  /** Codes written into the header: 性别(男是0，女是1) → { '0': '男', '1': '女' }. */
  valueMap?: Record<string, string>;
  /** A date layout written into the header: yyyyMMdd, yyyy-MM-dd, yyyy.MM … */
  dateFormat?: string;
  /** The header said the column is required (a trailing * or （必填）). */
  required?: boolean;
}

const BRACKETS = /[(（【[〔<《]([^)）】\]〕>》]*)[)）】\]〕>》]?/g;

/**
 * The header's name without decoration: half-width, no spaces or line breaks, bracketed notes and trailing
 * stars/colons removed, ASCII lower-cased. "身份证号码\n（必填）*" → "身份证号码".
 */
export function normalizeHeader(text: string): string {
  let s = toHalfWidth(text).replace(/[\s\u200B-\u200D\uFEFF]+/g, '');
  s = s.replace(BRACKETS, '');
  s = s.replace(/^[*※#]+|[*※:：]+$/g, '').replace(/^[*※#]+|[*※:：]+$/g, '');
  return s.toLowerCase();
}

/** Codes and formats written inside the header text. */
export function headerHints(text: string): HeaderHints {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  const hints: HeaderHints = {};
  // "男是0，女是1" (sex first) or "1男2女" / "1-男 2-女" (code first): the reading with more pairs wins, then
  // the one that starts earlier — "男1女2" read code-first would pair 1 with 女.
  const sexFirst = [...t.matchAll(/([男女])性?(?:是|为|=|:|-|用|填)?(\d)/g)].map((m) => ({ code: m[2] as string, sex: m[1] as string, at: m.index }));
  const codeFirst = [...t.matchAll(/(\d)(?:是|为|=|:|-|\.|、|代表|表示)?([男女])/g)].map((m) => ({ code: m[1] as string, sex: m[2] as string, at: m.index }));
  const pick =
    sexFirst.length !== codeFirst.length
      ? sexFirst.length > codeFirst.length ? sexFirst : codeFirst
      : (sexFirst[0]?.at ?? Infinity) <= (codeFirst[0]?.at ?? Infinity) ? sexFirst : codeFirst;
  if (pick.length) hints.valueMap = Object.fromEntries(pick.map((p) => [p.code, p.sex]));
  const fmt = /(y{2,4}[-/.年]?M{1,2}[-/.月]?(?:d{1,2}日?)?)/i.exec(t);
  if (fmt) hints.dateFormat = fmt[1];
  if (/\*|必填|必须/.test(t)) hints.required = true;
  return hints;
}
