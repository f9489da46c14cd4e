import { DEFAULT_SETTINGS, type Settings, type SettingsKey } from '../../shared/contract/settings';
import { SETTINGS_LABELS, UNIT_TYPE_LABELS, UNIT_TYPES } from '../../shared/domain/labels';
import { DUES_FEN_ROUNDING_LABELS, DUES_PERIOD_KIND_LABELS, DUES_PERIOD_KINDS } from '../../shared/domain/dues';
import { AppError } from '../core/errors';

export const SETTINGS_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingsKey[];

/** Full-width and half-width brackets, spaces and case do not matter: 机构(问题)代码, 机构代码, unitname. */
const normalise = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/\s+/g, '');

/** A settings key as the clerk types it: the English key (unitName) or its Chinese label (单位名称). */
export function resolveSettingKey(typed: string): SettingsKey | null {
  const want = normalise(typed);
  if (!want) return null;
  return SETTINGS_KEYS.find((k) => normalise(k) === want || normalise(SETTINGS_LABELS[k]) === want) ?? null;
}

export function settingKeyList(): string {
  return SETTINGS_KEYS.map((k) => `${SETTINGS_LABELS[k]}（${k}）`).join('、');
}

/**
 * `GH=工会办公室,BGS=办公室` (commas full- or half-width, also semicolons or new lines) or the JSON array
 * `[{"code":"GH","name":"工会办公室"}]`. Only the shape is read here; the settings channel checks the codes.
 */
export function parseOrgCodes(raw: string): unknown {
  const text = raw.trim();
  if (text.startsWith('[')) {
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      throw new AppError('VALIDATION', `机构（问题）代码的 JSON 写法有误（${(e as Error).message}），未保存。`);
    }
  }
  if (!text) return [];
  return text
    .split(/[,，;；\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const eq = part.search(/[=＝]/);
      if (eq < 0) {
        throw new AppError('VALIDATION', `「${part}」缺少等号：每一项应写成 代码=名称，例如 GH=工会办公室。未保存。`);
      }
      return { code: part.slice(0, eq).trim(), name: part.slice(eq + 1).trim() };
    });
}

/** Turns the typed text into the value the settings channel expects; checking it is the channel's job. */
export function parseSettingValue(key: SettingsKey, raw: string): unknown {
  if (key === 'orgCodes') return parseOrgCodes(raw);
  if (key === 'unitType') {
    const byLabel = UNIT_TYPES.find((t) => UNIT_TYPE_LABELS[t] === raw.trim());
    return byLabel ?? raw.trim();
  }
  // 会费 settings by their Chinese words as well as the keys (按季度 / quarter, 是 / true, 舍去 / truncate).
  if (key === 'duesPeriodKind') return DUES_PERIOD_KINDS.find((k) => DUES_PERIOD_KIND_LABELS[k] === raw.trim() || DUES_PERIOD_KIND_LABELS[k].slice(1) === raw.trim()) ?? raw.trim();
  if (key === 'duesWageFloor10') return /^(true|是|1|yes)$/i.test(raw.trim()) ? true : /^(false|否|0|no)$/i.test(raw.trim()) ? false : raw;
  if (key === 'duesFenRounding') return (Object.keys(DUES_FEN_ROUNDING_LABELS) as (keyof typeof DUES_FEN_ROUNDING_LABELS)[]).find((k) => DUES_FEN_ROUNDING_LABELS[k].startsWith(raw.trim().slice(0, 2)) && raw.trim().length >= 2) ?? raw.trim();
  return raw;
}

export function formatSettingValue<K extends SettingsKey>(key: K, value: Settings[K]): string {
  if (key === 'orgCodes') {
    const list = value as Settings['orgCodes'];
    return list.length ? list.map((o) => `${o.code}=${o.name}`).join(',') : '（未设置）';
  }
  if (key === 'unitType') return `${UNIT_TYPE_LABELS[value as Settings['unitType']]}（${String(value)}）`;
  if (key === 'duesPeriodKind') return `${DUES_PERIOD_KIND_LABELS[value as Settings['duesPeriodKind']]}（${String(value)}）`;
  if (key === 'duesWageFloor10') return value ? '是：工资先舍去 10 元以下尾数（true）' : '否：按全部工资计算（false）';
  if (key === 'duesFenRounding') return `${DUES_FEN_ROUNDING_LABELS[value as Settings['duesFenRounding']]}（${String(value)}）`;
  return value === '' ? '（未设置）' : String(value);
}
