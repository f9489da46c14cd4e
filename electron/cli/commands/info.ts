import type { CliCommand } from '../command';
import { invoke } from '../invoke';

/** Words for the counts app.info reports; a count without a label here is shown under its key. */
const COUNT_LABELS: Record<string, string> = {
  settings: '设置项',
  auditLog: '操作记录',
  backups: '备份',
  members: '会员',
  memberEvents: '会员变动',
  unionUnits: '分工会和工会小组',
  disclosures: '公开事项',
  opinions: '公开意见',
  proposals: '提案和意见建议',
  congressSessions: '代表大会届次',
};

export const infoCommand: CliCommand = {
  words: ['info'],
  minArgs: 0,
  maxArgs: 0,
  summary: '显示版本、数据文件夹、数据库状态和各类记录数。',
  async run({ ctx }) {
    const info = await invoke(ctx, 'app.info', {});
    const counts = Object.entries(info.counts).map(([k, n]) => `${COUNT_LABELS[k] ?? k} ${n}`);
    return {
      data: info,
      lines: [
        `工会台账 ${info.appVersion}`,
        `数据文件夹：${info.dataDir}`,
        `数据库文件：${info.dbPath}`,
        `数据库版本：${info.schemaVersion}（本程序为 ${info.appSchemaVersion}）`,
        info.status === 'ok' ? '状态：正常' : `状态：需要从备份恢复——${info.recoveryReason ?? '数据库未通过完整性检查'}`,
        `记录数：${counts.join('，')}`,
      ],
    };
  },
};
