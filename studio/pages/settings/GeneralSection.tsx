import { useMemo, useState, type FormEvent } from 'react';
import { minRetentionDays, studioLanguages, type BusinessHours } from '../../../shared/api/settings.ts';
import { api, type SettingsView } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import { errorText } from '../../ui/error-text.ts';
import { showToast } from '../../ui/toast.tsx';
import { BusinessHoursEditor } from './BusinessHoursEditor.tsx';

interface Props {
  settings: SettingsView;
  onSaved(): void;
}

/** The zones this browser knows (the server checks with the same `Intl`), the saved one always among them. */
function zoneList(current: string): string[] {
  const known = Intl.supportedValuesOf('timeZone');
  return known.includes(current) ? known : [current, ...known];
}

/** Time zone, business hours, retention and default language, saved together (only what changed is sent). */
export function GeneralSection({ settings, onSaved }: Props) {
  const t = useT();
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [hours, setHours] = useState<BusinessHours>(settings.businessHours);
  const [keepForever, setKeepForever] = useState(settings.retentionDays === null);
  const [days, setDays] = useState(String(settings.retentionDays ?? 90));
  const [language, setLanguage] = useState(settings.language);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const zones = useMemo(() => zoneList(settings.timeZone), [settings.timeZone]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const retentionDays = keepForever ? null : Number(days);
    const body = {
      ...(timeZone !== settings.timeZone && { timeZone }),
      ...(JSON.stringify(hours) !== JSON.stringify(settings.businessHours) && { businessHours: hours }),
      ...(retentionDays !== settings.retentionDays && { retentionDays }),
      ...(language !== settings.language && { language }),
    };
    setBusy(true);
    setError(null);
    try {
      await api.updateSettings(body);
      showToast(t('settings.saved'));
      onSaved();
    } catch (err) {
      setError(errorText(err, t));
    }
    setBusy(false);
  };

  return (
    <form className="card" aria-labelledby="general-title" onSubmit={submit} data-testid="general-settings">
      <h2 id="general-title">{t('settings.general.title')}</h2>
      <div className="settings-grid">
        <label className="field">
          <span>{t('settings.timeZone')}</span>
          <select value={timeZone} onChange={(e) => setTimeZone(e.target.value)} data-testid="time-zone">
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('settings.language')}</span>
          <select
            value={language}
            onChange={(e) => setLanguage(studioLanguages.find((l) => l === e.target.value) ?? language)}
          >
            {studioLanguages.map((l) => (
              <option key={l} value={l}>
                {t(`settings.language.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="field">
        <legend>{t('settings.retention')}</legend>
        <div className="retention-row">
          <label className="checkbox">
            <input type="checkbox" checked={keepForever} onChange={(e) => setKeepForever(e.target.checked)} />
            <span>{t('settings.retention.forever')}</span>
          </label>
          {keepForever ? null : (
            <label className="retention-row">
              <input
                type="number"
                required
                min={minRetentionDays}
                max={3650}
                step={1}
                value={days}
                onChange={(e) => setDays(e.target.value)}
                aria-label={t('settings.retention')}
              />
              <span>{t('settings.retention.days')}</span>
            </label>
          )}
        </div>
        <small className="muted">{t('settings.retention.help', { min: minRetentionDays })}</small>
      </fieldset>
      <BusinessHoursEditor value={hours} onChange={setHours} />
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
