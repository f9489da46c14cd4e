import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, menuLabels, type MenuActions } from '../../../electron/main/menu';

function recordingActions() {
  const calls: string[] = [];
  const actions: MenuActions = {
    backupNow: () => void calls.push('backupNow'),
    restoreBackup: () => void calls.push('restoreBackup'),
    openDataFolder: () => void calls.push('openDataFolder'),
    showDataFolderLocation: () => void calls.push('showDataFolderLocation'),
    about: () => void calls.push('about'),
  };
  return { calls, actions };
}

const find = (items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined => {
  for (const i of items) {
    if (i.label === label) return i;
    if (Array.isArray(i.submenu)) {
      const hit = find(i.submenu, label);
      if (hit) return hit;
    }
  }
  return undefined;
};

const CJK = /[\u4e00-\u9fff]/;

describe('application menu', () => {
  const { calls, actions } = recordingActions();
  const template = buildMenuTemplate(actions, { isPackaged: true, platform: 'win32' });

  it('has the four Chinese top-level menus', () => {
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('every label is Chinese and the key items are there', () => {
    const labels = menuLabels(template);
    expect(labels.length).toBeGreaterThan(15);
    expect(labels.filter((l) => !CJK.test(l))).toEqual([]);
    expect(labels).toEqual(
      expect.arrayContaining(['立即备份', '恢复备份…', '打开数据文件夹', '退出', '数据文件夹位置…', '关于 工会台账', '重新加载', '实际大小', '放大', '缩小', '全屏']),
    );
  });

  it('each item calls its action', () => {
    const click = (label: string) => (find(template, label)?.click as () => void)();
    click('立即备份');
    click('恢复备份…');
    click('打开数据文件夹');
    click('数据文件夹位置…');
    click('关于 工会台账');
    expect(calls).toEqual(['backupNow', 'restoreBackup', 'openDataFolder', 'showDataFolderLocation', 'about']);
    expect(find(template, '退出')?.role).toBe('quit');
    expect(find(template, '复制')?.role).toBe('copy');
  });

  it('shows 开发者工具 only in a development run', () => {
    expect(find(template, '开发者工具')).toBeUndefined();
    const dev = buildMenuTemplate(recordingActions().actions, { isPackaged: false, platform: 'win32' });
    expect(find(dev, '开发者工具')?.role).toBe('toggleDevTools');
  });

  it('on macOS adds the app menu, still in Chinese', () => {
    const mac = buildMenuTemplate(recordingActions().actions, { isPackaged: true, platform: 'darwin' });
    expect(mac[0]?.label).toBe('工会台账');
    expect(menuLabels(mac).filter((l) => !CJK.test(l))).toEqual([]);
  });
});
