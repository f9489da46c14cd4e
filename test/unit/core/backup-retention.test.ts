import { describe, expect, it } from 'vitest';
import { backupsToPrune, type RetentionPolicy } from '../../../electron/core/db/backup';
import type { BackupInfo } from '../../../shared/contract/app';

const policy: RetentionPolicy = { keepToday: 3, keepDays: 5, maxTotal: 6 };
const now = new Date(2025, 2, 10, 15, 0, 0);

/** A backup taken `hoursAgo` before `now`; the name sorts like the real ones (by time). */
function backup(hoursAgo: number): BackupInfo {
  const at = new Date(now.getTime() - hoursAgo * 3_600_000);
  return { name: `b-${at.toISOString()}`, createdAt: at.toISOString(), reason: 'auto', sizeBytes: 1 };
}

const kept = (all: BackupInfo[], p = policy): string[] => {
  const doomed = new Set(backupsToPrune(all, now, p));
  return all.filter((b) => !doomed.has(b.name)).map((b) => b.name);
};

describe('backupsToPrune', () => {
  it('keeps every backup of the last day up to the limit, newest first', () => {
    const today = [0.5, 1, 2, 3, 4].map(backup);
    expect(kept(today)).toEqual(today.slice(0, 3).map((b) => b.name));
  });

  it('keeps only the newest backup of each older day', () => {
    // Three backups a day on each of the three days before yesterday (hours 48+, 72+, 96+).
    const older = [48, 50, 52, 72, 73, 96, 99].map(backup);
    expect(kept(older)).toEqual([backup(48), backup(72), backup(96)].map((b) => b.name));
  });

  it('drops days beyond the window but never the newest backup', () => {
    const ancient = [24 * 10, 24 * 11, 24 * 20].map(backup);
    expect(kept(ancient)).toEqual([backup(24 * 10).name]);
  });

  it('caps the total, keeping the newest ones', () => {
    const all = [0.1, 0.2, 0.3, 26, 50, 74, 98, 110].map(backup);
    const k = kept(all);
    expect(k).toHaveLength(policy.maxTotal);
    expect(k).toEqual([0.1, 0.2, 0.3, 26, 50, 74].map((h) => backup(h).name));
  });

  it('accepts input in any order and prunes nothing when all fit', () => {
    const all = [50, 0.2, 26].map(backup);
    expect(backupsToPrune(all, now, policy)).toEqual([]);
    expect(backupsToPrune([], now, policy)).toEqual([]);
  });

  it('keeps the newest even when the policy would keep nothing', () => {
    const all = [1, 2].map(backup);
    expect(kept(all, { keepToday: 0, keepDays: 0, maxTotal: 5 })).toEqual([backup(1).name]);
  });
});
