import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors';
import type { CliCommand } from '../command';
import { formatBytes } from '../format';

export const backupCommand: CliCommand = {
  words: ['backup'],
  minArgs: 0,
  maxArgs: 0,
  summary: '立即备份数据库（联机备份，备份放在数据文件夹的 backups 中）。',
  options: {
    out: { type: 'string', valueName: '文件', description: '另外复制一份到这个文件（或文件夹）' },
    force: { type: 'boolean', description: '--out 的文件已存在时覆盖它' },
  },
  async run({ ctx, options }) {
    let target = typeof options.out === 'string' ? path.resolve(options.out) : null;
    // Checked before backing up, so a refused --out leaves no half-done work behind.
    if (target && fs.existsSync(target) && !fs.statSync(target).isDirectory() && !options.force) {
      throw new AppError('CONFLICT', `文件「${target}」已存在，未覆盖。如确要覆盖，请加上 --force。`);
    }
    if (target && !fs.existsSync(path.dirname(target))) {
      throw new AppError('NOT_FOUND', `文件夹「${path.dirname(target)}」不存在，未备份。`);
    }
    const info = await ctx.backup('cli');
    const source = path.join(ctx.paths.backupsDir, info.name);
    const lines = [`已备份：${info.name}（${formatBytes(info.sizeBytes)}）`, `位置：${source}`];
    if (target) {
      if (fs.existsSync(target) && fs.statSync(target).isDirectory()) target = path.join(target, info.name);
      if (fs.existsSync(target) && !options.force) {
        throw new AppError('CONFLICT', `文件「${target}」已存在，未覆盖。如确要覆盖，请加上 --force。`);
      }
      // Copy beside the target, then rename: an interrupted copy never leaves a half file under its name.
      const partial = `${target}.partial`;
      fs.copyFileSync(source, partial);
      fs.renameSync(partial, target);
      lines.push(`已复制到：${target}`);
    }
    return { data: { backup: info, path: source, copiedTo: target }, lines };
  },
};
