import dayjs from 'dayjs';
import { expect, test } from './fixtures';
import { fakeMember, MemberSeeder } from './pages/members-seed';
import { ProposalsPages } from './pages/proposals-pages';
import { shoot } from './shots';

const day = (offset: number) => dayjs().add(offset, 'day').format('YYYY-MM-DD');

const TITLES = [
  '关于增设教工健身房的建议',
  '关于完善职称评审办法的建议',
  '关于延长图书馆开放时间的建议',
  '关于改善教工食堂就餐环境的建议',
  '关于规范校内停车管理的建议',
  '关于加强青年教师培养的建议',
  '关于提高班主任津贴的建议',
  '关于改造老旧教学楼电路的建议',
  '关于增加教职工体检项目的建议',
  '关于优化课后服务安排的建议',
  '关于设立教职工子女托管班的建议',
  '关于完善绩效工资分配方案的建议',
];
const CATEGORIES = ['后勤管理与服务', '教职工权益', '教学与管理', '体制机制建设'];

/**
 * A session with a dozen proposals in every state, so the register, the charts and the printed report are
 * looked at with realistic content (screenshots in /tmp/shots/proposals-*.png).
 */
test('screenshots of the register, statistics, units, settings and the 办理情况统计表 with a full session', async ({ page, server }, testInfo) => {
  test.setTimeout(180_000);
  const seed = new MemberSeeder(page.request, server.url);
  await seed.call('settings.update', { unitName: '某某市第一中学', unionName: '某某市第一中学工会委员会', operator: '李干事' });
  const people = [];
  for (let i = 0; i < 9; i++) people.push(await seed.member(fakeMember(i)));
  const session = await seed.call<{ id: number }>('sessions.create', {
    term: 5,
    meeting: 2,
    startDate: day(-60),
    endDate: day(-59),
    collectionDeadline: day(-62),
    replyDeadline: day(-10),
  });
  const delegations = ['第一代表团', '第二代表团', '机关后勤代表团'];
  await seed.call('representatives.add', {
    sessionId: session.id,
    entries: people.map((m, i) => ({ memberId: m.id, delegation: delegations[i % 3]! })),
  });
  const units = [];
  for (const name of ['后勤管理处', '人事处', '教务处', '财务处']) units.push(await seed.call<{ id: number }>('handlingUnits.create', { name }));
  const act = (proposalId: number, a: Record<string, unknown>) => seed.call('proposals.act', { proposalId, ...a });
  for (let i = 0; i < TITLES.length; i++) {
    const proposer = people[i % 9]!;
    const others = people.filter((m) => m.id !== proposer.id);
    const p = await seed.call<{ id: number }>('proposals.create', {
      sessionId: session.id,
      proposal: {
        title: TITLES[i],
        category: CATEGORIES[i % 4],
        proposerId: proposer.id,
        seconderIds: i === 11 ? [others[0]!.id] : [others[0]!.id, others[1]!.id],
        submittedDate: day(-65),
        reasons: '教职工反映较多。',
        suggestions: '请有关部门研究解决。',
      },
    });
    if (i === 11) continue;
    if (i === 9) {
      await act(p.id, { type: 'reject', date: day(-58), text: '属学校行政日常事务，建议直接向有关部门反映。' });
      continue;
    }
    if (i === 10) continue;
    await act(p.id, { type: 'file', date: day(-58) });
    const lead = units[i % 4]!.id;
    await act(p.id, { type: 'assign', date: day(-57), leadUnitId: lead, coUnitIds: i % 3 === 0 ? [units[(i + 1) % 4]!.id] : [], deadline: day(-10) });
    if (i >= 7) continue;
    await act(p.id, { type: 'reply', date: day(-20), unitId: lead, replyClass: (['A', 'A', 'B', 'A', 'C', 'B', 'A'] as const)[i], text: '已研究落实。' });
    if (i >= 5) continue;
    await act(p.id, { type: 'feedback', date: day(-15), satisfaction: i === 4 ? 'unsatisfied' : i === 3 ? 'basic' : 'satisfied' });
    if (i < 3) await act(p.id, { type: 'close', date: day(-12) });
  }

  await page.goto(`${server.url}#/proposals?session=${session.id}`);
  // Only the hash changed: reload so the header reads the settings seeded above.
  await page.reload();
  const ui = new ProposalsPages(page);
  await expect(page.getByTestId('proposal-total')).toContainText('共 12 件');
  await shoot(page, testInfo, 'proposals-register-full');

  await ui.tab('统计');
  await expect(page.getByTestId('stat-received')).toContainText('11');
  await expect(page.getByTestId('stat-filing-rate')).toContainText('81.8%');
  await shoot(page, testInfo, 'proposals-stats-full');
  await page.getByText('按代表团', { exact: true }).scrollIntoViewIfNeeded();
  await shoot(page, testInfo, 'proposals-stats-full-charts');
  await page.getByRole('button', { name: '打印办理情况统计表' }).click();
  await expect(page.getByTestId('print-preview')).toHaveAttribute('srcdoc', /表六\u3000提案办理一览/);
  await shoot(page, testInfo, 'proposals-report-preview');
  await ui.dialog.locator('.ant-modal-footer').getByRole('button', { name: /关\s?闭/ }).click();

  await ui.tab('承办部门');
  await expect(page.getByTestId('units-table')).toContainText('财务处');
  await shoot(page, testInfo, 'proposals-units');
  await ui.tab('类别与编号');
  await expect(page.getByTestId('number-sample')).toHaveText('示例：五届二次 第023号');
  await shoot(page, testInfo, 'proposals-settings');
});
