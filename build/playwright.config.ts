import path from 'node:path';
import { defineConfig } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..');

/** Debian's Chromium here; LEDGER_CHROMIUM points elsewhere. Flags keep it quiet and offline in containers. */
export const CHROMIUM_EXECUTABLE = process.env.LEDGER_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  // Each test starts its own server on its own data folder, so tests are independent; two at a time is
  // what a small CI box handles without timing noise.
  workers: 2,
  fullyParallel: true,
  retries: 0,
  reporter: 'list',
  outputDir: path.join(root, 'test-results'),
  globalSetup: path.join(root, 'test', 'e2e', 'global-setup.ts'),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'browser',
      testDir: path.join(root, 'test', 'e2e'),
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS },
      },
    },
    {
      // Owned by the Electron work: it skips itself, saying why, where the Electron binary is missing.
      name: 'electron',
      testDir: path.join(root, 'test', 'e2e-electron'),
    },
  ],
});
