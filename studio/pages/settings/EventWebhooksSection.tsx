import { useState, type FormEvent } from 'react';
import { eventTypes, type EventDelivery, type EventWebhook } from '../../../shared/api/event-webhooks.ts';
import { integrationsApi } from '../../api/integrations.ts';
import { useT } from '../../i18n/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { ErrorBanner, Loading } from '../../ui/states.tsx';
import { showToast } from '../../ui/toast.tsx';
import { useResource } from '../../ui/use-resource.ts';
import './integrations.css';

/** Outgoing event webhooks: subscriptions as cards, a form for a new one, and each one's delivery log. */
export function EventWebhooksSection() {
  const t = useT();
  const hooks = useResource(() => integrationsApi.listEventWebhooks().then((r) => r.webhooks), []);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<EventWebhook | null>(null);
  const [openLog, setOpenLog] = useState<string | null>(null);

  const toggle = async (hook: EventWebhook) => {
    try {
      await integrationsApi.updateEventWebhook(hook.id, { active: !hook.active });
    } catch (err) {
      showToast(errorText(err, t), 'error');
    }
    hooks.reload();
  };

  return (
    <section className="card" aria-labelledby="event-webhooks-title" data-testid="event-webhooks">
      <div className="card-head">
        <h2 id="event-webhooks-title">{t('integrations.webhooks.title')}</h2>
        {creating ? null : (
          <button type="button" className="button" onClick={() => setCreating(true)}>
            {t('integrations.webhooks.new')}
          </button>
        )}
      </div>
      <p className="muted">{t('integrations.webhooks.help')}</p>
      {secret ? (
        <div className="webhook-secret" role="status" data-testid="webhook-secret">
          <strong>{t('integrations.webhooks.secretOnce')}</strong>
          <code>{secret}</code>
          <button type="button" className="button small" onClick={() => setSecret(null)}>
            {t('common.close')}
          </button>
        </div>
      ) : null}
      {creating ? (
        <NewWebhookForm
          onCancel={() => setCreating(false)}
          onCreated={(s) => {
            setCreating(false);
            setSecret(s);
            hooks.reload();
          }}
        />
      ) : null}
      {hooks.status === 'loading' ? <Loading /> : null}
      {hooks.status === 'error' ? <ErrorBanner message={errorText(hooks.error, t)} onRetry={hooks.reload} /> : null}
      {hooks.status === 'ready' && hooks.data.length === 0 ? (
        <p className="muted">{t('integrations.webhooks.empty')}</p>
      ) : null}
      {hooks.status === 'ready' && hooks.data.length > 0 ? (
        <ul className="provider-list">
          {hooks.data.map((hook) => (
            <li key={hook.id} className="provider" data-testid="event-webhook">
              <div className="provider-title">
                <strong className="provider-url">{hook.url}</strong>
                <span className={`pill ${hook.active ? 'success' : ''}`}>
                  {hook.active ? t('integrations.webhooks.active') : t('integrations.webhooks.paused')}
                </span>
              </div>
              {hook.description ? <div className="small">{hook.description}</div> : null}
              <div className="muted small webhook-events">{hook.events.join(' · ')}</div>
              <div className="small">
                {t('integrations.webhooks.counts', { pending: hook.pending, failed: hook.failed })}
              </div>
              <div className="row-actions">
                <button
                  type="button"
                  className="button small"
                  onClick={() => setOpenLog(openLog === hook.id ? null : hook.id)}
                >
                  {openLog === hook.id ? t('integrations.webhooks.hideLog') : t('integrations.webhooks.log')}
                </button>
                <button type="button" className="button small" onClick={() => toggle(hook)}>
                  {hook.active ? t('integrations.webhooks.pause') : t('integrations.webhooks.resume')}
                </button>
                <button type="button" className="button small danger" onClick={() => setDeleting(hook)}>
                  {t('common.delete')}
                </button>
              </div>
              {openLog === hook.id ? <DeliveryLog webhookId={hook.id} onChanged={hooks.reload} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('integrations.webhooks.deleteTitle', { url: deleting.url })}
          message={t('integrations.webhooks.deleteText')}
          confirmLabel={t('common.delete')}
          danger
          onConfirm={async () => {
            await integrationsApi.deleteEventWebhook(deleting.id);
            showToast(t('integrations.webhooks.deleted'));
            hooks.reload();
          }}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </section>
  );
}

function NewWebhookForm({ onCancel, onCreated }: { onCancel(): void; onCreated(secret: string): void }) {
  const t = useT();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await integrationsApi.createEventWebhook({
        url,
        description,
        events: eventTypes.filter((x) => events.includes(x)),
      });
      onCreated(created.secret);
    } catch (err) {
      setError(errorText(err, t));
    }
    setBusy(false);
  };
  return (
    <form className="provider" onSubmit={submit} data-testid="new-event-webhook">
      <label className="field">
        <span>{t('integrations.webhooks.url')}</span>
        <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
      </label>
      <label className="field">
        <span>{t('integrations.webhooks.description')}</span>
        <input value={description} maxLength={200} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <fieldset className="field">
        <legend>{t('integrations.webhooks.events')}</legend>
        <div className="webhook-event-grid">
          {eventTypes.map((type) => (
            <label key={type} className="checkbox">
              <input
                type="checkbox"
                checked={events.includes(type)}
                onChange={(e) =>
                  setEvents((list) => (e.target.checked ? [...list, type] : list.filter((x) => x !== type)))
                }
              />
              <span>{type}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('common.working') : t('integrations.webhooks.create')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function DeliveryLog({ webhookId, onChanged }: { webhookId: string; onChanged(): void }) {
  const t = useT();
  const log = useResource(() => integrationsApi.listDeliveries(webhookId).then((r) => r.deliveries), [webhookId]);
  const again = async (d: EventDelivery) => {
    try {
      await integrationsApi.redeliver(webhookId, d.id);
      showToast(t('integrations.webhooks.redelivered'));
    } catch (err) {
      showToast(errorText(err, t), 'error');
    }
    log.reload();
    onChanged();
  };
  if (log.status === 'loading') return <Loading />;
  if (log.status === 'error') return <ErrorBanner message={errorText(log.error, t)} onRetry={log.reload} />;
  if (log.data.length === 0) return <p className="muted small">{t('integrations.webhooks.noDeliveries')}</p>;
  return (
    <ul className="delivery-list" data-testid="delivery-log">
      {log.data.map((d) => (
        <li key={d.id} className="delivery" data-testid="delivery">
          <div className="delivery-head">
            <code>{d.type}</code>
            <span className={`pill ${d.status === 'delivered' ? 'success' : d.status === 'failed' ? 'danger' : ''}`}>
              {t(`integrations.delivery.${d.status}`)}
            </span>
          </div>
          <div className="muted small">
            {new Date(d.createdAt).toLocaleString()} · {t('integrations.delivery.attempts', { n: d.attempts })}
            {d.lastError ? ` · ${d.lastError}` : ''}
          </div>
          <div className="row-actions">
            <button type="button" className="button small" onClick={() => again(d)}>
              {t('integrations.webhooks.redeliver')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
