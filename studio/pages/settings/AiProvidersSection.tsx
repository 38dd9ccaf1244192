import { useState } from 'react';
import { api, type AiProviderTest, type AiProviderView, type SettingsView } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { showToast } from '../../ui/toast.tsx';
import { ProviderDialog } from './ProviderDialog.tsx';

interface Props {
  settings: SettingsView;
  onChanged(): void;
}

/** The providers as cards (they stack at any width), each with "Testar" and its last result. */
export function AiProvidersSection({ settings, onChanged }: Props) {
  const t = useT();
  const [editing, setEditing] = useState<AiProviderView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<AiProviderView | null>(null);
  const [testing, setTesting] = useState<string | null>(null);
  const [results, setResults] = useState<Record<string, AiProviderTest>>({});
  const providers = settings.aiProviders;
  const env = settings.environmentAiProvider;

  const test = async (provider: AiProviderView) => {
    setTesting(provider.id);
    try {
      const result = await api.testAiProvider(provider.id);
      setResults((r) => ({ ...r, [provider.id]: result }));
    } catch (err) {
      showToast(errorText(err, t), 'error');
    }
    setTesting(null);
  };
  const makeDefault = async (provider: AiProviderView) => {
    try {
      await api.updateAiProvider(provider.id, { isDefault: true });
      showToast(t('settings.ai.updated', { name: provider.name }));
    } catch (err) {
      showToast(errorText(err, t), 'error');
    }
    onChanged();
  };
  const resultText = (r: AiProviderTest) => {
    if (r.ok) return t('settings.ai.testOk', { ms: r.durationMs });
    const message = r.error?.message ?? '';
    return r.error?.status
      ? t('settings.ai.testFailedStatus', { status: r.error.status, message })
      : t('settings.ai.testFailed', { message });
  };

  return (
    <section className="card" aria-labelledby="ai-title" data-testid="ai-providers">
      <div className="card-head">
        <h2 id="ai-title">{t('settings.ai.title')}</h2>
        <button type="button" className="button" onClick={() => setEditing('new')}>
          {t('settings.ai.new')}
        </button>
      </div>
      <p className="muted">{t('settings.ai.help')}</p>
      {providers.length === 0 ? (
        <p className="muted">
          {t('settings.ai.empty')}{' '}
          {env ? t('settings.ai.fromEnv', { model: env.model, url: env.baseUrl }) : t('settings.ai.none')}
        </p>
      ) : (
        <ul className="provider-list">
          {providers.map((p) => {
            const result = results[p.id];
            return (
              <li key={p.id} className="provider" data-testid="ai-provider">
                <div className="provider-title">
                  <strong>{p.name}</strong>
                  {p.isDefault ? <span className="pill success">{t('settings.ai.default')}</span> : null}
                </div>
                <div className="muted small provider-url">
                  {p.model} · {p.baseUrl}
                </div>
                <div className="small">
                  {t('settings.ai.key')}: {p.hasKey ? t('settings.ai.keySaved') : t('settings.ai.keyNone')}
                </div>
                <div className="row-actions">
                  <button
                    type="button"
                    className="button small"
                    disabled={testing === p.id}
                    onClick={() => test(p)}
                    aria-label={t('settings.ai.testOf', { name: p.name })}
                  >
                    {testing === p.id ? t('settings.ai.testing') : t('settings.ai.test')}
                  </button>
                  <button type="button" className="button small" onClick={() => setEditing(p)}>
                    {t('common.edit')}
                  </button>
                  {p.isDefault ? null : (
                    <button type="button" className="button small" onClick={() => makeDefault(p)}>
                      {t('settings.ai.makeDefault')}
                    </button>
                  )}
                  <button type="button" className="button small danger" onClick={() => setDeleting(p)}>
                    {t('common.delete')}
                  </button>
                </div>
                {result ? (
                  <p
                    role="status"
                    className={`small provider-result ${result.ok ? 'ok' : 'failed'}`}
                    data-testid="ai-test-result"
                  >
                    {resultText(result)}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {editing ? (
        <ProviderDialog
          provider={editing === 'new' ? null : editing}
          first={providers.length === 0}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('settings.ai.deleteTitle', { name: deleting.name })}
          message={t('settings.ai.deleteText')}
          confirmLabel={t('common.delete')}
          danger
          onConfirm={async () => {
            await api.deleteAiProvider(deleting.id);
            showToast(t('settings.ai.deleted', { name: deleting.name }));
            onChanged();
          }}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </section>
  );
}
