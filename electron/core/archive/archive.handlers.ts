import type { AppContext } from '../context';
import type { Handlers } from '../router';
import { cancelJob, withJob } from '../jobs';
import { getSettings } from '../settings/settings.service';
import fs from 'node:fs';
import { binderPdf } from './archive.binder';
import { getArchiveConfig, updateArchiveConfig } from './archive.config';
import { addManual, excludeItems, mergeItems, moveItem, removeManual, unmergeItem, updateItem } from './archive.edit';
import { inspectArchiveUpload } from './archive.files';
import { allKinds } from './archive.kinds';
import { numberYear } from './archive.number';
import { exportPackage, verifyPackageFile } from './archive.package';
import { planYear } from './archive.plan';
import { catalogueXlsx, formHtml, formPdf } from './archive.print';
import { listYearRows } from './archive.repo';
import { checkYear, sealYear, unsealYear, verifyYear } from './archive.seal';
import { buildView } from './archive.view';

type ArchiveChannels = Extract<keyof Handlers<AppContext>, `archive.${string}`>;

export const archiveHandlers: Pick<Handlers<AppContext>, ArchiveChannels> = {
  'archive.config': (_i, ctx) => getArchiveConfig(ctx.db),
  'archive.updateConfig': (patch, ctx) => updateArchiveConfig(ctx, patch),
  'archive.kinds': () => allKinds().map((k) => ({ id: k.id, label: k.label, source: k.source, defaultRetention: k.defaultRetention, defaultOrgCode: k.defaultOrgCode ?? null })),
  'archive.years': (_i, ctx) =>
    listYearRows(ctx.db).map((y) => ({ year: y.year, state: y.sealed_at ? ('sealed' as const) : y.numbered_at ? ('numbered' as const) : ('draft' as const), items: y.items })),
  'archive.get': ({ year }, ctx) => buildView(ctx.db, year, getSettings(ctx)),
  'archive.plan': ({ year }, ctx) => planYear(ctx, year),
  'archive.updateItem': ({ id, patch }, ctx) => updateItem(ctx, id, patch),
  'archive.exclude': ({ ids, excluded }, ctx) => ({ changed: excludeItems(ctx, ids, excluded) }),
  'archive.merge': ({ targetId, ids }, ctx) => mergeItems(ctx, targetId, ids),
  'archive.unmerge': ({ id }, ctx) => ({ changed: unmergeItem(ctx, id) }),
  'archive.move': ({ id, direction }, ctx) => ({ moved: moveItem(ctx, id, direction) }),
  'archive.inspectUpload': async ({ token }, ctx) => {
    const u = await inspectArchiveUpload(ctx, token);
    return { label: u.label, mime: u.mime, pages: u.pages };
  },
  'archive.addManual': ({ year, doc, uploads }, ctx) => addManual(ctx, year, doc, uploads),
  'archive.removeManual': ({ id }, ctx) => ({ removed: removeManual(ctx, id) }),
  'archive.number': ({ year, jobId }, ctx) => withJob(ctx, jobId, (job) => numberYear(ctx, year, job)),
  'archive.numberCancel': ({ jobId }, ctx) => ({ cancelled: cancelJob(ctx, jobId) }),
  'archive.checks': ({ year }, ctx) => checkYear(ctx, year),
  'archive.seal': ({ year, reason }, ctx) => sealYear(ctx, year, reason),
  'archive.unseal': ({ year, reason }, ctx) => ({ unsealed: unsealYear(ctx, year, reason) }),
  'archive.verify': ({ year }, ctx) => verifyYear(ctx, year),
  'archive.printHtml': ({ year, form, retention }, ctx) => formHtml(ctx, year, form, retention),
  'archive.printPdf': ({ year, form, retention }, ctx) => formPdf(ctx, year, form, retention),
  'archive.binderPdf': async ({ year, retention, jobId }, ctx) => {
    return withJob(ctx, jobId, async (job) => {
      const bytes = await binderPdf(ctx, year, retention, { signal: job.signal, onProgress: (p) => job.progress('正在装订', p.done, p.total) });
      const out = ctx.files.createOutput(`${year}年度${retention}归档文件.pdf`);
      fs.writeFileSync(out.path, bytes);
      return out.ref();
    });
  },
  'archive.binderCancel': ({ jobId }, ctx) => ({ cancelled: cancelJob(ctx, jobId) }),
  'archive.catalogueXlsx': ({ year }, ctx) => catalogueXlsx(ctx, year),
  'archive.exportPackage': ({ year }, ctx) => exportPackage(ctx, year),
  'archive.verifyPackage': ({ token }, ctx) => verifyPackageFile(ctx, token),
};
