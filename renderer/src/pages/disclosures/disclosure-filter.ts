import type { DisclosureQuery } from '../../../../shared/contract';
import { parsePeriod, type CataloguePeriod } from '../../../../shared/domain/disclosure-labels';

/** What the list shows, kept in the address (?period=2026-03&category=…) so 返回 lands on the same list. */
export interface DisclosureFilter {
  period: CataloguePeriod | null;
  category: string;
  form: string;
  search: string;
}

export const EMPTY_FILTER: DisclosureFilter = { period: null, category: '', form: '', search: '' };

export const periodText = (p: CataloguePeriod | null): string =>
  p ? (p.month ? `${p.year}-${String(p.month).padStart(2, '0')}` : String(p.year)) : '';

export function filterFromParams(params: URLSearchParams): DisclosureFilter {
  return {
    period: parsePeriod(params.get('period') ?? ''),
    category: params.get('category') ?? '',
    form: params.get('form') ?? '',
    search: params.get('q') ?? '',
  };
}

export function filterToParams(f: DisclosureFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.period) p.set('period', periodText(f.period));
  if (f.category) p.set('category', f.category);
  if (f.form) p.set('form', f.form);
  if (f.search) p.set('q', f.search);
  return p;
}

export function filterToQuery(f: DisclosureFilter): DisclosureQuery {
  return {
    ...(f.period ? { year: f.period.year, month: f.period.month ?? null } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.form ? { form: f.form } : {}),
    ...(f.search.trim() ? { search: f.search.trim().slice(0, 50) } : {}),
  };
}

let last = '/disclosure';
/** Remembered while the app runs, like the member list's address. */
export function rememberListAddress(search: string): void {
  last = search ? `/disclosure?${search}` : '/disclosure';
}
export const lastListAddress = (): string => last;
