import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { SettingsPage } from './pages/settings-page';

/** Copies for a person to look at (fonts, layout); the test-results copy is attached to the report. */
const SHOTS_DIR = process.env.LEDGER_SHOTS_DIR ?? '/tmp/shots';

async function shoot(page: import('@playwright/test').Page, name: string): Promise<void> {
  const file = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  fs.copyFileSync(file, path.join(SHOTS_DIR, `${name}.png`));
  await test.info().attach(name, { path: file, contentType: 'image/png' });
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
}

test('screenshots of the shell and of 设置', async ({ page }) => {
  const s = new SettingsPage(page);
  await s.goto();
  await s.fill({
    unitName: '某某市第一中学',
    unionName: '某某市第一中学工会委员会',
    fondsCode: 'Z012',
    fondsName: '某某市第一中学',
    operator: '李干事',
  });
  await s.addOrgCode('DQ', '党群');
  await s.addOrgCode('XZ', '行政');
  await s.save();
  await expect(s.toast('已保存')).toBeVisible();
  await s.backupButton.click();
  await expect(s.backupRow('手动备份')).toHaveCount(1);
  await expect(s.toast(/已/)).toHaveCount(0, { timeout: 15_000 });
  await page.mouse.move(0, 0);
  await shoot(page, 'settings-backup');
  // The content area scrolls by itself (the frame stays put), so scroll it, not the window.
  await page.getByRole('main').evaluate((el) => el.scrollTo(0, 0));
  await shoot(page, 'settings');

  await s.open('首页');
  await expect(page.getByTestId('last-backup')).not.toContainText('…');
  await shoot(page, 'shell-home');

  await s.open('年度归档');
  await shoot(page, 'shell-empty-area');
});
