import { useMemo, useSyncExternalStore } from 'react';
import type { MemberQuery } from '../../../../shared/contract';
import { MemberPageCache } from './member-page-cache';

/**
 * A page cache for the query, re-created when the query changes (compared by value, so a new object with the
 * same filter keeps the rows). `reloadKey` forces a fresh cache after the data changed elsewhere.
 */
export function useMemberPages(query: Omit<MemberQuery, 'offset' | 'limit'>, reloadKey = 0): MemberPageCache {
  const key = JSON.stringify(query);
  const cache = useMemo(
    () => new MemberPageCache(JSON.parse(key) as Omit<MemberQuery, 'offset' | 'limit'>),
    // reloadKey is part of the identity on purpose: bumping it drops the cached pages.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, reloadKey],
  );
  useSyncExternalStore(cache.subscribe, cache.getVersion);
  return cache;
}
