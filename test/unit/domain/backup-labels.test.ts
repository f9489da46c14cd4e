import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_REASON_LABELS, backupReasonLabel } from '../../../shared/domain/labels';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });

describe('backup kinds', () => {
  it('every kind the program takes a backup for has a Chinese label', () => {
    const used = new Set<string>();
    for (const file of sources(path.join(ROOT, 'electron'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\.backup\('([a-z-]+)'\)|backupReason: (?:[^']*)'([a-z-]+)'/g)) used.add((m[1] ?? m[2])!);
    }
    expect([...used]).toContain('pre-undo-import');
    for (const reason of used) expect(BACKUP_REASON_LABELS[reason], reason).toMatch(/^[\u4e00-\u9fff]+$/);
  });

  it('an unknown kind (a newer version’s backup) still shows in Chinese', () => {
    expect(backupReasonLabel('pre-undo-import')).toBe('撤销导入前备份');
    expect(backupReasonLabel('pre-something-new')).toBe('其他备份');
  });
});
