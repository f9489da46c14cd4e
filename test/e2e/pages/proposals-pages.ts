import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './shell-page';

/**
 * 提案工作 pages: the tabs, the 届次 and 代表 lists, 承办部门, the registration form, the detail page with its
 * workflow buttons, and the dialogs they open. antd gives each form field's input the field name as id.
 */
export class ProposalsPages extends ShellPage {
  readonly dialog: Locator;
  readonly detail: Locator;
  readonly number: Locator;
  readonly state: Locator;
  readonly actions: Locator;
  readonly form: Locator;

  constructor(page: Page) {
    super(page);
    this.dialog = page.locator('.ant-modal-wrap:visible .ant-modal');
    this.detail = page.getByTestId('proposal-detail');
    this.number = page.getByTestId('proposal-number');
    this.state = this.detail.getByTestId('proposal-state').first();
    this.actions = page.getByTestId('proposal-actions');
    this.form = page.getByTestId('proposal-form');
  }

  async goto(): Promise<void> {
    await this.open('提案工作');
  }

  async tab(label: string): Promise<void> {
    await this.page.getByTestId('proposal-tabs').getByText(label, { exact: true }).click();
  }

  field(name: string, within: Locator = this.page.locator('body')): Locator {
    return within.locator(`[id="${name}"]`);
  }

  /** A DatePicker: type the date and confirm with Enter. */
  async fillDate(input: Locator, iso: string): Promise<void> {
    await input.click();
    await input.fill(iso);
    await input.press('Enter');
    await expect(input).toHaveValue(iso);
  }

  /** Opens a select, types to narrow it, and picks the option with this text (Enter picks the highlighted one). */
  async choose(input: Locator, text: string, search = text): Promise<void> {
    await input.click();
    const option = this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
    if (search) {
      // Typed key by key: fill() clears the box first, which in a multiple select can drop the last chosen tag.
      await input.pressSequentially(search);
      // While the list re-renders after a key, the option active before may keep its class for a moment.
      const active = this.page.locator('.ant-select-dropdown:visible .ant-select-item-option-active');
      await expect(active).toHaveCount(1);
      await expect(active).toContainText(text);
      await input.press('Enter');
    } else {
      await option.click();
    }
  }

  /** Picks a radio or radio button by its label. */
  async radio(label: string): Promise<void> {
    await this.dialog.getByText(label, { exact: true }).click();
  }

  async submitDialog(label = '办理'): Promise<void> {
    await this.dialog.getByRole('button', { name: new RegExp(`^${[...label].join('\\s?')}$`) }).click();
  }

  /** Runs one workflow step from the detail page: the button, the step's own fields, the text, 办理. */
  async step(button: string, fill: () => Promise<void> = async () => {}, text?: string): Promise<void> {
    await this.actions.getByRole('button', { name: button, exact: true }).click();
    await expect(this.dialog).toBeVisible();
    await fill();
    if (text) await this.dialog.locator('textarea').fill(text);
    await this.submitDialog();
    await expect(this.dialog).toHaveCount(0);
  }

  timelineItem(type: string): Locator {
    return this.page.locator(`[data-testid="timeline-item"][data-event-type="${type}"]`);
  }

  async actionButtons(): Promise<string[]> {
    return (await this.actions.getByRole('button').allInnerTexts()).map((t) => t.replace(/\s+/g, ''));
  }
}
