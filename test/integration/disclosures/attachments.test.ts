import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { blobPath, storeFile } from '../../../electron/core/files/attachments';
import type { AuditEntry, DisclosureDetail, FileRef, UploadInfo } from '../../../shared/contract';
import { call, openTestContext, tempDir } from '../../helpers/context';
import { createDisclosure, disclosure, SAMPLES, tokenFor } from './helpers';

let ctx: AppContext;
let opened: string[];
// Ticks a second per reading, so two edits never share an updated_at (the stale-edit check compares them).
let tick = 0;
const clock = () => new Date(Date.parse('2026-03-10T09:00:00+08:00') + 1000 * tick++);

beforeEach(async () => {
  opened = [];
  ctx = await openTestContext({
    clock,
    ports: {
      openFile: async (p) => {
        opened.push(p);
        return true;
      },
    },
  });
});
afterEach(async () => {
  await ctx.close();
});

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
/** Every file under files/, relative, so a test sees exactly what the store wrote. */
function storedFiles(): string[] {
  const root = ctx.paths.filesDir;
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((p) => fs.statSync(path.join(root, p)).isFile())
    .map((p) => p.split(path.sep).join('/'))
    .sort();
}

const refused = async (name: string, content: Buffer | string, want: string) => {
  const token = tokenFor(ctx, name, content);
  const inspect = await ctx.dispatch('disclosures.inspectUpload', { token });
  expect(inspect.ok, name).toBe(false);
  if (!inspect.ok) expect(inspect.error.message).toContain(want);
  const r = await ctx.dispatch('disclosures.create', { disclosure: disclosure(), uploads: [token] });
  expect(r.ok, name).toBe(false);
  if (!r.ok) expect(r.error.message).toContain(want);
};

describe('attachment storage', () => {
  it('stores files under their content hash, lists size and sniffed type, and stores identical content once', async () => {
    const pdf = SAMPLES.pdf('食堂承包合同');
    const jpg = SAMPLES.jpeg();
    const d = await createDisclosure(ctx, {}, [tokenFor(ctx, '合同扫描件.pdf', pdf), tokenFor(ctx, '公开栏照片.jpg', jpg)]);
    expect(d.attachments.map((a) => [a.label, a.sizeBytes, a.kind, a.mime, a.present])).toEqual([
      ['合同扫描件.pdf', pdf.length, 'PDF 文档', 'application/pdf', true],
      ['公开栏照片.jpg', jpg.length, 'JPEG 图片', 'image/jpeg', true],
    ]);
    expect(storedFiles()).toEqual([`${sha(pdf).slice(0, 2)}/${sha(pdf)}.bin`, `${sha(jpg).slice(0, 2)}/${sha(jpg)}.bin`].sort());
    expect(fs.readFileSync(blobPath(ctx.paths.filesDir, sha(pdf)))).toEqual(pdf);

    // The same scan again, under another name and on another record: one file, two listings.
    const e = await createDisclosure(ctx, { title: '食堂承包合同' }, [tokenFor(ctx, '合同.pdf', pdf)]);
    expect(e.attachments[0]).toMatchObject({ label: '合同.pdf', sha256: sha(pdf) });
    expect(storedFiles()).toHaveLength(2);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM file_blobs').get()).toEqual({ n: 2 });
  });

  it('names the real type when the name lies, and inspects a choice before saving', async () => {
    const info = await call<UploadInfo>(ctx, 'disclosures.inspectUpload', { token: tokenFor(ctx, '照片.pdf', SAMPLES.png()) });
    expect(info).toMatchObject({ label: '照片.pdf', kind: 'PNG 图片', mime: 'image/png', sizeBytes: SAMPLES.png().length });
    // A download of it carries an extension the viewer will understand.
    const d = await createDisclosure(ctx, {}, [info.token]);
    const ref = await call<FileRef>(ctx, 'disclosures.attachmentFile', { attachmentId: d.attachments[0]!.id });
    expect(ref.fileName).toBe('照片.pdf.png');
  });

  it('refuses programs by name and by content, whatever they are called', async () => {
    await refused('setup.exe', SAMPLES.pdf(), '可执行程序');
    await refused('启动.BAT', '@echo off', '可执行程序');
    await refused('宏.vbs', 'MsgBox 1', '可执行程序');
    await refused('脚本.ps1', 'Remove-Item', '可执行程序');
    await refused('安装.msi', SAMPLES.pdf(), '可执行程序');
    await refused('快捷方式.lnk', SAMPLES.pdf(), '可执行程序');
    await refused('a.js', 'alert(1)', '可执行程序');
    await refused('年度报告.pdf', SAMPLES.exe(), 'Windows 程序');
    await refused('照片.jpg', SAMPLES.elf(), 'Linux 程序');
    await refused('说明.txt', SAMPLES.script(), '脚本程序');
    await refused('a.exe. . ', SAMPLES.pdf(), '可执行程序');
    expect(storedFiles()).toEqual([]);
    expect((await call<{ total: number }>(ctx, 'disclosures.list', {})).total).toBe(0);
  });

  it('refuses empty files and files over the limit set in 设置', async () => {
    await refused('空.pdf', '', '空文件');
    await call(ctx, 'settings.update', { attachmentMaxMb: 1 });
    await refused('大扫描件.pdf', Buffer.concat([SAMPLES.pdf(), Buffer.alloc(1024 * 1024)]), '超过附件大小上限 1.0 MB');
    const ok = await createDisclosure(ctx, {}, [tokenFor(ctx, '小.pdf', Buffer.concat([SAMPLES.pdf(), Buffer.alloc(1000)]))]);
    expect(ok.attachments).toHaveLength(1);
  });

  it('keeps names with path tricks only as labels: the file goes under its hash', async () => {
    const content = SAMPLES.text();
    const dir = tempDir();
    const source = path.join(dir, 'src.txt');
    fs.writeFileSync(source, content);
    for (const trick of ['../../../outside.txt', '..\\..\\outside.txt', '/etc/passwd', 'C:\\Windows\\win.ini', 'a\u0000b.txt', 'CON', 'NUL.txt']) {
      const stored = await storeFile(ctx.paths.filesDir, source, trick, 1024 * 1024);
      expect(stored.sha256).toBe(sha(content));
      expect(stored.label).not.toMatch(/[\\/]|^\.\.|^(CON|NUL)(\.|$)/i);
      expect(stored.label.includes('\u0000')).toBe(false);
    }
    expect(storedFiles()).toEqual([`${sha(content).slice(0, 2)}/${sha(content)}.bin`]);
    expect(fs.existsSync(path.join(ctx.paths.dataDir, '..', 'outside.txt'))).toBe(false);
    expect(fs.readdirSync(ctx.paths.dataDir).sort()).toEqual(['backups', 'files', 'ledger.lock', 'ledger.lock-db', 'ledger.sqlite', 'ledger.sqlite-shm', 'ledger.sqlite-wal', 'logs'].filter((f) => fs.existsSync(path.join(ctx.paths.dataDir, f))));
    // Through the channel the upload's name is a label as well.
    const d = await createDisclosure(ctx, {}, [tokenFor(ctx, '../../CON.txt', content)]);
    expect(d.attachments[0]!.label).toBe('_CON.txt');
  });

  it('adds and removes attachments when a record is edited; a removed file stays on disk for older backups', async () => {
    const pdf = SAMPLES.pdf('a');
    const d = await createDisclosure(ctx, {}, [tokenFor(ctx, '一.pdf', pdf)]);
    const edited = await call<DisclosureDetail>(ctx, 'disclosures.update', {
      id: d.id,
      disclosure: disclosure({ title: '改过的标题' }),
      uploads: [tokenFor(ctx, '二.png', SAMPLES.png())],
      removeAttachmentIds: [d.attachments[0]!.id],
      expectedUpdatedAt: d.updatedAt,
    });
    expect(edited.attachments.map((a) => a.label)).toEqual(['二.png']);
    expect(fs.existsSync(blobPath(ctx.paths.filesDir, sha(pdf)))).toBe(true);
    const gone = await ctx.dispatch('disclosures.attachmentFile', { attachmentId: d.attachments[0]!.id });
    expect(gone.ok).toBe(false);
    const audit = await call<AuditEntry[]>(ctx, 'audit.list', { entity: 'disclosure' });
    expect(audit[0]).toMatchObject({
      action: 'disclosures.update',
      before: { title: d.title, removedAttachments: [{ label: '一.pdf' }] },
      after: { title: '改过的标题', addedAttachments: [{ label: '二.png' }] },
    });
    const stale = await ctx.dispatch('disclosures.update', { id: d.id, disclosure: disclosure(), expectedUpdatedAt: d.updatedAt });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('CONFLICT');
    const foreign = await createDisclosure(ctx, { title: '别的事项' }, [tokenFor(ctx, '三.pdf', SAMPLES.pdf('c'))]);
    const wrong = await ctx.dispatch('disclosures.update', { id: d.id, disclosure: disclosure(), removeAttachmentIds: [foreign.attachments[0]!.id] });
    expect(wrong.ok).toBe(false);
  });

  it('opens a read-only copy with the system viewer, and verifies the content first', async () => {
    const pdf = SAMPLES.pdf('open me');
    const d = await createDisclosure(ctx, {}, [tokenFor(ctx, '扫描件', pdf)]);
    const id = d.attachments[0]!.id;
    expect(await call(ctx, 'disclosures.openAttachment', { attachmentId: id })).toEqual({ opened: true });
    expect(path.basename(opened[0]!)).toBe('扫描件.pdf');
    expect(opened[0]!.startsWith(ctx.paths.tmpDir)).toBe(true);
    expect(fs.readFileSync(opened[0]!)).toEqual(pdf);
    expect(fs.statSync(opened[0]!).mode & 0o222).toBe(0);

    const file = blobPath(ctx.paths.filesDir, sha(pdf));
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, Buffer.from(pdf.toString('latin1').replace('open', 'OPEN'), 'latin1'));
    const damaged = await ctx.dispatch('disclosures.attachmentFile', { attachmentId: id });
    expect(damaged.ok).toBe(false);
    if (!damaged.ok) expect(damaged.error.message).toContain('已损坏');

    // Cut short from outside: listed as missing, and attaching the same scan again puts it back in place.
    fs.writeFileSync(file, pdf.subarray(0, 10));
    fs.chmodSync(file, 0o444);
    expect((await call<DisclosureDetail>(ctx, 'disclosures.get', { id: d.id })).attachments[0]!.present).toBe(false);
    await call(ctx, 'disclosures.update', { id: d.id, disclosure: disclosure(), uploads: [tokenFor(ctx, '扫描件.pdf', pdf)] });
    expect(fs.readFileSync(file)).toEqual(pdf);
    expect((await call<DisclosureDetail>(ctx, 'disclosures.get', { id: d.id })).attachments.map((a) => a.present)).toEqual([true, true]);
  });

  it('answers UNAVAILABLE for opening where the host has no viewer (the browser downloads instead)', async () => {
    const plain = await openTestContext({ clock });
    try {
      const d = await createDisclosure(plain, {}, [tokenFor(plain, 'a.pdf', SAMPLES.pdf())]);
      const r = await plain.dispatch('disclosures.openAttachment', { attachmentId: d.attachments[0]!.id });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('UNAVAILABLE');
      const ref = await call<FileRef>(plain, 'disclosures.attachmentFile', { attachmentId: d.attachments[0]!.id });
      expect(fs.readFileSync(plain.files.resolve(ref.token).path)).toEqual(SAMPLES.pdf());
    } finally {
      await plain.close();
    }
  });
});
