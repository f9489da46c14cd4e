import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './shell-page';

/** One member: fields, status, timeline, and the dialogs opened from its buttons. */
export class MemberDetailPage extends ShellPage {
  readonly root: Locator;
  readonly name: Locator;
  readonly status: Locator;
  readonly timeline: Locator;
  readonly timelineItems: Locator;
  readonly idNumber: Locator;
  readonly derived: Locator;
  readonly jobTitle: Locator;
  readonly warnings: Locator;
  readonly dialog: Locator;

  constructor(page: Page) {
    super(page);
    this.root = page.getByTestId('member-detail');
    this.name = page.getByTestId('member-name');
    // The status tag in the page header (the timeline card repeats it).
    this.status = this.root.getByTestId('member-status').first();
    this.timeline = page.getByTestId('member-timeline');
    this.timelineItems = page.getByTestId('timeline-item');
    this.idNumber = page.getByTestId('detail-id-number');
    this.derived = page.getByTestId('detail-derived');
    this.jobTitle = page.getByTestId('detail-job-title');
    this.warnings = page.getByTestId('save-warnings');
    this.dialog = page.locator('.ant-modal-wrap:visible .ant-modal');
  }

  async expectOpen(name: string): Promise<void> {
    await expect(this.name).toHaveText(name);
  }

  button(label: string): Locator {
    return this.root.getByRole('button', { name: label });
  }

  timelineItem(type: string): Locator {
    return this.page.locator(`[data-testid="timeline-item"][data-event-type="${type}"]`);
  }

  /** 办理会籍变动: choose the type, set the date and the other fields, and submit. */
  async recordEvent(opts: { type: string; date: string; reason?: string; otherUnion?: string; remark?: string }): Promise<void> {
    await this.button('办理会籍变动').click();
    await expect(this.dialog).toContainText('办理会籍变动');
    await this.dialog.getByRole('combobox', { name: '变动类型' }).click();
    await this.page.locator(`.ant-select-item-option[title="${opts.type}"]`).click();
    const date = this.dialog.locator('#date');
    await date.click();
    await date.fill(opts.date);
    await date.press('Enter');
    if (opts.reason) {
      await this.dialog.locator('#reason').fill(opts.reason);
      // Tab closes the suggestions; Esc would close the dialog.
      await this.page.keyboard.press('Tab');
    }
    if (opts.otherUnion !== undefined) await this.dialog.locator('#otherUnion').fill(opts.otherUnion);
    if (opts.remark) await this.dialog.locator('#remark').fill(opts.remark);
    await this.dialog.getByRole('button', { name: '办 理' }).or(this.dialog.getByRole('button', { name: '办理' })).click();
  }
}
