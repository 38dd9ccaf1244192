import { useState, type FormEvent } from 'react';
import { api, type Channel, type FlowSummary } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { FormFooter } from '../../ui/FormFooter.tsx';
import { ChannelCatalogSelect } from './ChannelCatalogSelect.tsx';

interface ChannelFormProps {
  channel: Channel | null;
  flows: FlowSummary[];
  onSaved(channel: Channel): void;
  onClose(): void;
}

/** Create or edit a number. Token and app secret are write-only: blank on edit keeps the stored ones. */
export function ChannelForm({ channel, flows, onSaved, onClose }: ChannelFormProps) {
  const t = useT();
  const editing = channel !== null;
  const [form, setForm] = useState({
    name: channel?.name ?? '',
    phoneNumberId: channel?.phoneNumberId ?? '',
    wabaId: channel?.wabaId ?? '',
    displayPhone: channel?.displayPhone ?? '',
    accessToken: '',
    appSecret: '',
    verifyToken: channel?.verifyToken ?? '',
    flowId: channel?.flowId ?? '',
    catalogId: channel?.catalogId ?? '',
    markRead: channel?.markRead ?? true,
    throughput: channel?.throughput === null || channel === null ? '' : String(channel.throughput),
    paymentConfiguration: channel?.paymentConfiguration ?? '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const update = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const common = {
      name: form.name,
      phoneNumberId: form.phoneNumberId,
      wabaId: form.wabaId.trim() || null,
      displayPhone: form.displayPhone.trim() || null,
      verifyToken: form.verifyToken,
      flowId: form.flowId || null,
      catalogId: form.catalogId || null,
      markRead: form.markRead,
      throughput: form.throughput.trim() === '' ? null : Number(form.throughput),
      paymentConfiguration: form.paymentConfiguration.trim() || null,
    };
    try {
      const { channel: saved } = channel
        ? await api.updateChannel(channel.id, {
            ...common,
            ...(form.accessToken ? { accessToken: form.accessToken } : {}),
            ...(form.appSecret ? { appSecret: form.appSecret } : {}),
          })
        : await api.createChannel({ ...common, accessToken: form.accessToken, appSecret: form.appSecret });
      onSaved(saved);
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  };

  const kept = t('channels.secretKept');
  return (
    <Dialog
      title={editing ? t('channels.edit') : t('channels.new')}
      onClose={onClose}
      size="large"
      testId="channel-form"
    >
      <form className="form-grid" onSubmit={submit}>
        <label className="field span-2">
          <span>{t('channels.name')}</span>
          <input
            required
            maxLength={120}
            value={form.name}
            onChange={(e) => update('name', e.target.value)}
            placeholder={t('channels.namePlaceholder')}
          />
        </label>
        <label className="field">
          <span>{t('channels.phoneNumberId')}</span>
          <input
            required
            inputMode="numeric"
            pattern="\d{5,30}"
            value={form.phoneNumberId}
            onChange={(e) => update('phoneNumberId', e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('channels.wabaId')}</span>
          <input inputMode="numeric" value={form.wabaId} onChange={(e) => update('wabaId', e.target.value)} />
        </label>
        <label className="field">
          <span>{t('channels.displayPhone')}</span>
          <input
            value={form.displayPhone}
            placeholder="+55 11 99999-0000"
            onChange={(e) => update('displayPhone', e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('channels.flow')}</span>
          <select value={form.flowId} onChange={(e) => update('flowId', e.target.value)}>
            <option value="">{t('channels.noFlow')}</option>
            {flows.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
                {f.publishedVersion === null ? ` (${t('flows.draftOnly')})` : ''}
              </option>
            ))}
          </select>
        </label>
        <ChannelCatalogSelect value={form.catalogId} onChange={(id) => update('catalogId', id)} />
        <label className="field span-2">
          <span>{t('channels.accessToken')}</span>
          <input
            type="password"
            autoComplete="off"
            required={!editing}
            minLength={10}
            value={form.accessToken}
            placeholder={editing ? kept : ''}
            onChange={(e) => update('accessToken', e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('channels.appSecret')}</span>
          <input
            type="password"
            autoComplete="off"
            required={!editing}
            minLength={8}
            value={form.appSecret}
            placeholder={editing ? kept : ''}
            onChange={(e) => update('appSecret', e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('channels.verifyToken')}</span>
          <input
            required
            minLength={8}
            autoComplete="off"
            value={form.verifyToken}
            onChange={(e) => update('verifyToken', e.target.value)}
          />
          <small className="muted">{t('channels.verifyTokenHelp')}</small>
        </label>
        <label className="field">
          <span>{t('channels.throughput')}</span>
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={10000}
            step={1}
            value={form.throughput}
            placeholder={String(channel?.throughputTier ?? 80)}
            onChange={(e) => update('throughput', e.target.value)}
          />
          <small className="muted">
            {t('channels.throughputHelp', {
              tier: t('channels.throughputValue', { n: String(channel?.throughputTier ?? 80) }),
            })}
          </small>
        </label>
        <label className="field">
          <span>{t('channels.paymentConfiguration')}</span>
          <input
            maxLength={60}
            value={form.paymentConfiguration}
            onChange={(e) => update('paymentConfiguration', e.target.value)}
            data-testid="channel-payment-configuration"
          />
          <small className="muted">{t('channels.paymentConfigurationHint')}</small>
        </label>
        <label className="checkbox span-2">
          <input type="checkbox" checked={form.markRead} onChange={(e) => update('markRead', e.target.checked)} />
          {t('channels.markRead')}
        </label>
        <FormFooter error={error} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
