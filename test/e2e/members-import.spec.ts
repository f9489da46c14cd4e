import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { MembersImportPage } from './pages/members-import';
import { MembersListPage } from './pages/members-list';
import { BAD_ID, MESSY_ROWS, writeMessyRoster } from './pages/messy-roster';
import { shoot } from './shots';

test('the wizard on a messy roster: fix a mapping, see the errors, commit, see the members, undo', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const file = testInfo.outputPath('某某中学花名册.xlsx');
  await writeMessyRoster(file);

  const list = new MembersListPage(page);
  await list.goto();
  await list.expectTotal(0);
  await page.getByTestId('import-roster').click();

  const wiz = new MembersImportPage(page);
  await expect(wiz.currentStep()).toHaveText('选择文件');
  await shoot(page, testInfo, 'import-1-file');
  await wiz.chooseFile(file);

  // 选择工作表: one sheet, found with its header rows.
  await expect(wiz.currentStep()).toHaveText('选择工作表');
  await expect(page.getByRole('table', { name: '工作表' })).toContainText('第 2、3 行');
  await wiz.next('import-sheets-next');

  // 核对表头与列对应: the two-row header and the title row are recognised; 岗位 is not known and is mapped by hand.
  await expect(wiz.currentStep()).toHaveText('核对表头与列对应');
  await expect(wiz.headerRows).toContainText('表头在第 2、3 行（两行表头）');
  await expect(wiz.notes).toContainText('第 1 行是标题或说明，已跳过');
  await expect(wiz.notes).toContainText(`第 ${MESSY_ROWS.footer} 行是表尾`);
  await expect(wiz.mapping('B')).toContainText('姓名');
  await expect(wiz.mapping('E')).toContainText('证件号码');
  await expect(wiz.mapping('G')).toContainText('（不导入）');
  await wiz.mapColumn('G', '职务');
  await expect(page.getByRole('table', { name: '列对应' }).locator('tr', { hasText: '岗位' })).toContainText('手动指定');
  await shoot(page, testInfo, 'import-2-mapping');
  await wiz.next('import-mapping-next');

  // 预览: counts, raw beside parsed, the bad ID and the duplicate as errors with their rows.
  await expect(wiz.currentStep()).toHaveText('预览');
  await expect(wiz.count('read')).toHaveText('6');
  await expect(wiz.count('created')).toHaveText('4');
  await expect(wiz.count('skipped')).toHaveText('2');
  await shoot(page, testInfo, 'import-3-preview');
  await expect(wiz.previewRow(MESSY_ROWS.first)).toContainText('1985.03');
  await expect(wiz.previewRow(MESSY_ROWS.first)).toContainText('教研组长');
  await expect(wiz.previewRow(MESSY_ROWS.first + 1)).toContainText('→ 1990-07');
  await expect(wiz.previewRow(MESSY_ROWS.badId)).toHaveClass(/import-row-error/);
  await expect(wiz.previewRow(MESSY_ROWS.badId)).toContainText('身份证号有误（最后一位校验码不符），请核对原始证件');
  await expect(wiz.previewRow(MESSY_ROWS.duplicate)).toContainText(`与第 ${MESSY_ROWS.duplicateOf} 行重复`);
  await expect(wiz.previewRow(MESSY_ROWS.duplicateOf)).toContainText(`与第 ${MESSY_ROWS.duplicate} 行重复`);
  await wiz.filter(/只看错误/);
  await expect(wiz.preview.locator('tr[data-row]')).toHaveCount(2);
  await shoot(page, testInfo, 'import-4-preview-errors');
  await wiz.filter(/^全部$/);

  // 导入 → 结果.
  await wiz.commit();
  await expect(wiz.resultTitle).toHaveText('导入完成：新建 4 人，更新 0 人');
  await expect(wiz.resultSummary).toContainText('跳过 2 行');
  await expect(page.getByText(`第 ${MESSY_ROWS.badId} 行 E 列`)).toBeVisible();
  await shoot(page, testInfo, 'import-5-result');

  // The members are in the list, with the hand-mapped 职务.
  await page.getByRole('button', { name: '查看会员名册' }).click();
  await list.expectTotal(4);
  await expect(list.row('李建国')).toBeVisible();
  await expect(list.row(BAD_ID.name)).toHaveCount(0);
  await list.row('李建国').click();
  await expect(page.getByText('教研组长')).toBeVisible();

  // 导入记录 → 撤销: the list is empty again.
  await page.goto(`${page.url().replace(/\/members.*$/, '')}/members/import/batches`);
  const batches = page.getByRole('table', { name: '导入记录' });
  await expect(batches).toContainText('某某中学花名册.xlsx');
  await expect(batches).toContainText('新建 4，更新 0，无变化 0，跳过 2');
  await shoot(page, testInfo, 'import-6-batches');
  await batches.getByRole('button', { name: /撤\s?销/ }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /^撤\s?销$/ }).click();
  await expect(wiz.toast('已撤销第 1 批导入：移除 4 人，恢复 0 人')).toBeVisible();
  await expect(batches).toContainText('撤销');
  await page.getByRole('button', { name: '返回会员名册' }).click();
  await list.expectTotal(0);
});

test('the mapping is remembered for the same header, and 撤销本次导入 works from the result', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const file = testInfo.outputPath('花名册.xlsx');
  await writeMessyRoster(file);
  const wiz = new MembersImportPage(page);
  const list = new MembersListPage(page);
  await list.goto();

  await page.getByTestId('import-roster').click();
  await wiz.chooseFile(file);
  await wiz.next('import-sheets-next');
  await wiz.mapColumn('G', '职务');
  await wiz.next('import-mapping-next');
  await wiz.commit();
  await expect(wiz.resultTitle).toHaveText('导入完成：新建 4 人，更新 0 人');
  await wiz.undo();
  await expect(wiz.resultTitle).toHaveText('本次导入已撤销');

  // Again: the correction of 岗位 comes back by itself.
  await page.getByRole('button', { name: '再导入一个文件' }).click();
  await wiz.chooseFile(file);
  await wiz.next('import-sheets-next');
  await expect(page.getByText('已按上次为这种表头所做的选择对应各列。')).toBeVisible();
  await expect(wiz.mapping('G')).toContainText('职务');
});

test('导出当前筛选 downloads an .xlsx of the filtered list, in either template', async ({ page }, testInfo) => {
  const list = new MembersListPage(page);
  await list.goto();
  // Two members through the import (the quickest way to have some).
  const file = testInfo.outputPath('花名册.xlsx');
  await writeMessyRoster(file);
  await page.getByTestId('import-roster').click();
  const wiz = new MembersImportPage(page);
  await wiz.chooseFile(file);
  await wiz.next('import-sheets-next');
  await wiz.next('import-mapping-next');
  await wiz.commit();
  await page.getByRole('button', { name: '查看会员名册' }).click();
  await list.expectTotal(4);
  await list.searchFor('王秀英');
  await list.expectTotal(1);

  for (const [label, expected] of [
    ['工会台账花名册（全部字段）', { sheet: '会员花名册', headerRow: 1 }],
    ['上级工会实名制模板（海南省总工会 20 列）', { sheet: '会员信息', headerRow: 4 }],
  ] as const) {
    await list.exportButton.click();
    if (expected.headerRow === 1) await shoot(page, testInfo, 'import-7-export-menu');
    const downloading = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: label }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${expected.sheet}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    const saved = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(saved);
    expect(fs.readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.getWorksheet(expected.sheet)!;
    const names = ws.getColumn(expected.sheet === '会员花名册' ? 1 : 2).values.slice(expected.headerRow + 1).filter((v) => v === '王秀英' || v === '李建国');
    expect(names).toEqual(['王秀英']);
    await expect(list.toast(`已导出 1 人（${expected.sheet}-`)).toBeVisible();
  }
});
