import { expect, type Locator, type Page } from '@playwright/test';

export const NAV_LABELS = ['首页', '会员档案', '提案工作', '校务公开', '关怀帮扶', '年度归档', '设置'] as const;

/** The frame around every area: navigation, header names, page title, error banner. */
export class ShellPage {
  readonly nav: Locator;
  readonly title: Locator;
  readonly headerUnit: Locator;
  readonly headerUnion: Locator;
  readonly errorBanner: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('menu', { name: '主导航' });
    this.title = page.getByTestId('page-title');
    this.headerUnit = page.getByTestId('header-unit');
    this.headerUnion = page.getByTestId('header-union');
    this.errorBanner = page.getByTestId('error-banner');
  }

  navItem(label: string): Locator {
    return this.nav.getByRole('menuitem', { name: label });
  }

  async open(label: string): Promise<void> {
    await this.navItem(label).click();
    await expect(this.title).toHaveText(label);
  }

  /** A success toast from antd's message API. */
  toast(text: string | RegExp): Locator {
    return this.page.locator('.ant-message-notice').filter({ hasText: text });
  }
}
