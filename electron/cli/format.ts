import { SETTINGS_LABELS } from '../../shared/domain/labels';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Local time as the clerk reads it: 2025-03-10 15:04:05. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

const FIELD_PART_LABELS: Record<string, string> = { ...SETTINGS_LABELS, code: '代码', name: '名称' };

/** A validation issue's path in words: ['orgCodes', 1, 'code'] → 机构（问题）代码 第 2 项 代码. */
export function fieldLabel(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? `第 ${p + 1} 项` : (FIELD_PART_LABELS[p] ?? p))).join(' ');
}
