import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registerWorkbook } from '../integration/proposals-import/register';
import { expect, test } from './fixtures';
import { MemberSeeder } from './pages/members-seed';
import { ProposalsPages } from './pages/proposals-pages';
import { shoot } from './shots';

/** The people of the generated register (test/integration/proposals-import/register.ts). */
const REPS: { name: string; delegation: string; department?: string }[] = [
  { name: '张三丰', delegation: '第一代表团' },
  { name: '李秀英', delegation: '第一代表团' },
  { name: '王建国', delegation: '第一代表团' },
  { name: '王芳', delegation: '第一代表团', department: '教务处' },
  { name: '赵敏', delegation: '第二代表团' },
  { name: '钱学森', delegation: '第二代表团' },
  { name: '孙小美', delegation: '第二代表团' },
  { name: '王芳', delegation: '第二代表团', department: '人事处' },
];

test('the 导入提案 wizard: file, sheet, mapping, preview with fixes, import, register, undo', async ({ page, server }, testInfo) => {
  test.setTimeout(180_000);
  const seed = new MemberSeeder(page.request, server.url);
  await seed.call('settings.update', { unitName: '某某市第一中学', unionName: '某某市第一中学工会委员会', operator: '李干事' });
  const session = await seed.call<{ id: number }>('sessions.create', {
    term: 5,
    meeting: 2,
    startDate: '2026-03-20',
    collectionDeadline: '2026-03-15',
    replyDeadline: '2026-05-31',
  });
  const entries = [];
  for (const r of REPS) {
    const m = await seed.member({ name: r.name, ...(r.department ? { department: r.department } : {}) });
    entries.push({ memberId: m.id, delegation: r.delegation });
  }
  await seed.member({ name: '周非代', department: '体育组' });
  await seed.call('representatives.add', { sessionId: session.id, entries });
  for (const name of ['后勤管理处', '教务处', '人事处']) await seed.call('handlingUnits.create', { name });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'register-')), '提案登记表.xlsx');
  fs.writeFileSync(file, await registerWorkbook());
  await page.reload();

  const ui = new ProposalsPages(page);
  await ui.goto();
  await expect(page.getByTestId('proposal-total')).toHaveText('共 0 件');
  await page.getByRole('button', { name: '导入提案' }).click();
  await expect(page.getByTestId('import-title')).toHaveText('导入提案登记表（五届二次）');

  // 选择文件 → 选择工作表
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择提案登记表…' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByTestId('sheet-choice')).toContainText('表头在第 3、4 行，7 行数据');
  await page.getByRole('button', { name: '下一步：核对列对应' }).click();

  // 核对列对应: the grouped header is read; a correction is marked and can be taken back.
  const mapping = page.getByTestId('mapping-table');
  await expect(mapping).toContainText('提案人/姓名');
  const select = (header: string) => page.getByRole('combobox', { name: `「${header}」导入为` });
  await expect(mapping.locator('tr', { hasText: '提案人/代表团' })).toContainText('代表团');
  // Each choice is checked at once; the selects wait (disabled) until that check is back.
  const choose = async (header: string, option: string) => {
    await expect(select(header)).toBeEnabled();
    const dropdown = page.locator('.ant-select-dropdown:visible');
    await expect(async () => {
      if (!(await dropdown.count())) await select(header).click();
      await expect(dropdown).toHaveCount(1, { timeout: 1000 });
    }).toPass();
    // The list is virtual: an option scrolled out of view is not in the page at all. Typing narrows it.
    await select(header).fill(option);
    await dropdown.getByText(option, { exact: true }).click();
    // Closed before the next choice: a dropdown still fading out would pass for the next one's (on a busy
    // machine its animation outlasts the check above) and the next option would be sought in it.
    await expect(dropdown).toHaveCount(0);
    await expect(select(header)).toBeEnabled();
  };
  await choose('办法', '备注');
  await expect(mapping.locator('tr', { hasText: '办法' }).getByText('已调整')).toBeVisible();
  await choose('办法', '办法和建议');
  await expect(mapping.locator('tr', { hasText: '办法' })).toContainText('办法和建议');
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  await shoot(page, testInfo, 'proposals-import-mapping');
  await page.getByRole('button', { name: '下一步：预览与检查' }).click();

  // 预览与检查: every problem on its row; fixes made here, then checked again.
  const counts = page.getByTestId('import-counts');
  await expect(counts).toContainText('登记为提案2');
  await expect(counts).toContainText('有错误、不导入4');
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('提案人「陈路人」不是五届二次的代表，会员档案中也没有此人');
  await expect(preview).toContainText('王芳（第一代表团，教务处）、王芳（第二代表团，人事处）');
  await expect(preview).toContainText('原：赵敏，钱学森/孙小美；张三丰');
  await expect(preview).toContainText('补记：立案 → 交办 后勤管理处 → 答复 A 类 → 反馈 满意');
  const fixes = page.getByTestId('import-fixes');
  await expect(fixes).toContainText('周非代（体育组）→第二代表团，第 8 行');
  await page.getByTestId('import-title').scrollIntoViewIfNeeded();
  await shoot(page, testInfo, 'proposals-import-fixes');
  await fixes.getByRole('button', { name: '加为本届代表（1 人）' }).click();
  await expect(counts).toContainText('有错误、不导入3');
  await fixes.getByRole('button', { name: '加入提案类别列表' }).click();
  await expect(counts).toContainText('有错误、不导入2');
  await expect(counts).toContainText('登记为提案4');
  await expect(fixes).toHaveCount(0);
  await page.getByTestId('import-title').scrollIntoViewIfNeeded();
  await shoot(page, testInfo, 'proposals-import-preview');

  // 导入 → 结果
  await page.getByRole('button', { name: '开始导入（5 件）' }).click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '开始导入' }).click();
  await expect(page.getByTestId('import-result-title')).toHaveText('已导入 5 件：提案 4 件，意见建议 1 件');
  await expect(page.getByTestId('import-skipped')).toContainText('陈路人');
  await shoot(page, testInfo, 'proposals-import-result');

  // The register has them in file order; the first came with its history.
  await page.getByRole('button', { name: '查看提案登记簿' }).click();
  await expect(page.getByTestId('proposal-total')).toHaveText('共 5 件');
  const table = page.getByTestId('proposal-table');
  await expect(table.locator('tbody tr').first()).toContainText('五届二次 第001号');
  await expect(table.locator('tbody tr').first()).toContainText('关于改善教工食堂就餐环境的建议');
  await expect(table.locator('tbody tr').first()).toContainText('已反馈');
  await expect(table).toContainText('五届二次 第004号');
  await expect(table).toContainText('五届二次 意见建议第001号');

  // 撤销 from the batch list of the import page.
  await page.getByRole('button', { name: '导入提案' }).click();
  const batches = page.getByTestId('import-batches');
  await expect(batches).toContainText('提案登记表.xlsx（提案登记）');
  await batches.getByRole('button', { name: '撤销这次导入' }).click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '撤销导入' }).click();
  await expect(batches).toContainText('撤销');
  await expect(batches.getByRole('button', { name: '撤销这次导入' })).toHaveCount(0);
  await shoot(page, testInfo, 'proposals-import-undone');
  await page.getByRole('button', { name: '返回登记簿' }).click();
  await expect(page.getByTestId('proposal-total')).toHaveText('共 0 件');
});
