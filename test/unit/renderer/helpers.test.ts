import { describe, expect, it } from 'vitest';
import { issuesToFields } from '../../../renderer/src/components/form-errors';
import { matchesShortcut, parseShortcut, shortcutLabel } from '../../../renderer/src/hooks/shortcut';
import { describeAudit } from '../../../renderer/src/pages/settings/audit-text';
import { formatBytes } from '../../../renderer/src/format';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcuts', () => {
  it('ctrl+s matches Ctrl+S and ⌘S, not plain S or Ctrl+Shift+S', () => {
    const s = parseShortcut('ctrl+s');
    expect(matchesShortcut(s, key('s', { ctrlKey: true }))).toBe(true);
    expect(matchesShortcut(s, key('S', { ctrlKey: true }))).toBe(true);
    expect(matchesShortcut(s, key('s', { metaKey: true }))).toBe(true);
    expect(matchesShortcut(s, key('s'))).toBe(false);
    expect(matchesShortcut(s, key('s', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesShortcut(s, key('p', { ctrlKey: true }))).toBe(false);
  });

  it('labels read Ctrl+S on Windows and ⌘S on a Mac', () => {
    expect(shortcutLabel('ctrl+s')).toBe('Ctrl+S');
    expect(shortcutLabel('ctrl+shift+n')).toBe('Ctrl+Shift+N');
    expect(shortcutLabel('ctrl+s', true)).toBe('⌘S');
  });
});

describe('issuesToFields', () => {
  it('groups messages per field path and keeps pathless ones apart', () => {
    const { fields, general } = issuesToFields([
      { path: ['fondsCode'], message: '全宗号格式不对' },
      { path: ['orgCodes', 0, 'code'], message: '代码不对' },
      { path: ['orgCodes', 0, 'code'], message: '代码不对' },
      { path: ['orgCodes'], message: '机构（问题）代码不能重复' },
      { path: [], message: '设置有误' },
    ]);
    expect(fields).toEqual([
      { name: ['fondsCode'], errors: ['全宗号格式不对'] },
      { name: ['orgCodes', 0, 'code'], errors: ['代码不对'] },
      { name: ['orgCodes'], errors: ['机构（问题）代码不能重复'] },
    ]);
    expect(general).toEqual(['设置有误']);
  });
});

describe('describeAudit', () => {
  it('names the changed settings with their Chinese labels', () => {
    const line = describeAudit({
      id: 1,
      at: '2025-03-01T06:00:00.000Z',
      actor: '李干事',
      action: 'settings.update',
      entity: 'settings',
      entityId: null,
      before: { unitName: '' },
      after: { unitName: '甲', fondsCode: 'Z1' },
    });
    expect(line).toBe('修改设置：单位名称、全宗号');
  });
});

describe('formatBytes', () => {
  it('uses B, KB and MB', () => {
    expect([formatBytes(512), formatBytes(2048), formatBytes(3 * 1024 * 1024)]).toEqual(['512 B', '2.0 KB', '3.0 MB']);
  });
});
