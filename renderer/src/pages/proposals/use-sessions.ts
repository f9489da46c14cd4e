import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { CongressSession } from '../../../../shared/contract';
import { useChannel } from '../../api/use-channel';
import { reportError } from '../../components/error-store';

const KEY = 'ledger.proposals.session';
const NO_SESSIONS: CongressSession[] = [];

/** The sessions, newest first, reloadable after an edit. */
export function useSessions() {
  const { data: sessions = NO_SESSIONS, loaded, reload } = useChannel('sessions.list', {}, { onError: reportError });
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
