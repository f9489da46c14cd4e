import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';
import { MemberDetailPage } from './pages/members-detail';
import { MemberFormPage } from './pages/members-form';
import { MembersListPage } from './pages/members-list';
import { MemberSeeder } from './pages/members-seed';

const VALID_ID = '110108198503120011';

test('a member is created with live ID checks, edited, retained (退休) and transferred out', async ({ page }) => {
  // A long story through the UI; on a busy machine each step takes a while.
  test.setTimeout(150_000);
  const list = new MembersListPage(page);
  await list.goto();
  await list.expectTotal(0);

  // Ctrl+N opens the form from the list.
  await page.keyboard.press('Control+n');
  const form = new MemberFormPage(page);
  await form.expectOpen('新增会员');
  await form.fill({ name: '李建国', idNumber: '110108198503120012' });
  await expect(form.help('idNumber')).toHaveText('有误（最后一位校验码不符），请核对原始证件。提示：按前 17 位算出的末位是 1，但录错的多半是前面某一位，不要只改最后一位');
  // Saving with the bad number is refused and nothing is stored.
  await form.saveWithShortcut();
  await expect(form.toast('证件号码有误，未保存。')).toBeVisible();

  await form.fill({ idNumber: VALID_ID });
  await expect(form.help('idNumber')).toHaveText(/^出生日期 1985-03-12 · 男 · \d+ 岁$/);
  await expect(form.field('birthDate')).toHaveValue('1985-03-12');
  await form.fill({ jobTitle: '教师', memberNo: 'HY2008001', phone: '13800138000', department: '语文组' });
  await form.fillList('politicalStatus', '中共党员');
  await form.fillDate('joinDate', '2008-09-01');
  await form.saveWithShortcut();

  const detail = new MemberDetailPage(page);
  await detail.expectOpen('李建国');
  await expect(detail.status).toHaveText('在册');
  await expect(detail.idNumber).toHaveText(VALID_ID);
  await expect(detail.derived).toHaveText(/^1985-03-12 · 男 · \d+ 岁$/);
  await expect(detail.timelineItem('join')).toContainText('2008-09-01');

  // Edit 职务 and see it on the detail page.
  await detail.button('编辑').click();
  await form.expectOpen('编辑：李建国');
  await expect(form.field('jobTitle')).toHaveValue('教师');
  await form.fill({ jobTitle: '教研组长' });
  await form.saveButton.click();
  await detail.expectOpen('李建国');
  await expect(detail.jobTitle).toHaveText('教研组长');

  // 保留会籍 because of 退休.
  await detail.recordEvent({ type: '保留会籍', date: '2025-12-31', reason: '退休' });
  await expect(detail.status).toHaveText('保留会籍');
  await expect(detail.timelineItem('retain')).toContainText('2025-12-31');
  await expect(detail.timelineItem('retain')).toContainText('原因：退休');

  // 转出 needs the other union (refused on the field), and a date not before the last change (refused by the
  // core, whose Chinese reason is shown in the dialog); then it is recorded.
  await detail.recordEvent({ type: '转出', date: '2020-01-01', otherUnion: '' });
  await expect(detail.dialog.locator('[id="otherUnion_help"]')).toHaveText('请填写转往哪个工会');
  await detail.dialog.locator('#otherUnion').fill('某区教育工会');
  const submit = detail.dialog.getByRole('button', { name: /办\s?理/ });
  await submit.click();
  await expect(page.getByTestId('event-refusal')).toContainText('早于最近一次会籍变动（保留会籍，2025-12-31）');
  await expect(detail.status).toHaveText('保留会籍');
  const date = detail.dialog.locator('#date');
  await date.fill('2026-02-01');
  await date.press('Enter');
  await submit.click();
  await expect(detail.status).toHaveText('已转出');
  await expect(detail.timelineItem('transfer_out')).toContainText('转往：某区教育工会');

  // Members who left are not in the default list, but one filter away.
  await detail.button('返回').click();
  await list.expectTotal(0);
  await list.chooseStatus('已转出');
  await list.expectTotal(1);
  await expect(list.row('李建国')).toContainText('已转出');
  await list.chooseStatus('全部（含已离开）');
  await list.expectTotal(1);
});

test('pinyin initials find 张三丰, and a duplicate ID names the member who has it', async ({ page, server }) => {
  test.setTimeout(120_000);
  const seed = new MemberSeeder(page.request, server.url);
  await seed.member({ name: '张三', idNumber: '32010219651001004X' });
  await seed.member({ name: '李四', idNumber: '310115199007040026' });

  const list = new MembersListPage(page);
  await list.goto();
  await list.expectTotal(2);
  await list.newButton.click();
  const form = new MemberFormPage(page);
  await form.fill({ name: '张三丰', idNumber: '440306197812250039', memberNo: 'HY2020001' });
  await expect(form.help('idNumber')).toHaveText(/^出生日期 1978-12-25 · 男 · \d+ 岁$/);
  await form.saveButton.click();
  const detail = new MemberDetailPage(page);
  await detail.expectOpen('张三丰');

  await detail.button('返回').click();
  await list.expectTotal(3);
  await page.keyboard.press('Control+f');
  await expect(list.search).toBeFocused();
  await page.keyboard.type('zsf');
  await list.expectTotal(1);
  expect(await list.visibleNames()).toEqual(['张三丰']);
  await list.searchFor('zs');
  await list.expectTotal(2);
  await list.searchFor('1004x');
  await list.expectTotal(1);
  await expect(list.rows.first()).toContainText('320102********004X');
  // One Chinese character finds every name that has it, sorted by pinyin.
  await list.searchFor('张');
  await list.expectTotal(2);
  expect(await list.visibleNames()).toEqual(['张三', '张三丰']);

  // A second record with 张三丰's number is refused, naming him.
  await list.searchFor('');
  await list.expectTotal(3);
  await page.keyboard.press('Control+n');
  await form.expectOpen('新增会员');
  await form.fill({ name: '张三峰', idNumber: '440306 19781225 0039' });
  await expect(form.help('idNumber')).toContainText('与已有会员 张三丰（会员证号 HY2020001）重复');
  await form.saveWithShortcut();
  await expect(form.toast('证件号码有误，未保存。')).toBeVisible();
  // The link opens the existing member (after confirming the typed form is dropped).
  await form.help('idNumber').getByText('打开该会员').click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '放弃修改' }).click();
  await detail.expectOpen('张三丰');

  await detail.button('返回').click();
  await list.expectTotal(3);
});

test('the 登记表 print preview makes a PDF with the member in it', async ({ page, server }, testInfo) => {
  const seed = new MemberSeeder(page.request, server.url);
  const m = await seed.member(
    { name: '王秀英', idNumber: '310115199007040026', jobTitle: '班主任', familyMembers: [{ name: '王大山', relation: '父亲', workUnit: '某某机械厂' }] },
    { type: 'join', date: '2015-09-01' },
  );
  await page.goto(`${server.url}#/members/${m.id}`);
  const detail = new MemberDetailPage(page);
  await detail.expectOpen('王秀英');
  await page.keyboard.press('Control+p');
  await expect(detail.dialog).toContainText('打印预览');
  // The frame runs no script at all (sandbox=""), so its document is checked through its srcdoc, not inside it.
  const preview = page.getByTestId('registration-preview');
  await expect(preview).toHaveAttribute('sandbox', '');
  await expect(preview).toHaveAttribute('srcdoc', /<h1>工会会员登记表<\/h1>/);
  await expect(preview).toHaveAttribute('srcdoc', /王大山/);

  const downloading = page.waitForEvent('download');
  await detail.dialog.getByRole('button', { name: '生成 PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('工会会员登记表-王秀英.pdf');
  const file = testInfo.outputPath('registration.pdf');
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('工会会员登记表');
  expect(text).toContain('王秀英');
  expect(text).toContain('310115199007040026');
  await detail.dialog.locator('.ant-modal-footer').getByRole('button', { name: /关\s?闭/ }).click();
  await expect(page.getByTestId('registration-preview')).toHaveCount(0);
});

test('groups: build a 分工会 with a 小组, set its 组长, move a member in, and refuse deleting a non-empty one', async ({ page, server }) => {
  test.setTimeout(120_000);
  const seed = new MemberSeeder(page.request, server.url);
  const a = await seed.member({ name: '孙一', idNumber: '330106197311110066' });
  await seed.member({ name: '孙二', idNumber: '510107200002290053' });

  const list = new MembersListPage(page);
  await list.goto();
  await page.getByText('组织结构', { exact: true }).click();
  await page.getByRole('button', { name: '新建分工会' }).click();
  const dialog = page.locator('.ant-modal-wrap:visible .ant-modal');
  await dialog.locator('#name').fill('语文教研组分工会');
  await dialog.getByRole('button', { name: /建\s?立/ }).click();
  await expect(page.getByTestId('group-panel')).toContainText('语文教研组分工会');

  await page.getByRole('button', { name: '新建小组' }).click();
  await dialog.locator('#name').fill('高一语文组');
  await dialog.locator('#leaderMemberId').fill('sy');
  await page.locator('.ant-select-item-option').filter({ hasText: '孙一' }).click();
  await dialog.getByRole('button', { name: /建\s?立/ }).click();
  const node = page.getByTestId('group-node').filter({ hasText: '高一语文组' });
  await expect(node).toContainText('组长 孙一');
  await expect(node).toContainText('0 人');

  // Move 孙一 into the group from the detail page; the history records it.
  await page.goto(`${server.url}#/members/${a.id}`);
  const detail = new MemberDetailPage(page);
  await detail.expectOpen('孙一');
  await detail.button('调整小组').click();
  await detail.dialog.locator('#toGroupId').click();
  await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '高一语文组' }).click();
  await detail.dialog.getByRole('button', { name: /调\s?整/ }).click();
  await expect(detail.timelineItem('group_move')).toContainText('（未分组） → 高一语文组');

  await page.goto(`${server.url}#/members/groups`);
  await expect(node).toContainText('1 人');
  await page.getByTestId('group-node').filter({ hasText: '语文教研组分工会' }).click();
  await expect(page.getByRole('table', { name: '语文教研组分工会的会员' }).locator('[data-member-id]')).toHaveCount(1);
  await page.getByTestId('group-panel').getByRole('button', { name: /删\s?除/ }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s?除/ }).click();
  await expect(page.getByTestId('group-problem')).toContainText('不能删除');
});

test('the list scrolls through 3,000 members by pages, sorted by pinyin', async ({ page, server }) => {
  test.setTimeout(180_000);
  const seed = new MemberSeeder(page.request, server.url);
  await seed.many(3000);
  const list = new MembersListPage(page);
  await list.goto();
  await list.expectTotal(3000);
  // Virtual: far fewer rows in the DOM than members.
  expect(await list.rows.count()).toBeLessThan(80);
  const firstNames = await list.visibleNames();
  expect(firstNames[0]).toMatch(/^陈/);

  // Jump to the end: the last page is fetched and drawn.
  await list.table.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(list.table.locator('[aria-rowindex="3001"][data-member-id]')).toBeVisible();
  const lastNames = await list.visibleNames();
  expect(lastNames.at(-1)).toMatch(/^朱/);
  expect(await list.rows.count()).toBeLessThan(80);

  // Sorting by 会员证号 descending is done by the server over all 3,000.
  const header = list.table.getByRole('columnheader', { name: '会员证号' });
  await header.click();
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(list.rows.first()).toContainText('HY12999');
});

test('the form: Esc asks before dropping typed text, server field errors land on the field, save warnings are shown', async ({ page, server }) => {
  test.setTimeout(120_000);
  const seed = new MemberSeeder(page.request, server.url);
  await seed.member({ name: '赵敏', memberNo: 'HY-7' });
  const list = new MembersListPage(page);
  await list.goto();

  // Esc on an untouched form just leaves; with typed text it asks first.
  await list.newButton.click();
  const form = new MemberFormPage(page);
  await form.expectOpen('新增会员');
  await page.keyboard.press('Escape');
  await list.expectTotal(1);
  await page.keyboard.press('Control+n');
  await form.fill({ name: '周芷若', memberNo: 'HY-7' });
  await page.keyboard.press('Escape');
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText('放弃未保存的修改？');
  await confirm.getByRole('button', { name: '继续编辑' }).click();
  await expect(form.field('name')).toHaveValue('周芷若');

  // The core refuses the 会员证号 already used and names who has it, on that field.
  await form.saveWithShortcut();
  await expect(form.help('memberNo')).toHaveText('已被 赵敏 使用');
  await expect(form.generalError).toContainText(/会员证号 HY-7 已被赵敏（会员证号 HY-7）使用/);

  // A 15-digit legacy number is accepted, upgraded, and the upgrade is reported after saving.
  await form.fill({ memberNo: 'HY-8', idNumber: '110105491231002' });
  await expect(form.help('idNumber')).toHaveText(/^出生日期 1949-12-31 · 女 · \d+ 岁$/);
  await form.saveButton.click();
  const detail = new MemberDetailPage(page);
  await detail.expectOpen('周芷若');
  await expect(detail.warnings).toContainText('15 位身份证号 110105491231002 已升级为 18 位 11010519491231002X');
  await expect(detail.idNumber).toHaveText('11010519491231002X');
});

test('the column choice is remembered after a reload', async ({ page, server }) => {
  const seed = new MemberSeeder(page.request, server.url);
  await seed.member({ name: '赵敏', department: '教务处', idNumber: '330106197311110066' });
  const list = new MembersListPage(page);
  await list.goto();
  const header = (name: string) => list.table.getByRole('columnheader', { name, exact: true });
  await expect(header('部门')).toHaveCount(0);
  await page.getByRole('button', { name: '列' }).click();
  const chooser = page.getByTestId('column-chooser');
  await chooser.getByLabel('部门').check();
  await chooser.getByLabel('手机号码').uncheck();
  await expect(header('部门')).toBeVisible();
  await expect(list.row('赵敏')).toContainText('教务处');
  await page.reload();
  await list.goto();
  await expect(header('部门')).toBeVisible();
  await expect(header('手机号码')).toHaveCount(0);
  await expect(header('姓名')).toBeVisible();
});
