import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { AppContext } from '../../../electron/core/context';
import { call } from '../../helpers/context';
import { createDisclosure, createOpinion, tokenFor } from '../disclosures/helpers';
import { act, register, seedSession, type Seeded } from '../proposals/seed';

/** A PDF of `pages` A4 pages with a line of text on each, as a scanner would give. */
export async function scanPdf(pages: number, label = 'scan'): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const p = doc.addPage([595.28, 841.89]);
    p.drawText(`${label} page ${i + 1}`, { x: 72, y: 700, size: 14, font });
  }
  return Buffer.from(await doc.save());
}

export interface ArchiveSeed extends Seeded {
  proposals: number[];
  disclosureId: number;
}

/** 2026: a session (五届二次) with one closed proposal and one still being handled, two disclosures (one with a 3-page scan), an opinion. */
export async function seedYear(ctx: AppContext): Promise<ArchiveSeed> {
  await call(ctx, 'settings.update', {
    unitName: '第一中学',
    unionName: '第一中学工会',
    fondsCode: 'Z109',
    fondsName: '第一中学工会',
    operator: '李干事',
    orgCodes: [
      { code: 'GH', name: '工会办公室' },
      { code: 'JDH', name: '教代会' },
    ],
  });
  const s = await seedSession(ctx);
  const m = s.members;
  const a = await register(ctx, s.session.id, { title: '关于改善食堂伙食的提案', proposerId: m[0]!.id, seconderIds: [m[1]!.id, m[2]!.id] });
  await act(ctx, { type: 'file', proposalId: a.id, date: '2026-03-22' });
  await act(ctx, { type: 'assign', proposalId: a.id, date: '2026-03-23', leadUnitId: s.units[0]!.id, deadline: '2026-04-30' });
  await act(ctx, { type: 'reply', proposalId: a.id, date: '2026-04-10', unitId: s.units[0]!.id, replyClass: 'A', text: '已增加窗口。' });
  await act(ctx, { type: 'feedback', proposalId: a.id, date: '2026-04-12', satisfaction: 'satisfied' });
  await act(ctx, { type: 'close', proposalId: a.id, date: '2026-04-13' });
  const b = await register(ctx, s.session.id, { title: '关于增设教工书屋的提案', proposerId: m[3]!.id, seconderIds: [m[4]!.id, m[5]!.id] });
  await act(ctx, { type: 'file', proposalId: b.id, date: '2026-03-22' });
  // 2026's lifecycle events: one retirement (保留会籍) and one transfer out, so the list and the roster differ.
  await call(ctx, 'members.addEvent', { memberId: m[4]!.id, type: 'retain', date: '2026-07-01', reason: '退休' });
  await call(ctx, 'members.addEvent', { memberId: m[5]!.id, type: 'transfer_out', date: '2026-09-01', otherUnion: '第二中学工会' });
  const scan = tokenFor(ctx, '福利费明细.pdf', await scanPdf(3));
  const d = await createDisclosure(ctx, {}, [scan]);
  await createDisclosure(ctx, { title: '评优评先结果', disclosedOn: '2026-06-10', until: null });
  await createOpinion(ctx);
  return { ...s, proposals: [a.id, b.id], disclosureId: d.id };
}
