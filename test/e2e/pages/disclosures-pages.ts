import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './shell-page';

/** 校务公开 (the name follows 设置's unit type): its tabs, list, form, detail, opinions and catalogue. */
export class DisclosurePages extends ShellPage {
  readonly table: Locator;
  readonly total: Locator;
  readonly form: Locator;
  readonly detail: Locator;
  readonly attachments: Locator;
  readonly opinionTable: Locator;
  readonly dialog: Locator;

  constructor(page: Page) {
    super(page);
    this.table = page.getByTestId('disclosure-table');
    this.total = page.getByTestId('disclosure-total');
    this.form = page.getByTestId('disclosure-form');
    this.detail = page.getByTestId('disclosure-detail');
    this.attachments = page.getByTestId('attachment-list');
    this.opinionTable = page.getByTestId('opinion-table');
    this.dialog = page.locator('.ant-modal-wrap:visible .ant-modal');
  }

  async goto(baseUrl: string, address = ''): Promise<void> {
    await this.page.goto(`${baseUrl}#/disclosure${address}`);
  }

  tab(label: '公开事项' | '意见反馈' | '公开目录' | '设置'): Locator {
    return this.page.getByRole('radiogroup', { name: '公开工作' }).getByText(label, { exact: true });
  }

  row(text: string | RegExp): Locator {
    return this.table.locator('tbody tr').filter({ hasText: text });
  }

  /** antd gives each field's input the field name as id. */
  field(name: string): Locator {
    return this.page.locator(`#${name}`);
  }

  /** A DatePicker: type the date and confirm with Enter. */
  async fillDate(name: string, iso: string): Promise<void> {
    const input = this.field(name);
    await input.click();
    await input.fill(iso);
    await input.press('Enter');
    await expect(input).toHaveValue(iso);
  }

  /** 添加附件: the browser's file chooser, answered with a file of this name and content. */
  async addAttachment(name: string, content: Buffer): Promise<void> {
    const choosing = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('add-attachment').click();
    const chooser = await choosing;
    await chooser.setFiles({ name, mimeType: 'application/octet-stream', buffer: content });
  }

  attachment(label: string): Locator {
    return this.attachments.getByTestId('attachment-item').filter({ hasText: label });
  }

  opinionRow(text: string | RegExp): Locator {
    return this.opinionTable.locator('tbody tr.ant-table-row').filter({ hasText: text });
  }

  button(name: string, scope: Locator | Page = this.page): Locator {
    return scope.getByRole('button', { name, exact: true });
  }
}

/** Minimal real file heads, like a scanner's PDF or a camera's JPEG, and a Windows program. */
export const FILES = {
  pdf: (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`),
  jpeg: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]),
  exe: () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(256, 0)]),
};
