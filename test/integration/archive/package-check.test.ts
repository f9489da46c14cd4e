import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { call, openTestContext } from '../../helpers/context';
import { tokenFor } from '../disclosures/helpers';

/** A package as archive.exportPackage writes it, built here so each damage is exact (the full export → verify round trip is in archive-cli.test.ts). */
function pkg(entries: Record<string, string>, manifest?: unknown): Buffer {
  const files = Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, createHash('sha256').update(v).digest('hex')]));
  const bytes: Record<string, Uint8Array> = Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, strToU8(v)]));
  bytes['manifest.json'] = strToU8(typeof manifest === 'string' ? manifest : JSON.stringify(manifest ?? { year: 2026, files }));
  return Buffer.from(zipSync(bytes));
}

type Check = { ok: boolean; year: number | null; differences: string[] };
let ctx: AppContext;
const check = (name: string, bytes: Buffer) => call<Check>(ctx, 'archive.verifyPackage', { token: tokenFor(ctx, name, bytes) });

beforeAll(async () => {
  ctx = await openTestContext();
});
afterAll(async () => ctx.close());

describe('archive.verifyPackage: a package the clerk was given', () => {
  const good = { '2026-Y-归档文件.pdf': '%PDF-1.4 binder', 'items/Z109-WS·2026-Y-GH-0001/item.json': '{"title":"会员名册"}' };

  it('matches its manifest', async () => {
    expect(await check('2026年度归档包.zip', pkg(good))).toEqual({ ok: true, year: 2026, differences: [] });
  });

  it('names a changed, a missing and an extra entry', async () => {
    const files = { ...good, 'items/Z109-WS·2026-Y-GH-0001/item.json': '{"title":"会员名册（改）"}', '多出来的.txt': 'x' };
    const manifest = {
      year: 2026,
      files: {
        ...Object.fromEntries(Object.entries(good).map(([k, v]) => [k, createHash('sha256').update(v).digest('hex')])),
        '2026-D30-归档文件.pdf': '0'.repeat(64),
      },
    };
    const r = await check('改过的.zip', pkg(files, manifest));
    expect(r.ok).toBe(false);
    expect(r.differences).toEqual(
      expect.arrayContaining(['「items/Z109-WS·2026-Y-GH-0001/item.json」的内容与清单不一致。', '缺少「2026-D30-归档文件.pdf」。', '多了清单中没有的「多出来的.txt」。']),
    );
    expect(r.differences).toHaveLength(3);
  });

  it('says what is wrong with something that is no package, in Chinese, without an internal error', async () => {
    expect((await check('照片.zip', Buffer.from('\x89PNG not a zip'))).differences).toEqual(['不是可读的 .zip 归档包。']);
    expect((await check('无清单.zip', Buffer.from(zipSync({ 'a.txt': strToU8('a') })))).differences).toEqual(['归档包中没有 manifest.json。']);
    expect((await check('坏清单.zip', pkg(good, '{not json'))).differences).toEqual(['归档包的 manifest.json 不是可读的清单。']);
    expect((await check('空清单.zip', pkg(good, { year: 2026 }))).differences).toEqual(['归档包的 manifest.json 中没有文件清单。']);
  });

  it('refuses an entry that states a size no package has, before inflating it', async () => {
    const bytes = pkg(good);
    // Central directory entries (PK\x01\x02): the uncompressed size at +24 set to 3 GB.
    for (let at = bytes.indexOf('PK\x01\x02'); at >= 0; at = bytes.indexOf('PK\x01\x02', at + 4)) bytes.writeUInt32LE(3 * 1024 ** 3, at + 24);
    expect((await check('炸弹.zip', bytes)).differences).toEqual(['归档包中的文件大得不合常理，不是本程序导出的归档包。']);
  });
});
