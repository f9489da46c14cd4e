/** #16: the two options of every CLI export holding ID numbers; the rule is electron/core/operators/pii.ts. */
export const PII_CLI_OPTIONS = {
  reason: { type: 'string', valueName: '原因', description: '导出完整身份证号的原因（启用登录后必填；与文件名、条数一起记入修改记录）' },
  masked: { type: 'boolean', description: '身份证号、电话、银行卡号遮盖后导出（不需原因）' },
} as const;

export const piiAskOf = (options: Record<string, string | boolean | undefined>): { revealIds?: boolean; reason?: string } => ({
  ...(options.masked ? { revealIds: false } : {}),
  ...(typeof options.reason === 'string' ? { reason: options.reason } : {}),
});
