import type { User } from '../../../shared/api/auth.ts';
import type { ComponentType } from 'react';
import type { MessageKey } from '../../i18n/index.ts';

/** One entry of the studio's main navigation. */
export interface NavItem {
  to: string;
  label: MessageKey;
  roles: readonly User['role'][];
  /** Shown after the label, e.g. the inbox's unread count. */
  Badge?: ComponentType;
}

/** The page at `to` is open (itself or one of its sub-pages). */
export function isActive(item: NavItem, pathname: string): boolean {
  return pathname === item.to || pathname.startsWith(item.to + '/');
}
