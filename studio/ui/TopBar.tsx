import type { User } from '../../shared/api/auth.ts';
import { useSession } from '../api/session.ts';
import { locales, useLocaleStore, useT, type MessageKey } from '../i18n/index.ts';
import { Link, navigate, usePathname } from './router.ts';

const nav: { to: string; label: MessageKey; roles: readonly User['role'][] }[] = [
  { to: '/flows', label: 'nav.flows', roles: ['admin', 'editor'] },
  { to: '/inbox', label: 'nav.inbox', roles: ['admin', 'agent'] },
  { to: '/conversations', label: 'nav.conversations', roles: ['admin', 'agent'] },
  { to: '/channels', label: 'nav.channels', roles: ['admin'] },
  { to: '/catalog', label: 'nav.catalog', roles: ['admin', 'editor'] },
  { to: '/orders', label: 'nav.orders', roles: ['admin', 'editor', 'agent'] },
  { to: '/users', label: 'nav.users', roles: ['admin'] },
  { to: '/contacts', label: 'nav.contacts', roles: ['admin', 'agent'] },
  { to: '/settings', label: 'nav.settings', roles: ['admin'] },
  { to: '/dashboard', label: 'nav.dashboard', roles: ['admin', 'editor'] },
  { to: '/audit', label: 'nav.audit', roles: ['admin'] },
];

export function TopBar({ user }: { user: User }) {
  const t = useT();
  const pathname = usePathname();
  const locale = useLocaleStore((s) => s.locale);
  const setLocale = useLocaleStore((s) => s.setLocale);
  const logout = useSession((s) => s.logout);
  const items = nav.filter((item) => item.roles.includes(user.role));

  return (
    <header className="topbar">
      <Link to={items[0]?.to ?? '/'} className="brand" aria-label={t('app.home')}>
        <span className="brand-mark" aria-hidden="true" />
        {t('app.name')}
      </Link>
      {items.length > 0 ? (
        <nav aria-label={t('nav.label')} className="topbar-nav">
          {items.map((item) => {
            const active = pathname === item.to || pathname.startsWith(item.to + '/');
            return (
              <Link key={item.to} to={item.to} className={active ? 'active' : undefined} aria-current={active ? 'page' : undefined}>
                {t(item.label)}
              </Link>
            );
          })}
        </nav>
      ) : null}
      <div className="topbar-end">
        <label className="visually-hidden" htmlFor="locale-select">{t('app.language')}</label>
        <select
          id="locale-select"
          className="locale-select"
          value={locale}
          onChange={(event) => setLocale(event.target.value === 'en' ? 'en' : 'pt-BR')}
        >
          {locales.map((l) => <option key={l} value={l}>{l === 'en' ? 'English' : 'Português'}</option>)}
        </select>
        <span className="topbar-user" title={user.email}>
          {user.name || user.email}
          <span className="role-pill">{t(`role.${user.role}`)}</span>
        </span>
        <button
          type="button"
          className="button ghost small"
          onClick={async () => {
            await logout();
            navigate('/login', { replace: true });
          }}
        >
          {t('app.logout')}
        </button>
      </div>
    </header>
  );
}
