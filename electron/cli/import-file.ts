import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../core/context';
import { AppError } from '../core/errors';

/** The file named on the command line as an opaque token, as the renderer's picker would give it. */
export function importFileToken(ctx: AppContext, arg: string): { file: string; token: string } {
  const file = path.resolve(arg);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError('VALIDATION', `找不到要导入的文件：${file}`);
  return { file, token: ctx.files.register(file, path.basename(file), false).token };
}

export function batchIdArg(arg: string | undefined): number {
  const batchId = Number(arg);
  if (!Number.isInteger(batchId) || batchId <= 0) throw new AppError('VALIDATION', `批次号应为正整数：${arg}`);
  return batchId;
}
