import fs from 'node:fs';
import dayjs from 'dayjs';
import { expect, test } from './fixtures';
import { MembersImportPage } from './pages/members-import';
import { MembersListPage } from './pages/members-list';
import { MemberSeeder } from './pages/members-seed';
import { ProposalsPages } from './pages/proposals-pages';
import { badFiles } from '../fixtures/spreadsheets/make-fixtures';
import { MSG } from '../../electron/core/spreadsheet/messages';

const day = (offset: number) => dayjs().add(offset, 'day').format('YYYY-MM-DD');

test('a corrupt, an encrypted, an HTML-named-.xls and a picture-named-.xlsx file each get their own message', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const bad = badFiles();
  const list = new MembersListPage(page);
  await list.goto();
  await page.getByTestId('import-roster').click();
  const wiz = new MembersImportPage(page);
  const problem = page.getByTestId('import-problem');
  for (const [name, message] of [
    ['truncated.xlsx', MSG.corrupt],
    ['encrypted.xlsx', MSG.encrypted],
    ['html-saved-as.xls', MSG.html],
    ['png-renamed.xlsx', '这是一张图片（PNG 图片），不是表格文件。图片里的表格无法导入：请找到原始表格，在 Excel/WPS 中打开，另存为 .xlsx 后再导入。'],
  ] as const) {
    const file = testInfo.outputPath(`花名册-${name}`);
    fs.writeFileSync(file, bad[name]!);
    await wiz.chooseFile(file);
    await expect(problem, name).toHaveText(message);
    // Nothing moves on: the clerk is still at 选择文件 and can pick the right file.
    await expect(wiz.currentStep()).toHaveText('选择文件');
  }
});

test('交办 in an empty database: the first 承办部门 is added inside the dialog, and Esc closes it from a list', async ({ page, server }) => {
  test.setTimeout(120_000);
  const seed = new MemberSeeder(page.request, server.url);
  await seed.call('settings.update', { unitName: '某某市第一中学', operator: '李干事' });
  const people = [];
  for (const p of [
    { name: '张三丰', idNumber: '110108198503120011' },
    { name: '李秀英', idNumber: '310115199007040026' },
    { name: '王建国', idNumber: '440306197812250039' },
  ]) people.push(await seed.member(p, { type: 'join', date: '2010-09-01' }));
  const session = await seed.call<{ id: number }>('sessions.create', {
    term: 5,
    meeting: 2,
    startDate: day(-10),
    endDate: day(-9),
    collectionDeadline: day(5),
    replyDeadline: day(40),
    minSeconders: 2,
  });
  await seed.call('representatives.add', { sessionId: session.id, entries: people.map((m) => ({ memberId: m.id, delegation: '第一代表团' })) });
  const p = await seed.call<{ id: number }>('proposals.create', {
    sessionId: session.id,
    proposal: { title: '关于改善教工食堂就餐环境的建议', proposerId: people[0]!.id, seconderIds: [people[1]!.id, people[2]!.id], submittedDate: day(-12) },
  });
  await seed.call('proposals.act', { proposalId: p.id, type: 'file', date: day(-1) });

  const ui = new ProposalsPages(page);
  await page.reload();
  await ui.goto();
  await page.getByRole('link', { name: '五届二次 第001号' }).click();
  await expect(ui.state).toHaveText('已立案');

  // Esc with the 主办部门 list open closes the list first, then the dialog.
  await ui.actions.getByRole('button', { name: '交办', exact: true }).click();
  await expect(ui.dialog).toBeVisible();
  await ui.field('leadUnitId', ui.dialog).click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await expect(ui.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ui.dialog).toHaveCount(0);

  // No 承办部门 yet: the dialog says so and takes the first one right there.
  await ui.actions.getByRole('button', { name: '交办', exact: true }).click();
  await expect(ui.dialog).toContainText('还没有承办部门，可在这里直接添加');
  await ui.dialog.getByTestId('new-unit-name').fill('后勤管理处');
  await ui.dialog.getByTestId('new-unit-add').click();
  await expect(ui.dialog.getByText('后勤管理处', { exact: true })).toBeVisible();
  await ui.fillDate(ui.field('deadline', ui.dialog), day(30));
  await ui.submitDialog();
  await expect(ui.dialog).toHaveCount(0);
  await expect(ui.state).toHaveText('办理中');
  await expect(page.getByTestId('detail-deadline')).toHaveText(day(30));
  const units = await seed.call<{ name: string }[]>('handlingUnits.list', {});
  expect(units.map((u) => u.name)).toEqual(['后勤管理处']);
});
