/** Keyboard shortcuts, shown in button tooltips and matched by `matchShortcut`. */
export const shortcuts = {
  undo: 'Mod+Z',
  redo: 'Mod+Shift+Z',
  redoAlt: 'Mod+Y',
  copy: 'Mod+C',
  paste: 'Mod+V',
  duplicate: 'Mod+D',
  delete: 'Delete',
  search: 'Mod+F',
  fit: 'Shift+1',
  layout: 'Shift+L',
  snap: 'Shift+G',
  selectAll: 'Mod+A',
  problems: 'Shift+P',
  variables: 'Shift+V',
} as const;

export type ShortcutName = keyof typeof shortcuts;

interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** `Mod` is Ctrl, or ⌘ on a Mac; letters compare case-insensitively; `Shift+1` matches by key code too. */
export function matchShortcut(e: KeyLike, shortcut: string): boolean {
  const parts = shortcut.split('+');
  const key = parts.at(-1) ?? '';
  const mod = parts.includes('Mod');
  const shift = parts.includes('Shift');
  if (mod !== (e.ctrlKey || e.metaKey) || shift !== e.shiftKey || e.altKey) return false;
  if (e.key.toLowerCase() === key.toLowerCase()) return true;
  return /^\d$/.test(key) ? e.code === `Digit${key}` : /^[A-Z]$/.test(key) && e.code === `Key${key}`;
}

/** How a shortcut is written for people on this machine. */
export function shortcutLabel(shortcut: string, mac: boolean): string {
  return shortcut.replace('Mod', mac ? '⌘' : 'Ctrl').replace('Delete', mac ? '⌫' : 'Del');
}

/** For `aria-keyshortcuts`, which wants real key names. */
export function ariaShortcut(shortcut: string, mac: boolean): string {
  return shortcut.replace('Mod', mac ? 'Meta' : 'Control');
}
