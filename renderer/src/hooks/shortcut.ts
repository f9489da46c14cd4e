/**
 * Shortcuts are written 'ctrl+s', 'ctrl+shift+n'. 'ctrl' means Ctrl on Windows and Linux and also ⌘ on a
 * Mac, so the same table serves every clerk's keyboard.
 */
export interface Shortcut {
  key: string;
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
}

export function parseShortcut(spec: string): Shortcut {
  const parts = spec.toLowerCase().split('+').map((p) => p.trim());
  const key = parts.pop();
  if (!key) throw new Error(`快捷键写法不正确：${spec}`);
  return { key, ctrl: parts.includes('ctrl') || parts.includes('cmd'), shift: parts.includes('shift'), alt: parts.includes('alt') };
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function matchesShortcut(s: Shortcut, e: KeyLike): boolean {
  return (
    e.key.toLowerCase() === s.key &&
    (e.ctrlKey || e.metaKey) === s.ctrl &&
    e.shiftKey === s.shift &&
    e.altKey === s.alt
  );
}

/** What the hint next to a button says, e.g. 'Ctrl+S' (⌘S on a Mac). */
export function shortcutLabel(spec: string, mac = false): string {
  const s = parseShortcut(spec);
  const key = s.key === 'escape' ? 'Esc' : s.key.length === 1 ? s.key.toUpperCase() : s.key;
  if (mac) return `${s.ctrl ? '⌘' : ''}${s.shift ? '⇧' : ''}${s.alt ? '⌥' : ''}${key}`;
  return [s.ctrl && 'Ctrl', s.shift && 'Shift', s.alt && 'Alt', key].filter(Boolean).join('+');
}
