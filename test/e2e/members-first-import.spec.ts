/**
 * #15 items 1–4 in Chromium: a first roster into an empty database creates its six 工会小组 (第1小组 and 第３小组
 * matched, not duplicated) and every member has one; the warning summary lists the one ID/birth-date
 * conflict first and groups the benign notes; the 问题行 workbook downloaded from the result re-imports after
 * fixing; 导入记录 opens a batch's details and downloads its 问题行 again.
 */
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { MembersImportPage } from './pages/members-import';
import { MembersListPage } from './pages/members-list';
import { MemberSeeder } from './pages/members-seed';
import { shoot } from './shots';
import { FIRST_COUNT, FIRST_GROUPS, FIRST_ROWS, idFor, writeFirstRoster } from '../fixtures/first-roster';

test('a first roster: groups created, the conflict first, the 问题行 fixed and imported again, 导入记录 details', async ({ page, server }, testInfo) => {
  test.setTimeout(150_000);
  const seed = new MemberSeeder(page.request, server.url);
  const file = await writeFirstRoster(testInfo.outputPath('教职工花名册.xlsx'));
  const list = new MembersListPage(page);
  await list.goto();
  await list.expectTotal(0);
  await page.getByTestId('import-roster').click();
  const wiz = new MembersImportPage(page);
  await wiz.chooseFile(file);
  await wiz.next('import-sheets-next');
  await wiz.next('import-mapping-next');

  // 预览: the groups to create and the near spellings; the one real conflict before the grouped notes.
  await expect(wiz.currentStep()).toHaveText('预览');
  const units = page.getByTestId('import-units');
  await expect(units).toContainText(`将新建 6 个工会小组：${FIRST_GROUPS.join('、')}`);
  await expect(units).toContainText('「第1小组」按「第一小组」导入（1 行）');
  await expect(units).toContainText('「第3小组」按「第三小组」导入（1 行）');
  await expect(page.getByTestId('import-create-units')).toBeChecked();
  const conflicts = page.getByTestId('import-conflicts');
  await expect(conflicts).toContainText('需要核对 3 条');
  await expect(conflicts.locator('.ant-alert-description > div > div').first()).toContainText(
    `第 ${FIRST_ROWS.birthConflict} 行 D 列「出生年月」：填写的出生日期 1975-07-01 与身份证号不符，已按身份证号记为 1975-06-02`,
  );
  await expect(conflicts).toContainText('入会时间 2031-01-01 晚于今天，请核对');
  await expect(page.getByTestId('import-note-groups')).toContainText('学历「本科」按「大学本科」导入：24 行');
  await shoot(page, testInfo, 'first-import-1-preview');

  // The choice to leave them unset is a new preview; back on, as the clerk wants.
  await page.getByTestId('import-create-units').click();
  await expect(units).toContainText('6 个组织不存在，29 名会员未设置工会小组');
  // Left unset by choice: grouped notes, not 29 conflicts.
  await expect(conflicts).toContainText('需要核对 3 条');
  await expect(page.getByTestId('import-note-groups')).toContainText('不存在，未设置');
  await shoot(page, testInfo, 'first-import-1b-unset');
  await page.getByTestId('import-create-units').click();
  await expect(units).toContainText('将新建 6 个工会小组');

  await wiz.commit();
  await expect(wiz.resultTitle).toHaveText(`导入完成：新建 ${FIRST_COUNT - 1} 人，更新 0 人`);
  await expect(page.getByTestId('import-units')).toContainText('已新建 6 个工会小组');
  const tree = await seed.call<{ name: string; memberCount: number }[]>('groups.tree', {});
  expect(tree.map((u) => u.name)).toEqual(FIRST_GROUPS);
  expect(tree.reduce((n, u) => n + u.memberCount, 0)).toBe(FIRST_COUNT - 1);
  await shoot(page, testInfo, 'first-import-2-result');

  // 下载问题行 → fix the wrong ID in "Excel" → import that file again.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('import-issues-download').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('教职工花名册-问题行.xlsx');
  const saved = testInfo.outputPath('问题行.xlsx');
  await download.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(1).values).toEqual([undefined, '行号', '序号', '姓名', '性别', '出生年月', '身份证号', '学历', '工会小组', '入会时间', '手机号码', '问题']);
  expect(ws.rowCount).toBe(5);
  ws.eachRow((row, n) => {
    if (n > 1 && Number(row.getCell(1).value) === FIRST_ROWS.badId) {
      const id = String(row.getCell(6).value);
      row.getCell(6).value = idFor(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, Number(id.slice(14, 17)));
    }
  });
  const fixed = testInfo.outputPath('问题行-已改.xlsx');
  await wb.xlsx.writeFile(fixed);
  await page.getByRole('button', { name: '再导入一个文件' }).click();
  await wiz.chooseFile(fixed);
  await wiz.next('import-sheets-next');
  await wiz.next('import-mapping-next');
  await expect(wiz.count('created')).toHaveText('1');
  await wiz.commit();
  await expect(wiz.resultTitle).toHaveText('导入完成：新建 1 人，更新 0 人');

  // 导入记录: the first batch opened — file, sheet, counts, operator, the skipped row — and its 问题行 again.
  await page.goto(`${page.url().replace(/\/members.*$/, '')}/members/import/batches`);
  const batches = page.getByRole('table', { name: '导入记录' });
  const first = batches.locator('tr', { hasText: '教职工花名册.xlsx' });
  await first.locator('.ant-table-row-expand-icon').click();
  const details = page.locator('[data-testid^="batch-details-"]');
  await expect(details).toContainText('教职工花名册');
  await expect(details).toContainText(`读取${FIRST_COUNT} 行`);
  await expect(details).toContainText(FIRST_GROUPS.join('、'));
  await expect(details).toContainText(`第 ${FIRST_ROWS.badId} 行：身份证号有误`);
  await shoot(page, testInfo, 'first-import-3-batches');
  const again = page.waitForEvent('download');
  await details.getByTestId('import-issues-download').click();
  expect((await again).suggestedFilename()).toBe('教职工花名册-问题行.xlsx');
});
