import { useState, type FormEvent } from 'react';
import { weekdays, type Weekday } from '../../../shared/api/settings.ts';
import { api } from '../../api/client.ts';
import { campaignsApi, type AudienceCsv } from '../../api/campaigns.ts';
import { useT } from '../../i18n/index.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { showToast } from '../../ui/toast.tsx';
import { useResource } from '../../ui/use-resource.ts';

type When = 'now' | 'at' | 'daily' | 'weekly';

/** A new campaign: template and parameters, audience (contacts filter or CSV), schedule, reply flow. */
export function CampaignForm({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const t = useT();
  const options = useResource(async () => {
    const [channels, flows] = await Promise.all([api.listChannels(), api.listFlows()]);
    return { channels: channels.channels, flows: flows.flows };
  }, []);
  const [name, setName] = useState('');
  const [channelId, setChannelId] = useState('');
  const [template, setTemplate] = useState('');
  const [language, setLanguage] = useState('pt_BR');
  const [parameters, setParameters] = useState('');
  const [audience, setAudience] = useState<'contacts' | 'list'>('contacts');
  const [tags, setTags] = useState('');
  const [inactiveDays, setInactiveDays] = useState('');
  const [csv, setCsv] = useState<AudienceCsv | null>(null);
  const [when, setWhen] = useState<When>('now');
  const [at, setAt] = useState('');
  const [time, setTime] = useState('10:00');
  const [days, setDays] = useState<Weekday[]>(['mon']);
  const [flowId, setFlowId] = useState('');
  const [inFlow, setInFlow] = useState<'skip' | 'interrupt'>('skip');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const channel = channelId || options.data?.channels[0]?.id || '';

  const readFile = async (file: File | undefined) => {
    setCsv(null);
    if (!file) return;
    try {
      setCsv(await campaignsApi.readCsv(await file.text()));
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const schedule =
        when === 'daily'
          ? { kind: 'daily' as const, time }
          : when === 'weekly'
            ? { kind: 'weekly' as const, time, weekdays: days }
            : { kind: 'once' as const };
      const res = await campaignsApi.create({
        name,
        channelId: channel,
        template: {
          name: template.trim(),
          language: language.trim() || 'pt_BR',
          parameters: parameters
            .split('\n')
            .map((p) => p.trim())
            .filter(Boolean),
        },
        flowId: flowId || null,
        ...(audience === 'contacts'
          ? {
              audienceFilter: {
                tags: tags
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean),
                inactiveDays: inactiveDays ? Number(inactiveDays) : null,
              },
            }
          : { audience: csv?.audience ?? [] }),
        schedule,
        scheduledAt: when === 'at' && at ? new Date(at).toISOString() : null,
        contactsInFlow: inFlow,
      });
      showToast(t('campaigns.created'));
      onCreated(res.campaign.id);
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('campaigns.new')} onClose={onClose} testId="campaign-form" size="large">
      <form className="stack campaign-form" onSubmit={submit}>
        <div className="two">
          <label className="field">
            <span>{t('campaigns.form.name')}</span>
            <input required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('campaigns.form.channel')}</span>
            <select value={channel} onChange={(e) => setChannelId(e.target.value)}>
              {(options.data?.channels ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="two">
          <label className="field">
            <span>{t('campaigns.form.template')}</span>
            <input required maxLength={512} value={template} onChange={(e) => setTemplate(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('campaigns.form.language')}</span>
            <input maxLength={15} value={language} onChange={(e) => setLanguage(e.target.value)} />
          </label>
        </div>
        <label className="field">
          <span>{t('campaigns.form.parameters')}</span>
          <textarea rows={2} value={parameters} onChange={(e) => setParameters(e.target.value)} />
        </label>

        <fieldset>
          <legend>{t('campaigns.form.audience')}</legend>
          <div className="campaign-choices">
            <label className="radio">
              <input type="radio" checked={audience === 'contacts'} onChange={() => setAudience('contacts')} />
              <span>{t('campaigns.form.fromContacts')}</span>
            </label>
            <label className="radio">
              <input type="radio" checked={audience === 'list'} onChange={() => setAudience('list')} />
              <span>{t('campaigns.form.fromList')}</span>
            </label>
          </div>
          {audience === 'contacts' ? (
            <>
              <div className="two">
                <label className="field">
                  <span>{t('campaigns.form.tags')}</span>
                  <input value={tags} onChange={(e) => setTags(e.target.value)} />
                </label>
                <label className="field">
                  <span>{t('campaigns.form.inactiveDays')}</span>
                  <input type="number" min={1} value={inactiveDays} onChange={(e) => setInactiveDays(e.target.value)} />
                </label>
              </div>
              <p className="muted small">{t('campaigns.form.optedOutNote')}</p>
            </>
          ) : (
            <>
              <label className="field">
                <span>{t('campaigns.form.csv')}</span>
                <input type="file" accept=".csv,text/csv" onChange={(e) => void readFile(e.target.files?.[0])} />
              </label>
              {csv ? (
                <div className="small" data-testid="campaign-csv-report">
                  <p>{t('campaigns.form.csvRead', { count: csv.audience.length, columns: csv.columns.join(', ') })}</p>
                  <ul>
                    {csv.issues.map((i) => (
                      <li key={i.row} className="form-error">
                        {i.message}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </>
          )}
        </fieldset>

        <fieldset>
          <legend>{t('campaigns.form.schedule')}</legend>
          <div className="campaign-choices">
            {(['now', 'at', 'daily', 'weekly'] as const).map((w) => (
              <label key={w} className="radio">
                <input type="radio" name="when" checked={when === w} onChange={() => setWhen(w)} />
                <span>{t(`campaigns.form.${w}`)}</span>
              </label>
            ))}
          </div>
          {when === 'at' ? (
            <input type="datetime-local" required value={at} onChange={(e) => setAt(e.target.value)} />
          ) : null}
          {when === 'daily' || when === 'weekly' ? (
            <label className="field">
              <span>{t('campaigns.form.time')}</span>
              <input type="time" required value={time} onChange={(e) => setTime(e.target.value)} />
            </label>
          ) : null}
          {when === 'weekly' ? (
            <div className="campaign-days">
              {weekdays.map((d) => (
                <label key={d} className="checkbox">
                  <input
                    type="checkbox"
                    checked={days.includes(d)}
                    onChange={(e) => setDays(e.target.checked ? [...days, d] : days.filter((x) => x !== d))}
                  />
                  <span>{t(`campaigns.day.${d}`)}</span>
                </label>
              ))}
            </div>
          ) : null}
        </fieldset>

        <div className="two">
          <label className="field">
            <span>{t('campaigns.form.flow')}</span>
            <select value={flowId} onChange={(e) => setFlowId(e.target.value)}>
              <option value="">{t('campaigns.form.noFlow')}</option>
              {(options.data?.flows ?? [])
                .filter((f) => f.publishedVersion !== null)
                .map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name}
                  </option>
                ))}
            </select>
          </label>
          <label className="field">
            <span>{t('campaigns.form.inFlow')}</span>
            <select value={inFlow} onChange={(e) => setInFlow(e.target.value as 'skip' | 'interrupt')}>
              <option value="skip">{t('campaigns.form.inFlowSkip')}</option>
              <option value="interrupt">{t('campaigns.form.inFlowInterrupt')}</option>
            </select>
          </label>
        </div>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="page-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {t('campaigns.form.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
