// Regenerates the app icons (build/icons/icon.png, icon.ico) from the HTML below with the same Chromium the
// tests use, so no image tool is needed. Run: npx node build/icons/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const here = import.meta.dirname;
const SIZES = [16, 24, 32, 48, 64, 128, 256];
const html = (size) => `<!doctype html><html><head><style>
  html,body{margin:0;background:transparent}
  .i{width:${size}px;height:${size}px;border-radius:${size * 0.2}px;box-sizing:border-box;
     background:linear-gradient(160deg,#d9363e 0%,#a8071a 100%);display:flex;align-items:center;justify-content:center;
     color:#fff;font:700 ${size * 0.66}px/1 "Noto Sans CJK SC","Microsoft YaHei",sans-serif;
     border:${Math.max(1, size * 0.03)}px solid rgba(255,255,255,.35)}
</style></head><body><div class="i">账</div></body></html>`;

/** An .ico whose entries are PNGs (valid since Windows Vista; electron-builder and NSIS accept it). */
function buildIco(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const dir = pngs.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...dir, ...pngs.map((p) => p.data)]);
}

const exe = process.env.LEDGER_CHROMIUM ?? '/usr/bin/chromium';
const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const shot = async (size) => {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(html(size));
    const data = await page.screenshot({ omitBackground: true });
    await page.close();
    return { size, data };
  };
  fs.writeFileSync(path.join(here, 'icon.png'), (await shot(512)).data);
  const pngs = [];
  for (const s of SIZES) pngs.push(await shot(s));
  fs.writeFileSync(path.join(here, 'icon.ico'), buildIco(pngs));
} finally {
  await browser.close();
}
console.log('icons written to', here);
