import fs from 'node:fs';
import type { PdfOptions, PdfPort } from '../context.types';
import { AppError } from '../errors';
import { withPrintFile } from './html-file';

/** Debian's Chromium by default; LEDGER_CHROMIUM points elsewhere (Chrome or Edge on a clerk's PC). */
export function chromiumPath(): string | null {
  const candidates = [
    process.env.LEDGER_CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ];
  return candidates.find((c): c is string => !!c && fs.existsSync(c)) ?? null;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The same engine as Electron's printToPDF, so what tests check is what clerks get. The browser starts on the
 * first print and is reused; JavaScript is off in the print page because templates are static HTML.
 */
export function createChromiumPdf(): PdfPort & { close(): Promise<void> } {
  let browserPromise: Promise<import('playwright-core').Browser> | null = null;
  const browser = async () => {
    const exe = chromiumPath();
    if (!exe) throw new AppError('UNAVAILABLE', '找不到 Chromium 浏览器，无法生成 PDF。请安装 Chromium 或使用桌面版。');
    browserPromise ??= import('playwright-core').then((pw) =>
      pw.chromium.launch({ executablePath: exe, headless: true, args: CHROMIUM_ARGS }),
    );
    return browserPromise;
  };
  /** A fresh page with JavaScript off: `load` puts the document in it, then it is printed and closed. */
  const print = async (load: (page: import('playwright-core').Page) => Promise<unknown>, opts: PdfOptions): Promise<Buffer> => {
    const page = await (await browser()).newPage({ javaScriptEnabled: false });
    try {
      await load(page);
      return await page.pdf({ preferCSSPageSize: true, printBackground: true, landscape: opts.landscape ?? false });
    } finally {
      await page.close();
    }
  };
  return {
    render: (html, opts = {}) => print((page) => page.setContent(html, { waitUntil: 'load' }), opts),
    renderParts: (parts, opts = {}) => withPrintFile(parts, (url) => print((page) => page.goto(url, { waitUntil: 'load' }), opts)),
    async close() {
      if (browserPromise) await (await browserPromise).close();
      browserPromise = null;
    },
  };
}
