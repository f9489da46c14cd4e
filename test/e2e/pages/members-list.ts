import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './shell-page';

/** 会员档案 → 会员名册: the search box, filters, total and the virtual table. */
export class MembersListPage extends ShellPage {
  readonly search: Locator;
  readonly total: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly newButton: Locator;
  readonly exportButton: Locator;

  constructor(page: Page) {
    super(page);
    this.search = page.getByRole('textbox', { name: '搜索会员' });
    this.total = page.getByTestId('member-total');
    this.table = page.getByRole('table', { name: '会员名册' });
    this.rows = this.table.locator('[role=row][data-member-id]');
    this.newButton = page.getByRole('button', { name: '新增会员' });
    this.exportButton = page.getByTestId('export-filtered');
  }

  async goto(): Promise<void> {
    await this.open('会员档案');
    await expect(this.total).toContainText('共');
  }

  row(name: string): Locator {
    return this.rows.filter({ hasText: name });
  }

  /** Names in the rows now rendered (the table is virtual: only those on screen exist). */
  async visibleNames(): Promise<string[]> {
    return this.rows.locator('[role=cell]:first-child strong').allInnerTexts();
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
  }

  /** The 状态 filter: a preset (在册和保留会籍, 全部（含已离开）…) or one status label. */
  async chooseStatus(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: '状态' }).click();
    await this.page.locator(`.ant-select-item-option[title="${label}"]`).click();
  }

  async expectTotal(n: number): Promise<void> {
    await expect(this.total).toHaveText(`共 ${n} 人`);
  }
}
