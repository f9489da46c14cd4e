import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import { expect, test } from './fixtures';
import { MemberSeeder } from './pages/members-seed';
import { ProposalsPages } from './pages/proposals-pages';
import { shoot, SHOTS_DIR } from './shots';

/** Dates around today, so the story stays valid whenever it runs (steps may not be dated in the future). */
const day = (offset: number) => dayjs().add(offset, 'day').format('YYYY-MM-DD');

const PEOPLE = [
  { name: '张三丰', idNumber: '110108198503120011' },
  { name: '李秀英', idNumber: '310115199007040026' },
  { name: '王建国', idNumber: '440306197812250039' },
];

test('a session from collection to 办结 through the UI, then the 提案汇编 PDF', async ({ page, server }, testInfo) => {
  test.setTimeout(240_000);
  const seed = new MemberSeeder(page.request, server.url);
  await seed.call('settings.update', { unitName: '某某市第一中学', unionName: '某某市第一中学工会委员会', operator: '李干事' });
  for (const p of PEOPLE) await seed.member(p, { type: 'join', date: '2010-09-01' });
  // The page opened before the settings existed; reload so the header shows the unit.
  await page.reload();

  const ui = new ProposalsPages(page);
  await ui.goto();
  await expect(page.getByText('还没有届次')).toBeVisible();

  // 届次: 第五届第二次 with its dates.
  await ui.tab('届次与代表');
  await page.getByRole('button', { name: '新建届次' }).click();
  await ui.field('term', ui.dialog).fill('5');
  await ui.field('meeting', ui.dialog).fill('2');
  await expect(page.getByTestId('session-preview')).toHaveText('第五届第二次');
  await ui.fillDate(ui.field('startDate', ui.dialog), day(-10));
  await ui.fillDate(ui.field('endDate', ui.dialog), day(-9));
  await ui.fillDate(ui.field('collectionDeadline', ui.dialog), day(5));
  await ui.fillDate(ui.field('replyDeadline', ui.dialog), day(40));
  await ui.submitDialog('保存');
  await expect(page.getByTestId('session-title')).toHaveText('第五届教职工代表大会第二次会议');

  // 代表: the three members, picked from the member files by pinyin initials, in one 代表团.
  await page.getByRole('button', { name: '添加代表' }).click();
  const picker = ui.dialog.getByRole('combobox', { name: '选择代表' });
  for (const [initials, name] of [['zsf', '张三丰'], ['lxy', '李秀英'], ['wjg', '王建国']]) {
    await picker.fill(initials!);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name! }).click();
  }
  await ui.dialog.getByRole('combobox', { name: '代表团' }).fill('第一代表团');
  await ui.dialog.getByRole('button', { name: '添加 3 人' }).click();
  await expect(page.getByTestId('rep-count')).toHaveText('共 3 人，1 个代表团');
  await expect(ui.dialog).toHaveCount(0);
  await shoot(page, testInfo, 'proposals-sessions');

  // 承办部门.
  await ui.tab('承办部门');
  for (const name of ['后勤管理处', '教务处']) {
    await page.getByRole('textbox', { name: '部门名称' }).fill(name);
    await page.getByRole('form', { name: '添加承办部门' }).getByRole('button', { name: /添加$/ }).click();
    await expect(page.getByTestId('units-table')).toContainText(name);
  }

  // 登记: Ctrl+N; with one seconder the form says it will be an 意见建议, with two it is a 提案.
  await ui.tab('提案登记簿');
  await expect(page.getByTestId('proposal-total')).toHaveText('共 0 件');
  await page.keyboard.press('Control+n');
  await expect(page.getByTestId('form-title')).toHaveText('登记提案（五届二次）');
  await ui.field('title').fill('关于改善教工食堂就餐环境的建议');
  await ui.choose(ui.field('proposerId'), '张三丰', '张');
  await ui.choose(ui.field('seconderIds'), '李秀英', '李');
  await expect(page.getByTestId('seconder-notice')).toContainText('不足本届规定的 2 人');
  await ui.choose(ui.field('seconderIds'), '王建国', '王');
  // Close the list by clicking away: Tab in an open multiple select would toggle the highlighted person.
  await page.getByTestId('form-title').click();
  await expect(page.getByTestId('seconder-notice')).toHaveCount(0);
  await ui.choose(ui.field('category'), '后勤管理与服务', '');
  await ui.choose(ui.field('suggestedUnitId'), '后勤管理处', '');
  await ui.field('reasons').fill('午餐高峰排队时间长，菜品单一。');
  await ui.field('suggestions').fill('增加售饭窗口，每周公布菜谱。');
  await shoot(page, testInfo, 'proposals-form');
  await page.keyboard.press('Control+s');

  await expect(ui.number).toHaveText('五届二次 第001号');
  await expect(ui.state).toHaveText('待审查');
  await expect(page.getByTestId('detail-seconders')).toHaveText('李秀英、王建国');
  expect(await ui.actionButtons()).toEqual(['立案', '并案', '转为意见建议', '不予立案', '撤案']);

  // 立案 → 交办 → 答复 A → 反馈 满意 → 办结, each with its own dialog.
  await ui.step('立案', async () => {}, '符合立案条件，同意立案。');
  await expect(ui.state).toHaveText('已立案');
  // No reply before 交办: the button is simply not offered.
  expect(await ui.actionButtons()).toEqual(['撤案', '交办']);

  await ui.step('交办', async () => {
    await expect(ui.field('leadUnitId', ui.dialog)).toBeVisible();
    await expect(ui.dialog).toContainText('后勤管理处');
    await ui.choose(ui.field('coUnitIds', ui.dialog), '教务处', '');
    await ui.fillDate(ui.field('deadline', ui.dialog), day(30));
  });
  await expect(ui.state).toHaveText('办理中');
  await expect(page.getByTestId('detail-deadline')).toHaveText(day(30));

  await ui.step(
    '答复',
    async () => {
      await expect(ui.field('unitId', ui.dialog)).toBeVisible();
      await ui.radio('A 类（已解决或基本解决）');
    },
    '已于本月增设两个售饭窗口，菜谱每周五在食堂公布。',
  );
  await expect(ui.state).toHaveText('已答复');
  await expect(ui.timelineItem('reply')).toContainText('后勤管理处　A 类（已解决或基本解决）');

  await ui.step('反馈', () => ui.radio('满意'), '问题已解决，满意。');
  await expect(ui.state).toHaveText('已反馈');
  await ui.step('办结');
  await expect(ui.state).toHaveText('已办结');
  await expect(ui.actions).toContainText('当前状态下没有可办理的步骤');
  await expect(page.getByTestId('timeline-item')).toHaveCount(6);
  await shoot(page, testInfo, 'proposals-detail');

  // 打印提案表 (Ctrl+P): the sheet with the reply and a ticked 满意 for signing.
  await page.keyboard.press('Control+p');
  const preview = page.getByTestId('print-preview');
  await expect(preview).toHaveAttribute('sandbox', '');
  await expect(preview).toHaveAttribute('srcdoc', /<h1>提案表<\/h1>/);
  await expect(preview).toHaveAttribute('srcdoc', /☑ 满意/);
  await shoot(page, testInfo, 'proposals-sheet-preview');
  await ui.dialog.locator('.ant-modal-footer').getByRole('button', { name: /关\s?闭/ }).click();

  // The register lists it; the 提案汇编 of the session becomes a PDF to download and read.
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page.getByTestId('proposal-table')).toContainText('关于改善教工食堂就餐环境的建议');
  await expect(page.getByTestId('proposal-table')).toContainText('已办结');
  await shoot(page, testInfo, 'proposals-list');
  await page.getByRole('button', { name: '打印提案汇编' }).click();
  await expect(preview).toHaveAttribute('srcdoc', /提案汇编/);
  const downloading = page.waitForEvent('download');
  await ui.dialog.getByRole('button', { name: '生成 PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('提案汇编-五届二次.pdf');
  const file = testInfo.outputPath('compilation.pdf');
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  for (const words of ['提案汇编', '第五届教职工代表大会第二次会议', '某某市第一中学', '目', '五届二次 第001号', '关于改善教工食堂就餐环境的建议', '已于本月增设两个售饭窗口']) {
    expect(text).toContain(words);
  }
  expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+3\b/);
  // Page images for a person to look at, next to the screenshots.
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', file, path.join(SHOTS_DIR, 'proposals-compilation-page')]);
  await ui.dialog.locator('.ant-modal-footer').getByRole('button', { name: /关\s?闭/ }).click();

  // 统计: one filed, replied, satisfied.
  await ui.tab('统计');
  await expect(page.getByTestId('stat-filing-rate')).toContainText('100.0%');
  await expect(page.getByTestId('stat-reply-rate')).toContainText('100.0%');
  await expect(page.getByTestId('stat-satisfaction-rate')).toContainText('100.0%');
  await expect(page.getByTestId('chart-review').locator('text').filter({ hasText: '立案' }).first()).toBeVisible();
  await shoot(page, testInfo, 'proposals-stats');
  await page.getByText('按代表团', { exact: true }).scrollIntoViewIfNeeded();
  await shoot(page, testInfo, 'proposals-stats-charts');
});

test('overdue replies show on 首页 and in the list, 督办 opens a new round, and too few seconders make an 意见建议', async ({ page, server }, testInfo) => {
  test.setTimeout(180_000);
  const seed = new MemberSeeder(page.request, server.url);
  const people = [];
  for (const p of PEOPLE) people.push(await seed.member(p));
  const session = await seed.call<{ id: number }>('sessions.create', { term: 5, meeting: 2, startDate: day(-40), replyDeadline: day(-5) });
  await seed.call('representatives.add', { sessionId: session.id, entries: people.map((m) => ({ memberId: m.id, delegation: '第一代表团' })) });
  const unit = await seed.call<{ id: number }>('handlingUnits.create', { name: '人事处' });
  const p = await seed.call<{ id: number }>('proposals.create', {
    sessionId: session.id,
    proposal: { title: '完善职称评审办法', proposerId: people[0]!.id, seconderIds: [people[1]!.id, people[2]!.id], submittedDate: day(-35) },
  });
  await seed.call('proposals.act', { proposalId: p.id, type: 'file', date: day(-30) });
  await seed.call('proposals.act', { proposalId: p.id, type: 'assign', date: day(-29), leadUnitId: unit.id, deadline: day(-5) });

  // 首页 names the overdue proposal and leads to the filtered list.
  await page.reload();
  const ui = new ProposalsPages(page);
  const card = page.getByTestId('overdue-proposals');
  await expect(card).toContainText('逾期未答复的提案 1 件');
  await expect(card).toContainText('五届二次 第001号');
  await expect(card).toContainText(day(-5));
  await shoot(page, testInfo, 'proposals-home');
  await card.getByText('全部逾期提案').click();
  await expect(page.getByRole('switch', { name: '只看逾期未答复' })).toBeChecked();
  await expect(page.getByTestId('proposal-total')).toHaveText('共 1 件');
  await expect(page.getByTestId('proposal-table').getByTestId('proposal-overdue')).toHaveText('逾期');

  // 督办: a new 办理期限 for the unit; the proposal is no longer overdue.
  await page.getByRole('link', { name: '五届二次 第001号' }).click();
  await expect(ui.detail.getByTestId('proposal-overdue')).toBeVisible();
  expect(await ui.actionButtons()).toEqual(['答复', '督办']);
  await ui.step(
    '督办',
    async () => {
      await expect(ui.dialog).toContainText('人事处');
      await ui.fillDate(ui.field('deadline', ui.dialog), day(10));
    },
    '请于十日内答复。',
  );
  await expect(ui.state).toHaveText('办理中');
  await expect(ui.detail.getByTestId('proposal-overdue')).toHaveCount(0);
  await expect(page.getByTestId('detail-deadline')).toHaveText(`${day(10)}　第 2 轮`);
  await expect(ui.timelineItem('supervise')).toContainText('督办意见：请于十日内答复。');

  // One seconder: the form warns, and the item is registered as 意见建议 in its own series.
  await page.goto(`${server.url}#/proposals?session=${session.id}`);
  // Ctrl+N works once the register has its session.
  await expect(page.getByTestId('proposal-total')).toHaveText('共 1 件');
  await page.keyboard.press('Control+n');
  await ui.field('title').fill('延长图书馆开放时间');
  await ui.choose(ui.field('proposerId'), '李秀英', '李');
  await ui.choose(ui.field('seconderIds'), '王建国', '王');
  await page.getByTestId('form-title').click();
  await expect(page.getByTestId('seconder-notice')).toContainText('附议人 1 人，不足本届规定的 2 人：保存后将登记为「意见建议」');
  await page.keyboard.press('Control+s');
  await expect(ui.number).toHaveText('五届二次 意见建议第001号');
  await expect(ui.state).toHaveText('待交办');
  await expect(page.getByTestId('save-warnings')).toContainText('附议人不足 2 人（现有 1 人），已登记为意见建议');
  expect(await ui.actionButtons()).toEqual(['撤案', '交办']);
});
