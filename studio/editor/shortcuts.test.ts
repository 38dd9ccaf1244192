import { describe, expect, it } from 'vitest';
import { matchShortcut, shortcutLabel } from './shortcuts.ts';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean; code: string }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('matchShortcut', () => {
  it('matches Ctrl or Cmd for Mod, case-insensitively', () => {
    expect(matchShortcut(key('z', { ctrlKey: true }), 'Mod+Z')).toBe(true);
    expect(matchShortcut(key('z', { metaKey: true }), 'Mod+Z')).toBe(true);
    expect(matchShortcut(key('z'), 'Mod+Z')).toBe(false);
  });

  it('tells undo from redo by Shift', () => {
    expect(matchShortcut(key('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Z')).toBe(false);
    expect(matchShortcut(key('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Shift+Z')).toBe(true);
  });

  it('matches shifted digits by key code (Shift+1 types "!")', () => {
    expect(matchShortcut(key('!', { shiftKey: true, code: 'Digit1' }), 'Shift+1')).toBe(true);
  });

  it('matches letters by code on non-latin layouts', () => {
    expect(matchShortcut(key('я', { ctrlKey: true, code: 'KeyZ' }), 'Mod+Z')).toBe(true);
  });

  it('labels for the platform', () => {
    expect(shortcutLabel('Mod+Shift+Z', true)).toBe('⌘+Shift+Z');
    expect(shortcutLabel('Mod+D', false)).toBe('Ctrl+D');
  });
});
