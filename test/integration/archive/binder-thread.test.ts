/**
 * The binder as the app ships it: the records are printed in the main process (the PdfPort is there), and
 * pdf-lib merges, stamps and saves in the task thread (electron/core/threads), so the main process keeps
 * drawing the window. The PDF is the same as when everything runs in one thread; a cancel reaches the thread.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binderPdf } from '../../../electron/core/archive/archive.binder';
import type { AppContext } from '../../../electron/core/context';
import type { Logger } from '../../../electron/core/log';
import { createChromiumPdf } from '../../../electron/core/print/pdf-chromium';
import { taskScript } from '../../../electron/core/threads/run-in-thread';
import type { ArchiveYearView } from '../../../shared/contract';
import { call, openTestContext, tempDir } from '../../helpers/context';
import { useWorkerBundle } from '../members-import/worker-bundles';
import { seedYear } from './seed';

const pdf = createChromiumPdf();
const dir = tempDir('ledger-binder-thread-');
const warnings: string[] = [];
const logger: Logger = { info: () => undefined, warn: (m) => void warnings.push(m), error: (m) => void warnings.push(m), child: () => logger };
let ctx: AppContext;
let bundle: Awaited<ReturnType<typeof useWorkerBundle>>;

beforeAll(async () => {
  bundle = await useWorkerBundle('tasks');
  ctx = await openTestContext({ clock: () => new Date('2026-12-28T09:00:00+08:00'), ports: { pdf }, logger });
  await seedYear(ctx);
  await call<{ view: ArchiveYearView }>(ctx, 'archive.number', { year: 2026 });
}, 120_000);
afterAll(async () => {
  await ctx.close();
  await pdf.close();
  bundle.dispose();
});

const text = (bytes: Uint8Array, name: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return { text: execFileSync('pdftotext', ['-layout', file, '-']).toString(), pages: Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]) };
};

describe('the binder in the task thread', () => {
  it('gives the same PDF as in one thread: every record, the scan page by page, each 归档章', async () => {
    expect(taskScript()).toBe(bundle.file);
    const progress: number[] = [];
    const threaded = text(await binderPdf(ctx, 2026, 'D30', { onProgress: (p) => progress.push(p.done) }), 'thread.pdf');
    expect(warnings).toEqual([]);
    process.env.LEDGER_TASK_THREAD = 'off';
    try {
      const single = text(await binderPdf(ctx, 2026, 'D30'), 'single.pdf');
      expect(threaded).toEqual(single);
    } finally {
      process.env.LEDGER_TASK_THREAD = bundle.file;
    }
    expect(threaded.text).toContain('scan page 3');
    expect(threaded.text).toMatch(/Z109\s+2026\s+0001/);
    // Printing first, then the thread's items, up to the whole.
    expect(progress.at(-1)).toBeGreaterThan(progress[0]!);
  }, 120_000);

  it('a cancel while the thread assembles stops it, with the binder’s own message', async () => {
    const ac = new AbortController();
    const y = (await call<ArchiveYearView>(ctx, 'archive.get', { year: 2026 })).items.filter((i) => i.retention === 'Y' && i.itemNo !== null);
    // The last print's progress: the thread starts right after it, and the cancel reaches it there.
    const run = binderPdf(ctx, 2026, 'Y', { signal: ac.signal, onProgress: (p) => p.done === p.total - y.length && setImmediate(() => ac.abort()) });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED', message: expect.stringContaining('已取消生成装订 PDF') });
    expect(warnings).toEqual([]);
  }, 60_000);
});
