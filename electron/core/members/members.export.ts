import fs from 'node:fs';
import type { z } from 'zod';
import type { FileRef } from '../../../shared/contract/app';
import type { memberQuery } from '../../../shared/contract/members';
import { todayIso } from '../../../shared/domain/dates';
import { PII_EXPORT_NOTICE } from '../../../shared/domain/permissions';
import { writeAudit } from '../audit';
import { loginEnabled } from '../operators/operators.repo';
import type { MemberEventType, MemberStatus } from '../../../shared/domain/member-lifecycle';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { getSettings } from '../settings/settings.service';
import { writeTableXlsx } from '../spreadsheet/xlsx-writer';
import { startJob, type Job } from '../imports/jobs';
import { defineTask } from '../threads/task';
import { runInThread } from '../threads/run-in-thread';
import { EXPORT_TEMPLATES, type ExportMember, type ExportTemplate } from './members.export-templates';
import { rowToFields } from './members.mapper';
import { iterateMembers } from './members.query';
import type { MemberRow } from './members.repo';

export function findTemplate(name: string): ExportTemplate {
  const t = EXPORT_TEMPLATES.find((x) => x.name === name || x.label === name);
  if (!t) throw new AppError('VALIDATION', `没有名为「${name}」的导出模板。可用：${EXPORT_TEMPLATES.map((x) => `${x.name}（${x.label}）`).join('、')}。`);
  return t;
}

function toExportMember(r: MemberRow & { group_name: string | null; last_event: string | null }): ExportMember {
  const f = rowToFields(r);
  const last = r.last_event ? (JSON.parse(r.last_event) as [MemberEventType, string, string | null]) : null;
  return {
    ...f,
    idNumber: r.id_number,
    group: r.group_name,
    status: r.status as MemberStatus,
    lastEvent: last ? { type: last[0], date: last[1], reason: last[2] } : null,
    gender: f.gender ?? null,
    birthDate: f.birthDate ?? null,
  } as ExportMember;
}

/** What the export needs across the thread boundary: plain data only (the preamble is made from 设置 here). */
interface ExportInput {
  filePath: string;
  q: z.output<typeof memberQuery>;
  templateName: string;
  preamble: string[];
}

export const EXPORT_CANCELLED = '导出已取消，没有生成文件';

/**
 * Writes the members matching a list query to `filePath` with a template. ID numbers are written in full:
 * an export is something the clerk asked for (the list itself masks them). Runs in the task thread.
 */
export const exportTask = defineTask<ExportInput, number>({
  name: 'members.export',
  writes: false,
  run: (env, { filePath, q, templateName, preamble }) => {
    const template = findTemplate(templateName);
    const rows = iterateMembers(env.db, q, env.now);
    const mapped = (function* () {
      let i = 0;
      for (const r of rows) {
        if (i % 1000 === 0 && env.signal.aborted) throw new AppError('CANCELLED', EXPORT_CANCELLED);
        const m = toExportMember(r);
        yield template.columns.map((c) => c.value(m, i));
        i++;
      }
    })();
    return writeTableXlsx(filePath, {
      sheetName: template.sheetName,
      preamble,
      columns: template.columns,
      rows: mapped,
      ...(template.footer ? { footer: template.footer } : {}),
      onProgress: (n) => env.progress('正在导出会员花名册', n, null),
    });
  },
});

/** The export off the main thread (in the task thread), under `job` for its progress and cancel. */
export async function exportMembersToFile(ctx: AppContext, filePath: string, q: z.output<typeof memberQuery>, templateName: string, job?: Job): Promise<number> {
  const template = findTemplate(templateName);
  const settings = getSettings(ctx);
  // Our own roster carries the notice in its first row (the import finds the header below it); the Hainan
  // platform's layout is fixed by someone else and stays exactly as the platform expects it.
  const notice = settings.exportNotice && template.name === 'standard' ? [PII_EXPORT_NOTICE] : [];
  const input: ExportInput = { filePath, q, templateName: template.name, preamble: [...notice, ...template.preamble(settings, todayIso(ctx.clock()))] };
  const own = job ? null : startJob(ctx, undefined);
  try {
    return await runInThread(ctx, job ?? (own as Job), exportTask, input);
  } finally {
    own?.end();
  }
}

export async function exportMembers(
  ctx: AppContext,
  q: z.output<typeof memberQuery>,
  templateName: string,
  jobId?: string,
  reason?: string,
): Promise<FileRef & { count: number }> {
  const template = findTemplate(templateName);
  // Several people share the PC once login is on: full ID numbers then leave only with a stated reason (#16).
  if (!reason && loginEnabled(ctx.db)) throw new AppError('VALIDATION', '导出含完整身份证号的花名册，请填写导出原因。');
  const out = ctx.files.createOutput(`${template.sheetName}-${todayIso(ctx.clock())}.xlsx`);
  const job = startJob(ctx, jobId);
  try {
    const count = await exportMembersToFile(ctx, out.path, q, templateName, job);
    job.progress('导出完成', count, count, true);
    const ref = out.ref();
    const now = ctx.clock();
    ctx.db.transaction(() =>
      writeAudit(ctx.db, ctx.actor() || '管理员', now, {
        action: 'members.export',
        entity: 'member',
        after: { fileName: ref.fileName, rows: count, template: template.label, ...(reason ? { reason } : {}) },
      }),
    )();
    return { ...ref, count };
  } catch (e) {
    fs.rmSync(out.path, { force: true });
    throw e;
  } finally {
    job.end();
  }
}
