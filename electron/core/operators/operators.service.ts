import type { AuditLogRow, AuditQuery, OperatorRow, SessionInfo } from '../../../shared/contract/operators';
import { AUDIT_ENTITIES, AUDIT_FIELD_LABELS, auditActionLabel, auditValueLabel } from '../../../shared/domain/audit-labels';
import { maskId, maskPhone, ROLE_PERMISSIONS, roleHas, type Role } from '../../../shared/domain/permissions';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { effectiveOperator } from './access';
import { auditActions, auditOperators, queryAuditLog, type AuditLogDbRow } from './audit-log.query';
import {
  countPasswordAdmins,
  deleteOperator,
  findOperatorByName,
  getOperator,
  insertOperator,
  listOperators,
  loginEnabled,
  setOperatorPassword,
  type OperatorDbRow,
} from './operators.repo';
import { hashPassword, verifyPassword } from './password';
import { declineLogin, loginQuestionAnswered, prepareRecoveryCode, storeRecoveryCode } from './recovery';
import { applyLockMinutes } from './lock-setting';

const toRow = (r: OperatorDbRow): OperatorRow => ({
  id: r.id,
  name: r.name,
  role: r.role,
  hasPassword: r.password_hash !== null,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
});

export function sessionInfo(ctx: AppContext): SessionInfo {
  const enabled = ctx.status === 'ok' && loginEnabled(ctx.db);
  applyLockMinutes(ctx);
  // The idle lock shows on the next poll of the login state, not only on the next real call.
  if (ctx.session.idle(ctx.clock().getTime())) ctx.session.logout();
  const op = effectiveOperator(ctx);
  return {
    loginEnabled: enabled,
    operator: op ? { id: op.id, name: op.name, role: op.role } : null,
    permissions: op ? [...ROLE_PERMISSIONS[op.role]] : [],
    lockMinutes: ctx.session.lockMinutes,
    askLogin: ctx.status === 'ok' && !enabled && listOperators(ctx.db).length === 0 && !loginQuestionAnswered(ctx),
  };
}

export function skipLogin(ctx: AppContext): SessionInfo {
  declineLogin(ctx);
  return sessionInfo(ctx);
}

export const operatorsList = (ctx: AppContext): OperatorRow[] => listOperators(ctx.db).map(toRow);

/** Login on while no 管理员 could log in would lock everyone out of 设置; refused inside the same transaction. */
function keepAnAdmin(ctx: AppContext): void {
  if (loginEnabled(ctx.db) && countPasswordAdmins(ctx.db) === 0) {
    throw new AppError('VALIDATION', '启用登录后至少要有一位设了密码的管理员；请先添加管理员。');
  }
}

export async function operatorsAdd(ctx: AppContext, input: { name: string; role: Role; password?: string }): Promise<OperatorRow & { recoveryCode?: string }> {
  const hash = input.password ? await hashPassword(input.password) : null;
  const db = ctx.db;
  const actor = ctx.actor() || effectiveOperator(ctx)?.name || '管理员';
  const wasOn = loginEnabled(db);
  // The first 管理员 password turns login on: that is when a forgotten password would lock the office out.
  const recovery = !wasOn && hash && input.role === 'admin' ? await prepareRecoveryCode() : null;
  const now = ctx.clock();
  const id = db.transaction(() => {
    if (findOperatorByName(db, input.name)) throw new AppError('CONFLICT', `已有名为「${input.name}」的操作员。`);
    const newId = insertOperator(db, input.name, input.role, hash, now.toISOString());
    keepAnAdmin(ctx);
    if (recovery) storeRecoveryCode(ctx, newId, recovery.hash, now);
    writeAudit(db, actor, now, { action: 'operators.add', entity: 'operator', entityId: newId, after: { name: input.name, role: input.role } });
    return newId;
  })();
  // The 管理员 who turns login on stays at work as the operator just created, instead of being locked out.
  if (recovery && !ctx.session.current) {
    ctx.session.login({ id, name: input.name, role: 'admin' }, now.getTime());
  }
  return { ...toRow(getOperator(db, id)!), ...(recovery ? { recoveryCode: recovery.code } : {}) };
}

export function operatorsRemove(ctx: AppContext, id: number): { removed: boolean } {
  const db = ctx.db;
  const now = ctx.clock();
  db.transaction(() => {
    const row = getOperator(db, id);
    if (!row) throw new AppError('NOT_FOUND', '没有这位操作员。');
    if (ctx.session.current?.id === id) throw new AppError('VALIDATION', '不能删除正在使用的操作员。');
    deleteOperator(db, id);
    keepAnAdmin(ctx);
    writeAudit(db, ctx.actor() || '管理员', now, { action: 'operators.remove', entity: 'operator', entityId: id, before: { name: row.name, role: row.role } });
  })();
  return { removed: true };
}

export async function operatorsPasswd(
  ctx: AppContext,
  input: { id: number; oldPassword?: string; newPassword: string },
): Promise<{ changed: boolean; recoveryCode?: string }> {
  const db = ctx.db;
  const op = effectiveOperator(ctx);
  const row = getOperator(db, input.id);
  if (!row) throw new AppError('NOT_FOUND', '没有这位操作员。');
  const own = op?.id === input.id;
  if (!op || (!own && !roleHas(op.role, 'admin'))) throw new AppError('FORBIDDEN', '只有管理员能修改别人的密码。', { reason: 'role' });
  if (own && row.password_hash && !(await verifyPassword(input.oldPassword ?? '', row.password_hash))) {
    throw new AppError('VALIDATION', '原密码不正确。');
  }
  const hash = await hashPassword(input.newPassword);
  const recovery = !loginEnabled(db) && row.role === 'admin' && row.disabled === 0 ? await prepareRecoveryCode() : null;
  const now = ctx.clock();
  db.transaction(() => {
    setOperatorPassword(db, input.id, hash, now.toISOString());
    if (recovery) storeRecoveryCode(ctx, input.id, recovery.hash, now);
    writeAudit(db, op.name, now, { action: 'operators.passwd', entity: 'operator', entityId: input.id, after: { name: row.name } });
  })();
  return { changed: true, ...(recovery ? { recoveryCode: recovery.code } : {}) };
}

const LOGIN_REFUSED = '操作员或密码不正确。';

export async function operatorsLogin(ctx: AppContext, name: string, password: string): Promise<SessionInfo> {
  const now = ctx.clock();
  const wait = ctx.session.waitSeconds(now.getTime());
  if (wait > 0) throw new AppError('FORBIDDEN', `密码错误次数过多，请 ${wait} 秒后再试。`, { reason: 'slowdown', waitSeconds: wait });
  const row = findOperatorByName(ctx.db, name);
  const ok = !!row && row.disabled === 0 && !!row.password_hash && (await verifyPassword(password, row.password_hash));
  if (!ok || !row) {
    ctx.session.failed(now.getTime());
    ctx.db.transaction(() => writeAudit(ctx.db, name, now, { action: 'operators.loginFailed', entity: 'operator', entityId: row?.id ?? null }))();
    throw new AppError('VALIDATION', LOGIN_REFUSED);
  }
  ctx.session.login({ id: row.id, name: row.name, role: row.role }, now.getTime());
  ctx.db.transaction(() => writeAudit(ctx.db, row.name, now, { action: 'operators.login', entity: 'operator', entityId: row.id }))();
  return sessionInfo(ctx);
}

export function operatorsLogout(ctx: AppContext): SessionInfo {
  const op = ctx.session.current;
  if (op && ctx.status === 'ok') {
    const now = ctx.clock();
    ctx.db.transaction(() => writeAudit(ctx.db, op.name, now, { action: 'operators.logout', entity: 'operator', entityId: op.id }))();
  }
  ctx.session.logout();
  return sessionInfo(ctx);
}

const SENSITIVE = new Set(['id_number', 'idNumber', 'phone']);

function changesOf(r: AuditLogDbRow, mask: boolean): AuditLogRow['changes'] {
  const parse = (s: string | null): unknown => (s ? (JSON.parse(s) as unknown) : null);
  const before = parse(r.before_json);
  const after = parse(r.after_json);
  const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const b = obj(before);
  const a = obj(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const hide = (k: string, v: unknown): unknown => {
    if (!mask || !SENSITIVE.has(k) || typeof v !== 'string') return v;
    return k === 'phone' ? maskPhone(v) : maskId(v);
  };
  return keys
    // Only fields with a clerk's label: search helpers (name_pinyin, sort_key) are not changes anyone made.
    .filter((k) => k in AUDIT_FIELD_LABELS && JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .slice(0, 40)
    .map((k) => ({ field: k, label: AUDIT_FIELD_LABELS[k] ?? k, before: auditValueLabel(r.entity, k, hide(k, b[k] ?? null)), after: auditValueLabel(r.entity, k, hide(k, a[k] ?? null)) }));
}

/** Roles without `reveal` see ID numbers and phones masked in the log's old → new values too. */
export const auditMasked = (ctx: AppContext): boolean => {
  const op = effectiveOperator(ctx);
  return !op || !roleHas(op.role, 'reveal');
};

export const toAuditLogRow = (r: AuditLogDbRow, mask: boolean): AuditLogRow => ({
  id: r.id,
  at: r.at,
  operator: r.actor,
  action: r.action,
  actionLabel: auditActionLabel(r.action),
  entity: r.entity,
  entityLabel: AUDIT_ENTITIES[r.entity] ?? r.entity,
  entityId: r.entity_id,
  recordName: r.record_name,
  changes: changesOf(r, mask),
});

export function auditQuery(ctx: AppContext, q: AuditQuery): { total: number; rows: AuditLogRow[]; operators: string[]; actions: string[] } {
  const mask = auditMasked(ctx);
  const { total, rows } = queryAuditLog(ctx.db, q);
  return {
    total,
    rows: rows.map((r) => toAuditLogRow(r, mask)),
    operators: auditOperators(ctx.db),
    actions: auditActions(ctx.db),
  };
}

