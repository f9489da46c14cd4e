/**
 * Chinese labels of domain values, in one place so forms, exports and printed forms agree.
 * Record-type folders add their own lists here as they arrive.
 */
export const UNIT_TYPES = ['school', 'hospital', 'company'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  school: '学校',
  hospital: '医院',
  company: '企业',
};

/** The open-affairs work is named after the unit type (DOMAIN.md §4). */
export const DISCLOSURE_NAME: Record<UnitType, string> = {
  school: '校务公开',
  hospital: '院务公开',
  company: '厂务公开',
};

export const CONGRESS_NAME: Record<UnitType, string> = {
  school: '教代会',
  hospital: '职代会',
  company: '职代会',
};

/** Labels of the settings keys: the 设置 page, the CLI and audit entries use the same words. */
export const SETTINGS_LABELS = {
  unitName: '单位名称',
  unitType: '单位类型',
  unionName: '工会名称',
  fondsCode: '全宗号',
  fondsName: '全宗名称',
  orgCodes: '机构（问题）代码',
  operator: '操作人',
  disclosureCategories: '公开事项类别',
  opinionReplyDays: '意见答复期限（工作日）',
  attachmentMaxMb: '附件大小上限（MB）',
  holidays: '节假日',
  makeupWorkdays: '调休上班日',
  lockMinutes: '自动锁定时间（分钟）',
  exportNotice: '导出文件首行注明「内部资料 含个人信息」',
  piiMask: '导出和打印对所有角色遮盖身份证号、电话、银行卡号',
  piiRetentionYears: '会员离会后个人信息保留年限',
  planItemKinds: '计划事项类别',
  duesPeriodKind: '会费收缴周期',
  duesWageFloor10: '会费工资尾数（10 元以下不计）',
  duesFenRounding: '会费分位取舍',
} as const;

export const BACKUP_REASON_LABELS: Record<string, string> = {
  manual: '手动备份',
  auto: '定时备份',
  quit: '退出时备份',
  'pre-migrate': '升级前备份',
  'pre-restore': '恢复前备份',
  'pre-import': '导入前备份',
  'pre-undo-import': '撤销导入前备份',
  'pre-archive': '归档前备份',
  cli: '命令行备份',
};

/** The 类型 of a backup as the clerk reads it; a name from a newer version still shows in Chinese. */
export const backupReasonLabel = (reason: string): string => BACKUP_REASON_LABELS[reason] ?? '其他备份';
