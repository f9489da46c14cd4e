import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api';

export interface Loaded<T> {
  data: T | null;
  /** The Chinese message of the last failure, or null. */
  problem: string | null;
  reload: () => void;
}

/**
 * Loads something from the core when the page opens and whenever `key` changes; a late answer for an older
 * key is dropped, so quick filter changes never show the wrong list.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; problem: string | null }>({ data: null, problem: null });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    let live = true;
    loadRef
      .current()
      .then((data) => live && setState({ data, problem: null }))
      .catch((e: unknown) => live && setState((s) => ({ data: s.data, problem: errorMessage(e) })));
    return () => {
      live = false;
    };
  }, [key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, problem: state.problem, reload };
}
