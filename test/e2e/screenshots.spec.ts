import { expect, test } from './fixtures';
import { SettingsPage } from './pages/settings-page';
import { shoot } from './shots';

test('screenshots of the shell and of 设置', async ({ page }, testInfo) => {
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
  await shoot(page, testInfo, 'settings-backup');
  // The content area scrolls by itself (the frame stays put), so scroll it, not the window.
  await page.getByRole('main').evaluate((el) => el.scrollTo(0, 0));
  await shoot(page, testInfo, 'settings');

  await s.open('首页');
  await expect(page.getByTestId('last-backup')).not.toContainText('…');
  await shoot(page, testInfo, 'shell-home');

  await s.open('年度归档');
  await shoot(page, testInfo, 'shell-empty-area');
});
