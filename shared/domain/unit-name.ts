/**
 * When two spellings of a 分工会 / 工会小组 name are the same unit: 第1小组 and 第一小组, 第１小组 (full-width),
 * 「第一小组 」 (trailing or inner spaces). A roster typed by several people spells one group several ways; an
 * import must match them to one unit instead of creating 第1小组 beside 第一小组.
 */
import { chineseNumeralValue } from './natural-order';
import { stripAllSpaces, toHalfWidth } from './text';

const NUMBER_RUN = /[0-9]+|[〇零一二两三四五六七八九十百千万]+/g;

/** The comparison key of a unit name: half-width, no spaces, every number (Arabic or Chinese) as digits. */
export function unitNameKey(name: string): string {
  const s = stripAllSpaces(toHalfWidth(name));
  return s.replace(NUMBER_RUN, (run) => {
    const v = /^[0-9]+$/.test(run) ? Number(run) : chineseNumeralValue(run);
    return v === null ? run : String(v);
  });
}

/** A unit name as it is stored: half-width, spaces collapsed (the clerk's own numerals kept). */
export const unitNameClean = (name: string): string => toHalfWidth(name).replace(/\s+/g, ' ').trim();

/** 分工会 or 工会小组, from the name itself and the header of its column (所属分会 / 所在小组). */
export function unitKindOf(name: string, header: string): 'branch' | 'group' {
  if (/小组$|组$/.test(name)) return 'group';
  if (/(分工会|分会)$/.test(name)) return 'branch';
  return /分工会|分会/.test(header) && !/小组/.test(header) ? 'branch' : 'group';
}

const KIND_WORD = { branch: '分工会', group: '工会小组' } as const;

/**
 * The import's words about units, for the preview, the result and the CLI alike: 「将新建 6 个工会小组：第一小组、
 * 第二小组 …」, 「「第1小组」按「第一小组」导入（1 行）」, or (not creating) 「3 个工会小组不存在，这些会员未设置：…」.
 */
export function unitPlanLines(
  u: {
    create: boolean;
    toCreate: readonly { kind: 'branch' | 'group'; name: string; parent?: string | null }[];
    matches: readonly { given: string; name: string; existing: boolean; rows: number }[];
    missing: readonly { name: string; rows: number }[];
  },
  done = false,
): string[] {
  const lines: string[] = [];
  for (const kind of ['branch', 'group'] as const) {
    const names = u.toCreate.filter((x) => x.kind === kind).map((x) => (x.parent ? `${x.name}（${x.parent}）` : x.name));
    if (names.length) lines.push(`${done ? '已新建' : '将新建'} ${names.length} 个${KIND_WORD[kind]}：${names.join('、')}`);
  }
  for (const m of u.matches) lines.push(`「${m.given}」按${m.existing ? '已有的' : ''}「${m.name}」导入（${m.rows} 行）`);
  if (u.missing.length) {
    const rows = u.missing.reduce((n, m) => n + m.rows, 0);
    lines.push(`${u.missing.length} 个组织不存在，${rows} 名会员未设置工会小组：${u.missing.map((m) => m.name).join('、')}`);
  }
  return lines;
}
