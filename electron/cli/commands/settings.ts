import type { Settings, SettingsKey } from '../../../shared/contract/settings';
import { SETTINGS_LABELS, UNIT_TYPE_LABELS, UNIT_TYPES } from '../../../shared/domain/labels';
import { AppError } from '../../core/errors';
import { UsageError, type CliCommand } from '../command';
import { invoke } from '../invoke';
import { formatSettingValue, parseSettingValue, resolveSettingKey, SETTINGS_KEYS, settingKeyList } from '../settings-values';

const keyOf = (typed: string, command: CliCommand): SettingsKey => {
  const key = resolveSettingKey(typed);
  if (!key) throw new UsageError(`没有名为「${typed}」的设置项。可用的设置项：${settingKeyList()}。`, command);
  return key;
};

const line = <K extends SettingsKey>(key: K, s: Settings) => `${SETTINGS_LABELS[key]}（${key}）：${formatSettingValue(key, s[key])}`;

export const settingsGetCommand: CliCommand = {
  words: ['settings', 'get'],
  argsUsage: '[设置项]',
  minArgs: 0,
  maxArgs: 1,
  summary: '查看设置；不给设置项时列出全部。',
  details: [`设置项可用中文名或英文名：${settingKeyList()}。`],
  async run({ ctx, args }) {
    const all = await invoke(ctx, 'settings.get', {});
    if (args[0] === undefined) return { data: all, lines: SETTINGS_KEYS.map((k) => line(k, all)) };
    const key = keyOf(args[0], settingsGetCommand);
    return { data: { [key]: all[key] }, lines: [line(key, all)] };
  },
};

export const settingsSetCommand: CliCommand = {
  words: ['settings', 'set'],
  argsUsage: '<设置项> <值>',
  minArgs: 2,
  maxArgs: 2,
  summary: '修改一项设置（与设置页面相同的检查，并记入操作记录）。',
  details: [
    '单位类型可写 学校/医院/企业 或 school/hospital/company。',
    '机构（问题）代码写成 GH=工会办公室,BGS=办公室，或 JSON：[{"code":"GH","name":"工会办公室"}]；写空字符串 "" 清空。',
  ],
  async run({ ctx, args }) {
    const key = keyOf(args[0]!, settingsSetCommand);
    // The channel validates the value exactly as the 设置 page's save does; the cast only names the key.
    const patch = { [key]: parseSettingValue(key, args[1]!) } as Partial<Settings>;
    const saved = await invoke(ctx, 'settings.update', patch).catch((e: unknown) => {
      // Zod names the English values; the clerk types the Chinese ones, so say which are accepted.
      if (key === 'unitType' && e instanceof AppError) {
        throw new AppError(e.code, `${e.message}。单位类型可填：${UNIT_TYPES.map((t) => UNIT_TYPE_LABELS[t]).join('、')}。`, e.details);
      }
      throw e;
    });
    return { data: saved, lines: [`已保存。${line(key, saved)}`] };
  },
};
