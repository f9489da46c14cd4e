/**
 * Issue 15 item 16: every long job keeps the main thread's event loop free (max delay ≤ 100 ms), because in
 * Electron the main process draws nothing while it is busy. One data folder at 100,000 members, each job as
 * the window starts it (its channel or the function the channel calls), in the order a clerk meets them:
 * import, export, backup (设置's and the menu's), undo of the import, then (members imported again) dues
 * computed over a year, the dues page's reads, one month computed again, and the dues files (the workbooks, the
 * year summary, the 收缴清单 PDF and its preview).
 * The binder's figure is printed by the archive bench (`npm run bench archive`), which has the year it needs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { memberQuery } from '../../shared/contract/members';
import { createAppContext } from '../../electron/core/create-context';
import type { PdfPort } from '../../electron/core/context.types';
import { writeHtmlParts } from '../../electron/core/print/html-file';
import { silentLogger } from '../../electron/core/log';
import { commitImport } from '../../electron/core/members/import/import-commit';
import { exportMembersToFile } from '../../electron/core/members/members.export';
import { backupNow } from '../../electron/core/system/backup-now';
import { MENU_BACKUP_JOB_ID } from '../../shared/contract/app';
import { writeRosterXlsx } from './gen-roster';
import { PhaseTracker, traceLoop, verdict, worstStalls, type LoopFigures } from './loop';
import { ms, printTable } from './stats';

const ROWS = Number(process.env.BENCH_JOBS_ROWS ?? 100_000);

/**
 * The main process's share of a print as the desktop app has it (electron/main/ports.ts electronPdf): the HTML
 * written to a temp file (a large one a part at a time, renderParts), then printToPDF, which runs in the print window's own renderer process and is left
 * out here (its time is Chromium's, not the main thread's). A one-page PDF comes back.
 */
function printPort(dir: string): PdfPort {
  const done = Buffer.from('%PDF-1.4\n%%EOF\n');
  return {
    async render(html) {
      await fs.promises.writeFile(path.join(dir, 'print.html'), html, 'utf8');
      return done;
    },
    async renderParts(parts) {
      await writeHtmlParts(path.join(dir, 'print.html'), parts);
      return done;
    },
  };
}

export async function benchJobs(only?: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-jobs-'));
  const ctx = await createAppContext({ dataDir: dir, host: 'test', logger: silentLogger, autoBackupMs: 0, ports: { pdf: printPort(dir) } });
  const phases = new PhaseTracker();
  const stop = ctx.events.on((name, payload) => {
    if (name === 'progress:update') phases.set((payload as { label: string }).label.replace(/（.*）/, ''));
    if (name === 'backup:created') phases.set('backup done');
  });
  const rows: (string | number)[][] = [];
  const add = (job: string, f: LoopFigures<unknown>) =>
    rows.push([job, ms(f.ms), `${f.maxMs.toFixed(0)} ms`, verdict(f.maxMs), `${f.busyMs.toFixed(0)} ms ${f.busyWhere}`, worstStalls(f.stalls)]);
  // `jobs export,undo`: only those (the import runs anyway: the others need its members).
  const want = (name: string) => !only || only.split(',').includes(name);
  try {
    for (let g = 1; g <= 12; g++) await ctx.dispatch('groups.create', { parentId: null, kind: 'group', name: `第${g}小组` });
    const file = path.join(dir, `roster-${ROWS}.xlsx`);
    await writeRosterXlsx(file, ROWS, 20);
    console.log(`\n# 长任务与主线程事件循环 · ${ROWS.toLocaleString()} 名会员`);

    const importOnce = async (jobId: string) => {
      phases.set('import start');
      const token = ctx.files.register(file, path.basename(file), false).token;
      return traceLoop(() => commitImport(ctx, { token, jobId }), phases);
    };
    // The box's own noise: the same measurement over 3 s of doing nothing (a busy machine's figures are higher).
    phases.set('idle');
    add('nothing (3 s idle: this machine\'s own noise)', await traceLoop(() => new Promise((r) => setTimeout(r, 3000)), phases));
    const imp = await importOnce('bench-import-1');
    add(`import (${ROWS.toLocaleString()} rows, .xlsx)`, imp);

    if (want('export')) {
      const q = memberQuery.parse({ statuses: ['active', 'retained', 'transferred_out', 'left', 'expelled', 'deceased'] });
      phases.set('export start');
      const ex = await traceLoop(() => exportMembersToFile(ctx, path.join(dir, 'export.xlsx'), q, 'standard', true), phases);
      add(`export (${ex.value.toLocaleString()} members, standard)`, ex);
    }
    if (want('backup')) {
      phases.set('backup start');
      const b = await traceLoop(() => ctx.backup('manual'), phases);
      add(`backup (${(b.value.sizeBytes / 1048576).toFixed(0)} MB database)`, b);
      // 文件 → 立即备份 in the desktop menu: the same copy, its progress events under the id the window listens for.
      phases.set('menu backup');
      const mb = await traceLoop(() => backupNow(ctx, MENU_BACKUP_JOB_ID), phases);
      add('backup from the menu (立即备份, with its progress events)', mb);
    }
    if (want('undo') || want('dues')) {
      phases.set('undo start');
      const u = await traceLoop(() => ctx.dispatch('members.importUndo', { batchId: imp.value.batchId }), phases);
      if (!u.value.ok) throw new Error(`undo failed: ${JSON.stringify(u.value)}`);
      add(`undo of the import (${imp.value.counts.created.toLocaleString()} members, backup included)`, u);
    }
    if (want('dues')) {
      await importOnce('bench-import-2');
      phases.set('dues start');
      const d = await traceLoop(() => ctx.dispatch('dues.computePeriod', { period: '2025' }), phases);
      if (!d.value.ok) throw new Error(`dues failed: ${JSON.stringify(d.value)}`);
      add('dues computed over a year (12 months)', d);
      // What the dues page then reads (it never asks for the whole year): the totals, and the page it shows.
      phases.set('dues page');
      const t = await traceLoop(() => ctx.dispatch('dues.periodTotals', { period: '2025' }), phases);
      if (!t.value.ok) throw new Error(`dues totals failed: ${JSON.stringify(t.value)}`);
      add('dues page: the year\'s totals', t);
      const p = await traceLoop(async () => {
        for (const offset of [0, 100, 4_900, 50_000, 99_800]) {
          const r = await ctx.dispatch('dues.periodPage', { period: '2025', offset, limit: 100 });
          if (!r.ok) throw new Error(`dues page failed: ${JSON.stringify(r)}`);
        }
      }, phases);
      add('dues page: pages 1, 2, 50, 501, 999 of 100 members', p);
      // One month computed again (the month view's 核算本月会费): its unpaid rows rewritten, its totals back.
      phases.set('dues month');
      const mo = await traceLoop(() => ctx.dispatch('dues.compute', { period: '2025-06' }), phases);
      if (!mo.value.ok) throw new Error(`dues month failed: ${JSON.stringify(mo.value)}`);
      add('dues computed for one month (2025-06)', mo);
      // The dues prints and exports as the page starts them, over the year (the 上解清单, the print) or a month.
      const file = async (job: string, channel: string, input: unknown) => {
        phases.set(channel);
        const f = await traceLoop(() => ctx.dispatch(channel, input), phases);
        if (!f.value.ok) throw new Error(`${channel} failed: ${JSON.stringify(f.value)}`);
        add(job, f);
      };
      await file('dues 导出收缴清单 of a month (.xlsx)', 'dues.exportXlsx', { period: '2025-06' });
      await file('dues 导出上解清单（按小组） of the year (.xlsx)', 'dues.collectionXlsx', { period: '2025' });
      await file('dues 年度汇总 (the year tab)', 'dues.summary', { year: 2025 });
      await file('dues 年度汇总 (.xlsx)', 'dues.summaryXlsx', { year: 2025 });
      await file('dues 打印收缴清单 of the year (PDF; the engine\'s own time excluded)', 'dues.collectionPdf', { period: '2025' });
      await file('dues 打印收缴清单 of the year: its preview', 'dues.collectionHtml', { period: '2025' });
    }
    printTable('main-thread event-loop delay per long job (target max ≤ 100 ms)', ['job', 'time', 'loop max', '≤100ms', 'main thread busy at a stretch (CPU profile)', 'longest stalls (phase)'], rows);
    console.log(
      `load average now: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs. 'loop max' is what the window meets, a busy machine's ` +
        `scheduling included (see the idle row); 'busy' is the main thread's own longest piece of work, which a quiet machine's loop max approaches.`,
    );
  } finally {
    stop();
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
