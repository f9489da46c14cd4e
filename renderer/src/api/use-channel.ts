import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract';
import { errorMessage } from './errors';
import { api } from './index';

export interface ChannelAnswer<T> {
  /** The last answer, kept while a newer one loads so lists do not flash; undefined before the first. */
  data: T | undefined;
  /** The Chinese message of the last failure; null after a success. */
  problem: string | null;
  /** An answer or a failure has come at least once. */
  loaded: boolean;
  /** Asks again; resolves once that answer (or failure) is in. */
  reload: () => Promise<void>;
  /** Puts a fresher answer in place, e.g. the record a save returned; an answer still on its way is dropped. */
  set: (data: T) => void;
}

interface Options {
  /** Something besides the input whose change should ask again, e.g. a revision counter. */
  key?: string | number;
  /** Also hands failures here, e.g. reportError for the banner. */
  onError?: (e: unknown) => void;
}

interface State<T> {
  data: T | undefined;
  problem: string | null;
  loaded: boolean;
}

/**
 * One channel's answer for a page: asked when the page opens, whenever the input (compared by value) or
 * `key` changes, and on reload(). A late answer for an older input is dropped, so quick filter changes never
 * show the wrong list. A null input asks nothing (a dialog that is closed, a form for a new record).
 */
export function useChannel<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C> | null,
  { key, onError }: Options = {},
): ChannelAnswer<ChannelOutput<C>> {
  const inputKey = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<State<ChannelOutput<C>>>({ data: undefined, problem: null, loaded: false });
  const latest = useRef({ input, onError });
  useEffect(() => {
    latest.current = { input, onError };
  });
  const asked = useRef(0);

  const ask = useCallback(async () => {
    const { input: now } = latest.current;
    if (now === null) return;
    const mine = ++asked.current;
    try {
      const data = await api.call(channel, now);
      if (mine === asked.current) setState({ data, problem: null, loaded: true });
    } catch (e) {
      if (mine !== asked.current) return;
      setState((s) => ({ ...s, problem: errorMessage(e), loaded: true }));
      latest.current.onError?.(e);
    }
  }, [channel]);

  const set = useCallback((data: ChannelOutput<C>) => {
    asked.current++;
    setState((s) => ({ ...s, data, loaded: true }));
  }, []);

  // Each ask numbers itself; only the newest may land, so no cleanup is needed to drop a stale answer.
  useEffect(() => {
    void ask();
  }, [ask, inputKey, key]);

  if (inputKey === null) return { data: undefined, problem: null, loaded: state.loaded, reload: ask, set };
  return { ...state, reload: ask, set };
}
