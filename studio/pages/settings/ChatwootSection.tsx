import { useState, type FormEvent } from 'react';
import type { ChatwootSettings } from '../../../shared/api/chatwoot.ts';
import { integrationsApi } from '../../api/integrations.ts';
import { useT } from '../../i18n/index.ts';
import { errorText } from '../../ui/error-text.ts';
import { ErrorBanner, Loading } from '../../ui/states.tsx';
import { showToast } from '../../ui/toast.tsx';
import { useResource } from '../../ui/use-resource.ts';
import './integrations.css';

/** The Chatwoot bridge's connection; the token and secret are write-only (blank keeps them). */
export function ChatwootSection() {
  const t = useT();
  const current = useResource(() => integrationsApi.getChatwoot().then((r) => r.chatwoot), []);
  return (
    <section className="card" aria-labelledby="chatwoot-title" data-testid="chatwoot-settings">
      <h2 id="chatwoot-title">{t('integrations.chatwoot.title')}</h2>
      <p className="muted">{t('integrations.chatwoot.help')}</p>
      {current.status === 'loading' ? <Loading /> : null}
      {current.status === 'error' ? (
        <ErrorBanner message={errorText(current.error, t)} onRetry={current.reload} />
      ) : null}
      {current.status === 'ready' ? <ChatwootForm settings={current.data} onSaved={current.reload} /> : null}
    </section>
  );
}

function ChatwootForm({ settings, onSaved }: { settings: ChatwootSettings; onSaved(): void }) {
  const t = useT();
  const [url, setUrl] = useState(settings.url ?? '');
  const [accountId, setAccountId] = useState(settings.accountId ? String(settings.accountId) : '');
  const [inboxId, setInboxId] = useState(settings.inboxId ? String(settings.inboxId) : '');
  const [token, setToken] = useState('');
  const [secret, setSecret] = useState('');
  const [enabled, setEnabled] = useState(settings.enabled || !settings.configured);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await integrationsApi.updateChatwoot({
        url,
        accountId: Number(accountId),
        inboxId: Number(inboxId),
        enabled,
        ...(token ? { apiAccessToken: token } : {}),
        ...(secret ? { webhookSecret: secret } : {}),
      });
      showToast(t('integrations.chatwoot.saved'));
      setToken('');
      setSecret('');
      onSaved();
    } catch (err) {
      setError(errorText(err, t));
    }
    setBusy(false);
  };

  return (
    <form onSubmit={submit} className="chatwoot-form" data-testid="chatwoot-form">
      <div className="settings-grid">
        <label className="field">
          <span>{t('integrations.chatwoot.url')}</span>
          <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
        </label>
        <label className="field">
          <span>{t('integrations.chatwoot.account')}</span>
          <input
            type="number"
            required
            min={1}
            step={1}
            value={accountId}
            onChange={(e) => setAccountId(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('integrations.chatwoot.inbox')}</span>
          <input type="number" required min={1} step={1} value={inboxId} onChange={(e) => setInboxId(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('integrations.chatwoot.token')}</span>
          <input
            type="password"
            autoComplete="off"
            required={!settings.hasApiAccessToken}
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
          {settings.hasApiAccessToken ? <small className="muted">{t('integrations.chatwoot.tokenSaved')}</small> : null}
        </label>
        <label className="field">
          <span>{t('integrations.chatwoot.secret')}</span>
          <input type="password" autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value)} />
          {settings.hasWebhookSecret ? <small className="muted">{t('integrations.chatwoot.tokenSaved')}</small> : null}
        </label>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        <span>{t('integrations.chatwoot.enabled')}</span>
      </label>
      {settings.webhookUrl ? (
        <p className="small">
          {t('integrations.chatwoot.webhookUrl')}{' '}
          <code className="chatwoot-webhook-url" data-testid="chatwoot-webhook-url">
            {settings.webhookUrl}
          </code>
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('common.working') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
