import { z } from 'zod';
import { UNIT_TYPES } from '../domain/labels';
import { channel, noInput } from './define';

export const orgCode = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{1,10}$/, '机构（问题）代码只能由大写字母和数字组成，最多 10 位'),
  name: z.string().trim().min(1, '请填写机构（问题）名称').max(50, '名称不能超过 50 个字'),
});

export const settingsSchema = z.object({
  unitName: z.string().trim().max(100, '单位名称不能超过 100 个字'),
  unitType: z.enum(UNIT_TYPES),
  unionName: z.string().trim().max(100, '工会名称不能超过 100 个字'),
  fondsCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{0,20}$/, '全宗号只能由字母、数字和连字符组成，最多 20 位'),
  fondsName: z.string().trim().max(100, '全宗名称不能超过 100 个字'),
  orgCodes: z
    .array(orgCode)
    .max(100)
    .refine((list) => new Set(list.map((o) => o.code)).size === list.length, '机构（问题）代码不能重复'),
  operator: z.string().trim().max(30, '操作人姓名不能超过 30 个字'),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingsKey = keyof Settings;

export const DEFAULT_SETTINGS: Settings = {
  unitName: '',
  unitType: 'school',
  unionName: '',
  fondsCode: '',
  fondsName: '',
  orgCodes: [],
  operator: '',
};

export const settingsChannels = {
  'settings.get': channel(noInput, settingsSchema),
  'settings.update': channel(settingsSchema.partial().strict(), settingsSchema),
} as const;
