import { execFileSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { expect, test } from './fixtures';
import { MemberSeeder } from './pages/members-seed';
import { ShellPage } from './pages/shell-page';
import { shoot } from './shots';

test.use({
  // The print preview is a sandboxed srcdoc frame; Playwright's trace recorder being refused there is the sandbox working.
  allowedConsoleErrors: [/^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/],
});

const IDS = ['110108198503120011', '310115199007040026', '440306197812250039', '32010219651001004X'];
const NAMES = ['张三丰', '李秀英', '王建国', '赵敏'];

/** 2026 through the rpc endpoint: settings, four members, 五届二次 with one closed proposal, a disclosure. */
async function seed(s: MemberSeeder): Promise<void> {
  await s.call('settings.update', {
    unitName: '第一中学',
    unionName: '第一中学工会',
    fondsCode: 'Z109',
    fondsName: '第一中学工会',
    operator: '李干事',
    orgCodes: [
      { code: 'GH', name: '工会办公室' },
      { code: 'JDH', name: '教代会' },
    ],
  });
  const members: { id: number }[] = [];
  for (let i = 0; i < NAMES.length; i++) members.push(await s.member({ name: NAMES[i], idNumber: IDS[i], joinDate: '2010-09-01' }));
  const session = await s.call<{ id: number }>('sessions.create', { term: 5, meeting: 2, startDate: '2026-03-20', endDate: '2026-03-21', minSeconders: 2 });
  await s.call('representatives.add', { sessionId: session.id, entries: members.map((m) => ({ memberId: m.id, delegation: '第一代表团' })) });
  const unit = await s.call<{ id: number }>('handlingUnits.create', { name: '后勤管理处' });
  const p = await s.call<{ id: number }>('proposals.create', {
    sessionId: session.id,
    proposal: { title: '关于改善食堂伙食的提案', proposerId: members[0]!.id, seconderIds: [members[1]!.id, members[2]!.id], submittedDate: '2026-03-10' },
  });
  await s.call('proposals.act', { type: 'file', proposalId: p.id, date: '2026-03-22' });
  await s.call('proposals.act', { type: 'assign', proposalId: p.id, date: '2026-03-23', leadUnitId: unit.id, deadline: '2026-04-30' });
  await s.call('proposals.act', { type: 'reply', proposalId: p.id, date: '2026-04-10', unitId: unit.id, replyClass: 'A', text: '已增加窗口。' });
  await s.call('proposals.act', { type: 'feedback', proposalId: p.id, date: '2026-04-12', satisfaction: 'satisfied' });
  await s.call('proposals.act', { type: 'close', proposalId: p.id, date: '2026-04-13' });
  await s.call('disclosures.create', {
    disclosure: { title: '2026年度教职工福利费使用情况', category: '职工权益', forms: ['公开栏'], scope: 'internal', timing: 'periodic', disclosedOn: '2026-03-05', department: '工会办公室' },
    uploads: [],
  });
}

test('a seeded year is archived through the UI: plan, 编号, preview, binder PDF, 封存, 核对', async ({ page, server, request }, testInfo) => {
  test.setTimeout(240_000);
  await seed(new MemberSeeder(request, server.url));
  const shell = new ShellPage(page);
  await shell.open('年度归档');
  await page.getByTestId('archive-year').click();
  await page.locator('.ant-select-item-option').filter({ hasText: /^2026 年度/ }).click();
  await expect(page.getByTestId('archive-totals')).toContainText('共 6 件');
  await expect(page.getByTestId('archive-class').first()).toBeVisible();
  await expect(page.getByText('关于改善食堂伙食的提案')).toBeVisible();
  await page.mouse.move(0, 0);
  await shoot(page, testInfo, 'archive-plan');

  // A document added by hand: a broken scan is refused when chosen; a real one gives its 页数.
  await page.keyboard.press('Control+n');
  const add = page.getByRole('dialog', { name: '添加文件' });
  await add.getByLabel('题名', { exact: true }).fill('关于召开五届二次教代会的通知');
  await add.getByLabel('责任者', { exact: true }).fill('第一中学工会');
  await add.getByLabel('文号', { exact: true }).fill('校工〔2026〕3号');
  const pick = async (name: string, buffer: Buffer) => {
    const choosing = page.waitForEvent('filechooser');
    await add.getByTestId('archive-pick-file').click();
    await (await choosing).setFiles({ name, mimeType: 'application/pdf', buffer });
  };
  await pick('坏的扫描件.pdf', Buffer.from('%PDF-1.4 not really'));
  await expect(add.getByTestId('archive-add-problem')).toContainText('不是可读的 PDF');
  const scan = await PDFDocument.create();
  scan.addPage([595.28, 841.89]);
  scan.addPage([595.28, 841.89]);
  await pick('会议通知.pdf', Buffer.from(await scan.save()));
  await expect(add.getByText('会议通知.pdf（2 页）')).toBeVisible();
  await expect(add.getByLabel('页数（由文件读出，可改）')).toHaveValue('2');
  await shoot(page, testInfo, 'archive-add-manual');
  await add.getByRole('button', { name: '添加' }).click();
  await expect(page.getByTestId('archive-totals')).toContainText('共 7 件');

  await page.getByRole('button', { name: '编号' }).click();
  await expect(shell.toast(/已编号 \d+ 件/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('archive-state')).toHaveText('已编号');
  await expect(page.getByText('Z109-WS·2026-Y-JDH-0001')).toBeVisible();
  await page.mouse.move(0, 0);
  await shoot(page, testInfo, 'archive-numbered');

  await page.keyboard.press('Control+p');
  const preview = page.frameLocator('[data-testid="archive-print-preview"]');
  await expect(preview.getByText('Z109-WS·2026-Y-JDH-0001')).toBeVisible();
  await shoot(page, testInfo, 'archive-preview-catalogue');
  await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

  await page.getByTestId('archive-print').hover();
  await page.getByRole('menuitem', { name: '归档章（不干胶标签）' }).click();
  await expect(preview.locator('table.stamp').first()).toBeVisible();
  await shoot(page, testInfo, 'archive-preview-stamps');
  await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

  // The binder of the 永久 items: catalogue text by pdftotext, the pages looked at by pdftoppm.
  await page.getByTestId('archive-binder').hover();
  const downloading = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('menuitem', { name: '永久（装订 PDF）' }).click();
  const download = await downloading;
  const binder = testInfo.outputPath('binder-Y.pdf');
  await download.saveAs(binder);
  const text = execFileSync('pdftotext', ['-layout', binder, '-']).toString();
  expect(text).toContain('归档文件目录');
  expect(text).toMatch(/序号\s+档号\s+文号\s+责任者\s+题名\s+日期\s+密级\s+页数\s+备注/);
  expect(text).toContain('Z109-WS·2026-Y-JDH-0001');
  expect(text).toMatch(/20260310/);
  execFileSync('pdftoppm', ['-r', '60', '-png', binder, testInfo.outputPath('binder')]);
  execFileSync('sh', ['-c', `cp ${testInfo.outputPath('binder')}-*.png /tmp/shots/ 2>/dev/null || true`]);

  await page.getByTestId('archive-seal').click();
  const dialog = page.getByRole('dialog', { name: '封存 2026 年度' });
  await expect(dialog).toBeVisible();
  const reasonBox = dialog.getByLabel('原因');
  if (await reasonBox.isVisible().catch(() => false)) await reasonBox.fill('年终归档');
  await shoot(page, testInfo, 'archive-seal-dialog');
  await page.getByTestId('archive-seal-ok').click();
  await expect(page.getByTestId('archive-sealed')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('archive-state')).toHaveText('已封存');
  await page.mouse.move(0, 0);
  await shoot(page, testInfo, 'archive-sealed');

  await page.getByTestId('archive-verify').click();
  await expect(page.getByTestId('archive-verify-ok')).toBeVisible();
  await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

  // The year's package, then the same file checked as one given by someone else would be.
  await page.getByTestId('archive-package').hover();
  const packaging = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('menuitem', { name: '导出本年度归档包' }).click();
  const zip = testInfo.outputPath('2026.zip');
  await (await packaging).saveAs(zip);
  await page.getByTestId('archive-package').hover();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: '核对收到的归档包…' }).click();
  await (await choosing).setFiles(zip);
  await expect(page.getByTestId('archive-package-ok')).toContainText('归档包（2026 年度）与其清单一致');
  await shoot(page, testInfo, 'archive-package-ok');
  await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

  // 设置 → 归档: the scheme, the 档号 standard and retention per item kind.
  await shell.open('设置');
  const card = page.getByTestId('archive-settings');
  await card.scrollIntoViewIfNeeded();
  await expect(card.getByText('提案及交办、答复、反馈')).toBeVisible();
  await expect(card.getByText('年度—保管期限—机构（问题）')).toBeVisible();
  await shoot(page, testInfo, 'archive-settings');

  // A sealed proposal refuses an edit through its own channel, naming the year.
  const res = await request.post(`${server.url}api/rpc/disclosures.list`, { data: { year: 2026 } });
  const rows = ((await res.json()) as { data: { rows: { id: number }[] } }).data.rows;
  const refused = await request.post(`${server.url}api/rpc/disclosures.remove`, { data: { id: rows[0]!.id, reason: '试试' } });
  const body = (await refused.json()) as { ok: boolean; error: { message: string } };
  expect(body.ok).toBe(false);
  expect(body.error.message).toContain('2026 年度已封存');
});
