import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './shell-page';

export type SettingsField = 'unitName' | 'unionName' | 'fondsCode' | 'fondsName' | 'operator';

/** 设置: the unit form, the data card and the backup card. */
export class SettingsPage extends ShellPage {
  readonly saveButton: Locator;
  readonly backupButton: Locator;
  readonly restoreFromFileButton: Locator;
  readonly backupRows: Locator;
  readonly auditList: Locator;

  constructor(page: Page) {
    super(page);
    // 设置 has a 保存 on several cards (归档, 关怀, 会费…): this is the unit card's.
    this.saveButton = page.getByTestId('unit-settings-save');
    this.backupButton = page.getByRole('button', { name: '立即备份' });
    this.restoreFromFileButton = page.getByRole('button', { name: '从文件恢复…' });
    this.backupRows = page.getByTestId('backup-table').locator('tbody tr.ant-table-row');
    this.auditList = page.getByTestId('audit-list');
  }

  async goto(): Promise<void> {
    await this.open('设置');
    await expect(this.saveButton).toBeEnabled();
  }

  /** antd gives each Form.Item input the field name as its id, and `${id}_help` to its message. */
  field(name: SettingsField): Locator {
    return this.page.locator(`#${name}`);
  }

  fieldError(name: string): Locator {
    return this.page.locator(`[id="${name}_help"]`);
  }

  async fill(values: Partial<Record<SettingsField, string>>): Promise<void> {
    for (const [k, v] of Object.entries(values)) await this.field(k as SettingsField).fill(v);
  }

  async chooseUnitType(label: '学校' | '医院' | '企业'): Promise<void> {
    await this.page.locator('label.ant-radio-button-wrapper').filter({ hasText: label }).click();
  }

  orgCodeRow(index: number): { code: Locator; name: Locator } {
    return {
      code: this.page.locator(`[id="orgCodes_${index}_code"]`),
      name: this.page.locator(`[id="orgCodes_${index}_name"]`),
    };
  }

  async addOrgCode(code: string, name: string): Promise<void> {
    const before = await this.page.locator('[id^="orgCodes_"][id$="_code"]').count();
    await this.page.getByRole('button', { name: '添加代码' }).click();
    const row = this.orgCodeRow(before);
    await row.code.fill(code);
    await row.name.fill(name);
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }

  async saveWithShortcut(): Promise<void> {
    await this.page.keyboard.press('Control+s');
  }

  backupRow(reasonLabel: string): Locator {
    return this.backupRows.filter({ hasText: reasonLabel });
  }

  /** Clicks 恢复 on a row, then 恢复 in its confirmation. */
  async restoreRow(row: Locator): Promise<void> {
    await row.getByRole('button', { name: '恢复' }).click();
    const confirm = this.page.locator('.ant-popconfirm').filter({ hasText: '恢复这份备份？' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: '恢复' }).click();
  }
}
