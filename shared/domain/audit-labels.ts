/**
 * The change log's words (#16): every audited action and record type in Chinese, in one table. A new action
 * without a label shows its code and fails test/integration/operators/audit-log.test.ts.
 */
import { ARCHIVE_AUDIT_LABELS } from './archive-labels';
import { CARE_AUDIT_FIELDS, CARE_AUDIT_LABELS } from './care-labels';
import { PLANS_AUDIT_ENTITIES, PLANS_AUDIT_FIELDS, PLANS_AUDIT_LABELS } from './plans-labels';
import { SETTINGS_LABELS, UNIT_TYPE_LABELS } from './labels';
import { ID_TYPE_LABELS } from './member-labels';
import { MEMBER_STATUS_LABELS } from './member-lifecycle';
import { ROLE_LABELS } from './permissions';
import { PII_EXPORT_CHANNELS } from './pii';
import { MEMBER_FIELDS } from './member-fields';
import { PROPOSAL_FIELDS } from './proposal-fields';

export const AUDIT_ACTIONS: Record<string, string> = {
  'settings.update': '修改设置',
  'members.create': '新增会员',
  'members.update': '修改会员',
  'members.remove': '删除会员',
  'members.moveGroup': '调整会员所在工会小组',
  'members.importUndo.restore': '撤销导入时恢复会员',
  'members.addEvent': '登记会籍变动',
  'imports.commit': '导入花名册',
  'imports.undo': '撤销导入',
  'groups.create': '新增工会组织',
  'groups.update': '修改工会组织',
  'groups.remove': '删除工会组织',
  'proposals.create': '新增提案',
  'proposals.update': '修改提案',
  'proposals.act': '办理提案',
  'proposals.config': '修改提案设置',
  'proposals.importCommit': '导入提案',
  'proposals.importUndo': '撤销导入提案',
  'dues.importCommit': '导入工资或会费缴纳',
  'dues.importUndo': '撤销会费导入',
  'proposals.attachment.add': '添加提案附件',
  'proposals.attachment.remove': '删除提案附件',
  'sessions.create': '新增届次会议',
  'sessions.update': '修改届次会议',
  'sessions.remove': '删除届次会议',
  'representatives.add': '新增代表',
  'representatives.update': '修改代表',
  'representatives.remove': '删除代表',
  'handlingUnits.create': '新增承办单位',
  'handlingUnits.update': '修改承办单位',
  'handlingUnits.remove': '删除承办单位',
  'handlingUnits.deactivate': '停用承办单位',
  'disclosures.create': '新增公开事项',
  'disclosures.update': '修改公开事项',
  'disclosures.remove': '删除公开事项',
  'opinions.create': '登记意见建议',
  'opinions.update': '修改意见建议',
  'opinions.reply': '答复意见建议',
  'opinions.archive': '意见建议归档',
  'opinions.remove': '删除意见建议',
  'operators.add': '新增操作员',
  'operators.remove': '删除操作员',
  'operators.passwd': '修改操作员密码',
  'operators.login': '登录',
  'operators.loginFailed': '登录失败',
  'operators.logout': '退出登录',
  'pii.reveal': '查看完整身份证号',
  'audit.export': '导出修改记录',
  // Every workbook with full ID numbers (pii.ts) is logged under its channel: 导出慰问记录, 导出困难职工花名册 …
  ...Object.fromEntries(Object.entries(PII_EXPORT_CHANNELS).map(([c, what]) => [c, `导出${what}`])),
  'pii.memberFile': '导出本人个人信息（查阅复制）',
  'pii.anonymise': '匿名化离会会员的个人信息',
  'operators.recover': '用恢复码重设管理员密码',
  'operators.recoverFailed': '恢复码不正确',
  'backup.create': '备份',
  'backup.restore': '恢复',
  ...ARCHIVE_AUDIT_LABELS,
  ...CARE_AUDIT_LABELS,
  ...PLANS_AUDIT_LABELS,
};

export const AUDIT_ENTITIES: Record<string, string> = {
  settings: '设置',
  member: '会员',
  union_unit: '工会组织',
  import_batch: '导入批次',
  proposal: '提案',
  congress_session: '届次会议',
  handling_unit: '承办单位',
  disclosure: '公开事项',
  opinion: '意见建议',
  archive: '年度归档',
  archive_item: '归档文件',
  care_visit: '慰问',
  hardship_file: '困难职工档案',
  dues_period: '会费核算',
  dues_record: '会费',
  operator: '操作员',
  audit_log: '修改记录',
  ...PLANS_AUDIT_ENTITIES,
};

export const auditActionLabel = (action: string): string => AUDIT_ACTIONS[action] ?? action;

/** Field names as they appear in stored entries (database columns or contract keys) → the clerk's label. */
export const AUDIT_FIELD_LABELS: Record<string, string> = (() => {
  // Care first: a key another area also uses (form, category) keeps that area's word.
  const out: Record<string, string> = { ...CARE_AUDIT_FIELDS, ...PLANS_AUDIT_FIELDS, ...SETTINGS_LABELS, status: '状态', reason: '原因', role: '角色', fileName: '文件名', rows: '条数', template: '模板', masked: '号码已遮盖', period: '期间', replaced: '替换的字段', group_id: '工会小组', groupId: '工会小组' };
  for (const [key, f] of Object.entries(PROPOSAL_FIELDS)) out[key] = f.label;
  for (const [key, f] of Object.entries(MEMBER_FIELDS)) {
    out[key] = f.label;
    out[f.column] = f.label;
  }
  return out;
})();

/** Stored codes a clerk would otherwise read in English (resident, active, admin), by field; per record type where codes mean different things. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  id_type: ID_TYPE_LABELS,
  idType: ID_TYPE_LABELS,
  role: ROLE_LABELS,
  unitType: UNIT_TYPE_LABELS,
  'member:status': MEMBER_STATUS_LABELS,
};

/** An old or new value as the change log shows it: codes by their Chinese label, true/false as 是/否. */
export function auditValueLabel(entity: string, field: string, value: unknown): unknown {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value !== 'string') return value;
  return (VALUE_LABELS[`${entity}:${field}`] ?? VALUE_LABELS[field])?.[value] ?? value;
}
