import { useMemo, useState } from 'react';
import type { User } from '../../shared/api/auth.ts';
import { useT } from '../i18n/index.ts';
import { Link } from './router.ts';
import { AccountControls } from './shell/AccountControls.tsx';
import { MainNav } from './shell/MainNav.tsx';
import { MenuDrawer } from './shell/MenuDrawer.tsx';
import type { NavItem } from './shell/nav-item.ts';
import { InboxAlerts, InboxBadge } from '../pages/inbox/InboxAlerts.tsx';

const nav: NavItem[] = [
  { to: '/flows', label: 'nav.flows', roles: ['admin', 'editor'] },
  { to: '/conversations', label: 'nav.conversations', roles: ['admin', 'supervisor', 'agent'] },
  { to: '/inbox', label: 'nav.inbox', roles: ['admin', 'supervisor', 'agent'], Badge: InboxBadge },
  { to: '/contacts', label: 'nav.contacts', roles: ['admin', 'supervisor', 'agent'] },
  { to: '/orders', label: 'nav.orders', roles: ['admin', 'editor', 'supervisor', 'agent'] },
  { to: '/campaigns', label: 'nav.campaigns', roles: ['admin'] },
  { to: '/agenda', label: 'nav.agenda', roles: ['admin', 'editor', 'supervisor', 'agent'] },
  { to: '/dashboard', label: 'nav.dashboard', roles: ['admin', 'editor'] },
  { to: '/catalog', label: 'nav.catalog', roles: ['admin', 'editor'] },
  { to: '/templates', label: 'nav.templates', roles: ['admin', 'editor'] },
  { to: '/channels', label: 'nav.channels', roles: ['admin'] },
  { to: '/users', label: 'nav.users', roles: ['admin'] },
  { to: '/settings', label: 'nav.settings', roles: ['admin'] },
  { to: '/audit', label: 'nav.audit', roles: ['admin'] },
];

/** Wide screens: links (the rest under "Mais") and the account at the end. Phones: a menu button (app.css). */
export function TopBar({ user }: { user: User }) {
  const t = useT();
  const [menuOpen, setMenuOpen] = useState(false);
  // Kept while the role is the same: the bar measures its links again when they change.
  const items = useMemo(() => nav.filter((item) => item.roles.includes(user.role)), [user.role]);

  return (
    <header className="topbar">
      <Link to={items[0]?.to ?? '/'} className="brand" aria-label={t('app.home')}>
        <span className="brand-mark" aria-hidden="true" />
        {t('app.name')}
      </Link>
      {items.length > 0 ? <MainNav items={items} /> : null}
      <AccountControls user={user} className="topbar-end" />
      {items.some((item) => item.to === '/inbox') ? <InboxAlerts userId={user.id} /> : null}
      <button
        type="button"
        className="button small topbar-menu-button"
        aria-expanded={menuOpen}
        aria-controls={menuOpen ? 'app-menu' : undefined}
        onClick={() => setMenuOpen(true)}
      >
        <span aria-hidden="true">☰</span> {t('shell.menu')}
        {items.some((item) => item.to === '/inbox') ? <InboxBadge /> : null}
      </button>
      {menuOpen ? <MenuDrawer items={items} user={user} onClose={() => setMenuOpen(false)} /> : null}
    </header>
  );
}
