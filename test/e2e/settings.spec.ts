import { expect, test } from './fixtures';
import { SettingsPage } from './pages/settings-page';

test('settings are saved with the button and with Ctrl+S, and survive a reload', async ({ page }) => {
  const s = new SettingsPage(page);
  await s.goto();

  await s.fill({ unitName: '某某市第一中学', unionName: '某某市第一中学工会委员会', fondsCode: 'Z012', fondsName: '某某市第一中学' });
  await s.addOrgCode('DQ', '党群');
  await s.save();
  await expect(s.toast('已保存')).toBeVisible();
  await expect(s.headerUnit).toHaveText('某某市第一中学');
  await expect(s.headerUnion).toHaveText('某某市第一中学工会委员会');

  // Second round through the keyboard, with the focus still in a text field.
  await s.fill({ operator: '李干事' });
  await s.chooseUnitType('医院');
  await s.field('operator').focus();
  await s.saveWithShortcut();
  await expect(s.toast('已保存')).toHaveCount(1);
  // The unit type renames the open-affairs area.
  await expect(s.navItem('院务公开')).toBeVisible();
  await expect(s.auditList).toContainText('修改设置：单位类型、操作人');

  await page.reload();
  await s.goto();
  await expect(s.field('unitName')).toHaveValue('某某市第一中学');
  await expect(s.field('unionName')).toHaveValue('某某市第一中学工会委员会');
  await expect(s.field('fondsCode')).toHaveValue('Z012');
  await expect(s.field('fondsName')).toHaveValue('某某市第一中学');
  await expect(s.field('operator')).toHaveValue('李干事');
  await expect(s.orgCodeRow(0).code).toHaveValue('DQ');
  await expect(s.orgCodeRow(0).name).toHaveValue('党群');
  await expect(page.locator('label.ant-radio-button-wrapper-checked')).toHaveText('医院');
});

test('a bad 全宗号 shows the Chinese field error and nothing is saved', async ({ page }) => {
  const s = new SettingsPage(page);
  await s.goto();
  await s.fill({ unitName: '某某医院', fondsCode: 'Z/012' });
  await s.save();
  await expect(s.fieldError('fondsCode')).toHaveText('全宗号只能由字母、数字和连字符组成，最多 20 位');
  await expect(s.toast('已保存')).toHaveCount(0);
  await expect(s.headerUnit).toHaveText('（尚未填写单位名称）');

  // A bad 机构代码 row is caught on its own field too.
  await s.fill({ fondsCode: 'Z012' });
  await s.addOrgCode('dq', '党群');
  await s.saveWithShortcut();
  await expect(s.fieldError('orgCodes_0_code')).toContainText('大写字母和数字');

  await page.reload();
  await s.goto();
  await expect(s.field('unitName')).toHaveValue('');
  await expect(s.field('fondsCode')).toHaveValue('');
  await expect(s.auditList).toContainText('还没有修改记录');
});
