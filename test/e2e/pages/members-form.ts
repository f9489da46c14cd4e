import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './shell-page';

export type MemberTextField =
  | 'name'
  | 'idNumber'
  | 'nativePlace'
  | 'jobTitle'
  | 'professionalTitle'
  | 'workUnit'
  | 'department'
  | 'staffNo'
  | 'phone'
  | 'memberNo'
  | 'householdPlace'
  | 'workHistory'
  | 'remarks'
  | 'arrivalOtherUnion';

/** 新增会员 / 编辑 form. antd gives each field's input the field name as id, and `${id}_help` to its message. */
export class MemberFormPage extends ShellPage {
  readonly form: Locator;
  readonly saveButton: Locator;
  readonly cancelButton: Locator;
  readonly generalError: Locator;

  constructor(page: Page) {
    super(page);
    this.form = page.getByTestId('member-form');
    this.saveButton = this.form.getByRole('button', { name: '保存' });
    this.cancelButton = this.form.getByRole('button', { name: '取消' });
    this.generalError = page.getByTestId('form-error');
  }

  async expectOpen(title: string | RegExp): Promise<void> {
    await expect(this.page.getByTestId('form-title')).toHaveText(title);
  }

  field(name: string): Locator {
    return this.page.locator(`#${name}`);
  }

  help(name: string): Locator {
    return this.page.locator(`[id="${name}_help"]`);
  }

  async fill(values: Partial<Record<MemberTextField, string>>): Promise<void> {
    for (const [k, v] of Object.entries(values)) await this.field(k).fill(v);
  }

  /** A value-list field (民族, 政治面貌 …): typed like a text box; the list only suggests. */
  async fillList(name: string, value: string): Promise<void> {
    await this.field(name).fill(value);
    await this.page.keyboard.press('Tab');
  }

  /** A DatePicker: type the date and confirm with Enter. */
  async fillDate(name: string, iso: string): Promise<void> {
    const input = this.field(name);
    await input.click();
    await input.fill(iso);
    await input.press('Enter');
    await expect(input).toHaveValue(iso);
  }

  async saveWithShortcut(): Promise<void> {
    await this.page.keyboard.press('Control+s');
  }
}
