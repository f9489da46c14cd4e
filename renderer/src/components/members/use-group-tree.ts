import { useMemo } from 'react';
import type { UnionUnit } from '../../../../shared/contract';
import { naturalCompare } from '../../../../shared/domain/natural-order';
import { useChannel } from '../../api/use-channel';
import { reportError } from '../error-store';

export interface GroupTreeNode {
  value: number;
  title: string;
  key: number;
  unit: UnionUnit;
  children: GroupTreeNode[];
}

/** Nests the flat 分工会 → 工会小组 list; units whose parent is gone are shown at the top, not lost. */
export function buildGroupTree(units: readonly UnionUnit[]): GroupTreeNode[] {
  const nodes = new Map<number, GroupTreeNode>(
    units.map((u) => [u.id, { value: u.id, key: u.id, title: u.name, unit: u, children: [] }]),
  );
  const roots: GroupTreeNode[] = [];
  for (const u of units) {
    const node = nodes.get(u.id)!;
    const parent = u.parentId == null ? undefined : nodes.get(u.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: GroupTreeNode[]) => {
    list.sort((a, b) => naturalCompare(a.title, b.title));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** 分工会 / 小组, the way a clerk names a group unambiguously. */
export function groupPath(units: readonly UnionUnit[], id: number | null | undefined): string {
  if (id == null) return '';
  const byId = new Map(units.map((u) => [u.id, u]));
  const parts: string[] = [];
  for (let u = byId.get(id); u && parts.length < 5; u = u.parentId == null ? undefined : byId.get(u.parentId)) parts.unshift(u.name);
  return parts.join(' / ');
}

const NO_UNITS: UnionUnit[] = [];

/** groups.tree, loaded once per mount and reloadable after a change. */
export function useGroupTree() {
  const { data: units = NO_UNITS, loaded, reload } = useChannel('groups.tree', {}, { onError: reportError });
  const tree = useMemo(() => buildGroupTree(units), [units]);
  return { units, tree, loaded, reload };
}
