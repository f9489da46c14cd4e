import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { blobPath } from '../../../electron/core/files/attachments';
import { createChromiumPdf } from '../../../electron/core/print/pdf-chromium';
import type { ArchiveItem, ArchiveYearView, VerifyResult } from '../../../shared/contract';
import path from 'node:path';
import { call, openTestContext, tempDir } from '../../helpers/context';
import { tokenOf, writeXlsx } from '../members-import/helpers';
import { tokenFor } from '../disclosures/helpers';
import { scanPdf, seedYear, type ArchiveSeed } from './seed';

const pdf = createChromiumPdf();
let ctx: AppContext;
let seed: ArchiveSeed;
const now = new Date('2026-12-28T09:00:00+08:00');

beforeAll(() => undefined);
afterAll(async () => {
  await pdf.close();
});
beforeEach(async () => {
  ctx = await openTestContext({ clock: () => now, ports: { pdf } });
  seed = await seedYear(ctx);
});
afterEach(async () => {
  await ctx.close();
});

const plan = () => call<ArchiveYearView>(ctx, 'archive.plan', { year: 2026 });
const bySource = (v: ArchiveYearView, key: string) => v.items.find((i) => i.sourceKey === key)!;
const fail = async (channel: string, input: unknown) => {
  const r = await ctx.dispatch(channel, input);
  if (r.ok) throw new Error(`${channel} should have been refused`);
  return r.error;
};

describe('年度归档: plan → number → seal → verify', () => {
  it('plans the year from every record type, with retention and 机构 from the kinds', async () => {
    const v = await plan();
    const keys = v.items.map((i) => i.sourceKey);
    expect(keys).toEqual(
      expect.arrayContaining([
        `proposals:${seed.proposals[0]}`,
        `proposals:${seed.proposals[1]}`,
        `proposals:session:${seed.session.id}:compilation`,
        `proposals:session:${seed.session.id}:report`,
        'disclosures:catalogue:2026-03',
        'disclosures:catalogue:2026-06',
        `disclosures:${seed.disclosureId}`,
        'disclosures:opinions:2026',
        'members:roster:2026',
        'members:events:2026',
      ]),
    );
    const p = bySource(v, `proposals:${seed.proposals[0]}`);
    expect(p).toMatchObject({ retention: 'Y', orgCode: 'JDH', responsible: '张三丰', title: '关于改善食堂伙食的提案' });
    // The disclosure's 3-page scan is counted from the file; the record print is counted at 编号.
    expect(bySource(v, `disclosures:${seed.disclosureId}`).files).toEqual([expect.objectContaining({ name: '福利费明细.pdf', pages: 3 })]);
    // Planning again changes nothing and keeps the clerk's edits.
    await call(ctx, 'archive.updateItem', { id: p.id, patch: { title: '食堂伙食提案及答复', selfMadeTitle: true } });
    const again = await plan();
    expect(again.items.length).toBe(v.items.length);
    expect(bySource(again, p.sourceKey)).toMatchObject({ title: '食堂伙食提案及答复', selfMadeTitle: true });
  });

  it('numbers per lowest class, four digits, DA/T 22-2015 codes; numbers are never reused', async () => {
    const v0 = await plan();
    const excluded = bySource(v0, 'disclosures:catalogue:2026-06');
    await call(ctx, 'archive.exclude', { ids: [excluded.id], excluded: true });
    const { view } = await call<{ numbered: number; view: ArchiveYearView }>(ctx, 'archive.number', { year: 2026 });
    const numbered = view.items.filter((i) => i.itemNo !== null);
    expect(numbered.every((i) => i.pages !== null && i.pages > 0)).toBe(true);
    const y = numbered.filter((i) => i.classKey === 'Y/JDH').map((i) => i.archiveCode);
    expect(y).toEqual(['Z109-WS·2026-Y-JDH-0001', 'Z109-WS·2026-Y-JDH-0002', 'Z109-WS·2026-Y-JDH-0003', 'Z109-WS·2026-Y-JDH-0004']);
    const gh = numbered.filter((i) => i.classKey === 'Y/GH').map((i) => i.archiveCode);
    expect(gh).toEqual(['Z109-WS·2026-Y-GH-0001', 'Z109-WS·2026-Y-GH-0002']);
    expect(numbered.filter((i) => i.classKey === 'D30/GH').map((i) => i.itemNo)).toEqual([1, 2, 3, 4]);
    expect(view.items.find((i) => i.id === excluded.id)!.itemNo).toBeNull();
    // Moving a numbered item to another class burns its number and gives a new one there.
    const roster = bySource(view, 'members:roster:2026');
    await call(ctx, 'archive.updateItem', { id: roster.id, patch: { retention: 'D30' } });
    const after = (await call<{ view: ArchiveYearView }>(ctx, 'archive.number', { year: 2026 })).view;
    expect(bySource(after, 'members:roster:2026').archiveCode).toBe('Z109-WS·2026-D30-GH-0005');
    const checks = await call<{ code: string; message: string }[]>(ctx, 'archive.checks', { year: 2026 });
    expect(checks.find((c) => c.code === 'gap')?.message).toContain('0001');
    // The proposal still being handled is named by the proposals' own check.
    expect(checks.some((c) => c.code === 'record' && c.message.includes('关于增设教工书屋的提案'))).toBe(true);
    // A record that changes after 编号 is counted again: until the next 编号 it has no 页数.
    await call(ctx, 'proposals.act', { type: 'assign', proposalId: seed.proposals[1], date: '2026-12-27', leadUnitId: seed.units[0]!.id, deadline: '2027-02-01' });
    const replanned = await plan();
    expect(bySource(replanned, `proposals:${seed.proposals[1]}`).pages).toBeNull();
    expect(bySource(replanned, `proposals:${seed.proposals[0]}`).pages).toBe(1);
    // DA/T 13-2022 from 设置 → 归档 rewrites the codes, not the numbers.
    await call(ctx, 'archive.updateConfig', { codeStyle: 'dat13-2022' });
    const v13 = (await call<{ view: ArchiveYearView }>(ctx, 'archive.number', { year: 2026 })).view;
    expect(v13.items.filter((i) => i.classKey === 'Y/JDH')[0]!.archiveCode).toBe('Z109-WS·2026·Y·JDH-0001');
  });

  it('merges, reorders and adds documents by hand; pages come from the file', async () => {
    const v = await plan();
    const comp = bySource(v, `proposals:session:${seed.session.id}:compilation`);
    const report = bySource(v, `proposals:session:${seed.session.id}:report`);
    const merged = await call<ArchiveItem>(ctx, 'archive.merge', { targetId: comp.id, ids: [report.id] });
    expect(merged.parts.map((p) => p.id)).toEqual([report.id]);
    const token = tokenFor(ctx, '教代会会议通知.pdf', await scanPdf(2));
    const info = await call<{ pages: number }>(ctx, 'archive.inspectUpload', { token });
    expect(info.pages).toBe(2);
    const manual = await call<ArchiveItem>(ctx, 'archive.addManual', {
      year: 2026,
      doc: { title: '关于召开五届二次教代会的通知', responsible: '第一中学工会', docNo: '校工〔2026〕3号', date: '2026-03-01', retention: 'Y', orgCode: 'JDH' },
      uploads: [token],
    });
    expect(manual).toMatchObject({ pages: 2, manual: true, retention: 'Y' });
    const bad = tokenFor(ctx, '通知.pdf', Buffer.from('%PDF-1.4 this is not really a pdf'));
    expect((await fail('archive.inspectUpload', { token: bad })).message).toContain('不是可读的 PDF');
    const brokenJpeg = tokenFor(ctx, '照片.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]));
    expect((await fail('archive.inspectUpload', { token: brokenJpeg })).message).toContain('不是可读的 JPEG');
    const word = tokenFor(ctx, '通知.txt', '纯文本');
    expect((await fail('archive.addManual', { year: 2026, doc: { title: 'x', responsible: 'y', date: '2026-01-01' }, uploads: [word] })).message).toContain('只能是 PDF、JPEG 或 PNG');
    const moved = await call<{ moved: boolean }>(ctx, 'archive.move', { id: manual.id, direction: 'up' });
    expect(moved.moved).toBe(true);
    const view = (await call<{ view: ArchiveYearView }>(ctx, 'archive.number', { year: 2026 })).view;
    const jdh = view.items.filter((i) => i.classKey === 'Y/JDH' && i.mergedIntoId === null && !i.excluded);
    expect(jdh.map((i) => i.itemNo)).toEqual([1, 2, 3, 4]);
    expect(jdh.findIndex((i) => i.id === manual.id)).toBeLessThan(jdh.findIndex((i) => i.id === comp.id));
  });

  it('seals the year read-only for every channel; verify finds tampering by item; unseal and a new manifest version', async () => {
    await plan();
    await call(ctx, 'archive.number', { year: 2026 });
    const refused = await fail('archive.seal', { year: 2026 });
    expect(refused.message).toContain('封存前检查发现');
    const sealed = await call<{ version: number; items: number }>(ctx, 'archive.seal', { year: 2026, reason: '书屋提案转下年度办理' });
    expect(sealed.version).toBe(1);
    expect(fs.readdirSync(ctx.paths.backupsDir).some((f) => f.includes('pre-archive'))).toBe(true);
    expect((await call<VerifyResult>(ctx, 'archive.verify', { year: 2026 })).ok).toBe(true);

    // Through the proposals' own channel: refused, naming the year.
    const p = await call<{ title: string; proposerId: number; seconderIds: number[]; submittedDate: string }>(ctx, 'proposals.get', { id: seed.proposals[0] });
    const e = await fail('proposals.act', { type: 'assign', proposalId: seed.proposals[1], date: '2026-12-27', leadUnitId: seed.units[0]!.id, deadline: '2027-02-01' });
    expect(e).toMatchObject({ code: 'CONFLICT' });
    expect(e.message).toContain('2026 年度已封存');
    expect(p.title).toBe('关于改善食堂伙食的提案');
    // By plain SQL too (any connection, an import's writer included).
    expect(() => ctx.db.prepare("UPDATE disclosures SET title = '改' WHERE id = ?").run(seed.disclosureId)).toThrow(/2026 年度已封存，不能修改公开事项/);
    expect(() => ctx.db.prepare("UPDATE archive_items SET title = '改' WHERE year = 2026").run()).toThrow(/2026 年度已封存/);
    // The roster 件 is a snapshot: the live member files stay editable.
    const member = await call<{ id: number; name: string }>(ctx, 'members.get', { id: seed.members[0]!.id });
    await call(ctx, 'members.update', { id: member.id, member: { name: '张三丰', idNumber: '110108198503120011', phone: '13800000000' } });
    const v = await call<ArchiveYearView>(ctx, 'archive.get', { year: 2026 });
    expect(v.state).toBe('sealed');
    expect((await call<VerifyResult>(ctx, 'archive.verify', { year: 2026 })).ok).toBe(true);

    // Tampering from outside: a row (triggers dropped by hand) and a stored file.
    const victim = bySource(v, 'disclosures:catalogue:2026-03');
    ctx.db.exec('DROP TRIGGER archive_seal_2026_archive_items_u');
    ctx.db.prepare("UPDATE archive_items SET title = '被改的题名' WHERE id = ?").run(victim.id);
    const scanned = bySource(v, `disclosures:${seed.disclosureId}`);
    const file = blobPath(ctx.paths.filesDir, scanned.files[0]!.sha256);
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, await scanPdf(1, 'forged'));
    const bad = await call<VerifyResult>(ctx, 'archive.verify', { year: 2026 });
    expect(bad.ok).toBe(false);
    expect(bad.differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ itemId: victim.id, archiveCode: victim.archiveCode, message: expect.stringContaining('著录数据') }),
        expect.objectContaining({ itemId: scanned.id, message: expect.stringContaining('福利费明细.pdf') }),
      ]),
    );

    expect((await fail('archive.unseal', { year: 2026, reason: '' })).message).toContain('原因');
    await call(ctx, 'archive.unseal', { year: 2026, reason: '更正题名' });
    await call(ctx, 'proposals.act', { type: 'assign', proposalId: seed.proposals[1], date: '2026-12-27', leadUnitId: seed.units[0]!.id, deadline: '2027-02-01' });
    const second = await call<{ version: number }>(ctx, 'archive.seal', { year: 2026, reason: '第二次封存' });
    expect(second.version).toBe(2);
    const view = await call<ArchiveYearView>(ctx, 'archive.get', { year: 2026 });
    expect(view.manifests.map((m) => m.version)).toEqual([2, 1]);
    expect(view.manifests[1]!.unsealReason).toBe('更正题名');
    const audit = ctx.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'archive.%' ORDER BY id").all() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['archive.seal', 'archive.unseal']));
  });

  it('after sealing, a roster import still updates the live member files; the archived roster 件 keeps 31 December', async () => {
    await plan();
    await call(ctx, 'archive.number', { year: 2026 });
    await call(ctx, 'archive.seal', { year: 2026, reason: '年终归档' });
    const before = bySource(await call<ArchiveYearView>(ctx, 'archive.get', { year: 2026 }), 'members:roster:2026');
    const dir = tempDir('ledger-archive-import-');
    const file = await writeXlsx(path.join(dir, '花名册.xlsx'), { 花名册: [['姓名', '身份证号码', '联系电话'], ['张三丰', '110108198503120011', '13912345678']] });
    const r = await call<{ counts: { updated: number } }>(ctx, 'members.importCommit', { token: tokenOf(ctx, file) });
    expect(r.counts.updated).toBe(1);
    const m = await call<{ phone: string | null }>(ctx, 'members.get', { id: seed.members[0]!.id });
    expect(m.phone).toBe('13912345678');
    const after = await call<ArchiveYearView>(ctx, 'archive.get', { year: 2026 });
    expect(bySource(after, 'members:roster:2026')).toEqual(before);
    expect((await call<VerifyResult>(ctx, 'archive.verify', { year: 2026 })).ok).toBe(true);
  });

  it('编号 is all or nothing: a failure while writing the numbers leaves no number, page count or counter behind', async () => {
    const v0 = await plan();
    const last = v0.items.at(-1)!;
    // The write fails at the last item, after every other item of the year has been given its number.
    ctx.db.exec(`CREATE TEMP TRIGGER boom BEFORE UPDATE OF item_no ON archive_items WHEN NEW.id = ${last.id} BEGIN SELECT RAISE(ABORT, '写到一半断电'); END`);
    const e = await fail('archive.number', { year: 2026 });
    expect(e.code).toBe('INTERNAL');
    const rows = ctx.db.prepare('SELECT item_no, archive_code, pages FROM archive_items WHERE year = 2026').all() as { item_no: number | null; archive_code: string | null; pages: number | null }[];
    expect(rows.every((r) => r.item_no === null && r.archive_code === null)).toBe(true);
    // Pages counted for records printed as documents were not written either: they are part of the same write.
    expect(rows.filter((r) => r.pages !== null).length).toBe(v0.items.filter((i) => i.pages !== null).length);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM archive_counters WHERE year = 2026').get()).toEqual({ n: 0 });
    expect((await plan()).state).toBe('draft');
    // Once the cause is gone the numbers start at 0001: the failed attempt used none up.
    ctx.db.exec('DROP TRIGGER boom');
    const { view } = await call<{ view: ArchiveYearView }>(ctx, 'archive.number', { year: 2026 });
    expect(view.items.filter((i) => i.classKey === 'Y/JDH').map((i) => i.itemNo)).toEqual([1, 2, 3, 4]);
  });

  it('an edit the clerk makes while 编号 counts pages is not overwritten: the numbers are worked out again', async () => {
    const v0 = await plan();
    const out = bySource(v0, 'disclosures:catalogue:2026-06');
    // The clerk excludes an item while the first print for the page counts is under way (the main process
    // answers the window between turns).
    let edited = false;
    ctx.ports.pdf = {
      render: async (html, opts) => {
        if (!edited) {
          edited = true;
          await call(ctx, 'archive.exclude', { ids: [out.id], excluded: true });
        }
        return pdf.render(html, opts);
      },
    };
    const { view } = await call<{ view: ArchiveYearView }>(ctx, 'archive.number', { year: 2026 });
    expect(edited).toBe(true);
    const after = view.items.find((i) => i.id === out.id)!;
    expect(after.excluded).toBe(true);
    expect(after.itemNo).toBeNull();
    expect(view.items.filter((i) => !i.excluded && i.mergedIntoId === null).every((i) => i.itemNo !== null && i.pages !== null)).toBe(true);
    expect(view.items.filter((i) => i.classKey === 'D30/GH' && i.itemNo !== null).map((i) => i.itemNo)).toEqual([1, 2, 3, 4]);
  });

  it('编号 reports its progress and stops on 取消 while the pages are counted, numbering nothing', async () => {
    const v0 = await plan();
    const seen: { label: string; done: number; total: number | null }[] = [];
    const stop = ctx.events.on((name, p) => {
      if (name === 'progress:update' && (p as { jobId: string }).jobId === 'number-test') seen.push(p as { label: string; done: number; total: number | null });
    });
    // The clerk presses 取消 while the first page-count print is under way.
    ctx.ports.pdf = {
      render: async (html, opts) => {
        void ctx.dispatch('archive.numberCancel', { jobId: 'number-test' });
        return pdf.render(html, opts);
      },
    };
    const e = await fail('archive.number', { year: 2026, jobId: 'number-test' });
    stop();
    expect(e).toMatchObject({ code: 'CANCELLED', message: '已取消编号，没有更改任何数据。' });
    expect(seen.map((s) => s.label)).toContain('正在收集本年度文件');
    const rows = ctx.db.prepare('SELECT item_no, pages FROM archive_items WHERE year = 2026').all() as { item_no: number | null; pages: number | null }[];
    expect(rows.every((r) => r.item_no === null)).toBe(true);
    expect(rows.filter((r) => r.pages !== null).length).toBe(v0.items.filter((i) => i.pages !== null).length);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM archive_counters WHERE year = 2026').get()).toEqual({ n: 0 });
    // The job ended with the cancel: the same id numbers the year afterwards, from 0001.
    ctx.ports.pdf = pdf;
    const { view } = await call<{ view: ArchiveYearView }>(ctx, 'archive.number', { year: 2026, jobId: 'number-test' });
    expect(view.items.filter((i) => i.classKey === 'Y/JDH').map((i) => i.itemNo)).toEqual([1, 2, 3, 4]);
  });

  it('a year with nothing to archive says so', async () => {
    const v = await call<ArchiveYearView>(ctx, 'archive.plan', { year: 2019 });
    expect(v.items).toEqual([]);
    expect((await call<{ year: number }[]>(ctx, 'archive.years')).map((y) => y.year)).not.toContain(2019);
    expect((await fail('archive.seal', { year: 2019 })).message).toContain('没有要归档的文件');
    const h = await call<{ empty: boolean; html: string }>(ctx, 'archive.printHtml', { year: 2019, form: 'catalogue' });
    expect(h.empty).toBe(true);
    expect(h.html).toContain('没有要归档的文件');
  });
});
