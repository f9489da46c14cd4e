/** The birthday and 逢十 lists as the greeting sheet people sign (A4, PDF) and as .xlsx. */
import fs from 'node:fs';
import type { FileRef } from '../../../shared/contract/app';
import { todayIso } from '../../../shared/domain/dates';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { greetingHtml, type GreetingDoc } from '../print/care-greetings';
import { getSettings } from '../settings/settings.service';
import { writeTableXlsx, type WriteColumn } from '../spreadsheet/xlsx-writer';
import { birthdays, decadeBirthdays } from './care.service';

export type GreetingList = { kind: 'month'; year: number; month: number } | { kind: 'decade'; year: number; minAge: number };

const md = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

function greetingDoc(ctx: AppContext, q: GreetingList): GreetingDoc {
  const s = getSettings(ctx);
  const union = s.unionName || s.unitName || '';
  const printedOn = todayIso(ctx.clock());
  if (q.kind === 'month') {
    const rows = birthdays(ctx, q.year, q.month);
    return {
      title: '生日慰问名单',
      subtitle: `${union}　${q.year}年${q.month}月`.trim(),
      headers: ['部门', '生日', '周岁', '备注'],
      widths: [0, 24, 16, 0],
      lines: rows.map((r) => ({ name: r.name, values: [r.department ?? '', md(r.date), String(r.age), r.lunar ?? ''] })),
      printedOn,
    };
  }
  const rows = decadeBirthdays(ctx, q.year, q.minAge);
  return {
    title: '逢十生日慰问名单',
    subtitle: `${union}　${q.year}年　${q.minAge}岁起`.trim(),
    headers: ['部门', '出生日期', '当年生日', '周岁', '会籍'],
    widths: [0, 28, 24, 14, 22],
    lines: rows.map((r) => ({ name: r.name, values: [r.department ?? '', r.birthDate, md(r.date), String(r.age), r.retained ? '保留会籍' : '在册'] })),
    printedOn,
  };
}

const baseName = (q: GreetingList) => (q.kind === 'month' ? `生日慰问名单-${q.year}-${String(q.month).padStart(2, '0')}` : `逢十生日慰问名单-${q.year}`);

export function greetingPreview(ctx: AppContext, q: GreetingList) {
  const doc = greetingDoc(ctx, q);
  return { html: greetingHtml(doc), count: doc.lines.length };
}

export async function greetingPdf(ctx: AppContext, q: GreetingList): Promise<FileRef> {
  if (!ctx.ports.pdf) throw new AppError('UNAVAILABLE', '当前环境无法生成 PDF。');
  const pdf = await ctx.ports.pdf.render(greetingHtml(greetingDoc(ctx, q)), {});
  const out = ctx.files.createOutput(`${baseName(q)}.pdf`);
  fs.writeFileSync(out.path, pdf);
  return out.ref();
}

export async function greetingXlsx(ctx: AppContext, q: GreetingList): Promise<FileRef> {
  const doc = greetingDoc(ctx, q);
  const columns: WriteColumn[] = [
    { header: '序号', width: 6, kind: 'number' },
    { header: '姓名', width: 12, kind: 'text' },
    ...doc.headers.map((h): WriteColumn => ({ header: h, width: h === '部门' ? 16 : 12, kind: h === '周岁' ? 'number' : h === '出生日期' ? 'code' : 'text' })),
    { header: '领取人签字', width: 16, kind: 'text' },
  ];
  const out = ctx.files.createOutput(`${baseName(q)}.xlsx`);
  await writeTableXlsx(out.path, {
    sheetName: doc.title,
    preamble: [doc.title, doc.subtitle],
    columns,
    rows: doc.lines.map((l, i) => [i + 1, l.name, ...l.values.map((v, j) => (doc.headers[j] === '周岁' ? Number(v) : v)), '']),
    footer: `共 ${doc.lines.length} 人`,
  });
  return out.ref();
}
