import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { MemberDetailPage } from './pages/members-detail';
import { MemberFormPage } from './pages/members-form';
import { MembersListPage } from './pages/members-list';
import { MemberSeeder } from './pages/members-seed';

/** Copies for a person to look at (fonts, layout, charts); the test-results copy is attached to the report. */
const SHOTS_DIR = process.env.LEDGER_SHOTS_DIR ?? '/tmp/shots';

async function shoot(page: import('@playwright/test').Page, name: string): Promise<void> {
  const file = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  fs.copyFileSync(file, path.join(SHOTS_DIR, `${name}.png`));
  await test.info().attach(name, { path: file, contentType: 'image/png' });
  // A blank or failed render compresses to almost nothing; real Chinese text and widgets do not.
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
}

test('screenshots of the member list, detail, form, structure, print preview and 首页 charts', async ({ page, server }) => {
  test.setTimeout(180_000);
  const seed = new MemberSeeder(page.request, server.url);
  await seed.call('settings.update', {
    unitName: '某某市第一中学',
    unionName: '某某市第一中学工会委员会',
    unitType: 'school',
    operator: '李干事',
    fondsCode: '',
    fondsName: '',
    orgCodes: [],
  });
  const b1 = await seed.unit({ parentId: null, kind: 'branch', name: '语文教研组分工会' });
  const b2 = await seed.unit({ parentId: null, kind: 'branch', name: '行政后勤分工会' });
  const groups = await Promise.all([
    seed.unit({ parentId: b1.id, kind: 'group', name: '高一语文组' }),
    seed.unit({ parentId: b1.id, kind: 'group', name: '高二语文组' }),
    seed.unit({ parentId: b2.id, kind: 'group', name: '总务处小组' }),
    seed.unit({ parentId: b2.id, kind: 'group', name: '校医室小组' }),
  ]);
  await seed.many(160, { groupIds: groups.map((g) => g.id) });
  await seed.member({ name: '无证件', memberNo: 'HY-N1', groupId: groups[2]!.id });
  const m = await seed.member(
    {
      name: '李建国',
      idNumber: '110108198503120011',
      ethnicity: '汉族',
      nativePlace: '河北保定',
      politicalStatus: '中共党员',
      education: '大学本科',
      degree: '学士',
      jobTitle: '教研组长',
      professionalTitle: '中学高级教师',
      workUnit: '某某市第一中学',
      department: '语文组',
      staffNo: 'T0231',
      employmentStatus: '在岗',
      householdType: '非农业',
      householdPlace: '北京市海淀区',
      phone: '13800138000',
      memberNo: 'HY2008001',
      groupId: groups[0]!.id,
      isMigrantWorker: false,
      monthlyWage: 8650.5,
      familyMembers: [
        { name: '王丽', relation: '配偶', workUnit: '某某区人民医院' },
        { name: '李小明', relation: '儿子', workUnit: '某某小学（学生）' },
      ],
      workHistory: '2004.09—2008.07　北京师范大学　汉语言文学专业\n2008.09—至今　某某市第一中学　语文教师',
      remarks: '2019 年度优秀工会会员',
    },
    { type: 'transfer_in', date: '2008-09-01', otherUnion: '某区教育工会', handler: '李干事' },
  );
  await seed.call('members.moveGroup', { memberIds: [m.id], toGroupId: groups[1]!.id, date: '2020-09-01', reason: '任课调整' });
  await seed.call('members.addEvent', { memberId: m.id, type: 'retain', date: '2025-12-31', reason: '退休', handler: '李干事', remark: '会员证由本人保留' });

  // The header shows the unit names set above.
  await page.reload();
  const list = new MembersListPage(page);
  await list.goto();
  await expect(list.total).toHaveText('共 162 人');
  await expect(list.rows.first()).toBeVisible();
  await shoot(page, 'members-list');

  await page.goto(`${server.url}#/members/${m.id}`);
  const detail = new MemberDetailPage(page);
  await detail.expectOpen('李建国');
  await expect(detail.timelineItems).toHaveCount(3);
  await shoot(page, 'members-detail');

  await page.keyboard.press('Control+p');
  await expect(page.getByTestId('registration-preview')).toBeVisible();
  await page.waitForTimeout(500);
  await shoot(page, 'members-print');
  await page.keyboard.press('Escape');

  await detail.button('编辑').click();
  const form = new MemberFormPage(page);
  await form.expectOpen('编辑：李建国');
  await expect(form.help('idNumber')).toHaveText(/^出生日期 1985-03-12 · 男 · \d+ 岁$/);
  await shoot(page, 'members-form');
  await form.cancelButton.click();

  await page.goto(`${server.url}#/members/groups`);
  await page.getByTestId('group-node').filter({ hasText: '语文教研组分工会' }).click();
  await expect(page.getByTestId('group-panel').locator('[data-member-id]').first()).toBeVisible();
  await shoot(page, 'members-groups');

  await list.open('首页');
  await expect(page.getByTestId('stat-active')).toContainText('161');
  await expect(page.getByTestId('chart-ages')).toContainText('男');
  await expect(page.getByTestId('chart-groups')).toContainText('高一语文组');
  await page.waitForTimeout(800);
  await shoot(page, 'members-home');
  await page.getByTestId('member-stats').scrollIntoViewIfNeeded();
  await page.getByTestId('chart-ages').scrollIntoViewIfNeeded();
  await shoot(page, 'members-home-charts');
});
