import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { MemberSeeder } from './pages/members-seed';
import { SHOTS_DIR, shoot } from './shots';

test('a visit over the cap needs a reason; a dues month is computed, paid and exported; this month’s birthdays', async ({ page, server, request }, testInfo) => {
  test.setTimeout(120_000);
  const seed = new MemberSeeder(request, server.url);
  const thisMonth = String(new Date().getMonth() + 1).padStart(2, '0');
  await seed.member({ name: '张三丰', monthlyWage: 4567.89, joinDate: '2010-09-01', birthDate: `1985-${thisMonth}-12` });
  await seed.member({ name: '李秀英', monthlyWage: 9999, joinDate: '2015-01-01', birthDate: '1990-07-04' });

  // 首页 was opened before the roster was seeded.
  await page.reload();
  await expect(page.getByTestId('home-birthdays')).toContainText('本月生日：1 位会员');
  await expect(page.getByTestId('home-birthdays')).toContainText('张三丰');
  await page.goto(`${server.url}#/care`);
  await expect(page.getByTestId('care-total')).toHaveText('共 0 次，合计 0.00 元');
  await page.keyboard.press('Control+n');
  const modal = page.getByRole('dialog', { name: '登记慰问' });
  await modal.getByLabel('会员').fill('张');
  await page.locator('.ant-select-item-option', { hasText: '张三丰' }).click();
  await modal.getByLabel('慰问事由').click();
  await page.locator('.ant-select-item-option', { hasText: '生病住院' }).click();
  await modal.getByLabel('金额').fill('1200');
  await expect(modal.getByText('超标准原因（超过 1000 元）')).toBeVisible();
  await modal.getByRole('button', { name: '保存' }).click();
  await expect(modal.getByText('超过标准，请填写原因')).toBeVisible();
  await modal.getByLabel('超标准原因').fill('重大手术，经工会委员会研究');
  await modal.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('care-total')).toHaveText('共 1 次，合计 1200.00 元');
  await expect(modal).toBeHidden();
  await expect(page.getByTestId('care-table')).toContainText('超过标准（生病住院标准 1000 元）：重大手术');
  await shoot(page, testInfo, 'care-visits');

  await page.getByText('慰问金发放表').click();
  await expect(page.getByTestId('payout-count')).toHaveText('本月发放 1 人次');
  await expect(page.frameLocator('[data-testid="payout-preview"]').getByText('合计（大写：壹仟贰佰元整）')).toBeVisible();
  const printing = page.waitForEvent('download');
  await page.keyboard.press('Control+p');
  const pdf = await printing;
  const pdfFile = testInfo.outputPath('payout.pdf');
  await pdf.saveAs(pdfFile);
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfFile, path.join(SHOTS_DIR, 'care-payout-pdf')]);
  await shoot(page, testInfo, 'care-payout');

  await page.getByText('本月生日').click();
  await expect(page.getByTestId('birthday-count')).toContainText('过生日的会员 1 人');
  await expect(page.getByRole('cell', { name: '张三丰' })).toBeVisible();
  await shoot(page, testInfo, 'care-birthdays');

  // 逢十: 张三丰 (1985) turned 40 in 2025; 李秀英 (1990) was 35.
  await page.getByText('逢十', { exact: true }).click();
  await page.getByLabel('起始年龄').fill('40');
  const yearInput = page.getByLabel('年度');
  await yearInput.click();
  await yearInput.fill('2025');
  await yearInput.press('Enter');
  await expect(page.getByTestId('decade-count')).toHaveText('2025年逢十生日 1 人');
  await expect(page.getByRole('row', { name: /张三丰/ })).toContainText('40');
  await shoot(page, testInfo, 'care-decade');

  await page.goto(`${server.url}#/dues`);
  await expect(page.getByTestId('dues-total')).toHaveText('本月还没有核算');
  await page.getByTestId('dues-compute').click();
  await expect(page.getByTestId('dues-total')).toHaveText('应缴 72.75 元，已缴 0.00 元，未缴 2 人');
  await page.getByRole('row', { name: /张三丰/ }).getByRole('checkbox').check();
  await page.getByRole('button', { name: /登记缴纳/ }).click();
  const pay = page.getByRole('dialog', { name: '登记会费缴纳' });
  await pay.getByLabel('收据号').fill('R-001');
  await pay.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('dues-total')).toHaveText('应缴 72.75 元，已缴 22.80 元，未缴 1 人');
  await expect(pay).toBeHidden();
  await expect(page.getByRole('row', { name: /张三丰/ })).toContainText('工资代扣 R-001');
  await shoot(page, testInfo, 'dues-month');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出收缴清单' }).click();
  const download = await downloading;
  const file = testInfo.outputPath('dues.xlsx');
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  expect(String(ws.getCell(1, 1).value)).toMatch(/^\d{4}年\d{1,2}月会费收缴清单$/);
  expect(ws.getCell(5, 2).value).toBe('合计');
  expect(ws.getCell(5, 7).value).toBeCloseTo(72.75);
});
