import { expect, test } from './fixtures';
import { NAV_LABELS, ShellPage } from './pages/shell-page';

test('opens on 首页 with the Chinese navigation, and every area opens', async ({ page }) => {
  const shell = new ShellPage(page);
  await expect(page).toHaveTitle('工会台账');
  await expect(shell.title).toHaveText('首页');
  for (const label of NAV_LABELS) await expect(shell.navItem(label)).toBeVisible();

  // A fresh data folder: no unit name yet, and the home page says where to fill it in.
  await expect(shell.headerUnit).toHaveText('（尚未填写单位名称）');
  await expect(page.getByText('还没有填写单位信息')).toBeVisible();
  await expect(page.getByTestId('last-backup')).toContainText('还没有备份');

  // Every area opens under its own title, with its own page rather than a placeholder.
  for (const label of NAV_LABELS) await shell.open(label);
  await shell.open('关怀帮扶');
  await expect(page.getByRole('button', { name: '登记慰问' })).toBeVisible();
  await shell.open('年度归档');
  await expect(page.getByTestId('archive-year')).toBeVisible();
  await expect(page.getByTestId('empty-area-text')).toHaveCount(0);
  await shell.open('设置');
  await expect(page.getByRole('button', { name: '立即备份' })).toBeVisible();
  await shell.open('首页');
  await expect(page.getByText('最近一次备份')).toBeVisible();
});

test('the shortcut hint lists Ctrl+S', async ({ page }) => {
  await page.getByRole('button', { name: '快捷键' }).hover();
  await expect(page.getByTestId('shortcut-help')).toContainText('Ctrl+S');
});
