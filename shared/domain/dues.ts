/**
 * 会费 arithmetic (DOMAIN.md §1.8): 0.5 % of the monthly wage. By default the part under 10 yuan is not counted
 * (the wage is rounded down to a multiple of 10 yuan before the rate), and on such a base the rate is exact
 * (1,000 fen × 0.5 % = 5 fen). 设置 may count the whole wage instead; the amount then has a half fen, rounded
 * half up (default) or cut off. Money is integer fen.
 */
export interface DuesRule {
  /** Wage rounded down to a multiple of 10 yuan before the rate (the 尾数 rule). */
  floor10: boolean;
  /** A half fen: 'halfUp' (四舍五入) or 'truncate' (舍去). */
  fen: 'halfUp' | 'truncate';
}

export const DEFAULT_DUES_RULE: DuesRule = { floor10: true, fen: 'halfUp' };

export function duesOf(wageFen: number, rule: DuesRule = DEFAULT_DUES_RULE): { baseFen: number; amountFen: number } {
  const wage = Math.max(0, Math.round(wageFen));
  const baseFen = rule.floor10 ? Math.floor(wage / 1000) * 1000 : wage;
  // 0.5 % of base fen is base / 200 fen; the remainder decides the rounding.
  const amountFen = rule.fen === 'halfUp' ? Math.floor((baseFen + 100) / 200) : Math.floor(baseFen / 200);
  return { baseFen, amountFen };
}

/** The rule as stored with each computed row ('floor10-halfup'), so an old ledger stays explainable. */
export const ruleCode = (r: DuesRule): string => `${r.floor10 ? 'floor10' : 'exact'}-${r.fen === 'halfUp' ? 'halfup' : 'trunc'}`;

export const DUES_FEN_ROUNDING_LABELS: Record<DuesRule['fen'], string> = { halfUp: '四舍五入到分', truncate: '舍去分以下' };

export const DUES_PERIOD_KINDS = ['month', 'quarter', 'half', 'year'] as const;
export type DuesPeriodKind = (typeof DUES_PERIOD_KINDS)[number];
export const DUES_PERIOD_KIND_LABELS: Record<DuesPeriodKind, string> = { month: '按月', quarter: '按季度', half: '按半年', year: '按年' };

/** The period of a kind that holds a month: 2026-08 → 2026-Q3, 2026-H2, 2026. */
export function periodOf(kind: DuesPeriodKind, month: string): string {
  const y = month.slice(0, 4);
  const m = Number(month.slice(5, 7));
  if (kind === 'quarter') return `${y}-Q${Math.ceil(m / 3)}`;
  if (kind === 'half') return `${y}-H${m <= 6 ? 1 : 2}`;
  if (kind === 'year') return y;
  return month;
}

/** 2026-10 → 2026年10月; 2026-Q3 → 2026年第三季度; 2026-H1 → 2026年上半年; 2026 → 2026年. */
export function periodLabel(p: string): string {
  const t = p.trim().toUpperCase();
  const y = t.slice(0, 4);
  if (isPeriod(t)) return `${y}年${Number(t.slice(5, 7))}月`;
  if (/^\d{4}-Q[1-4]$/.test(t)) return `${y}年第${'一二三四'[Number(t[6]) - 1]}季度`;
  if (/^\d{4}-H[12]$/.test(t)) return `${y}年${t[6] === '1' ? '上' : '下'}半年`;
  return `${y}年`;
}

export function isPeriod(p: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(p);
}

/** Yuan text with two decimals from fen: 2280 → "22.80". */
export const yuan = (fen: number): string => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/** The six months before and including `period` (YYYY-MM), oldest first. */
export function monthsBack(period: string, n: number): string[] {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const t = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/**
 * The months of a collection period: YYYY-MM, YYYY-Qn, YYYY-H1/H2 or YYYY. Dues are stored per month, so a longer
 * period is the sum of its months. Null when the text is none of these.
 */
export function periodMonths(p: string): string[] | null {
  const t = p.trim().toUpperCase();
  if (isPeriod(t)) return [t];
  const m = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/.exec(t);
  if (!m) return null;
  const [from, count] = !m[2] ? [1, 12] : m[2][0] === 'Q' ? [(Number(m[2][1]) - 1) * 3 + 1, 3] : [(Number(m[2][1]) - 1) * 6 + 1, 6];
  return Array.from({ length: count }, (_, i) => `${m[1]}-${String(from + i).padStart(2, '0')}`);
}
