import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../core/context';
import { verifyAuditChain, type AuditChainProblem } from '../core/audit';
import { findBackupPartials } from '../core/db/leftovers';
import { LATEST_SCHEMA_VERSION } from '../core/db/migrations';
import { validateBackupFile } from '../core/db/restore';
import { findMissingAttachments } from '../core/disclosures/disclosures.check';
import { AppError } from '../core/errors';

export interface CheckResult {
  status: 'ok' | 'problem' | 'skipped';
  summary: string;
  details?: string[];
}

/** One line of `ledger check`. Record types add their own (missing attachment files …) to CHECKS. */
export interface IntegrityCheck {
  id: string;
  label: string;
  run(ctx: AppContext): CheckResult | Promise<CheckResult>;
}

const MAX_DETAILS = 20;
const capped = (lines: string[]): string[] =>
  lines.length > MAX_DETAILS ? [...lines.slice(0, MAX_DETAILS), `……另有 ${lines.length - MAX_DETAILS} 处`] : lines;

const skippedInRecovery: CheckResult = { status: 'skipped', summary: '数据库无法打开，跳过' };

const databaseIntegrity: IntegrityCheck = {
  id: 'integrity',
  label: '数据库完整性',
  // The context ran quick_check when it opened the folder; a failure put it into recovery.
  run: (ctx) =>
    ctx.status === 'ok'
      ? { status: 'ok', summary: '通过（quick_check）' }
      : {
          status: 'problem',
          summary: ctx.recoveryReason ?? '数据库未通过完整性检查',
          details: ['可用「ledger restore <备份名>」从备份恢复；备份列表见数据文件夹中的 backups。'],
        },
};

const foreignKeys: IntegrityCheck = {
  id: 'foreign-keys',
  label: '记录之间的引用',
  run: (ctx) => {
    if (ctx.status !== 'ok') return skippedInRecovery;
    const rows = ctx.db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
    if (!rows.length) return { status: 'ok', summary: '没有断开的引用（foreign_key_check）' };
    return {
      status: 'problem',
      summary: `有 ${rows.length} 处引用指向不存在的记录`,
      details: capped(rows.map((r) => `表 ${r.table} 第 ${r.rowid ?? '?'} 行引用的 ${r.parent} 记录不存在`)),
    };
  },
};

const schemaVersion: IntegrityCheck = {
  id: 'schema-version',
  label: '数据库版本',
  run: (ctx) => {
    if (ctx.status !== 'ok') return skippedInRecovery;
    const found = ctx.schemaVersion();
    if (found === LATEST_SCHEMA_VERSION) return { status: 'ok', summary: `版本 ${found}，与本程序一致` };
    return { status: 'problem', summary: `数据库版本 ${found}，本程序的版本为 ${LATEST_SCHEMA_VERSION}` };
  },
};

const backupsFolder: IntegrityCheck = {
  id: 'backups',
  label: '备份文件夹',
  run: (ctx) => {
    const dir = ctx.paths.backupsDir;
    try {
      fs.accessSync(dir, fs.constants.R_OK | fs.constants.W_OK);
      fs.readdirSync(dir);
    } catch (e) {
      return { status: 'problem', summary: `无法读写备份文件夹 ${dir}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）` };
    }
    const backups = ctx.listBackups();
    const newest = backups[0];
    if (!newest) return { status: 'ok', summary: '可读写，还没有备份' };
    try {
      validateBackupFile(path.join(dir, newest.name), LATEST_SCHEMA_VERSION);
    } catch (e) {
      // The restore wording ("未恢复。当前数据没有改动。") does not fit a check, so only the reason is kept.
      const why = e instanceof AppError ? e.message.replace(/[，,]?\s*未恢复。.*$/s, '') : String(e);
      return { status: 'problem', summary: `最新的备份 ${newest.name} 无法使用：${why}` };
    }
    return { status: 'ok', summary: `可读写，共 ${backups.length} 个备份，最新的 ${newest.name} 完好` };
  },
};

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/** A backup killed midway leaves its .partial file: never a usable backup, only disk space and confusion. */
const interruptedBackups: IntegrityCheck = {
  id: 'backup-partials',
  label: '未完成的备份',
  run: (ctx) => {
    const left = findBackupPartials(ctx.paths.backupsDir);
    if (left.files.length) {
      return {
        status: 'problem',
        summary: `备份文件夹中有 ${left.files.length} 个中断的备份留下的未完成文件（${mb(left.bytes)}），无法删除`,
        details: capped(left.files),
      };
    }
    const removed = ctx.partialsRemovedAtStart;
    if (removed.files.length) {
      return {
        status: 'ok',
        summary: `发现上次中断的备份留下的 ${removed.files.length} 个未完成文件（${mb(removed.bytes)}），已删除；已有的备份不受影响`,
        details: capped(removed.files),
      };
    }
    return { status: 'ok', summary: '没有中断的备份留下的文件' };
  },
};

const attachmentFiles: IntegrityCheck = {
  id: 'attachments',
  label: '附件文件',
  run: (ctx) => {
    if (ctx.status !== 'ok') return skippedInRecovery;
    const { live, backups } = findMissingAttachments(ctx);
    const lines = [
      ...live.map((m) => `公开事项 ${m.regNo} 的附件「${m.label}」缺少文件 files/${m.sha256.slice(0, 2)}/${m.sha256}.bin`),
      ...backups.map((b) => `备份 ${b.name} 引用的 ${b.missing.length} 个附件文件不在 files 文件夹中，恢复它后这些附件将无法打开`),
    ];
    if (!lines.length) return { status: 'ok', summary: '所有附件的文件都在数据文件夹中（含各备份引用的附件）' };
    const summary = live.length ? `有 ${live.length} 个附件缺少文件` : `当前数据的附件齐全，但有 ${backups.length} 个备份引用的附件文件缺失`;
    return { status: 'problem', summary, details: capped(lines) };
  },
};

const chainLine = (p: AuditChainProblem): string => {
  if (p.kind === 'missing') {
    const range = p.count === 1 ? `第 ${p.entry} 条` : `第 ${p.entry}–${p.entry + (p.count ?? 1) - 1} 条（${p.count} 条）`;
    return `修改记录${range}不见了（校验链断开）`;
  }
  if (p.kind === 'truncated') return `修改记录末尾的 ${p.count ?? 1} 条（第 ${p.entry} 条起）不见了：最后一条记录之后的内容被截掉（校验链末端与记录不符）`;
  if (p.kind === 'headless') return '修改记录的校验链末端不见了（audit_head 被删除），无法确认末尾是否被截掉';
  if (p.kind === 'unhashed') return `修改记录第 ${p.entry} 条没有校验值，不是由本程序写入的（校验链断开）`;
  return `修改记录第 ${p.entry} 条被改动过（校验链断开）`;
};

/** #16: the change log is evidence; the triggers stop our code, the hash chain shows a hand edit of the file. */
const auditChain: IntegrityCheck = {
  id: 'audit-chain',
  label: '修改记录校验链',
  run: (ctx) => {
    if (ctx.status !== 'ok') return skippedInRecovery;
    const { entries, problems } = verifyAuditChain(ctx.db);
    if (!problems.length) return { status: 'ok', summary: `${entries} 条修改记录，校验链完整` };
    return {
      status: 'problem',
      summary: `${problems.length} 处修改记录与校验链不符，修改记录在本程序之外被改动过`,
      details: capped(problems.map(chainLine)),
    };
  },
};

export const CHECKS: IntegrityCheck[] = [databaseIntegrity, foreignKeys, schemaVersion, backupsFolder, interruptedBackups, attachmentFiles, auditChain];
