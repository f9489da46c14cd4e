/**
 * 公民身份号码 — GB 11643-1999 (DOMAIN.md §2). 18 characters: 6-digit address code, 8-digit birth date,
 * 3-digit sequence (17th digit odd = 男, even = 女), and an ISO 7064 MOD 11-2 check character (0–9 or X).
 * Legacy 15-digit numbers (GB 11643-1989: YYMMDD, no check character) are upgraded by inserting "19".
 *
 * Every refusal carries a specific Chinese reason, because the clerk has to fix the number from paper.
 */
import { formatIsoDate, isValidYmd, toIso } from './dates';
import { stripAllSpaces, toHalfWidth } from './text';

export type Sex = '男' | '女';

export type IdCheckResult =
  | {
      ok: true;
      normalized: string;
      birthDate: string /* YYYY-MM-DD */;
      sex: Sex;
      /** The 15-digit original when the number was upgraded to 18 digits. */
      upgradedFrom?: string;
    }
  | { ok: false; normalized: string; reason: string /* Chinese */ };

export type OtherIdCheckResult = { ok: true; normalized: string } | { ok: false; normalized: string; reason: string };
type IdFailure = Extract<IdCheckResult, { ok: false }>;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Earliest accepted birth year: the standard's own example 440524188001010014 was born in 1880. */
export const ID_MIN_BIRTH_YEAR = 1800;

export const REASON_MASKED = '号码被遮盖（含 * 或 XXXX），无法校验';
export const REASON_EXCEL = '号码已被 Excel 转成科学计数法，末尾数字已丢失，请从原始资料重新录入';

/**
 * Half-width, without any spaces, zero-width characters or hyphens/dashes, with a lower-case x upper-cased.
 * The tricks people use to keep Excel from mangling the number are undone too: a leading apostrophe
 * ('110108…), quotes, and the CSV formula form ="110108…".
 */
export function normalizeIdNumber(raw: string): string {
  return stripAllSpaces(toHalfWidth(raw))
    .replace(/^=(?=["“”])/, '')
    .replace(/^["'‘’“”`]+|["'‘’“”`]+$/g, '')
    .replace(/[-‐‑‒–—―_]/g, '')
    .replace(/x/g, 'X');
}

/** The check character for the first 17 digits (which must be digits). */
export function computeCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?E[+-]?\d+$/i;

/**
 * True when the value can no longer be a complete ID number because Excel or JavaScript turned it into a
 * floating-point number: a string in scientific notation ("3.60723E+18"), or a JS number ≥ 1e15 (a double
 * holds at most 15–17 significant digits; an 18-digit ID read from a numeric cell has lost its tail).
 * 15-digit legacy numbers (< 1e15) survive a numeric cell and are not flagged.
 */
export function isIdDestroyedByExcel(raw: string | number): boolean {
  if (typeof raw === 'number') return Number.isFinite(raw) && Math.abs(raw) >= 1e15;
  return SCIENTIFIC.test(stripAllSpaces(toHalfWidth(raw)));
}

const isMasked = (n: string) => /[*×●•]/.test(n) || /X{2,}$/.test(n) || /X{3,}/.test(n);

/** YYYY-MM-DD from an 18-digit ID (digits 7–14) or a 15-digit one (19 + digits 7–12); null if not a real date. */
export function birthDateFromId(id: string): string | null {
  const n = normalizeIdNumber(id);
  let y: number, m: number, d: number;
  if (/^\d{17}[\dX]$/.test(n)) [y, m, d] = [Number(n.slice(6, 10)), Number(n.slice(10, 12)), Number(n.slice(12, 14))];
  else if (/^\d{15}$/.test(n)) [y, m, d] = [1900 + Number(n.slice(6, 8)), Number(n.slice(8, 10)), Number(n.slice(10, 12))];
  else return null;
  return isValidYmd(y, m, d) ? toIso(y, m, d) : null;
}

/** Sex from the sequence code's last digit (17th of 18, 15th of 15): odd 男, even 女. */
export function sexFromId(id: string): Sex | null {
  const n = normalizeIdNumber(id);
  const digit = /^\d{17}[\dX]$/.test(n) ? n[16] : /^\d{15}$/.test(n) ? n[14] : undefined;
  if (digit === undefined) return null;
  return Number(digit) % 2 === 1 ? '男' : '女';
}

/** 15-digit legacy number → 18 digits: "19" inserted after the address code, check character appended. */
export function upgradeId15(id15: string): string {
  const body = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return body + computeCheckChar(body);
}

/** For lists and printouts: the one mask of shared/domain/pii.ts (110105********002X). */
export { maskId as maskIdNumber } from './pii';

const fail = (normalized: string, reason: string): IdFailure => ({ ok: false, normalized, reason });

/**
 * A wrong check character is almost never a wrong last digit: one of the 17 before it was mistyped. So the
 * clerk is sent to the original document, and the computed character is only a hint, not an invitation to
 * change the last digit until the check passes.
 */
const CHECK_CHAR_PREFIX = '有误（最后一位校验码不符）';
export const checkCharReason = (expected: string): string =>
  `${CHECK_CHAR_PREFIX}，请核对原始证件。提示：按前 17 位算出的末位是 ${expected}，但录错的多半是前面某一位，不要只改最后一位`;

/**
 * Structure, date and checksum of an 18-character number, without the "not in the future" rule (which needs
 * today). Order of reasons: a mistyped birth-date digit usually breaks the checksum too, and "出生日期不存在"
 * tells the clerk where to look, so the date is checked first.
 */
function checkStructure(n: string): IdCheckResult {
  const bad = [...n].find((c, i) => !/\d/.test(c) && !(c === 'X' && i === n.length - 1));
  if (bad !== undefined) {
    return fail(n, bad === 'X' ? '含有非法字符（X 只能是最后一位）' : `含有非法字符「${bad}」（只能是数字和末位 X）`);
  }
  if (n.length === 15 && n.endsWith('X')) return fail(n, '含有非法字符（15 位旧号码只能是数字）');
  if (n.length !== 18) return fail(n, `位数不对（应为 18 位，实际 ${n.length} 位）`);
  const birthDate = birthDateFromId(n);
  if (!birthDate) return fail(n, `出生日期不存在（${n.slice(6, 10)} 年 ${n.slice(10, 12)} 月 ${n.slice(12, 14)} 日）`);
  const expected = computeCheckChar(n.slice(0, 17));
  if (n[17] !== expected) return fail(n, checkCharReason(expected));
  return { ok: true, normalized: n, birthDate, sex: sexFromId(n) as Sex };
}

/** Refusals that make checking meaningless: empty, masked, or destroyed by Excel. */
function precheck(raw: string, n: string): IdFailure | null {
  if (n === '') return fail(n, '号码为空');
  if (isIdDestroyedByExcel(raw)) return fail(n, REASON_EXCEL);
  if (isMasked(n)) return fail(n, REASON_MASKED);
  return null;
}

/**
 * Checks a 公民身份号码 as typed or read from a sheet. `today` decides "in the future" (its local date).
 * 15-digit numbers are accepted and upgraded (`upgradedFrom` holds the original). An 18-digit number ending
 * in 000 whose checksum fails is reported as an Excel casualty: Excel keeps 15 significant digits and zeroes
 * the rest, which is the usual way such a number arrives.
 */
/**
 * The last answer, by input and day: an import checks a cell's number and then prepares the member from the
 * same number, and 100,000 rows made that second check cost half a second. Results are never mutated.
 */
let memo: { raw: string; day: string; result: IdCheckResult } | null = null;
let memoClock: { time: number; day: string } = { time: NaN, day: '' };

export function checkResidentId(raw: string, today: Date): IdCheckResult {
  if (memoClock.time !== today.getTime()) memoClock = { time: today.getTime(), day: formatIsoDate(today) };
  const day = memoClock.day;
  if (memo && memo.raw === raw && memo.day === day) return memo.result;
  const result = checkResidentIdUncached(raw, day);
  memo = { raw, day, result };
  return result;
}

function checkResidentIdUncached(raw: string, today: string): IdCheckResult {
  const n = normalizeIdNumber(raw);
  const early = precheck(raw, n);
  if (early) return early;

  let result: IdCheckResult;
  if (/^\d{15}$/.test(n)) {
    const upgraded = upgradeId15(n);
    result = checkStructure(upgraded);
    if (!result.ok) return fail(n, result.reason);
    result = { ...result, upgradedFrom: n };
  } else {
    result = checkStructure(n);
    if (!result.ok) {
      if (/^\d{15}000$/.test(n) && result.reason.startsWith(CHECK_CHAR_PREFIX)) return fail(n, REASON_EXCEL);
      return result;
    }
  }

  if (result.birthDate > today) return fail(result.normalized, `出生日期在未来（${result.birthDate}）`);
  if (Number(result.birthDate.slice(0, 4)) < ID_MIN_BIRTH_YEAR) {
    return fail(result.normalized, `出生日期不合理（${result.birthDate}，早于 ${ID_MIN_BIRTH_YEAR} 年）`);
  }
  return result;
}

/** Address codes of 港澳台居民居住证 numbers (香港 810000, 澳门 820000, 台湾 830000). */
const HMT_RESIDENCE_PREFIXES: Record<string, string> = { '810000': '香港', '820000': '澳门', '830000': '台湾' };

/**
 * Documents other than the resident ID card (passport, 港澳/台湾通行证, 外国人永久居留身份证, 其他): no public
 * checksum, so only the shape is checked — upper-cased, spaces removed, 5–30 characters of A–Z, 0–9, ( ) -.
 * Exception: a 港澳台居民居住证 number is built exactly like a 公民身份号码 (GB 11643 structure and check
 * character) with address code 810000/820000/830000, so it is checked as such (no "today" here, so a future
 * birth date is not caught). For type 'resident' use `checkResidentId`; here it gets the structural check.
 */
export function checkOtherId(type: string, raw: string): OtherIdCheckResult {
  if (type === 'resident' || type === 'hmt_residence') {
    const n = normalizeIdNumber(raw);
    const early = precheck(raw, n);
    if (early) return early;
    const r = checkStructure(n);
    if (!r.ok) return r;
    if (type === 'hmt_residence' && !HMT_RESIDENCE_PREFIXES[n.slice(0, 6)]) {
      return { ok: false, normalized: n, reason: '港澳台居民居住证号码应以 810000（香港）、820000（澳门）或 830000（台湾）开头' };
    }
    return { ok: true, normalized: n };
  }
  const n = stripAllSpaces(toHalfWidth(raw)).toUpperCase();
  if (n === '') return { ok: false, normalized: n, reason: '号码为空' };
  if (isMasked(n)) return { ok: false, normalized: n, reason: REASON_MASKED };
  const bad = [...n].find((c) => !/[A-Z0-9()-]/.test(c));
  if (bad !== undefined) return { ok: false, normalized: n, reason: `含有非法字符「${bad}」（只能是字母、数字、括号和 -）` };
  if (n.length < 5 || n.length > 30) return { ok: false, normalized: n, reason: `位数不对（应为 5–30 位，实际 ${n.length} 位）` };
  return { ok: true, normalized: n };
}

/** One entry point by document type: resident IDs get the full GB 11643 check, the rest `checkOtherId`. */
export function checkIdNumber(type: string, raw: string, today: Date): OtherIdCheckResult {
  if (type !== 'resident') return checkOtherId(type, raw);
  const r = checkResidentId(raw, today);
  return r.ok ? { ok: true, normalized: r.normalized } : { ok: false, normalized: r.normalized, reason: r.reason };
}
