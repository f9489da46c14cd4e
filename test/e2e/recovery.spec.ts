import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { SettingsPage } from './pages/settings-page';
import { shoot } from './shots';

test('a damaged database opens the recovery screen, and restoring a backup brings the app back', async ({ page, server }, testInfo) => {
  const s = new SettingsPage(page);
  await s.goto();
  await s.fill({ unitName: '某某市人民医院' });
  await s.save();
  await s.backupButton.click();
  await expect(s.backupRow('手动备份')).toHaveCount(1);

  await server.stop();
  fs.writeFileSync(path.join(server.dataDir, 'ledger.sqlite'), '这不是数据库'.repeat(1000));
  await page.goto(await server.start());

  const recovery = page.getByTestId('recovery');
  await expect(recovery).toContainText('数据库未通过完整性检查');
  await expect(recovery).toContainText('检查结果：');
  await shoot(page, testInfo, 'recovery');
  const row = recovery.locator('tbody tr.ant-table-row').filter({ hasText: '手动备份' });
  await row.getByRole('button', { name: '恢复' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '恢复' }).click();

  await expect(s.headerUnit).toHaveText('某某市人民医院');
  await expect(s.title).toHaveText('首页');
});
