import type { ArchiveConfig } from '../../../shared/contract/archive';
import { archiveContributors } from '../archive-registry';
import type { ArchiveContributor, ArchiveItemKind, RetentionCode } from './contributor';

/** Documents the clerk adds by hand (会议通知 scans, 上级来文 …): the one kind archive/ owns itself. */
export const MANUAL_KIND: ArchiveItemKind = { id: 'archive.manual', label: '手工添加的文件', defaultRetention: 'D30', defaultOrgCode: 'GH' };
export const MANUAL_SOURCE = '手工添加';

export function allKinds(contributors: readonly ArchiveContributor[] = archiveContributors): (ArchiveItemKind & { source: string })[] {
  const out = contributors.flatMap((c) => c.kinds.map((k) => ({ ...k, source: c.label })));
  return [...out, { ...MANUAL_KIND, source: MANUAL_SOURCE }];
}

export const kindById = (id: string) => allKinds().find((k) => k.id === id);

export const contributorOf = (sourceKey: string): ArchiveContributor | undefined => {
  const prefix = sourceKey.split(':')[0];
  return archiveContributors.find((c) => c.id === prefix);
};

export function retentionFor(cfg: ArchiveConfig, kind: string): RetentionCode {
  return cfg.retentionByKind[kind] ?? kindById(kind)?.defaultRetention ?? 'D30';
}

export function orgFor(cfg: ArchiveConfig, kind: string): string {
  return cfg.orgByKind[kind] ?? kindById(kind)?.defaultOrgCode ?? '';
}
