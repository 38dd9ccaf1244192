import { useState, type FormEvent } from 'react';
import { api, type AiProviderView } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { showToast } from '../../ui/toast.tsx';
import { FormFooter } from '../../ui/FormFooter.tsx';

interface Props {
  /** Null adds a provider. */
  provider: AiProviderView | null;
  /** The first provider becomes the default anyway: the checkbox is not offered. */
  first: boolean;
  onClose(): void;
  onSaved(): void;
}

/** What to do with the stored key on save: it is never shown, only kept, replaced or removed. */
type KeyChange = 'keep' | 'replace' | 'remove';

export function ProviderDialog({ provider, first, onClose, onSaved }: Props) {
  const t = useT();
  const [form, setForm] = useState({
    name: provider?.name ?? '',
    baseUrl: provider?.baseUrl ?? '',
    model: provider?.model ?? '',
    isDefault: provider?.isDefault ?? false,
    vision: provider?.vision ?? false,
    transcriptionModel: provider?.transcriptionModel ?? '',
  });
  const [apiKey, setApiKey] = useState('');
  const [keyChange, setKeyChange] = useState<KeyChange>(provider?.hasKey ? 'keep' : 'replace');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (provider) {
        const key =
          keyChange === 'keep' ? {} : { apiKey: keyChange === 'remove' || apiKey.trim() === '' ? null : apiKey };
        await api.updateAiProvider(provider.id, { ...form, ...key });
        showToast(t('settings.ai.updated', { name: form.name }));
      } else {
        await api.createAiProvider({ ...form, apiKey: apiKey.trim() === '' ? null : apiKey });
        showToast(t('settings.ai.created', { name: form.name }));
      }
      onSaved();
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={provider ? t('settings.ai.edit', { name: provider.name }) : t('settings.ai.new')}
      onClose={onClose}
      testId="ai-provider-form"
    >
      <form className="stack" onSubmit={submit}>
        <label className="field">
          <span>{t('settings.ai.name')}</span>
          <input
            required
            maxLength={80}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('settings.ai.baseUrl')}</span>
          <input
            required
            type="url"
            inputMode="url"
            maxLength={500}
            value={form.baseUrl}
            onChange={(e) => setForm({ ...form, baseUrl: e.target.value })}
          />
          <small className="muted">{t('settings.ai.baseUrlHelp')}</small>
        </label>
        <label className="field">
          <span>{t('settings.ai.model')}</span>
          <input
            required
            maxLength={200}
            value={form.model}
            onChange={(e) => setForm({ ...form, model: e.target.value })}
          />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.vision}
            onChange={(e) => setForm({ ...form, vision: e.target.checked })}
          />
          <span>{t('intent.provider.vision')}</span>
        </label>
        <label className="field">
          <span>{t('intent.provider.transcription')}</span>
          <input
            maxLength={200}
            placeholder="whisper-1"
            value={form.transcriptionModel}
            onChange={(e) => setForm({ ...form, transcriptionModel: e.target.value })}
          />
          <small className="muted">{t('intent.provider.transcriptionHelp')}</small>
        </label>
        <div className="field">
          <label htmlFor="ai-provider-key">{t('settings.ai.key')}</label>
          {keyChange === 'keep' ? (
            <div className="row-actions">
              <span data-testid="ai-key-saved">{t('settings.ai.keySaved')}</span>
              <button type="button" className="button small" onClick={() => setKeyChange('replace')}>
                {t('settings.ai.keyReplace')}
              </button>
              <button type="button" className="button small" onClick={() => setKeyChange('remove')}>
                {t('settings.ai.keyRemove')}
              </button>
            </div>
          ) : keyChange === 'remove' ? (
            <div className="row-actions">
              <span className="muted">{t('settings.ai.keyNone')}</span>
              <button type="button" className="button small" onClick={() => setKeyChange('keep')}>
                {t('settings.ai.keyKeep')}
              </button>
            </div>
          ) : (
            <input
              id="ai-provider-key"
              type="password"
              autoComplete="off"
              maxLength={500}
              value={apiKey}
              onChange={(e) => setApiKey(e.target.value)}
            />
          )}
          <small className="muted">{t('settings.ai.keyHelp')}</small>
        </div>
        {first && !provider ? null : (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.isDefault}
              onChange={(e) => setForm({ ...form, isDefault: e.target.checked })}
            />
            <span>{t('settings.ai.isDefault')}</span>
          </label>
        )}
        <FormFooter error={error} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
