import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { DisclosurePages, FILES } from './pages/disclosures-pages';
import { MemberSeeder } from './pages/members-seed';
import { SHOTS_DIR, shoot } from './shots';

test.use({
  // Playwright's trace recorder tries to run its snapshot script inside the sandboxed catalogue preview; the
  // frame refusing every script is exactly what sandbox="" is for, so that refusal is expected.
  allowedConsoleErrors: [/^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/],
});

test('a disclosure is registered with an attachment, an opinion recorded and replied to', async ({ page, server }, testInfo) => {
  test.setTimeout(120_000);
  const d = new DisclosurePages(page);
  await d.open('校务公开');
  await expect(d.total).toHaveText('共 0 项');

  await page.keyboard.press('Control+n');
  await expect(page.getByTestId('form-title')).toHaveText('登记校务公开事项');
  await d.field('title').fill('2026年度教职工福利费使用情况');
  await d.form.getByLabel('教代会').check();
  await d.fillDate('disclosedOn', '2026-03-05');
  await d.fillDate('until', '2026-03-20');
  await d.field('department').fill('工会办公室');
  await d.field('reviewer').fill('王校长');
  await d.field('content').fill('福利费预算 12 万元，一季度使用 3.5 万元，明细见附件。');

  // A program is refused at once, whatever it is called; a scan is listed with its real type.
  await d.addAttachment('福利费明细.pdf', FILES.exe());
  await expect(d.toast(/Windows 程序，不能作为附件/)).toBeVisible();
  const scan = FILES.pdf('福利费明细扫描件');
  await d.addAttachment('福利费明细.pdf', scan);
  await d.addAttachment('公开栏照片.jpg', FILES.jpeg());
  await expect(d.attachment('福利费明细.pdf')).toContainText('PDF 文档');
  await expect(d.attachment('公开栏照片.jpg')).toContainText('JPEG 图片 · 2.0 KB');
  await expect(d.attachment('公开栏照片.jpg')).toContainText('保存后添加');
  await page.mouse.move(0, 0);
  await shoot(page, testInfo, 'disclosures-form');

  await page.keyboard.press('Control+s');
  await expect(d.detail).toBeVisible();
  await expect(d.toast('已登记，登记号 2026-001')).toBeVisible();
  await expect(page.getByTestId('detail-reg-no')).toHaveText('2026-001');
  await expect(d.attachments.getByTestId('attachment-item')).toHaveCount(2);

  // In the browser an attachment downloads, byte for byte what was attached.
  const downloading = page.waitForEvent('download');
  await d.attachment('福利费明细.pdf').getByRole('button', { name: '下载' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('福利费明细.pdf');
  const saved = testInfo.outputPath('downloaded.pdf');
  await download.saveAs(saved);
  expect(fs.readFileSync(saved)).toEqual(scan);

  // An opinion about it, received on a Monday long ago: 答复期限 is 5 working days later, so it is overdue.
  await d.button('记录意见', d.detail).first().click();
  await expect(d.dialog).toContainText('登记意见');
  await d.fillDate('receivedOn', '2026-03-02');
  await expect(d.field('dueOn')).toHaveValue('2026-03-09');
  await d.field('reporter').fill('张老师');
  await d.field('content').fill('希望公开福利费的具体发放名单。');
  await d.field('forwardedTo').fill('财务处');
  await d.button('保存', d.dialog).click();
  await expect(d.toast('已登记意见')).toBeVisible();
  const row = d.opinionRow('希望公开福利费');
  await expect(row.getByTestId('opinion-status')).toHaveText('办理中');
  await expect(row.getByTestId('overdue-tag')).toHaveText(/逾期 \d+ 天/);
  await page.mouse.move(0, 0);
  await shoot(page, testInfo, 'disclosures-detail');

  // 首页 lists it while it is unanswered.
  await d.open('首页');
  await expect(page.getByTestId('overdue-opinions')).toContainText('1 条意见逾期未答复');
  await expect(page.getByTestId('overdue-opinions')).toContainText('希望公开福利费的具体发放名单');
  await expect(page.getByTestId('count-disclosures')).toContainText('1');
  await shoot(page, testInfo, 'disclosures-home-overdue');

  await page.getByRole('link', { name: '全部逾期意见' }).click();
  await expect(d.opinionRow('希望公开福利费')).toBeVisible();
  await d.button('答复', d.opinionRow('希望公开福利费')).click();
  await expect(d.dialog).toContainText('答复意见');
  await d.field('reply').fill('发放名单已于 3 月 12 日在公开栏公布。');
  await d.button('保存答复', d.dialog).click();
  await expect(d.toast('已记录答复')).toBeVisible();
  // Answered, it leaves the overdue list …
  await expect(page.getByText('没有逾期未答复的意见')).toBeVisible();
  await page.getByTestId('overdue-only').click();
  const replied = d.opinionRow('希望公开福利费');
  await expect(replied.getByTestId('opinion-status')).toHaveText('已答复');
  // … and can be archived.
  await replied.getByRole('button', { name: '更多操作' }).click();
  await page.getByRole('menuitem', { name: '归档', exact: true }).click();
  await expect(replied.getByTestId('opinion-status')).toHaveText('已归档');
  await replied.getByText('张老师').click();
  await expect(d.opinionTable).toContainText('发放名单已于 3 月 12 日在公开栏公布。');
  await page.mouse.move(0, 0);
  await shoot(page, testInfo, 'disclosures-opinions');

  await d.open('首页');
  await expect(page.getByText('最近一次备份')).toBeVisible();
  await expect(page.getByTestId('overdue-opinions')).toHaveCount(0);
  void server;
});

test('the catalogue of a month previews, prints a landscape PDF with every 登记号 and exports Excel', async ({ page, server }, testInfo) => {
  test.setTimeout(90_000);
  const seed = new MemberSeeder(page.request, server.url);
  await seed.call('settings.update', { unitName: '某某市第一中学', unionName: '某某市第一中学工会委员会', operator: '李干事' });
  const items = [
    { title: '2026年度学校工作计划', category: '管理与改革', forms: ['教代会', '网站'], disclosedOn: '2026-03-02', department: '校长办公室' },
    { title: '职称评审推荐人选公示', category: '职工权益', forms: ['公开栏'], disclosedOn: '2026-03-10', department: '人事处' },
    { title: '食堂承包合同及价格', category: '廉政建设', forms: ['公开栏', '文件'], disclosedOn: '2026-03-18', department: '总务处' },
    { title: '二月份的事项', category: '职工权益', forms: ['公开栏'], disclosedOn: '2026-02-20', department: '工会办公室' },
  ];
  for (const it of items) {
    await seed.call('disclosures.create', { disclosure: { ...it, scope: 'internal', timing: 'immediate' }, uploads: [] });
  }

  const d = new DisclosurePages(page);
  await d.goto(server.url, '?period=2026-03');
  await expect(d.total).toHaveText('2026-03：共 3 项');
  await d.page.getByTestId('filter-category').click();
  await page.getByTitle('廉政建设', { exact: true }).click();
  await expect(d.total).toHaveText('2026-03：共 1 项');
  await expect(d.row('食堂承包合同及价格')).toContainText('2026-003');
  await page.getByText('清除筛选').click();
  await expect(d.total).toHaveText('共 4 项');
  await page.mouse.move(0, 0);
  await shoot(page, testInfo, 'disclosures-list');

  await d.tab('公开目录').click();
  await d.goto(server.url, '/catalogue?period=2026-03');
  await expect(page.getByTestId('catalogue-count')).toHaveText('2026年3月共 3 项');
  const preview = page.getByTestId('catalogue-preview');
  await expect(preview).toHaveAttribute('sandbox', '');
  await expect(preview).toHaveAttribute('srcdoc', /某某市第一中学校务公开目录/);
  await expect(preview).toHaveAttribute('srcdoc', /职称评审推荐人选公示/);
  await page.mouse.move(0, 0);
  await shoot(page, testInfo, 'disclosures-catalogue');

  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Control+p');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('某某市第一中学校务公开目录-2026年3月.pdf');
  const file = testInfo.outputPath('catalogue.pdf');
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  for (const s of ['某某市第一中学校务公开目录', '2026年3月', '2026-001', '2026-002', '2026-003', '2026年度学校工作计划', '职称评审推荐人选公示', '食堂承包合同及价格']) {
    expect(text).toContain(s);
  }
  expect(text).not.toContain('二月份的事项');
  expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.\d+ x 59\d\.\d+ pts/);
  // A look at the printed page, for a person.
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', file, path.join(SHOTS_DIR, 'disclosures-catalogue-pdf')]);

  const xlsxDownloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const xlsx = await xlsxDownloading;
  expect(xlsx.suggestedFilename()).toBe('某某市第一中学校务公开目录-2026年3月.xlsx');
  const xfile = testInfo.outputPath('catalogue.xlsx');
  await xlsx.saveAs(xfile);
  expect(fs.readFileSync(xfile).subarray(0, 2).toString()).toBe('PK');
});

test('the area is named after the unit type, and its settings change the lists', async ({ page, server }, testInfo) => {
  const seed = new MemberSeeder(page.request, server.url);
  await seed.call('settings.update', { unitType: 'hospital', unitName: '某某市人民医院' });
  await page.reload();
  const d = new DisclosurePages(page);
  await d.open('院务公开');
  await d.tab('设置').click();
  const categories = page.getByRole('combobox', { name: '公开事项类别' });
  await categories.fill('医疗服务');
  await categories.press('Enter');
  await page.keyboard.press('Control+s');
  await expect(d.toast('已保存')).toBeVisible();
  await expect(d.toast('已保存')).toHaveCount(0, { timeout: 15_000 });
  await page.mouse.move(0, 0);
  await shoot(page, testInfo, 'disclosures-settings');
  await d.tab('公开事项').click();
  await expect(d.total).toHaveText('共 0 项');
  await page.keyboard.press('Control+n');
  await expect(page.getByTestId('form-title')).toHaveText('登记院务公开事项');
  // Hospitals post on the 院周会 and screens too.
  await expect(d.form.getByLabel('院周会')).toBeVisible();
  await d.field('category').click();
  await expect(page.getByTitle('医疗服务', { exact: true })).toBeVisible();
});
