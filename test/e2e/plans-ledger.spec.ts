import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { MemberSeeder } from './pages/members-seed';
import { SHOTS_DIR, shoot } from './shots';

const daysAgo = (n: number) => {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** antd's DatePicker takes a typed date once Enter confirms it. */
async function typeDate(page: Page, field: Locator, iso: string) {
  await field.click();
  await field.fill(iso);
  await field.press('Enter');
}

test('劳动争议调解: an overdue case from day 16, edited to 达成协议, prints the 调解协议书 as an A4 PDF with signature and seal blocks', async ({ page, server, request }, testInfo) => {
  test.setTimeout(120_000);
  const seed = new MemberSeeder(request, server.url);
  await seed.member({ name: '王建国', idNumber: '110108198503120011' });

  await page.goto(`${server.url}#/plans/mediation`);
  await page.getByRole('button', { name: '登记调解申请' }).click();
  const dlg = page.getByRole('dialog', { name: '登记调解申请' });
  await dlg.getByLabel('口头申请').check();
  await typeDate(page, dlg.getByLabel('受理日期'), daysAgo(16));
  await dlg.getByTestId('mediation-member').locator('input').fill('王');
  await page.locator('.ant-select-item-option', { hasText: '王建国' }).click();
  await expect(dlg.getByLabel('申请人身份证号')).toHaveValue('110108198503120011');
  await dlg.getByLabel('被申请人').fill('某某物业服务有限公司');
  await dlg.getByLabel('争议事项').fill('拖欠加班工资');
  await dlg.getByLabel('调解员').fill('刘调解');
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg).toBeHidden();

  const table = page.getByTestId('mediation-table');
  const row = table.locator('tr', { hasText: '王建国' });
  await expect(row).toContainText('逾期');
  // The list masks the ID number.
  await expect(row).toContainText('110108********0011');
  await expect(row).not.toContainText('19850312');
  await shoot(page, testInfo, 'plans-mediation-list');

  // 首页: this and next month's plan items, and the overdue case.
  const now = new Date();
  const month = now.getMonth() + 1;
  const next = (month % 12) + 1;
  await seed.call('plans.save', {
    year: now.getFullYear(), period: 'year', title: `${now.getFullYear()}年工会工作计划`, areas: [],
    items: [{ month, title: '本月的慰问活动', kind: 'care', owner: '李干事' }, { month: next, title: '下月的教职工体检', kind: 'health' }],
  });
  await page.goto(`${server.url}#/`);
  const home = page.getByTestId('plans-home');
  await expect(home.getByTestId('plans-home-this')).toContainText(`本月（${month}月）（1 项）`);
  await expect(home.getByTestId('plans-home-this')).toContainText('本月的慰问活动（送温暖/帮扶，李干事）');
  // In December next month is January of next year's plan, which this test does not save.
  if (next !== 1) await expect(home.getByTestId('plans-home-next')).toContainText('下月的教职工体检');
  else await expect(home.getByTestId('plans-home-next')).toContainText('没有安排');
  await expect(home.getByTestId('plans-home-mediation')).toContainText('逾期未结案的劳动争议调解 1 件');
  await expect(home.getByTestId('plans-home-mediation')).toContainText('王建国 与 某某物业服务有限公司：拖欠加班工资');
  await shoot(page, testInfo, 'plans-home');
  await page.goto(`${server.url}#/plans/mediation`);

  await row.getByRole('button', { name: '修改' }).click();
  const edit = page.getByRole('dialog', { name: '修改调解记录' });
  await expect(edit.getByLabel('申请人身份证号')).toHaveValue('110108198503120011');
  await edit.getByLabel('调解经过（每次一行：日期、参加人、经过）').fill(`${daysAgo(10)} 第一次调解，双方陈述\n${daysAgo(2)} 第二次调解，达成一致`);
  await edit.getByRole('radio', { name: '达成协议', exact: true }).check();
  await edit.getByLabel('协议内容').fill('被申请人一次性支付加班工资3200元。');
  await shoot(page, testInfo, 'plans-mediation-edit');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('达成协议');
  await expect(row).not.toContainText('逾期');

  await row.getByRole('button', { name: '协议书' }).click();
  const frame = page.frameLocator('[data-testid="mediation-print"]');
  await expect(frame.getByText('劳动争议调解协议书')).toBeVisible();
  await expect(frame.getByText('被申请人一次性支付加班工资3200元。')).toBeVisible();
  await shoot(page, testInfo, 'plans-mediation-print-preview');
  const printing = page.waitForEvent('download');
  await page.getByRole('button', { name: /生成 PDF/ }).click();
  const download = await printing;
  expect(download.suggestedFilename()).toBe('调解协议书-王建国.pdf');
  const pdfFile = testInfo.outputPath('agreement.pdf');
  await download.saveAs(pdfFile);
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const s of ['劳动争议调解协议书', '王建国', '110108198503120011', '某某物业服务有限公司', '拖欠加班工资', '被申请人一次性支付加班工资3200元。', '申请人（签名或盖章）', '被申请人（签名或盖章）', '调解员（签名）', '劳动争议调解委员会（盖章）']) {
    expect(text).toContain(s);
  }
  expect(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfFile, path.join(SHOTS_DIR, 'plans-mediation-agreement-pdf')]);
  await page.keyboard.press('Escape');

  await row.getByRole('button', { name: '申请记录' }).click();
  await expect(frame.getByText('劳动争议调解申请记录')).toBeVisible();
  await expect(frame.getByText('第二次调解，达成一致')).toBeVisible();
});

test('表彰: an award to two members and one to a collective, listed per year; the member file shows the member\'s award', async ({ page, server, request }, testInfo) => {
  test.setTimeout(90_000);
  const seed = new MemberSeeder(request, server.url);
  await seed.member({ name: '张三丰' });
  await seed.member({ name: '李秀英' });
  const year = new Date().getFullYear();

  await page.goto(`${server.url}#/plans/awards`);
  await page.getByRole('button', { name: '登记表彰' }).click();
  let dlg = page.getByRole('dialog', { name: '登记表彰' });
  await dlg.getByLabel('荣誉名称').fill('优秀工会积极分子');
  await dlg.getByLabel('级别').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^市级$/ }).click();
  await dlg.getByLabel('授予单位').fill('市总工会');
  await dlg.getByLabel('文件号').fill(`市工发〔${year}〕5号`);
  for (const name of ['张三丰', '李秀英']) {
    await dlg.getByTestId('recipient-picker').locator('input').fill(name.slice(0, 1));
    await page.locator('.ant-select-item-option', { hasText: name }).click();
  }
  await expect(dlg.getByTestId('recipient')).toHaveText(['张三丰', '李秀英']);
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg).toBeHidden();

  await page.getByRole('button', { name: '登记表彰' }).click();
  dlg = page.getByRole('dialog', { name: '登记表彰' });
  await dlg.getByLabel('荣誉名称').fill('模范职工小家');
  await dlg.getByLabel('集体').check();
  await dlg.getByLabel('获奖集体').fill('语文教研组');
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg).toBeHidden();

  await expect(page.getByTestId('awards-total')).toHaveText('共 2 项表彰，个人 2 人次，集体 1 个（校级/单位级 1，市级 1）');
  await expect(page.getByTestId('awards-table').locator('tr', { hasText: '优秀工会积极分子' })).toContainText('李秀英、张三丰'); // roster order (pinyin)
  await expect(page.getByTestId('awards-table').locator('tr', { hasText: '模范职工小家' })).toContainText('集体：语文教研组');
  await shoot(page, testInfo, 'plans-awards');
  await page.getByLabel('年度', { exact: true }).fill(String(year - 1));
  await expect(page.getByTestId('awards-total')).toHaveText('共 0 项表彰，个人 0 人次，集体 0 个');

  await page.goto(`${server.url}#/members`);
  await page.getByRole('cell', { name: '李秀英' }).click();
  await expect(page.getByTestId('member-ledger')).toContainText(`获得「优秀工会积极分子」（市级，市总工会，市工发〔${year}〕5号）`);
  await expect(page.getByTestId('member-ledger')).not.toContainText('模范职工小家');
  await shoot(page, testInfo, 'plans-member-award');
});

test('计划看板: an item is edited in place — title, month and owner; 取消 asks for its reason', async ({ page, server, request }, testInfo) => {
  test.setTimeout(90_000);
  const seed = new MemberSeeder(request, server.url);
  const year = new Date().getFullYear();
  await seed.call('plans.save', {
    year, period: 'year', title: `${year}年工会工作计划`, areas: [],
    items: [{ month: 3, title: '三八节活动', kind: 'festival' }, { month: 5, title: '教职工篮球赛', kind: 'sports' }],
  });
  await page.goto(`${server.url}#/plans`);
  const board = page.getByTestId('plan-board');
  await board.getByTestId('plan-item').filter({ hasText: '三八节活动' }).click();
  let dlg = page.getByRole('dialog', { name: '修改计划事项' });
  await dlg.getByLabel('事项').fill('三八节趣味游园');
  await dlg.getByLabel('月份').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^4月$/ }).click();
  await dlg.getByLabel('负责人').fill('李干事');
  await dlg.getByText('进行中', { exact: true }).click();
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg).toBeHidden();
  const moved = board.locator('.ant-card', { hasText: '4月' }).getByTestId('plan-item');
  await expect(moved).toContainText('三八节趣味游园（节日活动，李干事）');
  await expect(moved.locator('.ant-tag').first()).toHaveText('进行中');

  await board.getByTestId('plan-item').filter({ hasText: '教职工篮球赛' }).click();
  dlg = page.getByRole('dialog', { name: '修改计划事项' });
  await dlg.getByText('取消', { exact: true }).first().click();
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg.getByText('请填写取消原因')).toBeVisible();
  await dlg.getByLabel('取消原因').fill('场馆维修');
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg).toBeHidden();
  await expect(board.getByTestId('plan-item').filter({ hasText: '教职工篮球赛' })).toContainText('取消原因：场馆维修');
  await shoot(page, testInfo, 'plans-board-edit');
});

test('年度总结 charts planned vs done per month and kind; 活动台账 counts per kind, a kind filters the list', async ({ page, server, request }, testInfo) => {
  test.setTimeout(90_000);
  const seed = new MemberSeeder(request, server.url);
  const year = new Date().getFullYear();
  const plan = await seed.call<{ items: { id: number; title: string }[] }>('plans.save', {
    year, period: 'year', title: `${year}年工会工作计划`, areas: [],
    items: [
      { month: 3, title: '三八节活动', kind: 'festival' },
      { month: 3, title: '教职工体检', kind: 'health' },
      { month: 5, title: '篮球赛', kind: 'sports' },
    ],
  });
  const march8 = plan.items.find((i) => i.title === '三八节活动')!;
  await seed.call('activities.create', { activity: { name: '三八节游园', kind: 'festival', startDate: `${year}-03-08`, headCount: 30, cost: 500, planItemIds: [march8.id] } });
  await seed.call('activities.create', { activity: { name: '篮球友谊赛', kind: 'sports', startDate: `${year}-05-20`, headCount: 12, cost: 1200.5 } });
  await seed.call('activities.create', { activity: { name: '羽毛球赛', kind: 'sports', startDate: `${year}-06-10`, headCount: 8 } });

  await page.goto(`${server.url}#/plans/activities`);
  const kinds = page.getByTestId('activities-kinds');
  await expect(kinds).toContainText('节日活动：1 次，30 人次，500.00 元');
  await expect(kinds).toContainText('文体活动：2 次，20 人次，1200.50 元');
  await expect(page.getByTestId('activities-total')).toHaveText('共 3 次，50 人次，经费 1700.50 元');
  await kinds.getByText(/^文体活动/).click();
  await expect(page.getByTestId('activities-total')).toHaveText('共 2 次，20 人次，经费 1200.50 元');
  await expect(page.getByTestId('activities-table').locator('tbody tr')).toHaveCount(2);
  await shoot(page, testInfo, 'plans-activities-kinds');

  await page.getByText('年度总结', { exact: true }).click();
  await expect(page.getByTestId('summary-figures')).toContainText('计划事项3');
  await expect(page.getByTestId('summary-figures')).toContainText('1（33%）');
  const months = page.getByTestId('chart-summary-months');
  await expect(months.locator('svg')).toBeVisible();
  await expect(months).toContainText('3月');
  await expect(months).toContainText('已完成');
  const byKind = page.getByTestId('chart-summary-kinds');
  await expect(byKind).toContainText('体检/疗养');
  await expect(byKind).toContainText('文体活动');
  const table = page.getByTestId('summary-kinds');
  // 计划事项, 已完成, 活动次数, 参加人次, 经费.
  await expect(table.locator('tr', { hasText: '文体活动' }).locator('td')).toHaveText(['文体活动', '1', '0', '2', '20', '1200.50']);
  await expect(table.locator('tr', { hasText: '合计' }).locator('td')).toHaveText(['合计', '3', '1', '3', '50', '1700.50']);
  await shoot(page, testInfo, 'plans-summary');
});

test('设置 → 计划事项类别: a kind the office adds is offered when recording an activity', async ({ page, server }, testInfo) => {
  test.setTimeout(90_000);
  await page.goto(`${server.url}#/settings`);
  const card = page.getByTestId('plan-kinds-card');
  await expect(card).toContainText('节日活动');
  await card.getByLabel('计划事项类别').fill('读书活动');
  await card.getByLabel('计划事项类别').press('Enter');
  await card.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存计划事项类别')).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await shoot(page, testInfo, 'plans-kinds-settings');

  await page.goto(`${server.url}#/plans/activities`);
  await page.getByRole('button', { name: '登记活动' }).click();
  const act = page.getByRole('dialog', { name: '登记活动台账' });
  await act.getByLabel('活动名称').fill('读书分享会');
  await act.getByLabel('类别').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^读书活动$/ }).click();
  await act.getByRole('button', { name: '保存' }).click();
  await expect(act).toBeHidden();
  await expect(page.getByTestId('activities-kinds')).toContainText('读书活动：1 次');
  await expect(page.getByTestId('activities-table')).toContainText('读书活动');
});

test('登记活动: participants from a 签到表 spreadsheet; a row with no member is named', async ({ page, server, request }, testInfo) => {
  test.setTimeout(90_000);
  const seed = new MemberSeeder(request, server.url);
  await seed.member({ name: '张三丰' });
  await seed.member({ name: '李秀英' });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('签到表');
  for (const r of [['教职工趣味运动会签到表'], ['序号', '姓名', '部门', '签到时间'], [1, '张三丰', '语文组', '8:00'], [2, '李秀英', '数学组', '8:02'], [3, '赵六', '后勤', '8:05']]) ws.addRow(r);
  const file = testInfo.outputPath('签到表.xlsx');
  await wb.xlsx.writeFile(file);

  await page.goto(`${server.url}#/plans/activities`);
  await page.getByRole('button', { name: '登记活动' }).click();
  const act = page.getByRole('dialog', { name: '登记活动台账' });
  await act.getByLabel('活动名称').fill('教职工趣味运动会');
  const chooser = page.waitForEvent('filechooser');
  await act.getByTestId('signin-import').click();
  await (await chooser).setFiles(file);
  await expect(act.getByTestId('participant')).toHaveText(['张三丰', '李秀英']);
  await expect(act.getByTestId('signin-result')).toContainText('3 行：已加入 2 人，1 行未能对应会员');
  await expect(act.getByTestId('signin-result')).toContainText('第 5 行 赵六：花名册中没有「赵六」');
  await shoot(page, testInfo, 'plans-signin-import');
  await act.getByRole('button', { name: '保存' }).click();
  await expect(act).toBeHidden();
  await expect(page.getByTestId('activities-total')).toHaveText('共 1 次，2 人次，经费 0.00 元');
});
