import { expect, test } from './fixtures';
import ExcelJS from 'exceljs';
import { MembersListPage } from './pages/members-list';
import { MemberSeeder } from './pages/members-seed';
import { shoot } from './shots';

test('login on: a 查阅 operator logs in, sees masked IDs, a forced write is refused; 修改记录 lists who did what (#16)', async ({ page, server, request }, testInfo) => {
  // Five scrypt hashes (two passwords, the recovery code, two logins) at 32 MiB each: seconds on a busy machine.
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const s = new MemberSeeder(request, server.url);
  await s.call('members.create', { member: { name: '赵敏', idNumber: '32010219651001004X', phone: '13812341234' } });

  await page.getByRole('menuitem', { name: '设置' }).click();
  const card = page.locator('.ant-card').filter({ hasText: '操作员' }).first();
  await card.getByPlaceholder('姓名').fill('王主席');
  await card.locator('.ant-select').click();
  await page.getByTitle('管理员').click();
  await card.getByPlaceholder('密码（至少 6 位）').fill('secret-1');
  await card.getByRole('button', { name: '新增操作员' }).click();
  // The first 管理员 password turns login on and shows the recovery code once.
  await expect(page.getByTestId('recovery-code')).toHaveText(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}/);
  await page.getByRole('button', { name: '我已抄下' }).click();
  await expect(card.getByRole('cell', { name: '王主席' })).toBeVisible();
  await card.getByPlaceholder('姓名').fill('钱查阅');
  await card.locator('.ant-select').click();
  await page.getByTitle('查阅').click();
  await card.getByPlaceholder('密码（至少 6 位）').fill('secret-2');
  await card.getByRole('button', { name: '新增操作员' }).click();
  await expect(card.getByRole('cell', { name: '钱查阅' })).toBeVisible();
  await shoot(page, testInfo, 'operators-settings');

  await s.call('operators.logout', {});
  await page.reload();
  await expect(page.getByText('工会台账 · 登录')).toBeVisible();
  await page.getByLabel('操作员').fill('钱查阅');
  await page.getByLabel('密码').fill('secret-2');
  await shoot(page, testInfo, 'operators-login');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('工会台账 · 登录')).toBeHidden();

  const got = await s.call<{ idNumber: string; phone: string }>('members.get', { id: 1 });
  expect(got.idNumber).toBe('320102********004X');
  const forced = await request.post(`${server.url}api/rpc/members.create`, { data: { member: { name: '孙七' } } });
  const body = (await forced.json()) as { ok: boolean; error: { code: string; message: string } };
  expect(body.error).toMatchObject({ code: 'FORBIDDEN', message: '查阅没有此权限：修改台账（会员、提案、公开、导入、归档、打印）。' });

  await page.getByRole('menuitem', { name: '修改记录' }).click();
  await expect(page.getByRole('cell', { name: '新增操作员' }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: '登录', exact: true }).first()).toBeVisible();
  await shoot(page, testInfo, 'operators-audit-log');
});

test('a member\'s file shows its own 修改记录; the 首页 count opens the page (#16)', async ({ page, server, request }) => {
  const s = new MemberSeeder(request, server.url);
  const m = await s.call<{ id: number }>('members.create', { member: { name: '赵敏' } });
  await s.call('members.create', { member: { name: '周芷若' } });
  await s.call('members.update', { id: m.id, member: { name: '赵敏', phone: '13812341234' } });

  await page.reload();
  await page.getByTestId('open-audit-log').click();
  await expect(page.getByTestId('audit-log')).toBeVisible();
  await expect(page.getByTestId('audit-total')).toHaveText('共 3 条');

  await page.goto(`${server.url}#/members/${m.id}`);
  await page.getByTestId('record-history').click();
  const own = page.getByTestId('record-audit-log');
  await expect(own.getByTestId('audit-total')).toHaveText('共 2 条');
  await expect(own.getByRole('cell', { name: '修改会员' })).toBeVisible();
  await expect(own.getByText('手机号码：（空） → 13812341234')).toBeVisible();
  await expect(own.getByText('周芷若')).toHaveCount(0);
});

test.describe('first run', () => {
  test.use({ firstRun: true });

  test('asks whether to protect the app; 设置管理员密码 turns login on, shows the recovery code once and logs in (#16)', async ({ page }, testInfo) => {
    const dialog = page.getByTestId('first-run-question');
    await expect(dialog.getByText('是否设置登录密码保护？')).toBeVisible();
    await shoot(page, testInfo, 'operators-first-run');
    await dialog.getByRole('button', { name: '设置管理员密码' }).click();
    await dialog.getByLabel('管理员姓名').fill('王主席');
    await dialog.getByLabel('密码', { exact: true }).fill('secret-1');
    await dialog.getByLabel('再输一遍密码').fill('secret-1');
    await dialog.getByRole('button', { name: '设置并启用登录' }).click();
    await expect(page.getByTestId('recovery-code')).toHaveText(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}/);
    await shoot(page, testInfo, 'operators-recovery-code');
    await page.getByRole('button', { name: '我已抄下' }).click();
    await expect(dialog).toBeHidden();
    await page.reload();
    // Logged in as the new 管理员 (the session lives in the host), and the question is not asked again.
    await expect(page.getByText('工会台账 · 登录')).toBeHidden();
    await expect(page.getByText('是否设置登录密码保护？')).toBeHidden();
  });

  test('不需要: no login, and the question does not come back', async ({ page }) => {
    await page.getByTestId('first-run-question').getByRole('button', { name: '不需要' }).click();
    await expect(page.getByText('是否设置登录密码保护？')).toBeHidden();
    await page.reload();
    await expect(page.getByRole('menuitem', { name: '设置' })).toBeVisible();
    await expect(page.getByText('是否设置登录密码保护？')).toBeHidden();
  });
});

test('with login on, exporting the roster asks for a reason; 修改记录 shows it with the file (#16)', async ({ page, server, request }) => {
  test.setTimeout(120_000);
  const s = new MemberSeeder(request, server.url);
  await s.call('members.create', { member: { name: '赵敏', idNumber: '32010219651001004X' } });
  // The 管理员 who turns login on stays logged in (the host keeps the session).
  await s.call('operators.add', { name: '王主席', role: 'admin', password: 'secret-1' });
  await page.reload();
  const list = new MembersListPage(page);
  await list.goto();
  await list.exportButton.click();
  await page.getByRole('menuitem', { name: '工会台账花名册（全部字段）' }).click();
  const ask = page.getByTestId('export-reason');
  await expect(ask.getByText('导出的会员花名册含身份证号等个人信息')).toBeVisible();
  await expect(ask.getByRole('button', { name: '导出' })).toBeDisabled();
  await ask.getByText('报送上级工会').click();
  const downloading = page.waitForEvent('download');
  await ask.getByRole('button', { name: '导出' }).click();
  await downloading;
  await page.getByRole('menuitem', { name: '修改记录' }).click();
  await expect(page.getByRole('cell', { name: '导出会员花名册' })).toBeVisible();
  await expect(page.getByText('原因：（空） → 报送上级工会')).toBeVisible();
});

test('the idle lock: after 设置 → 自动锁定时间 without a call the 登录 screen shows by itself (#16)', async ({ page, server, request }) => {
  // One minute of idleness plus the 30 s poll of the login state.
  test.setTimeout(180_000);
  const s = new MemberSeeder(request, server.url);
  await s.call('settings.update', { lockMinutes: 1 });
  await s.call('operators.add', { name: '王主席', role: 'admin', password: 'secret-1' });
  await page.reload();
  await expect(page.getByRole('menuitem', { name: '设置' })).toBeVisible();
  await expect(page.getByText('工会台账 · 登录')).toBeVisible({ timeout: 120_000 });
  const r = await request.post(`${server.url}api/rpc/members.list`, { data: {} });
  expect(((await r.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
});

test('查阅 gets the roster export and the 登记表 with masked IDs, without being asked; the 个人信息 card shows what is held (#16)', async ({ page, server, request }, testInfo) => {
  test.setTimeout(120_000);
  const s = new MemberSeeder(request, server.url);
  await s.call('members.create', { member: { name: '赵敏', idNumber: '32010219651001004X', phone: '13812341234' } });
  await s.call('operators.add', { name: '王主席', role: 'admin', password: 'secret-1' });
  await s.call('operators.add', { name: '钱查阅', role: 'viewer', password: 'secret-2' });
  await s.call('operators.logout', {});
  await page.reload();
  await page.getByLabel('操作员').fill('钱查阅');
  await page.getByLabel('密码').fill('secret-2');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('工会台账 · 登录')).toBeHidden();

  const list = new MembersListPage(page);
  await list.goto();
  await expect(list.rows.first()).toContainText('320102********004X');
  const downloading = page.waitForEvent('download');
  await list.exportButton.click();
  await page.getByRole('menuitem', { name: '工会台账花名册（全部字段）' }).click();
  // No reason asked: 查阅 gets masked numbers, which need none.
  const xlsx = testInfo.outputPath('roster.xlsx');
  await (await downloading).saveAs(xlsx);
  await expect(page.getByTestId('export-reason')).toBeHidden();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const text: string[] = [];
  wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => text.push(String(c.value ?? ''))));
  expect(text).toContain('320102********004X');
  expect(text).toContain('138****1234');
  expect(text.join('\n')).not.toContain('32010219651001004X');

  await list.row('赵敏').click();
  await page.getByRole('button', { name: '打印登记表' }).click();
  const form = page.frameLocator('[data-testid="registration-preview"]');
  await expect(form.getByText('320102********004X')).toBeVisible();
  await expect(form.getByText('138****1234')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('menuitem', { name: '设置' }).click();
  const card = page.getByTestId('pii-card');
  await expect(card.getByTestId('pii-held').getByRole('row', { name: /有身份证号（证件号码）的会员\s*1/ })).toBeVisible();
  // 查阅 may see what is held, not export a member's file or anonymise.
  await expect(card.getByTestId('pii-member-file')).toHaveCount(0);
  await expect(card.getByRole('button', { name: '匿名化' })).toHaveCount(0);
});

test('设置 → 个人信息: 查阅复制 of one member, and anonymising a member who left years ago (#16)', async ({ page, server, request }, testInfo) => {
  const s = new MemberSeeder(request, server.url);
  const m = await s.call<{ id: number }>('members.create', { member: { name: '周芷若', idNumber: '110108198503120011', phone: '13900001111', joinDate: '2010-09-01' } });
  await s.call('members.addEvent', { memberId: m.id, type: 'transfer_out', date: '2019-06-30', reason: '调离', otherUnion: '第二中学工会' });
  await page.reload();
  await page.getByRole('menuitem', { name: '设置' }).click();
  const card = page.getByTestId('pii-card');
  await expect(card.getByTestId('pii-held')).toContainText('已离会（转出、退会、开除、去世）的会员');

  await card.getByTestId('pii-anonymisable').getByRole('row', { name: /周芷若/ }).getByRole('button', { name: '匿名化' }).click();
  const dlg = page.getByRole('dialog', { name: '匿名化「周芷若」的个人信息' });
  await expect(dlg.getByRole('button', { name: '匿名化' })).toBeDisabled();
  await dlg.getByLabel('确认姓名').fill('周芷若');
  await shoot(page, testInfo, 'pii-anonymise');
  await dlg.getByRole('button', { name: '匿名化' }).click();
  await expect(page.getByText(/已匿名化：姓名、证件号码/)).toBeVisible();
  await expect(card.getByTestId('pii-anonymisable')).toContainText('没有可以匿名化的会员');
  const got = await s.call<{ name: string; idNumber: string | null }>('members.get', { id: m.id });
  expect(got).toMatchObject({ name: `已匿名${m.id}`, idNumber: null });
  await page.getByRole('menuitem', { name: '修改记录' }).click();
  await expect(page.getByRole('cell', { name: '匿名化离会会员的个人信息' })).toBeVisible();
});
