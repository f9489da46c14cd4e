import fs from 'node:fs';
import { expect, test } from './fixtures';
import { SettingsPage } from './pages/settings-page';

test('a backup made in the UI restores the old 单位名称, after a safety backup', async ({ page }) => {
  const s = new SettingsPage(page);
  await s.goto();
  await s.fill({ unitName: '甲单位' });
  await s.save();
  await expect(s.toast('已保存')).toBeVisible();

  await s.backupButton.click();
  await expect(s.toast(/已备份：ledger-.*-manual\.sqlite/)).toBeVisible();
  await expect(s.backupRow('手动备份')).toHaveCount(1);

  await s.fill({ unitName: '乙单位' });
  await s.saveWithShortcut();
  await expect(s.headerUnit).toHaveText('乙单位');

  await s.restoreRow(s.backupRow('手动备份'));
  await expect(s.toast(/已从「ledger-.*-manual\.sqlite」恢复/)).toBeVisible();
  await expect(s.headerUnit).toHaveText('甲单位');
  await expect(s.field('unitName')).toHaveValue('甲单位');
  await expect(s.backupRow('恢复前备份')).toHaveCount(1);
  await expect(s.backupRows).toHaveCount(2);
});

test('从文件恢复… uploads an exported backup and restores it', async ({ page }) => {
  const s = new SettingsPage(page);
  await s.goto();
  await s.fill({ unitName: '甲单位' });
  await s.save();
  await s.backupButton.click();
  await expect(s.backupRow('手动备份')).toHaveCount(1);

  // 导出 is a real download of the backup file.
  const downloading = page.waitForEvent('download');
  await s.backupRow('手动备份').getByRole('button', { name: '导出' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^ledger-.*-manual\.sqlite$/);
  const exported = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(exported);
  expect(fs.readFileSync(exported).subarray(0, 15).toString()).toBe('SQLite format 3');

  await s.fill({ unitName: '乙单位' });
  await s.save();
  await expect(s.headerUnit).toHaveText('乙单位');

  const choosing = page.waitForEvent('filechooser');
  await s.restoreFromFileButton.click();
  await (await choosing).setFiles(exported);
  const confirm = page.getByRole('dialog').filter({ hasText: '恢复？' });
  await expect(confirm).toContainText('恢复前会先自动备份当前数据');
  await confirm.getByRole('button', { name: '恢复' }).click();
  await expect(s.headerUnit).toHaveText('甲单位');
  await expect(s.backupRow('恢复前备份')).toHaveCount(1);
});

test('a file that is not a backup is refused in Chinese and nothing changes', async ({ page }) => {
  const s = new SettingsPage(page);
  await s.goto();
  await s.fill({ unitName: '甲单位' });
  await s.save();
  await expect(s.headerUnit).toHaveText('甲单位');

  const bogus = test.info().outputPath('不是备份.sqlite');
  fs.writeFileSync(bogus, '这不是数据库');
  const choosing = page.waitForEvent('filechooser');
  await s.restoreFromFileButton.click();
  await (await choosing).setFiles(bogus);
  await page.getByRole('dialog').getByRole('button', { name: '恢复' }).click();
  await expect(s.errorBanner).toContainText('不是有效的数据库备份，未恢复');
  await expect(s.headerUnit).toHaveText('甲单位');
  await expect(s.backupRows).toHaveCount(0);
});
