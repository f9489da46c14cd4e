/**
 * The 分工会 / 工会小组 a roster names, resolved against the units that exist: the same name, or a near miss of
 * one (unitNameKey: 第1小组 = 第一小组, full-width, spaces), else — when the clerk keeps 「新建缺少的组织」 on —
 * a unit to create in the import's own transaction. A unit to create gets a negative placeholder id here; the
 * writer creates it before the first row that names it and puts the real id in (import-writer.ts). With a
 * 分工会 column the group is looked for under its branch (内科分工会 / 第一小组 and 外科分工会 / 第一小组 are two).
 */
import { unitKindOf, unitNameClean, unitNameKey } from '../../../../shared/domain/unit-name';
import type { DB } from '../../db/open';
import * as membersImportRepo from './members-import.repo';

export interface NewUnit {
  /** Negative: the placeholder in planned rows' group_id until the writer creates the unit. */
  tempId: number;
  kind: 'branch' | 'group';
  name: string;
  /** The branch it belongs to: a real id, a placeholder (negative) of a branch created too, or null. */
  parentId: number | null;
}

/** benign: left unset because the clerk chose not to create units (a note grouped per name, not a conflict). */
export type Resolved = { id: number } | { warning: string; benign?: boolean };

/** Where a name is looked for: anywhere (a single unit column), under a branch, or among the branches. */
export interface UnitScope {
  parent?: number;
  kind?: 'branch';
}

type Known = { id: number; name: string; parent: number | null; kind: string };
type Pending = NewUnit & { rows: number; spellings: Map<string, number> };

const KIND_WORD = { branch: '分工会', group: '工会小组' } as const;

export class UnitResolver {
  private known: Known[] | null = null;
  private exact: Map<string, Known[]> | null = null;
  private byKey: Map<string, Known[]> | null = null;
  /** Units to create by scope and key, with every spelling the file uses for each and its rows. */
  private readonly pending = new Map<string, Pending>();
  /** Names left unset because the clerk chose not to create units: key → first spelling and rows. */
  private readonly missing = new Map<string, { name: string; rows: number }>();
  /** Spellings matched to an existing unit: given → { name, rows }. */
  private readonly matched = new Map<string, { name: string; existing: boolean; rows: number }>();

  constructor(
    private readonly db: DB,
    readonly create: boolean,
  ) {}

  private load() {
    if (this.exact && this.byKey) return { exact: this.exact, byKey: this.byKey };
    this.known = membersImportRepo.unitNames(this.db, true).map((r) => ({ id: r.id, name: r.name, parent: r.parent_id, kind: r.kind }));
    const exact = new Map<string, Known[]>();
    const byKey = new Map<string, Known[]>();
    for (const r of this.known) {
      exact.set(r.name, [...(exact.get(r.name) ?? []), r]);
      const k = unitNameKey(r.name);
      byKey.set(k, [...(byKey.get(k) ?? []), r]);
    }
    this.exact = exact;
    this.byKey = byKey;
    return { exact, byKey };
  }

  /** Keys by spelling: a 100k-row roster repeats a dozen spellings. */
  private readonly keys = new Map<string, string>();
  private keyOf(given: string): string {
    let k = this.keys.get(given);
    if (k === undefined) this.keys.set(given, (k = unitNameKey(given)));
    return k;
  }

  private note(given: string, name: string) {
    if (given === name) return;
    const m = this.matched.get(given);
    if (m) m.rows++;
    else this.matched.set(given, { name, existing: true, rows: 1 });
  }

  resolve(given: string, header: string, scope: UnitScope = {}): Resolved {
    const { exact, byKey } = this.load();
    const inScope = (list: Known[]) =>
      list.filter((u) => (scope.parent !== undefined ? u.parent === scope.parent : scope.kind ? u.kind === scope.kind : true));
    const word = scope.kind === 'branch' ? '分工会' : '工会小组';
    const ids = inScope(exact.get(given) ?? []);
    if (ids.length === 1) return { id: ids[0]!.id };
    if (ids.length > 1) return { warning: `有 ${ids.length} 个名为「${given}」的分工会或小组，未设置${word}` };
    const key = this.keyOf(given);
    const near = inScope(byKey.get(key) ?? []);
    if (near.length === 1) {
      this.note(given, near[0]!.name);
      return { id: near[0]!.id };
    }
    if (near.length > 1) return { warning: `「${given}」与 ${near.map((n) => `「${n.name}」`).join('、')} 都相近，未设置${word}` };
    const slot = `${scope.parent ?? ''}|${scope.kind ?? ''}|${key}`;
    if (!this.create) {
      const m = this.missing.get(slot);
      if (m) m.rows++;
      else this.missing.set(slot, { name: unitNameClean(given), rows: 1 });
      return { warning: `${word}「${given}」不存在，未设置（已选择不新建缺少的组织）`, benign: true };
    }
    let p = this.pending.get(slot);
    if (!p) {
      const name = unitNameClean(given);
      const kind = scope.kind ?? (scope.parent !== undefined ? 'group' : unitKindOf(name, header));
      p = { tempId: -(this.pending.size + 1), kind, name, parentId: scope.parent ?? null, rows: 0, spellings: new Map() };
      this.pending.set(slot, p);
    }
    p.rows++;
    const spelling = unitNameClean(given);
    p.spellings.set(spelling, (p.spellings.get(spelling) ?? 0) + 1);
    return { id: p.tempId };
  }

  /** The name a unit to create gets: the spelling most of the file's rows use (the first seen on a tie). */
  private static finalName(p: { name: string; spellings: Map<string, number> }): string {
    let best = p.name;
    let most = p.spellings.get(p.name) ?? 0;
    for (const [s, n] of p.spellings) if (n > most) [best, most] = [s, n];
    return best;
  }

  private parentName(parentId: number | null): string | null {
    if (parentId === null) return null;
    if (parentId < 0) return this.nameOf(parentId);
    return this.known?.find((u) => u.id === parentId)?.name ?? null;
  }

  /**
   * Units to create, in the order the file first names them (a branch before its groups). `name` is the
   * spelling seen first (the writer creates it under that as soon as a row needs it); `finalName` the one
   * most rows use, which it ends with.
   */
  get newUnits(): (NewUnit & { rows: number; finalName: string; parent: string | null })[] {
    return [...this.pending.values()].map((p) => ({
      tempId: p.tempId,
      kind: p.kind,
      name: p.name,
      parentId: p.parentId,
      rows: p.rows,
      finalName: UnitResolver.finalName(p),
      parent: this.parentName(p.parentId),
    }));
  }

  nameOf(tempId: number): string | null {
    for (const p of this.pending.values()) if (p.tempId === tempId) return UnitResolver.finalName(p);
    return null;
  }

  get missingNames(): { name: string; rows: number }[] {
    return [...this.missing.values()];
  }

  /** Near spellings matched: to an existing unit, or to the name a unit to create ends with. */
  get matches(): { given: string; name: string; existing: boolean; rows: number }[] {
    const out = [...this.matched.entries()].map(([given, m]) => ({ given, ...m }));
    for (const p of this.pending.values()) {
      const name = UnitResolver.finalName(p);
      for (const [given, rows] of p.spellings) if (given !== name) out.push({ given, name, existing: false, rows });
    }
    return out;
  }
}

export { KIND_WORD };
