import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { expect, test } from './fixtures';
import { MemberSeeder } from './pages/members-seed';
import { SHOTS_DIR, shoot } from './shots';

const PLAN = ['2026年工会工作计划', '一、主要工作', '1、做好送温暖工作', '三月份', '1、开展“三八”妇女节庆祝活动', '2、组织教职工体检', '九月份：庆祝教师节；召开教代会'].join('\n');

test('paste a plan, fix an item, save; record an activity with two participants and a photo; print its 台账 page; export the summary .docx', async ({ page, server, request }, testInfo) => {
  test.setTimeout(120_000);
  const seed = new MemberSeeder(request, server.url);
  await seed.member({ name: '张三丰' });
  await seed.member({ name: '李秀英' });
  const year = new Date().getFullYear();

  await page.goto(`${server.url}#/plans`);
  await page.getByRole('button', { name: '导入工作计划' }).click();
  const modal = page.getByRole('dialog', { name: '导入工作计划' });
  await modal.getByLabel('计划全文').fill(PLAN);
  await modal.getByTestId('plan-parse').click();
  const preview = modal.getByTestId('plan-preview');
  await expect(modal.getByText('识别到 2 个月份、4 项按月事项，另有 1 项月份待定。')).toBeVisible();
  // Fix one item: 召开教代会 becomes 10月.
  const row = preview.locator('tr', { has: page.locator('input[value="召开教代会"]') });
  await row.getByLabel('月份').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^10月$/ }).click();
  await shoot(page, testInfo, 'plans-import-preview');
  await modal.getByTestId('plan-save').click();
  await expect(modal).toBeHidden();
  await expect(page.getByTestId('plan-total')).toContainText('共 5 项');
  await expect(page.getByTestId('plan-board').locator('.ant-card', { hasText: '10月' })).toContainText('召开教代会');
  await shoot(page, testInfo, 'plans-board');

  await page.getByText('活动台账').click();
  await page.getByRole('button', { name: '登记活动' }).click();
  const act = page.getByRole('dialog', { name: '登记活动台账' });
  await act.getByLabel('活动名称').fill('三八妇女节趣味游园');
  await act.getByLabel('地点').fill('学校操场');
  for (const name of ['张三丰', '李秀英']) {
    await act.getByTestId('participant-picker').locator('input').fill(name.slice(0, 1));
    await page.locator('.ant-select-item-option', { hasText: name }).click();
  }
  await expect(act.getByTestId('participant')).toHaveText(['张三丰', '李秀英']);
  const chooser = page.waitForEvent('filechooser');
  await act.getByTestId('add-photo').click();
  await (await chooser).setFiles(path.resolve('build/icons/icon.png'));
  await expect(act.getByText('icon.png')).toBeVisible();
  await act.getByRole('button', { name: '保存' }).click();
  await expect(act).toBeHidden();
  await expect(page.getByTestId('activities-total')).toHaveText('共 1 次，2 人次，经费 0.00 元');
  await shoot(page, testInfo, 'plans-activities');

  await page.getByRole('button', { name: '打印台账页' }).click();
  await expect(page.frameLocator('[data-testid="activity-print"]').getByText('2 人：')).toBeVisible();
  await shoot(page, testInfo, 'plans-print-preview');
  const printing = page.waitForEvent('download');
  await page.getByRole('button', { name: /生成 PDF/ }).click();
  const pdfFile = testInfo.outputPath('activity.pdf');
  await (await printing).saveAs(pdfFile);
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfFile, path.join(SHOTS_DIR, 'plans-activity-pdf')]);
  await page.keyboard.press('Escape');

  // The member's file lists the activity.
  await page.goto(`${server.url}#/members`);
  await page.getByRole('cell', { name: '李秀英' }).click();
  await expect(page.getByTestId('member-ledger')).toContainText('三八妇女节趣味游园（其他）');
  await shoot(page, testInfo, 'plans-member-file');
  await page.goto(`${server.url}#/plans/activities`);

  const docx = page.waitForEvent('download');
  await page.getByTestId('summary-docx').click();
  const docxFile = testInfo.outputPath('summary.docx');
  await (await docx).saveAs(docxFile);
  const text = (await mammoth.extractRawText({ path: docxFile })).value;
  expect(text).toContain(`${year}年工作总结（素材）`);
  expect(text).toContain('全年组织各类活动 1 次，参加 2 人次');
});
