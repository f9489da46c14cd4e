import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './shell-page';

/** 会员档案 → 导入花名册: the wizard's steps, the mapping selects, the preview table, the result and 导入记录. */
export class MembersImportPage extends ShellPage {
  readonly steps: Locator;
  readonly pickButton: Locator;
  readonly headerRows: Locator;
  readonly notes: Locator;
  readonly preview: Locator;
  readonly commitButton: Locator;
  readonly resultTitle: Locator;
  readonly resultSummary: Locator;
  readonly undoButton: Locator;

  constructor(page: Page) {
    super(page);
    this.steps = page.getByTestId('import-steps');
    this.pickButton = page.getByTestId('import-pick');
    this.headerRows = page.getByTestId('import-header-rows');
    this.notes = page.getByTestId('import-notes');
    this.preview = page.getByRole('table', { name: '导入预览' });
    this.commitButton = page.getByTestId('import-commit');
    this.resultTitle = page.getByTestId('import-result-title');
    this.resultSummary = page.getByTestId('import-result-summary');
    this.undoButton = page.getByTestId('import-undo');
  }

  /** The step antd marks as current. */
  currentStep(): Locator {
    return this.steps.locator('.ant-steps-item-active .ant-steps-item-title');
  }

  /** 选择文件 through the browser's file chooser (the upload becomes a file token). */
  async chooseFile(file: string): Promise<void> {
    const choosing = this.page.waitForEvent('filechooser');
    await this.pickButton.click();
    await (await choosing).setFiles(file);
  }

  async next(testId: 'import-sheets-next' | 'import-mapping-next'): Promise<void> {
    await this.page.getByTestId(testId).click();
  }

  mapping(letter: string): Locator {
    return this.page.getByTestId(`map-${letter}`);
  }

  /** Picks the field for a column in 核对表头与列对应 (the select filters by typing). */
  async mapColumn(letter: string, fieldLabel: string): Promise<void> {
    await this.mapping(letter).click();
    await this.page.keyboard.type(fieldLabel);
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${fieldLabel}$`) }).click();
    await expect(this.mapping(letter)).toContainText(fieldLabel);
  }

  count(which: 'read' | 'created' | 'updated' | 'unchanged' | 'skipped'): Locator {
    return this.page.getByTestId(`count-${which}`).locator('.ant-statistic-content-value');
  }

  previewRow(excelRow: number): Locator {
    return this.preview.locator(`tr[data-row="${excelRow}"]`);
  }

  async filter(label: RegExp): Promise<void> {
    await this.page.getByTestId('import-filter').getByText(label).click();
  }

  async commit(): Promise<void> {
    await this.commitButton.click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: /^导\s?入$/ }).click();
  }

  async undo(): Promise<void> {
    await this.undoButton.click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: /^撤\s?销$/ }).click();
  }
}
