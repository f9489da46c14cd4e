import { expect, test } from './fixtures';
import { MemberSeeder } from './pages/members-seed';
import { shoot } from './shots';

/**
 * Every main page at 1366 × 768, the commonest office screen (#15 item 11): a screenshot of each, no page wider
 * than the window, and no row of buttons wrapped onto a second line.
 */
const PAGES: [string, string][] = [
  ['首页', '/'],
  ['会员档案', '/members'],
  ['登记会员', '/members/new'],
  ['工会组织', '/members/groups'],
  ['导入花名册', '/members/import'],
  ['提案', '/proposals'],
  ['登记提案', '/proposals/new'],
  ['届次', '/proposals/sessions'],
  ['承办部门', '/proposals/units'],
  ['提案统计', '/proposals/stats'],
  ['提案设置', '/proposals/settings'],
  ['导入提案', '/proposals/import'],
  ['公开记录', '/disclosure'],
  ['登记公开', '/disclosure/new'],
  ['意见建议', '/disclosure/opinions'],
  ['公开目录', '/disclosure/catalogue'],
  ['公开设置', '/disclosure/settings'],
  ['慰问记录', '/care'],
  ['慰问金发放表', '/care/payout'],
  ['困难职工', '/care/hardship'],
  ['生日', '/care/birthdays'],
  ['会费', '/dues'],
  ['工作计划', '/plans'],
  ['活动台账', '/plans/activities'],
  ['表彰', '/plans/awards'],
  ['调解', '/plans/mediation'],
  ['年度归档', '/archive'],
  ['修改记录', '/audit'],
  ['设置', '/settings'],
];

test('every main page fits 1366 × 768 without a wrapped toolbar', async ({ page, server, request }, testInfo) => {
  test.setTimeout(300_000);
  const s = new MemberSeeder(request, server.url);
  await s.call('settings.update', { unitName: '某某市第一中学', unionName: '某某市第一中学工会委员会', fondsCode: 'Z109', fondsName: '某某市第一中学工会', operator: '李干事' });
  const group = await s.unit({ parentId: null, kind: 'group', name: '第一小组' });
  await s.many(30, { groupIds: [group.id] });
  await page.setViewportSize({ width: 1366, height: 768 });
  const problems: string[] = [];
  for (const [name, route] of PAGES) {
    await page.goto(`${server.url}#${route}`);
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('main')).toBeVisible();
    await page.waitForTimeout(300);
    await shoot(page, testInfo, `1366-${route.replace(/\//g, '_') || 'home'}`);
    const found = await page.evaluate(() => {
      const out: string[] = [];
      const main = document.querySelector('main') ?? document.body;
      if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push(`页面比窗口宽（${document.documentElement.scrollWidth}px）`);
      if (main.scrollWidth > main.clientWidth + 1) out.push(`内容区需要横向滚动（${main.scrollWidth}px > ${main.clientWidth}px）`);
      // A row of buttons: a wrapping flex box (ListToolbar, antd Space wrap) with two or more buttons in it.
      for (const el of main.querySelectorAll<HTMLElement>('*')) {
        const cs = getComputedStyle(el);
        if (!cs.display.includes('flex') || cs.flexWrap !== 'wrap' || el.closest('form, .ant-modal, .ant-table, .ant-form-item-control, .ant-select, .ant-picker, .ant-tag')) continue;
        // Filters may take a second line on purpose; the buttons (the actions) must stay on one.
        const buttons = [...el.children].filter((k) => k.getBoundingClientRect().width > 0 && (k.matches('.ant-btn, .ant-dropdown-trigger') || k.querySelector(':scope > .ant-btn, :scope > .ant-space-item > .ant-btn')));
        if (buttons.length < 2) continue;
        const tops = new Set(buttons.map((k) => Math.round(k.getBoundingClientRect().top / 8)));
        if (tops.size > 1) out.push(`按钮行折成了 ${tops.size} 行：${(el.textContent ?? '').replace(/\s+/g, ' ').slice(0, 60)}`);
      }
      return out;
    });
    for (const f of found) problems.push(`${name}（#${route}）：${f}`);
  }
  expect(problems).toEqual([]);
});
