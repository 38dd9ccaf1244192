import type { ReactNode } from 'react';
import { Icon, type IconName } from '../../nodes/icons.tsx';
import { ariaShortcut, shortcutLabel } from '../shortcuts.ts';

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

interface ToolbarButtonProps {
  label: string;
  icon: IconName;
  shortcut?: string;
  onClick(): void;
  disabled?: boolean;
  pressed?: boolean;
  children?: ReactNode;
}

/** An icon button whose accessible name is its label; the tooltip adds the shortcut. */
export function ToolbarButton({ label, icon, shortcut, onClick, disabled, pressed, children }: ToolbarButtonProps) {
  return (
    <button
      type="button"
      className={`fx-tool${pressed ? ' is-pressed' : ''}`}
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut ? ariaShortcut(shortcut, mac) : undefined}
      title={shortcut ? `${label} (${shortcutLabel(shortcut, mac)})` : label}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon name={icon} size={17} />
      {children}
    </button>
  );
}
