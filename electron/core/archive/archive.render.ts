import type { AppContext } from '../context';
import { contributorOf } from './archive.kinds';
import type { ItemRow } from './archive.repo';
import type { ArchiveItemDraft } from './contributor';

/**
 * The HTML of an item that is a record printed as a document: from its stored data when the contributor can
 * (a sealed year prints what was sealed), else from the record's current draft. null = the item is only its scans.
 */
export function itemRenderer(ctx: AppContext, year: number): (row: ItemRow) => string | null {
  let drafts: Map<string, ArchiveItemDraft> | null = null;
  return (row) => {
    const c = contributorOf(row.source_key);
    if (!c) return null;
    if (c.render) {
      const out = c.render(ctx.db, row.kind, JSON.parse(row.data_json) as unknown);
      if (out !== null) return out;
    }
    drafts ??= new Map(Array.from(c.items(ctx.db, year), (d) => [d.sourceKey, d]));
    return drafts.get(row.source_key)?.renderHtml?.() ?? null;
  };
}

