import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { fakeMember, MemberSeeder } from './pages/members-seed';
import { SHOTS_DIR, shoot } from './shots';

/** 财务's deduction list as a clerk receives it: a title row, 实缴 for two members, one person not on the roster. */
async function paymentFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('代扣');
  ws.addRow(['本季度工会会费代扣明细']);
  ws.addRow(['序号', '身份证号', '姓名', '实缴会费（元）', '扣款日期']);
  ws.addRow([1, '110108198503120011', '张三丰', 68.4, '2026-12-05']);
  ws.addRow([2, '310115199007040026', '李秀英', 149.85, '2026-12-05']);
  ws.addRow([3, '110105194912310021', '周外人', 30, '2026-12-05']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('会费 by quarter: 设置, compute, import payments, print the 收缴清单 per group, the yearly summary', async ({ page, server, request }, testInfo) => {
  test.setTimeout(120_000);
  const seed = new MemberSeeder(request, server.url);
  const g1 = await seed.unit({ parentId: null, kind: 'group', name: '第一小组' });
  const g2 = await seed.unit({ parentId: null, kind: 'group', name: '第二小组' });
  await seed.member({ name: '张三丰', idNumber: '110108198503120011', monthlyWage: 4567.89, joinDate: '2010-09-01', groupId: g1.id });
  await seed.member({ name: '李秀英', idNumber: '310115199007040026', monthlyWage: 9999, joinDate: '2015-01-01', groupId: g1.id });
  await seed.member({ name: '赵敏', idNumber: '32010219651001004X', monthlyWage: 6000, joinDate: '2001-03-01', groupId: g2.id });

  await page.goto(`${server.url}#/settings`);
  const card = page.getByTestId('dues-settings');
  await card.getByLabel('收缴周期').click();
  await page.locator('.ant-select-item-option', { hasText: '按季度' }).click();
  await card.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.ant-message-notice').filter({ hasText: '已保存会费设置' })).toBeVisible();
  await expect(card.getByTestId('dues-rule-example')).toContainText('计缴基数 4560.00 元 × 0.5% = 应缴 22.80 元');

  await page.goto(`${server.url}#/dues`);
  await expect(page.getByRole('tab', { name: '收缴（按季度）' })).toBeVisible();
  await expect(page.getByTestId('dues-total')).toContainText('季度还没有核算');
  await page.getByTestId('dues-compute').click();
  // Three months each: 3 × (22.80 + 49.95 + 30.00).
  await expect(page.getByTestId('dues-total')).toHaveText('应缴 308.25 元，已缴 0.00 元，未缴 3 人');
  await expect(page.getByRole('row', { name: /赵敏/ })).toContainText('未缴 3 个月');

  await page.getByRole('tab', { name: '导入工资或缴费表' }).click();
  const choosing = page.waitForEvent('filechooser');
  await page.getByTestId('dues-import-pick').click();
  await (await choosing).setFiles({ name: '会费代扣.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await paymentFile() });
  await expect(page.getByText('表头在第 2 行，3 行数据')).toBeVisible();
  await page.getByRole('button', { name: '下一步：核对列对应' }).click();
  await expect(page.getByTestId('mapping-table')).toContainText('实缴会费');
  await page.getByRole('button', { name: '下一步：预览与检查' }).click();
  await expect(page.getByTestId('dues-import-counts')).toContainText('将更新 2 人（6 个月的记录，其中登记缴纳 6 个月、实缴 218.25 元），无变化 0 人，跳过 1 行');
  await expect(page.getByTestId('dues-import-rows')).toContainText('花名册中没有身份证号为 110105194912310021 的会员');
  await shoot(page, testInfo, 'dues-import-preview');
  await page.getByTestId('dues-import-commit').click();
  await page.getByRole('button', { name: '开始导入', exact: true }).click();
  await expect(page.getByTestId('dues-import-counts')).toContainText('更新 2 人');
  await expect(page.getByTestId('dues-import-undo')).toBeVisible();

  await page.getByRole('tab', { name: '收缴（按季度）' }).click();
  await expect(page.getByTestId('dues-total')).toHaveText('应缴 308.25 元，已缴 218.25 元，未缴 1 人');
  await page.getByTestId('dues-print').click();
  const frame = page.frameLocator('[data-testid="dues-print-frame"]');
  await expect(frame.getByText('工会小组：第一小组')).toBeVisible();
  await expect(frame.getByText('实缴合计（大写：贰佰壹拾捌元贰角伍分）')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '生成 PDF' }).click();
  const pdfFile = testInfo.outputPath('dues.pdf');
  await (await downloading).saveAs(pdfFile);
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
  expect(text).toContain('会费收缴清单（汇总）');
  expect(text).toContain('收缴人（小组长）签字');
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfFile, path.join(SHOTS_DIR, 'dues-collection-pdf')]);
  await shoot(page, testInfo, 'dues-print');
  await page.getByRole('dialog').getByRole('button', { name: '关闭', exact: true }).last().click();

  const exporting = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出上解清单（按小组）' }).click();
  const xlsx = testInfo.outputPath('remit.xlsx');
  await (await exporting).saveAs(xlsx);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  expect(wb.getWorksheet('汇总')!.getCell(3, 2).value).toBe('第一小组');

  await page.getByRole('tab', { name: '年度汇总' }).click();
  await expect(page.getByTestId('dues-year-total')).toContainText('实缴 218.25 元（贰佰壹拾捌元贰角伍分）');
  await expect(page.getByTestId('dues-year-table')).toContainText('第二小组');
  await shoot(page, testInfo, 'dues-year');
});

test('会费 over a year pages through the server: 130 members, ticks kept across pages, 登记缴纳 for both', async ({ page, server, request }) => {
  test.setTimeout(120_000);
  const seed = new MemberSeeder(request, server.url);
  await seed.call('settings.update', { duesPeriodKind: 'year' });
  for (let i = 0; i < 130; i += 16) {
    await Promise.all(
      Array.from({ length: Math.min(16, 130 - i) }, (_, k) => seed.member({ ...fakeMember(i + k), monthlyWage: 5000 + (i + k) * 10 })),
    );
  }
  // A fresh load, so the window reads the 按年 set above (a hash change alone keeps the settings it had).
  await page.goto(`${server.url}#/dues`);
  await page.reload();
  await expect(page.getByRole('tab', { name: '收缴（按年）' })).toBeVisible();
  await page.getByTestId('dues-compute').click();
  await expect(page.getByTestId('dues-total')).toContainText('未缴 130 人');
  const table = page.getByTestId('dues-table');
  const rows = table.locator('tbody tr.ant-table-row');
  // The arrears table below has no pager: this one is the sheet's.
  const pager = page.locator('.ant-pagination');
  await expect(pager.getByText('共 130 人')).toBeVisible();
  await expect(rows).toHaveCount(100);
  const firstName = (await rows.first().locator('td').nth(1).textContent())!;
  await rows.first().getByRole('checkbox').check();

  await pager.locator('.ant-pagination-item-2').click();
  await expect(rows).toHaveCount(30);
  await expect(rows.first()).not.toContainText(firstName);
  await rows.last().getByRole('checkbox').check();
  await page.getByRole('button', { name: '登记缴纳（2 人）' }).click();
  const dialog = page.getByRole('dialog', { name: '登记会费缴纳' });
  await expect(dialog).toContainText('所选 2 人在');
  await expect(dialog).toContainText('未缴的 24 个月都登记为已缴');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.ant-message-notice').filter({ hasText: '已登记 2 人缴纳（24 个月）' })).toBeVisible();
  await expect(page.getByTestId('dues-total')).toContainText('未缴 128 人');
});
