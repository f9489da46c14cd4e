import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';

/** Copies for a person to look at (fonts, layout); the test-results copy is attached to the report. */
export const SHOTS_DIR = process.env.LEDGER_SHOTS_DIR ?? '/tmp/shots';

export async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  fs.copyFileSync(file, path.join(SHOTS_DIR, `${name}.png`));
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  // A blank or failed render compresses to almost nothing; real Chinese text and widgets do not.
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
}
