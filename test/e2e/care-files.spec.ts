import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { MemberSeeder } from './pages/members-seed';
import { SHOTS_DIR, shoot } from './shots';

test('设置 caps drive the visit check; 审批入账; the member file shows care; a hardship file with family, aid and its printed form; birthday list print', async ({ page, server, request }, testInfo) => {
  test.setTimeout(150_000);
  const seed = new MemberSeeder(request, server.url);
  const thisMonth = String(new Date().getMonth() + 1).padStart(2, '0');
  const group = await seed.unit({ parentId: null, kind: 'group', name: '语文组' });
  const m = await seed.member({ name: '张三丰', joinDate: '2010-09-01', birthDate: `1985-${thisMonth}-12`, groupId: group.id });

  // 设置 → 慰问事由与标准: 生病住院 down to 500 yuan.
  await page.goto(`${server.url}#/settings`);
  const card = page.getByTestId('care-occasions');
  await card.getByLabel('事由3标准').fill('500');
  await card.getByRole('button', { name: '保存慰问标准' }).click();
  await expect(page.getByText('已保存慰问事由与标准')).toBeVisible();
  await shoot(page, testInfo, 'care-occasions-settings');

  await page.goto(`${server.url}#/care`);
  await page.getByRole('button', { name: '登记慰问' }).click();
  const modal = page.getByRole('dialog', { name: '登记慰问' });
  await modal.getByLabel('会员').fill('张');
  await page.locator('.ant-select-item-option', { hasText: '张三丰' }).click();
  await modal.getByLabel('慰问事由').click();
  await page.locator('.ant-select-item-option', { hasText: '生病住院（标准 500 元' }).click();
  await modal.getByLabel('金额').fill('600');
  await expect(modal.getByText('超标准原因（超过 500 元）')).toBeVisible();
  await modal.getByLabel('超标准原因').fill('住院两周');
  await modal.getByRole('button', { name: '保存' }).click();
  await expect(modal).toBeHidden();
  const row = page.getByRole('row', { name: /张三丰/ });
  await expect(row).toContainText('超过标准（生病住院标准 500 元）');
  await expect(row).toContainText('待审批');
  await expect(row).toContainText('语文组');

  await row.getByRole('button', { name: '审批入账' }).click();
  const approve = page.getByRole('dialog', { name: /审批与入账/ });
  await approve.getByLabel('工会小组审批日期').fill('2026-03-01');
  await approve.getByLabel('工会小组审批日期').press('Enter');
  await approve.getByLabel('工会小组审批人').fill('王组长');
  await approve.getByLabel('领款人已签字').check();
  await approve.getByLabel('入账凭证号').fill('记-031');
  await approve.getByRole('button', { name: '保存' }).click();
  await expect(approve).toBeHidden();
  await expect(row).toContainText('工会小组已批');
  await expect(row).toContainText('已签');
  await expect(row).toContainText('凭证 记-031');
  await shoot(page, testInfo, 'care-visits-approved');

  const exporting = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const xlsx = testInfo.outputPath('visits.xlsx');
  await (await exporting).saveAs(xlsx);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.worksheets[0]!;
  // Full ID numbers (no login): the notice row first, #16.
  expect(ws.getRow(1).getCell(1).value).toBe('内部资料 含个人信息 请妥善保管');
  expect((ws.getRow(5).values as unknown[]).slice(1)).toEqual(expect.arrayContaining(['张三丰', '语文组', '生病住院', '王组长 2026-03-01', '已签', '记-031']));

  await page.goto(`${server.url}#/members/${m.id}`);
  await expect(page.getByTestId('member-care')).toContainText('生病住院 600.00 元');

  // 困难职工档案: 建档, then the whole form on its page.
  await page.goto(`${server.url}#/care/hardship`);
  await page.getByRole('button', { name: '建立档案' }).click();
  const create = page.getByRole('dialog', { name: '建立困难职工档案' });
  await create.getByLabel('会员').fill('张');
  await page.locator('.ant-select-item-option', { hasText: '张三丰' }).click();
  await create.getByLabel('困难类别').click();
  await page.locator('.ant-select-item-option', { hasText: '低保边缘户' }).click();
  await create.getByLabel('主要致困原因').click();
  await page.locator('.ant-select-item-option', { hasText: '患重特大疾病' }).click();
  await create.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('hardship-file')).toContainText('困难职工档案：张三丰');

  await page.getByRole('button', { name: '添加家庭成员' }).click();
  await page.getByLabel('成员1姓名').fill('王秀兰');
  await page.getByLabel('成员1关系').fill('配偶');
  await page.getByLabel('成员1身份证号').fill('110108198601020027');
  await page.getByLabel('开户银行').fill('中国工商银行');
  await page.getByLabel('银行卡号').fill('6222021234567890123');
  await page.getByRole('button', { name: '保存档案' }).click();
  await expect(page.getByText('已保存档案')).toBeVisible();
  // Shown masked once saved.
  await expect(page.getByLabel('成员1身份证号')).toHaveValue('110108********0027');
  await expect(page.getByLabel('银行卡号')).toHaveAttribute('placeholder', '622202*********0123');

  const aid = page.getByTestId('hardship-aid');
  await aid.getByLabel('帮扶类型').fill('医疗救助');
  await aid.getByLabel('帮扶金额').fill('3000');
  await aid.getByRole('button', { name: '登记帮扶' }).click();
  await expect(page.getByTestId('hardship-aid-totals')).toContainText(`${new Date().getFullYear()}年 1 次 3000.00 元`);
  await shoot(page, testInfo, 'care-hardship-file');

  await page.getByRole('button', { name: '打印档案表' }).click();
  const sheet = page.frameLocator('[data-testid="hardship-print"]');
  await expect(sheet.getByText('王秀兰')).toBeVisible();
  await expect(sheet.getByText('622202*********0123')).toBeVisible();
  const printing = page.waitForEvent('download');
  await page.getByRole('button', { name: '生成 PDF' }).click();
  const pdfFile = testInfo.outputPath('hardship.pdf');
  await (await printing).saveAs(pdfFile);
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
  for (const want of ['困难职工档案表', '张三丰', '王秀兰', '配偶', '低保边缘户', '医疗救助', '622202*********0123']) expect(text).toContain(want);
  expect(text).not.toContain('6222021234567890123');
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfFile, path.join(SHOTS_DIR, 'care-hardship-pdf')]);
  await page.keyboard.press('Escape');

  await page.goto(`${server.url}#/care/birthdays`);
  await expect(page.getByTestId('birthday-count')).toContainText('过生日的会员 1 人');
  await page.getByRole('button', { name: '打印名单' }).click();
  await expect(page.frameLocator('[data-testid="birthday-print"]').getByText('领取人签字')).toBeVisible();
  await expect(page.frameLocator('[data-testid="birthday-print"]').getByText('张三丰')).toBeVisible();
  await shoot(page, testInfo, 'care-birthday-print');
});
