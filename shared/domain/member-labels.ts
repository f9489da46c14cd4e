/**
 * Value lists of the member record with their Chinese labels (DOMAIN.md §1.3, §1.4, §6.3), in one place so
 * forms, imports, exports and printed forms agree. The arrays are the defaults; an office may extend a list
 * (passed to `normalizeListValue` as `extraValues`).
 *
 * Sources of the orders: 民族 GB/T 3304 (codes 01–56, 97 其他, 98 外国血统中国籍人士); 政治面貌 GB/T 4762
 * (codes 01–13); 性别 GB/T 2261.1 (1 男, 2 女; 0 = 未知, 9 = 未说明 — so a "0" in a sex column is NOT 女).
 */
import { normalizeSpaces, toHalfWidth } from './text';

export const SEXES = ['男', '女'] as const;

export const ETHNIC_GROUPS = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族',
  '满族', '侗族', '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族',
  '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族',
  '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族',
  '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族', '其他', '外国血统中国籍人士',
] as const;

export const POLITICAL_STATUSES = [
  '中共党员', '中共预备党员', '共青团员', '民革党员', '民盟盟员', '民建会员', '民进会员',
  '农工党党员', '致公党党员', '九三学社社员', '台盟盟员', '无党派人士', '群众',
] as const;

export const EDUCATION_LEVELS = [
  '研究生', '大学本科', '大学专科', '中等专科', '职业高中', '技工学校', '普通高中', '初中', '小学', '其他',
] as const;

export const DEGREES = ['博士', '硕士', '学士', '无'] as const;

export const ID_TYPES = ['resident', 'passport', 'hk_mo', 'tw', 'hmt_residence', 'foreign_pr', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Record<IdType, string> = {
  resident: '居民身份证',
  passport: '护照',
  hk_mo: '港澳居民来往内地通行证',
  tw: '台湾居民来往大陆通行证',
  hmt_residence: '港澳台居民居住证',
  foreign_pr: '外国人永久居留身份证',
  other: '其他',
};

/**
 * 就业状况 / 工作状态: 在岗, 离岗, 内退, 失业, 退休, 其他, plus what the national 困难职工档案 (§6.3: 下(待)岗, 病休)
 * and the 章程 retention rules (§1.5: 离休 as well as 退休 and 失业 allow 保留会籍) distinguish.
 */
export const EMPLOYMENT_STATUSES = ['在岗', '离岗', '病休', '内退', '下岗待岗', '失业', '退休', '离休', '其他'] as const;

/** 户籍类型 as in the Hainan template and the 困难职工档案 (DOMAIN.md §1.3, §6.3). */
export const HOUSEHOLD_TYPES = ['非农业', '农业', '农转居'] as const;

export const YES_NO = ['是', '否'] as const;

export const MEMBER_LISTS = {
  sex: SEXES,
  ethnicGroup: ETHNIC_GROUPS,
  politicalStatus: POLITICAL_STATUSES,
  education: EDUCATION_LEVELS,
  degree: DEGREES,
  idType: ID_TYPES,
  employmentStatus: EMPLOYMENT_STATUSES,
  householdType: HOUSEHOLD_TYPES,
  yesNo: YES_NO,
} as const;
export type MemberListKey = keyof typeof MEMBER_LISTS;

/**
 * What real sheets contain → the canonical value. Keys are compared after half-width conversion, removal of
 * all spaces and lower-casing, so 'M', 'm' and 'Ｍ' are one key. Values must be members of the list.
 */
export const VALUE_SYNONYMS: { readonly [K in MemberListKey]: Readonly<Record<string, string>> } = {
  sex: {
    男性: '男', 女性: '女', m: '男', f: '女', male: '男', female: '女', '1': '男', '2': '女',
  },
  ethnicGroup: {
    汉: '汉族', 蒙族: '蒙古族', 维族: '维吾尔族', 鲜族: '朝鲜族', 其它: '其他', 其他民族: '其他', 外国血统: '外国血统中国籍人士',
  },
  politicalStatus: {
    党员: '中共党员', 共产党员: '中共党员', 中共: '中共党员', 中国共产党党员: '中共党员', 中国共产党员: '中共党员',
    中共正式党员: '中共党员', 正式党员: '中共党员',
    预备党员: '中共预备党员', 中共预备: '中共预备党员', 中国共产党预备党员: '中共预备党员',
    团员: '共青团员', 共青团: '共青团员', 中国共产主义青年团团员: '共青团员', 青年团员: '共青团员',
    民革: '民革党员', 民革会员: '民革党员', 民盟: '民盟盟员', 民建: '民建会员', 民进: '民进会员',
    农工党: '农工党党员', 农工民主党党员: '农工党党员', 致公党: '致公党党员', 九三学社: '九三学社社员', 台盟: '台盟盟员',
    无党派: '无党派人士', 无党派民主人士: '无党派人士', 普通群众: '群众',
  },
  education: {
    硕士研究生: '研究生', 博士研究生: '研究生', 硕士: '研究生', 博士: '研究生', 研究生学历: '研究生',
    本科: '大学本科', 大本: '大学本科', 大学: '大学本科', 本科学历: '大学本科',
    大专: '大学专科', 专科: '大学专科', 大专学历: '大学专科', 高职: '大学专科',
    中专: '中等专科', 中等专业学校: '中等专科', 中专学历: '中等专科', 中技: '技工学校', 技校: '技工学校',
    职高: '职业高中', 高中: '普通高中', 高中学历: '普通高中',
    初中学历: '初中', 初中及以下: '初中', 小学及以下: '小学', 其它: '其他',
  },
  degree: {
    博士学位: '博士', 硕士学位: '硕士', 学士学位: '学士', 无学位: '无', 没有: '无', 否: '无',
  },
  idType: {
    身份证: 'resident', 二代身份证: 'resident', 第二代居民身份证: 'resident', 居民身份证: 'resident',
    中华人民共和国居民身份证: 'resident', 身份证号: 'resident', 公民身份号码: 'resident',
    护照: 'passport', 中国护照: 'passport', 外国护照: 'passport',
    港澳通行证: 'hk_mo', 回乡证: 'hk_mo', 港澳居民来往内地通行证: 'hk_mo',
    台胞证: 'tw', 台湾居民来往大陆通行证: 'tw',
    居住证: 'hmt_residence', 港澳台居民居住证: 'hmt_residence',
    外国人永久居留证: 'foreign_pr', 外国人永久居留身份证: 'foreign_pr', 永久居留证: 'foreign_pr', 绿卡: 'foreign_pr',
    其他: 'other', 其它: 'other',
  },
  employmentStatus: {
    在职: '在岗', 在编: '在岗', 正常: '在岗', 下岗: '下岗待岗', 待岗: '下岗待岗', '下(待)岗': '下岗待岗',
    '失(无)业': '失业', 无业: '失业', 内部退养: '内退', 病退: '病休', 已退休: '退休', 其它: '其他',
  },
  householdType: {
    非农: '非农业', 非农业户口: '非农业', 城镇: '非农业', 城镇户口: '非农业', 城市: '非农业', 城镇居民: '非农业',
    农村: '农业', 农业户口: '农业', 农村户口: '农业', 农民: '农业',
  },
  yesNo: {
    y: '是', yes: '是', '1': '是', true: '是', 对: '是', '√': '是', 有: '是',
    n: '否', no: '否', '0': '否', false: '否', 不是: '否', '×': '否', 无: '否',
  },
};

/** Display label of a list value (the ID type code → 居民身份证; other lists are their own labels). */
export function listValueLabel(list: MemberListKey, value: string): string {
  if (list === 'idType') return ID_TYPE_LABELS[value as IdType] ?? value;
  return value;
}

const LIST_KEY_BY_ARRAY = new Map<readonly string[], MemberListKey>(
  (Object.keys(MEMBER_LISTS) as MemberListKey[]).map((k) => [MEMBER_LISTS[k], k]),
);

const keyOf = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/**
 * Maps a cell or form value onto the list's canonical value. `exact` is true when the text already was a
 * canonical value (for idType: its code or its label), false when a synonym was applied (汉 → 汉族). Returns
 * null for empty input and for values the list does not know — the caller decides whether that is an error.
 * `extraValues` are an office's own additions to the list, matched exactly.
 */
export function normalizeListValue(
  list: MemberListKey | readonly string[],
  raw: unknown,
  extraValues: readonly string[] = [],
): { value: string; exact: boolean } | null {
  if (raw === null || raw === undefined) return null;
  const text = normalizeSpaces(toHalfWidth(String(raw)));
  if (text === '') return null;
  // A list may be given by key or as the array itself (a built-in one by reference, or an office's own list).
  const listKey = typeof list === 'string' ? list : LIST_KEY_BY_ARRAY.get(list);
  const values: readonly string[] = typeof list === 'string' ? MEMBER_LISTS[list] : list;
  if (values.includes(text) || extraValues.includes(text)) return { value: text, exact: true };
  if (listKey === 'idType') {
    const code = ID_TYPES.find((c) => ID_TYPE_LABELS[c] === text);
    if (code) return { value: code, exact: true };
  }
  const key = keyOf(text);
  const synonym = listKey ? VALUE_SYNONYMS[listKey][key] : undefined;
  if (synonym !== undefined) return { value: synonym, exact: false };
  const loose = values.find((v) => keyOf(v) === key) ?? extraValues.find((v) => keyOf(v) === key);
  if (loose !== undefined) return { value: loose, exact: false };
  // 蒙古 → 蒙古族, 维吾尔 → 维吾尔族: rosters often drop the 族.
  if (listKey === 'ethnicGroup' && values.includes(`${key}族`)) return { value: `${key}族`, exact: false };
  return null;
}

/** GB/T 3304 two-digit code of an ethnic group label ('01' 汉族 … '56' 基诺族, '97' 其他, '98' 外国血统…). */
export function ethnicGroupCode(label: string): string | null {
  const i = (ETHNIC_GROUPS as readonly string[]).indexOf(label);
  if (i < 0) return null;
  if (i < 56) return String(i + 1).padStart(2, '0');
  return i === 56 ? '97' : '98';
}

/** GB/T 4762 two-digit code of a political status label ('01' 中共党员 … '13' 群众). */
export function politicalStatusCode(label: string): string | null {
  const i = (POLITICAL_STATUSES as readonly string[]).indexOf(label);
  return i < 0 ? null : String(i + 1).padStart(2, '0');
}
