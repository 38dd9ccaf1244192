import { useState, type FormEvent } from 'react';
import { brCodeLimits } from '../../../shared/pix/br-code.ts';
import { normalizePixKey } from '../../../shared/pix/pix-key.ts';
import { api, type SettingsView } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import { errorText } from '../../ui/error-text.ts';
import { showToast } from '../../ui/toast.tsx';

interface Props {
  settings: SettingsView;
  onSaved(): void;
}

/** The Pix key, merchant name and city the payment blocks put in the BR Code, and the default expiry. */
export function PixSection({ settings, onSaved }: Props) {
  const t = useT();
  const [key, setKey] = useState(settings.pix?.key ?? '');
  const [merchantName, setMerchantName] = useState(settings.pix?.merchantName ?? '');
  const [merchantCity, setMerchantCity] = useState(settings.pix?.merchantCity ?? '');
  const [expiry, setExpiry] = useState(String(settings.pix?.expiryMinutes ?? 60));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keyValid = key.trim() === '' || normalizePixKey(key) !== null;

  const save = async (pix: SettingsView['pix']) => {
    setBusy(true);
    setError(null);
    try {
      await api.updateSettings({ pix });
      showToast(t('settings.pix.saved'));
      onSaved();
    } catch (err) {
      setError(errorText(err, t));
    }
    setBusy(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save({ key: key.trim(), merchantName, merchantCity, expiryMinutes: Number(expiry) });
  };

  return (
    <form className="card" aria-labelledby="pix-title" onSubmit={submit} data-testid="pix-settings">
      <h2 id="pix-title">{t('settings.pix.title')}</h2>
      <p className="muted">{t('settings.pix.intro')}</p>
      <div className="settings-grid">
        <label className="field">
          <span>{t('settings.pix.key')}</span>
          <input
            required
            value={key}
            maxLength={77}
            aria-invalid={!keyValid}
            onChange={(e) => setKey(e.target.value)}
            data-testid="pix-key"
          />
          <small className="muted">{t('settings.pix.keyHint')}</small>
        </label>
        <label className="field">
          <span>{t('settings.pix.merchantName')}</span>
          <input
            required
            value={merchantName}
            maxLength={brCodeLimits.merchantName}
            onChange={(e) => setMerchantName(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('settings.pix.merchantCity')}</span>
          <input
            required
            value={merchantCity}
            maxLength={brCodeLimits.merchantCity}
            onChange={(e) => setMerchantCity(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('settings.pix.expiry')}</span>
          <input
            type="number"
            required
            min={5}
            max={43200}
            step={1}
            value={expiry}
            onChange={(e) => setExpiry(e.target.value)}
          />
        </label>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row-actions">
        {settings.pix ? (
          <button type="button" className="button" disabled={busy} onClick={() => void save(null)}>
            {t('settings.pix.remove')}
          </button>
        ) : null}
        <button type="submit" className="button primary" disabled={busy || !keyValid}>
          {busy ? t('common.working') : t('settings.pix.save')}
        </button>
      </div>
    </form>
  );
}
