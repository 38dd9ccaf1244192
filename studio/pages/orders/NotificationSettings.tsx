import { useEffect, useState, type FormEvent } from 'react';
import { ordersApi, type OrderNotificationView } from '../../api/orders.ts';
import { useT } from '../../i18n/index.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { ErrorBanner, Loading } from '../../ui/states.tsx';
import { showToast } from '../../ui/toast.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { FormFooter } from '../../ui/FormFooter.tsx';

/** The form's copy of one status's message: the template as plain fields, its parameters one per line. */
interface Draft {
  status: OrderNotificationView['status'];
  enabled: boolean;
  text: string;
  templateName: string;
  language: string;
  parameters: string;
}

const toDraft = (n: OrderNotificationView): Draft => ({
  status: n.status,
  enabled: n.enabled,
  text: n.text,
  templateName: n.template?.name ?? '',
  language: n.template?.language ?? 'pt_BR',
  parameters: (n.template?.parameters ?? []).join('\n'),
});

/** Admins write what the customer reads at each status (a text, and a template for outside the 24-hour window). */
export function NotificationSettings({ onClose }: { onClose(): void }) {
  const t = useT();
  const loaded = useResource(() => ordersApi.notifications().then((r) => r.notifications), []);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (loaded.data) setDrafts(loaded.data.map(toDraft));
  }, [loaded.data]);

  const edit = (status: Draft['status'], change: Partial<Draft>) =>
    setDrafts((all) => all.map((d) => (d.status === status ? { ...d, ...change } : d)));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await ordersApi.updateNotifications({
        notifications: drafts.map((d) => ({
          status: d.status,
          enabled: d.enabled,
          text: d.text,
          template: d.templateName.trim()
            ? {
                name: d.templateName.trim(),
                language: d.language.trim() || 'pt_BR',
                parameters: d.parameters
                  .split('\n')
                  .map((p) => p.trim())
                  .filter(Boolean),
              }
            : null,
        })),
      });
      showToast(t('orders.settings.saved'));
      onClose();
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('orders.settings.title')} onClose={onClose} testId="order-messages" size="large">
      {loaded.status === 'loading' ? <Loading /> : null}
      {loaded.status === 'error' ? <ErrorBanner message={errorText(loaded.error, t)} onRetry={loaded.reload} /> : null}
      {loaded.status === 'ready' ? (
        <form className="stack" onSubmit={save}>
          <p className="muted small">{t('orders.settings.help')}</p>
          {drafts.map((d) => (
            <fieldset key={d.status} className="order-message" data-testid={`order-message-${d.status}`}>
              <legend>{t(`orders.status.${d.status}`)}</legend>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={d.enabled}
                  onChange={(e) => edit(d.status, { enabled: e.target.checked })}
                />
                <span>{t('orders.settings.enabled')}</span>
              </label>
              <label className="field">
                <span>{t('orders.settings.text')}</span>
                <textarea
                  rows={2}
                  maxLength={4096}
                  value={d.text}
                  onChange={(e) => edit(d.status, { text: e.target.value })}
                />
              </label>
              <div className="order-template">
                <label className="field">
                  <span>{t('orders.settings.template')}</span>
                  <input
                    maxLength={512}
                    value={d.templateName}
                    onChange={(e) => edit(d.status, { templateName: e.target.value })}
                  />
                </label>
                <label className="field">
                  <span>{t('orders.settings.language')}</span>
                  <input
                    maxLength={15}
                    value={d.language}
                    onChange={(e) => edit(d.status, { language: e.target.value })}
                  />
                </label>
              </div>
              <label className="field">
                <span>{t('orders.settings.parameters')}</span>
                <textarea
                  rows={2}
                  value={d.parameters}
                  onChange={(e) => edit(d.status, { parameters: e.target.value })}
                />
              </label>
            </fieldset>
          ))}
          <FormFooter error={error} busy={busy} onCancel={onClose} />
        </form>
      ) : null}
    </Dialog>
  );
}
