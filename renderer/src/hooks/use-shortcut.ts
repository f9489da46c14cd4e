import { useEffect, useRef } from 'react';
import { matchesShortcut, parseShortcut, shortcutLabel } from './shortcut';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/**
 * Binds a keyboard shortcut while the component is mounted. It fires even when the focus is in a text field
 * (Ctrl+S while typing is the point) and stops the browser's own action (Save page, Print, Find).
 */
export function useShortcut(spec: string, handler: () => void, enabled = true): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    const s = parseShortcut(spec);
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || !matchesShortcut(s, e)) return;
      e.preventDefault();
      ref.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [spec, enabled]);
}

export const keyLabel = (spec: string): string => shortcutLabel(spec, isMac);
