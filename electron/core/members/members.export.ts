import path from 'node:path';
import type { z } from 'zod';
import type { FileRef } from '../../../shared/contract/app';
import type { memberQuery } from '../../../shared/contract/members';
import { todayIso } from '../../../shared/domain/dates';
import { PII_EXPORT_NOTICE } from '../../../shared/domain/permissions';
import { piiWriter, type PiiWriter } from '../../../shared/domain/pii';
import { piiExport, type PiiAsk } from '../operators/pii';
import type { MemberEventType, MemberStatus } from '../../../shared/domain/member-lifecycle';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { getSettings } from '../settings/settings.service';
import { writeTableXlsx } from '../spreadsheet/xlsx-writer';
import { writeOutputAsJob } from '../files/output-job';
import { startJob, throwIfCancelled, type Job } from '../jobs';
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

function toExportMember(r: MemberRow & { group_name: string | null; last_event: string | null }, w: PiiWriter): ExportMember {
  const f = rowToFields(r);
  f.phone = w('phone', f.phone);
  const last = r.last_event ? (JSON.parse(r.last_event) as [MemberEventType, string, string | null]) : null;
  return {
    ...f,
    idNumber: w('id', r.id_number),
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
  /** Full ID numbers and phones, or masked (operators/pii.ts decides before the thread starts). */
  full: boolean;
}

export const EXPORT_CANCELLED = '导出已取消，没有生成文件';

/**
 * Writes the members matching a list query to `filePath` with a template, ID numbers and phones full or masked
 * as decided by the caller (operators/pii.ts). Runs in the task thread.
 */
export const exportTask = defineTask<ExportInput, number>({
  name: 'members.export',
  writes: false,
  run: (env, { filePath, q, templateName, preamble, full }) => {
    const template = findTemplate(templateName);
    const w = piiWriter(full);
    const rows = iterateMembers(env.db, q, env.now);
    const mapped = (function* () {
      let i = 0;
      for (const r of rows) {
        if (i % 1000 === 0) throwIfCancelled(env.signal, EXPORT_CANCELLED);
        const m = toExportMember(r, w);
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
export async function exportMembersToFile(ctx: AppContext, filePath: string, q: z.output<typeof memberQuery>, templateName: string, full: boolean, job?: Job): Promise<number> {
  const template = findTemplate(templateName);
  const settings = getSettings(ctx);
  // Our own roster carries the notice in its first row (the import finds the header below it); the Hainan
  // platform's layout is fixed by someone else and stays exactly as the platform expects it.
  const notice = settings.exportNotice && template.name === 'standard' ? [PII_EXPORT_NOTICE] : [];
  const input: ExportInput = { filePath, q, templateName: template.name, full, preamble: [...notice, ...template.preamble(settings, todayIso(ctx.clock()))] };
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
  jobId: string | undefined,
  ask: PiiAsk,
): Promise<FileRef & { count: number; masked: boolean }> {
  const template = findTemplate(templateName);
  let count = 0;
  let masked = true;
  // Full numbers need a reason once login is on (checked before the file exists) and are logged with it (pii.ts).
  const ref = await piiExport(ctx, 'members.export', ask, async (_w, full) => {
    masked = !full;
    const file = await writeOutputAsJob(ctx, jobId, `${template.sheetName}-${todayIso(ctx.clock())}.xlsx`, '导出完成', (filePath, job) =>
      exportMembersToFile(ctx, filePath, q, templateName, full, job),
    );
    count = file.rows;
    return { ...file, details: { template: template.label } };
  });
  return { ...ref, count, masked };
}

/** The CLI's `members export FILE`: the same rule and log as the window's export, written to the clerk's own path. */
export async function exportMembersToPath(ctx: AppContext, filePath: string, q: z.output<typeof memberQuery>, templateName: string, ask: PiiAsk, fileName = path.basename(filePath)): Promise<{ count: number; masked: boolean }> {
  const template = findTemplate(templateName);
  let count = 0;
  let masked = true;
  await piiExport(ctx, 'members.export', ask, async (_w, full) => {
    masked = !full;
    count = await exportMembersToFile(ctx, filePath, q, templateName, full);
    return { ref: { fileName }, rows: count, details: { template: template.label } };
  });
  return { count, masked };
}
