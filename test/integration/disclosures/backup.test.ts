import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { blobPath } from '../../../electron/core/files/attachments';
import type { BackupInfo, DisclosureDetail, FileRef } from '../../../shared/contract';
import { jsonOf, ledgerInProcess } from '../../helpers/cli';
import { call, openTestContext } from '../../helpers/context';
import { createDisclosure, disclosure, SAMPLES, tokenFor } from './helpers';

let ctx: AppContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

interface CheckDoc {
  ok: true;
  data: { healthy: boolean; checks: { id: string; status: string; summary: string; details?: string[] }[] };
}
async function check(dataDir: string) {
  const run = await ledgerInProcess(['--data-dir', dataDir, 'check', '--json']);
  const doc = jsonOf<CheckDoc>(run);
  return { code: run.code, attachments: doc.data.checks.find((c) => c.id === 'attachments')! };
}

/** Downloads an attachment the way the browser does, and returns the bytes. */
async function download(c: AppContext, attachmentId: number): Promise<Buffer> {
  const ref = await call<FileRef>(c, 'disclosures.attachmentFile', { attachmentId });
  return fs.readFileSync(c.files.resolve(ref.token).path);
}

describe('attachments and backups', () => {
  it('restoring a backup brings the records back with attachments that open, after they were removed', async () => {
    ctx = await openTestContext();
    const pdf = SAMPLES.pdf('2026年预算公开');
    const jpg = SAMPLES.jpeg();
    const d = await createDisclosure(ctx, {}, [tokenFor(ctx, '预算.pdf', pdf), tokenFor(ctx, '公开栏.jpg', jpg)]);
    const backup = await call<BackupInfo>(ctx, 'backup.create', {});

    // After the backup: one attachment removed, then the whole record deleted.
    await call(ctx, 'disclosures.update', { id: d.id, disclosure: disclosure(), removeAttachmentIds: [d.attachments[0]!.id] });
    await call(ctx, 'disclosures.remove', { id: d.id, reason: '登记错误' });
    expect((await ctx.dispatch('disclosures.get', { id: d.id })).ok).toBe(false);

    await call(ctx, 'backup.restore', { name: backup.name });
    const back = await call<DisclosureDetail>(ctx, 'disclosures.get', { id: d.id });
    expect(back.attachments.map((a) => [a.label, a.present])).toEqual([
      ['预算.pdf', true],
      ['公开栏.jpg', true],
    ]);
    expect(await download(ctx, back.attachments[0]!.id)).toEqual(pdf);
    expect(await download(ctx, back.attachments[1]!.id)).toEqual(jpg);
    const dataDir = ctx.paths.dataDir;
    await ctx.close();
    ctx = undefined;
    expect((await check(dataDir)).attachments.status).toBe('ok');
  });

  it('ledger check names an attachment whose file is missing, in the data and in a backup', async () => {
    ctx = await openTestContext();
    const pdf = SAMPLES.pdf('will go missing');
    const png = SAMPLES.png();
    await createDisclosure(ctx, { title: '职称评审结果' }, [tokenFor(ctx, '评审结果.pdf', pdf)]);
    const keep = await createDisclosure(ctx, { title: '食堂合同' }, [tokenFor(ctx, '合同.png', png)]);
    await call(ctx, 'backup.create', {});
    const dataDir = ctx.paths.dataDir;
    const filesDir = ctx.paths.filesDir;
    await ctx.close();
    ctx = undefined;

    let r = await check(dataDir);
    expect(r).toMatchObject({ code: 0, attachments: { status: 'ok' } });

    // Someone tidies up the data folder by hand.
    fs.rmSync(blobPath(filesDir, sha(pdf)), { force: true });
    r = await check(dataDir);
    expect(r.code).toBe(1);
    expect(r.attachments.status).toBe('problem');
    expect(r.attachments.summary).toContain('1 个附件缺少文件');
    expect(r.attachments.details!.join('\n')).toContain('2026-001');
    expect(r.attachments.details!.join('\n')).toContain('评审结果.pdf');
    expect(r.attachments.details!.join('\n')).toMatch(/备份 ledger-.*引用的 1 个附件文件不在 files 文件夹中/);
    const text = await ledgerInProcess(['--data-dir', dataDir, 'check']);
    expect(text.stdout).toContain('[问题] 附件文件');

    // The detail page says so too, and opening it explains instead of failing silently.
    ctx = await openTestContext({ dataDir });
    const gone = await call<DisclosureDetail>(ctx, 'disclosures.find', { key: '2026-001' });
    expect(gone.attachments[0]).toMatchObject({ present: false });
    const open = await ctx.dispatch('disclosures.attachmentFile', { attachmentId: gone.attachments[0]!.id });
    expect(open.ok).toBe(false);
    if (!open.ok) expect(open.error.message).toContain('不在数据文件夹中');

    // Attaching the same scan again heals the file for every record and backup that points to it.
    await call(ctx, 'disclosures.update', { id: keep.id, disclosure: disclosure({ title: '食堂合同' }), uploads: [tokenFor(ctx, '找回的.pdf', pdf)] });
    await ctx.close();
    ctx = undefined;
    expect((await check(dataDir)).attachments.status).toBe('ok');
  });
});
