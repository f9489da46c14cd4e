import type { MemberListRow, MemberQuery } from '../../../../shared/contract';
import { MEMBER_TOTAL_CAP } from '../../../../shared/contract/members';
import { api } from '../../api';

export const PAGE_SIZE = 200;
/** Pages fetched at once; a fast drag of the scrollbar asks again for what is visible when one returns. */
const MAX_IN_FLIGHT = 3;
/** Pages kept beyond the visible ones, so a long scroll does not grow memory without end. */
const MAX_PAGES = 60;

type Listener = () => void;

/**
 * The rows of one query, fetched by page as the table scrolls. Only the visible range (and a page on either
 * side) is asked for, so 100,000 members cost a few hundred rows in memory. One instance per query: a new
 * filter or sort starts a new cache, and answers for an old one are dropped with it.
 */
export class MemberPageCache {
  /** Rows the table scrolls through: exact, or while `capped` what is known to exist plus one more page. */
  total: number | null = null;
  /** A search with more than MEMBER_TOTAL_CAP hits, not counted further (see memberQuery.capTotal). */
  capped = false;
  error: unknown = null;
  private readonly pages = new Map<number, MemberListRow[]>();
  private readonly inFlight = new Set<number>();
  private wanted: [number, number] = [0, 0];
  private version = 0;
  private disposed = false;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly query: Omit<MemberQuery, 'offset' | 'limit'>) {}

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getVersion = (): number => this.version;

  rowAt(index: number): MemberListRow | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /** The table shows rows first..last; fetch the pages that cover them. */
  want(first: number, last: number): void {
    const lo = Math.max(0, Math.floor(first / PAGE_SIZE) - (first % PAGE_SIZE < 20 ? 1 : 0));
    const hi = Math.floor(last / PAGE_SIZE) + (last % PAGE_SIZE > PAGE_SIZE - 20 ? 1 : 0);
    this.wanted = [lo, hi];
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }

  private emit(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  private pump(): void {
    const [lo, hi] = this.wanted;
    const lastPage = this.total == null ? hi : Math.max(0, Math.ceil(this.total / PAGE_SIZE) - 1);
    for (let p = lo; p <= Math.min(hi, lastPage) && this.inFlight.size < MAX_IN_FLIGHT; p++) {
      if (!this.pages.has(p) && !this.inFlight.has(p)) void this.fetch(p);
    }
  }

  private async fetch(page: number): Promise<void> {
    this.inFlight.add(page);
    try {
      const res = await api.call('members.list', { ...this.query, offset: page * PAGE_SIZE, limit: PAGE_SIZE, capTotal: true });
      if (this.disposed) return;
      this.count(page, res);
      this.pages.set(page, res.rows);
      this.error = null;
      this.evict();
    } catch (e) {
      if (this.disposed) return;
      this.error = e;
    } finally {
      this.inFlight.delete(page);
    }
    this.emit();
    if (!this.error) this.pump();
  }

  /**
   * An uncounted search grows as it is scrolled: a full page means at least one more row, a short one is the
   * end, and then the total is exact.
   */
  private count(page: number, res: { total: number; totalCapped: boolean; rows: MemberListRow[] }): void {
    if (!res.totalCapped) {
      this.total = res.total;
      this.capped = false;
      return;
    }
    const seen = page * PAGE_SIZE + res.rows.length;
    if (res.rows.length < PAGE_SIZE && (res.rows.length > 0 || page === 0)) {
      this.total = seen;
      this.capped = false;
      return;
    }
    this.capped = true;
    this.total = Math.max(this.total ?? 0, MEMBER_TOTAL_CAP + 1, res.rows.length === PAGE_SIZE ? seen + 1 : seen);
  }

  /** Drops the pages farthest from what is on screen once too many are held. */
  private evict(): void {
    if (this.pages.size <= MAX_PAGES) return;
    const centre = (this.wanted[0] + this.wanted[1]) / 2;
    const far = [...this.pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const p of far.slice(0, this.pages.size - MAX_PAGES)) this.pages.delete(p);
  }
}
