import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_SETTINGS, type AppInfo, type Settings } from '../../../shared/contract';
import { api } from '../api';

export interface AppState {
  /** null until the first app.info answer arrives. */
  info: AppInfo | null;
  settings: Settings;
  /** The first load failed (host unreachable): the shell shows this instead of a blank window. */
  loadError: unknown;
  /** Bumped on every reload, so forms showing stored values know to refill themselves. */
  revision: number;
  reload(): Promise<void>;
}

const Ctx = createContext<AppState | null>(null);

/**
 * What the whole window needs to know: app.info (status, paths, counts) and the settings (names in the
 * header, the unit type that names 校务公开). Reloaded after a restore, from here or from the Electron menu.
 */
export function AppStateProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [revision, setRevision] = useState(0);

  const reload = useCallback(async () => {
    try {
      const next = await api.call('app.info', {});
      // In recovery the settings table cannot be read; the recovery screen does not need it.
      const nextSettings = next.status === 'ok' ? await api.call('settings.get', {}) : DEFAULT_SETTINGS;
      setInfo(next);
      setSettings(nextSettings);
      setLoadError(null);
      setRevision((r) => r + 1);
    } catch (e) {
      setLoadError(e);
    }
  }, []);

  useEffect(() => {
    // The first load happens once the provider mounts; later reloads come from pages and push events.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading external state is what this effect is for
    void reload();
    return api.on('app:restored', () => void reload());
  }, [reload]);

  const value = useMemo<AppState>(
    () => ({ info, settings, loadError, revision, reload }),
    [info, settings, loadError, revision, reload],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAppState(): AppState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAppState outside AppStateProvider');
  return v;
}
