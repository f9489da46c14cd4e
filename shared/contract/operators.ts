import { z } from 'zod';
import { ROLES, PERMISSIONS } from '../domain/permissions';
import { fileRef } from './app';
import { channel, id, isoDate, noInput } from './define';

const role = z.enum(ROLES);
const password = z.string().min(6, '密码至少 6 位').max(100, '密码不能超过 100 位');

export const operatorRow = z.object({
  id: z.number().int(),
  name: z.string(),
  role,
  hasPassword: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type OperatorRow = z.infer<typeof operatorRow>;

export const sessionInfo = z.object({
  /** Off while no enabled operator has a password: one implicit 管理员, nobody logs in. */
  loginEnabled: z.boolean(),
  operator: z.object({ id: z.number().int().nullable(), name: z.string(), role }).nullable(),
  permissions: z.array(z.enum(PERMISSIONS)),
  lockMinutes: z.number().int(),
  /** First run: no operators yet and the clerk was never asked whether to protect the app with a login. */
  askLogin: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const auditChange = z.object({ field: z.string(), label: z.string(), before: z.unknown(), after: z.unknown() });
export const auditLogRow = z.object({
  id: z.number().int(),
  at: z.string(),
  operator: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  entity: z.string(),
  entityLabel: z.string(),
  entityId: z.string().nullable(),
  recordName: z.string().nullable(),
  changes: z.array(auditChange),
});
export type AuditLogRow = z.infer<typeof auditLogRow>;

const auditFilterFields = {
  operator: z.string().max(30).optional(),
  action: z.string().max(60).optional(),
  /** With entityId: one record's own history (a member's file, a proposal's page; `ledger audit list --record`). */
  entity: z.string().max(40).optional(),
  entityId: z.string().max(40).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};
export const auditFilter = z.object(auditFilterFields).strict();
export type AuditFilter = z.infer<typeof auditFilter>;

export const auditQuery = z
  .object({
    ...auditFilterFields,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuery>;

export const operatorsChannels = {
  'operators.current': channel(noInput, sessionInfo, { recovery: true }),
  'operators.login': channel(
    z.object({ name: z.string().trim().min(1, '请输入操作员').max(30), password: z.string().min(1, '请输入密码').max(100) }).strict(),
    sessionInfo,
  ),
  'operators.logout': channel(noInput, sessionInfo, { recovery: true }),
  'operators.list': channel(noInput, z.array(operatorRow)),
  /** `recoveryCode`: only when this turned login on — shown once, only its scrypt hash is kept. */
  'operators.add': channel(
    z.object({ name: z.string().trim().min(1, '请输入姓名').max(30, '姓名不能超过 30 个字'), role, password: password.optional() }).strict(),
    operatorRow.extend({ recoveryCode: z.string().optional() }),
  ),
  'operators.skipLogin': channel(noInput, sessionInfo),
  'operators.remove': channel(z.object({ id }).strict(), z.object({ removed: z.boolean() })),
  'operators.passwd': channel(
    z.object({ id, oldPassword: z.string().max(100).optional(), newPassword: password }).strict(),
    z.object({ changed: z.boolean(), recoveryCode: z.string().optional() }),
  ),
  'audit.query': channel(
    auditQuery,
    z.object({ total: z.number().int(), rows: z.array(auditLogRow), operators: z.array(z.string()), actions: z.array(z.string()) }),
  ),
  /** The filtered log as .xlsx (every matching entry, not only a page); IDs masked as on the screen. */
  'audit.exportXlsx': channel(auditFilter, fileRef),
} as const;
