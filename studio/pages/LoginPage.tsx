import { useState, type FormEvent } from 'react';
import { useSession } from '../api/session.ts';
import { locales, useLocaleStore, useT } from '../i18n/index.ts';
import { errorText } from '../ui/error-text.ts';

export function LoginPage() {
  const t = useT();
  const login = useSession((s) => s.login);
  const locale = useLocaleStore((s) => s.locale);
  const setLocale = useLocaleStore((s) => s.setLocale);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email, password);
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <div className="brand big">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.name')}
        </div>
        <h1 id="login-title">{t('login.title')}</h1>
        <p className="muted">{t('login.subtitle')}</p>
        <label className="field">
          <span>{t('login.email')}</span>
          <input
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button primary block" disabled={busy}>
          {busy ? t('login.signingIn') : t('login.submit')}
        </button>
        <div className="login-locale">
          {locales.map((l) => (
            <button
              key={l}
              type="button"
              className={l === locale ? 'link-button active' : 'link-button'}
              aria-pressed={l === locale}
              onClick={() => setLocale(l)}
            >
              {l === 'en' ? 'English' : 'Português'}
            </button>
          ))}
        </div>
      </form>
    </main>
  );
}
