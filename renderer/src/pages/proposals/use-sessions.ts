import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { CongressSession } from '../../../../shared/contract';
import { api } from '../../api';
import { reportError } from '../../components/error-store';

const KEY = 'ledger.proposals.session';

/** The sessions, newest first, reloadable after an edit. */
export function useSessions() {
  const [sessions, setSessions] = useState<CongressSession[]>([]);
  const [loaded, setLoaded] = useState(false);
  const reload = useCallback(async () => {
    try {
      setSessions(await api.call('sessions.list', {}));
    } catch (e) {
      reportError(e);
    } finally {
      setLoaded(true);
    }
  }, []);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading external state is what this effect is for
    void reload();
  }, [reload]);
  return { sessions, loaded, reload };
}

export const rememberSession = (id: number) => localStorage.setItem(KEY, String(id));

/**
 * The session a page works on: `?session=` in the address first (links and reloads keep it), then the one
 * last chosen, then the newest.
 */
export function useCurrentSession(sessions: CongressSession[]) {
  const [params, setParams] = useSearchParams();
  const fromAddress = Number(params.get('session'));
  const remembered = Number(localStorage.getItem(KEY));
  const current =
    sessions.find((s) => s.id === fromAddress) ?? sessions.find((s) => s.id === remembered) ?? sessions[0] ?? null;
  const choose = useCallback(
    (id: number) => {
      rememberSession(id);
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          next.set('session', String(id));
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return { current, choose };
}
