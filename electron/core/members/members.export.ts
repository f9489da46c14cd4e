import fs from 'node:fs';
import type { z } from 'zod';
import type { FileRef } from '../../../shared/contract/app';
import type { memberQuery } from '../../../shared/contract/members';
import { todayIso } from '../../../shared/domain/dates';
import type { MemberEventType, MemberStatus } from '../../../shared/domain/member-lifecycle';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { getSettings } from '../settings/settings.service';
import { writeTableXlsx } from '../spreadsheet/xlsx-writer';
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

/**
 * Writes the members matching a list query to `filePath` with a template. ID numbers are written in full:
 * an export is something the clerk asked for (the list itself masks them).
 */
export async function exportMembersToFile(
  ctx: AppContext,
  filePath: string,
  q: z.output<typeof memberQuery>,
  templateName: string,
  onProgress?: (n: number) => void,
): Promise<number> {
  const template = findTemplate(templateName);
  const today = ctx.clock();
  const rows = iterateMembers(ctx.db, q, today);
  const mapped = (function* () {
    let i = 0;
    for (const r of rows) {
      const m = toExportMember(r);
      yield template.columns.map((c) => c.value(m, i));
      i++;
    }
  })();
  return writeTableXlsx(filePath, {
    sheetName: template.sheetName,
    preamble: template.preamble(getSettings(ctx), todayIso(today)),
    columns: template.columns,
    rows: mapped,
    ...(template.footer ? { footer: template.footer } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
}

export async function exportMembers(
  ctx: AppContext,
  q: z.output<typeof memberQuery>,
  templateName: string,
): Promise<FileRef & { count: number }> {
  const template = findTemplate(templateName);
  const out = ctx.files.createOutput(`${template.sheetName}-${todayIso(ctx.clock())}.xlsx`);
  const jobId = `export-${Date.now()}`;
  try {
    const count = await exportMembersToFile(ctx, out.path, q, templateName, (n) =>
      ctx.events.emit('progress:update', { jobId, label: '正在导出会员花名册', done: n, total: null }),
    );
    ctx.events.emit('progress:update', { jobId, label: '导出完成', done: count, total: count });
    return { ...out.ref(), count };
  } catch (e) {
    fs.rmSync(out.path, { force: true });
    throw e;
  }
}
