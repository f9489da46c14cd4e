/** 设置 → 个人信息 (#16): what is held, one member's file for that member (查阅复制), and anonymising a member who left. */
import { z } from 'zod';
import { MEMBER_STATUSES } from '../domain/member-lifecycle';
import { fileRef } from './app';
import { channel, id, noInput, piiExportAsk } from './define';

export const piiHeldRow = z.object({ key: z.string(), label: z.string(), count: z.number().int() });

export const piiSummary = z.object({
  rows: z.array(piiHeldRow),
  retentionYears: z.number().int(),
  /** Members who left longer ago than the retention and are not anonymised yet (first 200). */
  anonymisable: z.number().int(),
  candidates: z.array(z.object({ memberId: z.number().int(), name: z.string(), statusLabel: z.string(), leftOn: z.string().nullable() })),
});
export type PiiSummary = z.infer<typeof piiSummary>;

export const piiMember = z.object({
  memberId: z.number().int(),
  name: z.string(),
  status: z.enum(MEMBER_STATUSES),
  statusLabel: z.string(),
  leftOn: z.string().nullable(),
  held: z.array(piiHeldRow),
  anonymised: z.boolean(),
  /** Why anonymising is not allowed now (Chinese), or null when it is. */
  refusal: z.string().nullable(),
});
export type PiiMember = z.infer<typeof piiMember>;

export const piiChannels = {
  'pii.summary': channel(noInput, piiSummary),
  'pii.member': channel(z.object({ memberId: id }).strict(), piiMember),
  /** Everything held about one member as .xlsx, in full (given to that member); logged with its reason. */
  'pii.memberFile': channel(z.object({ memberId: id, reason: piiExportAsk.reason }).strict(), fileRef.extend({ rows: z.number().int() })),
  /** `confirmName`: the member's current name typed again, so a slip of the mouse anonymises nobody. */
  'pii.anonymise': channel(
    z.object({ memberId: id, confirmName: z.string().trim().min(1, '请输入会员姓名以确认').max(30) }).strict(),
    z.object({ memberId: z.number().int(), replaced: z.array(z.string()), skippedSealed: z.number().int() }),
  ),
} as const;
