import { test as base, expect } from '@playwright/test';
import path from 'node:path';
import { LedgerServer } from './server';

export interface Fixtures {
  /**
   * Console errors a spec expects and accepts (each with a comment saying why), e.g. test.use({
   * allowedConsoleErrors: [/…/] }). Everything else the page logs as an error fails the test.
   */
  allowedConsoleErrors: RegExp[];
  /** A fresh data folder and its own server process, for this test only. */
  server: LedgerServer;
  /**
   * Leave the first-run question (#16, 「是否设置登录密码保护？」) unanswered, as a clerk's first start sees it.
   * Off by default: every other spec starts as a one-person office that said 不需要 (which writes no audit entry).
   */
  firstRun: boolean;
}

export const test = base.extend<Fixtures>({
  firstRun: [false, { option: true }],

  server: async ({ firstRun }, use, testInfo) => {
    const server = new LedgerServer(LedgerServer.tempDataDir());
    try {
      await server.start();
      // A folder that opened in recovery mode answers RECOVERY here and asks nothing anyway.
      if (!firstRun) await fetch(`${server.url}api/rpc/operators.skipLogin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      await use(server);
    } finally {
      await server.stop();
      if (testInfo.status !== testInfo.expectedStatus) {
        for (const file of server.logFiles()) {
          await testInfo.attach(`日志 ${path.basename(file)}`, { path: file, contentType: 'text/plain' });
        }
        await testInfo.attach('服务输出', { body: server.output, contentType: 'text/plain' });
      }
      server.remove();
    }
  },

  allowedConsoleErrors: [[], { option: true }],

  /** The app opened on this test's server. A test fails if the page throws or logs a console error. */
  page: async ({ page, server, allowedConsoleErrors }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`页面异常：${e.message}`));
    page.on('console', (m) => {
      // Playwright's own trace recorder tries to run a script in the print preview's sandboxed srcdoc frame;
      // Chromium refusing it is the sandbox working, not an app error, and it appears only under tracing.
      const traceNoise = /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/;
      if (m.type() === 'error' && !traceNoise.test(m.text()) && !allowedConsoleErrors.some((re) => re.test(m.text()))) {
        problems.push(`控制台错误：${m.text()}`);
      }
    });
    await page.goto(server.url);
    await use(page);
    expect(problems, '页面不应出现异常或控制台错误').toEqual([]);
  },
});

export { expect };
