import type { MenuItemConstructorOptions } from 'electron';
import { APP_TITLE } from './window-options';

/** What the menu items do; main wires these to the context and dialogs (see menu-actions.ts). */
export interface MenuActions {
  backupNow(): void;
  restoreBackup(): void;
  openDataFolder(): void;
  showDataFolderLocation(): void;
  about(): void;
}

export interface MenuOptions {
  isPackaged: boolean;
  platform: NodeJS.Platform;
}

/**
 * The zh-CN application menu as a plain template (labels + callbacks + roles), free of Electron calls so a
 * unit test can read it. Roles keep the platform behaviour (shortcuts, clipboard); labels make it Chinese.
 */
export function buildMenuTemplate(actions: MenuActions, opts: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = opts.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: APP_TITLE,
      submenu: [
        { label: `关于 ${APP_TITLE}`, click: () => actions.about() },
        { type: 'separator' },
        { role: 'hide', label: `隐藏 ${APP_TITLE}` },
        { role: 'hideOthers', label: '隐藏其他' },
        { role: 'unhide', label: '全部显示' },
        { type: 'separator' },
        { role: 'quit', label: `退出 ${APP_TITLE}` },
      ],
    });
  }
  template.push(
    {
      label: '文件',
      submenu: [
        { label: '立即备份', accelerator: 'CmdOrCtrl+Shift+B', click: () => actions.backupNow() },
        { label: '恢复备份…', click: () => actions.restoreBackup() },
        { type: 'separator' },
        { label: '打开数据文件夹', click: () => actions.openDataFolder() },
        { type: 'separator' },
        isMac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出', accelerator: 'Alt+F4' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'delete', label: '删除' },
        { type: 'separator' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'reload', label: '重新加载' },
        ...(opts.isPackaged ? [] : [{ role: 'toggleDevTools', label: '开发者工具' } as MenuItemConstructorOptions]),
        { type: 'separator' },
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        { label: '数据文件夹位置…', click: () => actions.showDataFolderLocation() },
        { type: 'separator' },
        { label: `关于 ${APP_TITLE}`, click: () => actions.about() },
      ],
    },
  );
  return template;
}

/** Every label in a template, depth first (for tests and for checking nothing is left in English). */
export function menuLabels(template: MenuItemConstructorOptions[]): string[] {
  const out: string[] = [];
  const walk = (items: MenuItemConstructorOptions[]) => {
    for (const item of items) {
      if (item.label) out.push(item.label);
      if (Array.isArray(item.submenu)) walk(item.submenu);
    }
  };
  walk(template);
  return out;
}
