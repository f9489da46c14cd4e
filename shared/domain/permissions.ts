/**
 * Who may do what (#16). Defined once here; the main process enforces it at the router for every channel
 * (electron/core/operators/access.ts), the renderer only hides what a role may not do.
 */
export const PERMISSIONS = ['read', 'records', 'money', 'admin', 'reveal'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_LABELS: Record<Permission, string> = {
  read: '查看台账',
  records: '修改台账（会员、提案、公开、导入、归档、打印）',
  money: '会费与慰问金',
  admin: '设置、备份恢复与操作员',
  reveal: '查看和导出完整身份证号、电话',
};

export const ROLES = ['admin', 'clerk', 'finance', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = { admin: '管理员', clerk: '干事', finance: '财务', viewer: '查阅' };

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  clerk: ['read', 'records', 'reveal'],
  finance: ['read', 'money', 'reveal'],
  viewer: ['read'],
};

/** First row of an exported workbook holding full ID numbers (#16), unless 设置 → exportNotice is off. */
export const PII_EXPORT_NOTICE = '内部资料 含个人信息 请妥善保管';

/** Idle minutes before a logged-in session locks, unless 设置 says otherwise. */
export const DEFAULT_LOCK_MINUTES = 15;

export const roleHas = (role: Role, p: Permission): boolean => ROLE_PERMISSIONS[role].includes(p);

/** `public`: works before login (the login screen itself, app status). */
export type ChannelAccess = Permission | 'public';

/** Channels whose need differs from what their name suggests (see defaultChannelAccess). */
export const CHANNEL_ACCESS: Record<string, ChannelAccess> = {
  'app.info': 'public',
  'app.openDataFolder': 'admin',
  'operators.login': 'public',
  'operators.logout': 'public',
  'operators.current': 'public',
  // Changing one's own password needs the old one; setting another's is checked in the handler (管理员).
  'operators.passwd': 'public',
  'operators.list': 'admin',
  'operators.add': 'admin',
  'operators.remove': 'admin',
  // Answers the first-run question 不需要; while nobody has a password everyone is the one 管理员 anyway.
  'operators.skipLogin': 'admin',
  // The window loads the unit's names before anyone logs in (state/app-state.tsx); nothing personal is in them.
  'settings.get': 'public',
  'settings.update': 'admin',
  'backup.create': 'admin',
  'backup.list': 'admin',
  'backup.restore': 'admin',
  'backup.export': 'admin',
  'archive.updateConfig': 'admin',
  'archive.seal': 'admin',
  'archive.unseal': 'admin',
  'archive.verifyPackage': 'read',
  'files.pickOpen': 'read',
  'files.saveAs': 'read',
  // Exports and prints with ID numbers are reads: a role without reveal gets them masked (pii.ts), and asking
  // for full numbers (revealIds) is refused at the router.
  'members.export': 'read',
  'members.registrationPdf': 'read',
  'members.registrationHtml': 'read',
  // 设置 → 个人信息 (#16): what is held is a read; a member's own file holds everything in full; anonymising is 设置's.
  'pii.summary': 'read',
  'pii.member': 'read',
  'pii.memberFile': 'reveal',
  'pii.anonymise': 'admin',
  'members.importIssuesFile': 'records',
  'proposals.configUpdate': 'records',
  'care.decade': 'read',
  'dues.periodSheet': 'read',
  'dues.periodTotals': 'read',
  'dues.periodPage': 'read',
  'dues.exportCancel': 'read',
  // 慰问事由与标准 are 设置, kept beside the unit's other settings.
  'care.occasionsUpdate': 'admin',
};

/** Reads by name: a channel another area adds tomorrow is covered without an entry here. */
const READ_NAME =
  /\.(list|get|find|tree|years|kinds|stats|checks|verify|birthdays|arrears|sheet|dueDate|checkId|config|current|query|info|home|summary|print|printPreview|export)$|(Html|Pdf|Xlsx|Docx|List|Batches|Get|File|Cancel)$/;

export function defaultChannelAccess(channel: string): ChannelAccess {
  if (READ_NAME.test(channel)) return 'read';
  if (channel.startsWith('care.') || channel.startsWith('dues.')) return 'money';
  return 'records';
}

export const channelAccess = (channel: string): ChannelAccess => CHANNEL_ACCESS[channel] ?? defaultChannelAccess(channel);

// One masking function for the whole app lives in pii.ts; these names stay for the callers that import them here.
export { maskId, maskPhone } from './pii';
