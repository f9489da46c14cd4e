/**
 * Personal information (#16, 个人信息保护法): the one place ID numbers, phones and bank accounts are masked, for
 * lists, exports, prints and the change log alike, and the rules every export holding them follows.
 */

/** 110105********002X — first 6 (the issuing area) and last 4 kept, as on the clerk's paper forms. */
export function maskId(v: string): string {
  const s = v.trim();
  return s.length <= 10 ? s.replace(/.(?=.{2})/g, '*') : `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}

/** 138****1234. */
export function maskPhone(v: string): string {
  const d = v.replace(/\s+/g, '');
  return d.length < 7 ? d.replace(/.(?=.{2})/g, '*') : `${d.slice(0, 3)}${'*'.repeat(d.length - 7)}${d.slice(-4)}`;
}

/** 622202*********0123 — a card's bank (first 6) and last 4, which is what a payee checks. */
export function maskBank(v: string): string {
  return maskId(v.replace(/\s+/g, ''));
}

export type PiiKind = 'id' | 'phone' | 'bank';

const MASKS: Record<PiiKind, (v: string) => string> = { id: maskId, phone: maskPhone, bank: maskBank };

/** What an export or print writes for one value: the value itself when full, otherwise its mask (empty stays empty). */
export type PiiWriter = <T extends string | null | undefined>(kind: PiiKind, v: T) => T;

export const piiWriter = (full: boolean): PiiWriter =>
  ((kind: PiiKind, v: string | null | undefined) => (full || !v ? v : MASKS[kind](v))) as PiiWriter;

/** Keys under which any channel's output carries these values (the router masks them for roles without 查看完整号码). */
export const PII_KEYS: Record<string, PiiKind> = {
  idNumber: 'id',
  id_number: 'id',
  applicantIdNumber: 'id',
  phone: 'phone',
  mobile: 'phone',
  contactPhone: 'phone',
  bankAccount: 'bank',
  bank_account: 'bank',
};

/**
 * Workbooks that carry full ID numbers unless masked. Each takes `revealIds` (true: full, false: masked, absent:
 * full for a role with 查看完整号码 unless 设置 → 个人信息 masks exports) and `reason`; a full one is logged with file
 * name, row count and reason, and once login is on it is refused without a reason. The router logs these itself
 * (not as a bare 查看完整身份证号), so the entry says what left the app.
 */
export const PII_EXPORT_CHANNELS: Record<string, string> = {
  'members.export': '会员花名册',
  'care.listXlsx': '慰问记录',
  'care.hardshipRosterXlsx': '困难职工花名册',
  'dues.exportXlsx': '会费收缴清单',
  'dues.collectionXlsx': '会费上解清单',
  'members.importIssuesFile': '导入问题行',
};

/** Reasons a union office gives most often; the clerk may type any other. */
export const PII_EXPORT_REASONS = ['报送上级工会', '会员实名制核对', '会费核算', '年度统计', '本人查阅复制'];

export const piiReasonRequired = (what: string): string => `导出含完整身份证号的${what}，请填写导出原因。`;

/** Leaving members whose records may be anonymised once retention allows (设置 → 个人信息). */
export const ANONYMISED_NAME = '已匿名';

/** A column of someone else's sheet (an import's 问题行) by its header: which kind of number it holds, if any. */
export function piiKindOfHeader(header: string): PiiKind | null {
  const h = header.replace(/\s+/g, '');
  if (/银行|卡号|账号/.test(h)) return 'bank';
  if (/身份证|证件号|公民身份/.test(h)) return 'id';
  if (/电话|手机|联系方式/.test(h)) return 'phone';
  return null;
}
