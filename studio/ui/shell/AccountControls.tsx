import { useId } from 'react';
import type { User } from '../../../shared/api/auth.ts';
import { useSession } from '../../api/session.ts';
import { locales, useLocaleStore, useT } from '../../i18n/index.ts';
import { navigate } from '../router.ts';

/** Language, who is signed in, and log out: at the top bar's end, or inside the menu on a phone. */
export function AccountControls({ user, className }: { user: User; className: string }) {
  const t = useT();
  const selectId = useId();
  const locale = useLocaleStore((s) => s.locale);
  const setLocale = useLocaleStore((s) => s.setLocale);
  const logout = useSession((s) => s.logout);
  return (
    <div className={className}>
      <label className="visually-hidden" htmlFor={selectId}>
        {t('app.language')}
      </label>
      <select
        id={selectId}
        className="locale-select"
        value={locale}
        onChange={(event) => setLocale(event.target.value === 'en' ? 'en' : 'pt-BR')}
      >
        {locales.map((l) => (
          <option key={l} value={l}>
            {l === 'en' ? 'English' : 'Português'}
          </option>
        ))}
      </select>
      <span className="topbar-user" title={user.email}>
        <span className="topbar-user-name">{user.name || user.email}</span>
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
  );
}
