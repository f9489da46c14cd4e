/**
 * 档号 and the lowest class an item's 件号 runs in (DOMAIN.md §5.5). Pure functions: the unit test reproduces
 * the standards' own examples from here.
 */
import type { ArchiveCodeStyle, ArchiveScheme, Retention } from '../../../shared/domain/archive-labels';

export interface CodeParts {
  fondsCode: string;
  /** 档案门类代码, 文书 = WS. */
  categoryCode: string;
  year: number;
  retention: Retention;
  /** 机构(问题)代码; ignored by the two-level scheme 年度—保管期限. */
  orgCode: string;
  itemNo: number;
}

/** 件号: four digits, zero-padded (0001). */
export const itemNoText = (n: number): string => String(n).padStart(4, '0');

/** The class levels below 年度, in the order of the chosen scheme. */
export function classParts(scheme: ArchiveScheme, retention: Retention, orgCode: string): string[] {
  if (scheme === 'year-retention') return [retention];
  if (scheme === 'year-org-retention') return [orgCode, retention];
  return [retention, orgCode];
}

/** The lowest class: 件号 restarts at 1 in each. */
export const classKey = (scheme: ArchiveScheme, retention: Retention, orgCode: string): string =>
  classParts(scheme, retention, orgCode).join('/');

/**
 * DA/T 22-2015: 全宗号-门类代码·年度-保管期限-机构(问题)代码-件号, "-" between levels, "·" within one level.
 * DA/T 13-2022: 全宗号-门类·年度·保管期限·机构(问题)-件号, the whole class part joined by "·".
 */
export function archiveCode(style: ArchiveCodeStyle, scheme: ArchiveScheme, p: CodeParts): string {
  const classes = classParts(scheme, p.retention, p.orgCode).filter((c) => c !== '');
  const head = `${p.fondsCode}-${p.categoryCode}·${p.year}`;
  const tail = itemNoText(p.itemNo);
  if (style === 'dat13-2022') return `${[head, ...classes].join('·')}-${tail}`;
  return [head, ...classes, tail].join('-');
}
