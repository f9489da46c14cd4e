import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors';
import type { CliCommand } from '../command';
import { invoke } from '../invoke';

export const restoreCommand: CliCommand = {
  words: ['restore'],
  argsUsage: '<文件或备份名>',
  minArgs: 1,
  maxArgs: 1,
  summary: '从备份恢复数据库；恢复前会先把当前数据备份一份。',
  details: ['可以给备份文件的路径，也可以只给 backups 文件夹中的备份名（如 ledger-20250310-150405-000-cli.sqlite）。'],
  async run({ ctx, args }) {
    const given = args[0]!;
    const file = path.resolve(given);
    let input: { token: string } | { name: string };
    if (fs.existsSync(file) && fs.statSync(file).isFile()) {
      // The same path as a file picked in the app: the file becomes a token and backup.restore checks it.
      input = { token: ctx.files.register(file, path.basename(file), false).token };
    } else if (ctx.listBackups().some((b) => b.name === given)) {
      input = { name: given };
    } else {
      throw new AppError('NOT_FOUND', `找不到文件「${given}」，它也不是备份文件夹中的备份名。未恢复，当前数据没有改动。`);
    }
    const r = await invoke(ctx, 'backup.restore', input);
    return {
      data: r,
      lines: [
        `已从「${r.restoredFrom}」恢复，数据库版本 ${r.schemaVersion}。`,
        r.safetyBackup
          ? `恢复前的数据已备份为：${r.safetyBackup.name}`
          : '恢复前的数据库已损坏，无法备份；它已原样移到数据文件夹中的 ledger.sqlite.damaged-* 文件。',
      ],
    };
  },
};
