import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binderPdf } from '../../../electron/core/archive/archive.binder';
import type { AppContext } from '../../../electron/core/context';
import { blobPath } from '../../../electron/core/files/attachments';
import { createChromiumPdf } from '../../../electron/core/print/pdf-chromium';
import type { ArchiveYearView } from '../../../shared/contract';
import { call, openTestContext, tempDir } from '../../helpers/context';
import { tokenFor } from '../disclosures/helpers';
import { scanPdf, seedYear } from './seed';

/**
 * A proposal's attachments are kept in the database (proposal_attachments), not in the file store: planning
 * copies the PDF and image ones into the store, so the 件 binds them after the record, and names the others.
 */
const pdf = createChromiumPdf();
let ctx: AppContext;
let view: ArchiveYearView;
const dir = tempDir('ledger-archive-proposal-files-');

beforeAll(async () => {
  ctx = await openTestContext({ clock: () => new Date('2026-12-28T09:00:00+08:00'), ports: { pdf } });
  const seed = await seedYear(ctx);
  const proposalId = seed.proposals[0]!;
  await call(ctx, 'proposals.attachmentAdd', { proposalId, token: tokenFor(ctx, '食堂调研报告.pdf', await scanPdf(2, 'canteen survey')) });
  await call(ctx, 'proposals.attachmentAdd', { proposalId, token: tokenFor(ctx, '意见汇总.txt', Buffer.from('窗口太少，排队太久。\n')) });
  view = await call<ArchiveYearView>(ctx, 'archive.plan', { year: 2026 });
}, 120_000);
afterAll(async () => {
  await ctx.close();
  await pdf.close();
});

describe('a proposal’s attachments in its 件', () => {
  it('the PDF is in the file store and on the item, the text file is named as not bound', () => {
    const item = view.items.find((i) => i.title === '关于改善食堂伙食的提案')!;
    expect(item.files.map((f) => f.name)).toEqual(['食堂调研报告.pdf']);
    const sha = item.files[0]!.sha256;
    expect(fs.existsSync(blobPath(ctx.paths.filesDir, sha))).toBe(true);
    const other = view.items.find((i) => i.title === '关于增设教工书屋的提案')!;
    expect(other.files).toEqual([]);
  });

  it('re-planning copies nothing twice and changes nothing', async () => {
    const again = await call<ArchiveYearView>(ctx, 'archive.plan', { year: 2026 });
    const a = again.items.find((i) => i.title === '关于改善食堂伙食的提案')!;
    expect(a.files).toEqual(view.items.find((i) => i.title === '关于改善食堂伙食的提案')!.files);
    const stored = fs.readdirSync(ctx.paths.filesDir, { recursive: true }).filter((f) => String(f).endsWith('.bin'));
    // The disclosure's scan and the proposal's PDF.
    expect(stored).toHaveLength(2);
  });

  it('the 永久 binder prints the record, its note, then the attachment page by page', async () => {
    await call(ctx, 'archive.number', { year: 2026 });
    const file = path.join(dir, 'binder-Y.pdf');
    fs.writeFileSync(file, await binderPdf(ctx, 2026, 'Y'));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('canteen survey page 1');
    expect(text).toContain('canteen survey page 2');
    expect(text.replace(/\s+/g, '')).toContain('意见汇总.txt（非PDF/图片，未装订，随归档包保存记录）');
    expect(text.indexOf('关于改善食堂伙食的提案')).toBeLessThan(text.indexOf('canteen survey page 1'));
  }, 120_000);
});
