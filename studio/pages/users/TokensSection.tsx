import { useState, type FormEvent } from 'react';
import type { Role } from '../../../shared/api/common.ts';
import { api, type ApiTokenView } from '../../api/client.ts';
import { useLocaleStore, useT } from '../../i18n/index.ts';
import { CopyField } from '../../ui/CopyField.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { ErrorBanner, Loading } from '../../ui/states.tsx';
import { showToast } from '../../ui/toast.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { FormFooter } from '../../ui/FormFooter.tsx';

const roles: Role[] = ['admin', 'editor', 'agent'];

/**
 * API tokens: who each acts as, when it expires and when it was last used (to the minute), and
 * revocation. A new token's secret is shown once, in the dialog that created it.
 */
export function TokensSection() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const tokens = useResource(() => api.listTokens().then((r) => r.tokens), []);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiTokenView | null>(null);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const now = Date.now();

  const revoke = async (token: ApiTokenView) => {
    try {
      await api.revokeToken(token.id);
      showToast(t('tokens.revoked', { name: token.name }));
    } catch (err) {
      showToast(errorText(err, t), 'error');
    }
    setRevoking(null);
    tokens.reload();
  };

  return (
    <section className="stack tokens-section" aria-labelledby="tokens-title">
      <div className="card-head">
        <h2 id="tokens-title">{t('tokens.title')}</h2>
        <button type="button" className="button" onClick={() => setCreating(true)}>
          {t('tokens.new')}
        </button>
      </div>
      <p className="muted">{t('tokens.subtitle')}</p>
      {tokens.status === 'loading' ? <Loading /> : null}
      {tokens.status === 'error' ? <ErrorBanner message={errorText(tokens.error, t)} onRetry={tokens.reload} /> : null}
      {tokens.status === 'ready' && tokens.data.length === 0 ? <p className="muted">{t('tokens.empty')}</p> : null}
      {tokens.status === 'ready' && tokens.data.length > 0 ? (
        <table className="table" data-testid="tokens">
          <thead>
            <tr>
              <th scope="col">{t('tokens.name')}</th>
              <th scope="col">{t('tokens.owner')}</th>
              <th scope="col">{t('tokens.expires')}</th>
              <th scope="col">{t('tokens.lastUsed')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => {
              const expired = token.expiresAt !== null && Date.parse(token.expiresAt) <= now;
              return (
                <tr key={token.id} className={expired ? 'inactive' : undefined}>
                  <td>
                    <strong>{token.name}</strong>
                    <div className="muted small">{t(`role.${token.role}`)}</div>
                  </td>
                  <td>{token.owner ? token.owner.email : <span className="muted">{t('tokens.system')}</span>}</td>
                  <td>
                    {token.expiresAt === null ? t('tokens.never') : when.format(new Date(token.expiresAt))}
                    {expired ? (
                      <>
                        {' '}
                        <span className="pill danger">{t('tokens.expired')}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {token.lastUsedAt === null ? (
                      <span className="muted">{t('tokens.neverUsed')}</span>
                    ) : (
                      when.format(new Date(token.lastUsedAt))
                    )}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button small"
                      onClick={() => setRevoking(token)}
                      aria-label={t('tokens.revokeOf', { name: token.name })}
                    >
                      {t('tokens.revoke')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {creating ? (
        <CreateTokenDialog
          onClose={() => {
            setCreating(false);
            tokens.reload();
          }}
        />
      ) : null}
      {revoking ? (
        <Dialog
          title={t('tokens.revokeTitle', { name: revoking.name })}
          onClose={() => setRevoking(null)}
          testId="token-revoke"
        >
          <p>{t('tokens.revokeText')}</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setRevoking(null)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button danger" onClick={() => revoke(revoking)}>
              {t('tokens.revoke')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}

function CreateTokenDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const [form, setForm] = useState({ name: '', role: 'editor' as Role, expiresOn: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // A date picks the end of that day where the admin is.
      const expiresAt = form.expiresOn ? new Date(`${form.expiresOn}T23:59:59`).toISOString() : null;
      const created = await api.createToken({ name: form.name, role: form.role, expiresAt });
      setSecret(created.secret);
    } catch (err) {
      setError(errorText(err, t));
    }
    setBusy(false);
  };
  return (
    <Dialog title={t('tokens.new')} onClose={onClose} testId="token-form">
      {secret ? (
        <div className="stack">
          <CopyField label={t('tokens.secret')} value={secret} />
          <p className="muted">{t('tokens.secretHelp')}</p>
          <div className="dialog-actions">
            <button type="button" className="button primary" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : (
        <form className="stack" onSubmit={submit}>
          <label className="field">
            <span>{t('tokens.name')}</span>
            <input
              required
              maxLength={120}
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
          </label>
          <label className="field">
            <span>{t('users.role')}</span>
            <select
              value={form.role}
              onChange={(e) => setForm({ ...form, role: roles.find((r) => r === e.target.value) ?? form.role })}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('tokens.expiresOn')}</span>
            <input
              type="date"
              value={form.expiresOn}
              onChange={(e) => setForm({ ...form, expiresOn: e.target.value })}
            />
            <small className="muted">{t('tokens.expiresHelp')}</small>
          </label>
          <FormFooter error={error} busy={busy} onCancel={onClose} submitLabel={t('tokens.create')} />
        </form>
      )}
    </Dialog>
  );
}
