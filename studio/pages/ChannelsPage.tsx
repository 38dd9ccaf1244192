import { useState } from 'react';
import { api, type Channel } from '../api/client.ts';
import { useT } from '../i18n/index.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { CopyField } from '../ui/CopyField.tsx';
import { errorText } from '../ui/error-text.ts';
import { EmptyState, ErrorBanner, Loading } from '../ui/states.tsx';
import { showToast } from '../ui/toast.tsx';
import { useResource } from '../ui/use-resource.ts';
import { ChannelChecks, ChannelStatusPill } from './channels/ChannelChecks.tsx';
import { ChannelForm } from './channels/ChannelForm.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

type Open = { kind: 'none' } | { kind: 'form'; channel: Channel | null } | { kind: 'delete'; channel: Channel };

export function ChannelsPage() {
  const t = useT();
  const data = useResource(async () => {
    const [channels, flows] = await Promise.all([api.listChannels(), api.listFlows()]);
    return { channels: channels.channels, flows: flows.flows };
  }, []);
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const close = () => setOpen({ kind: 'none' });

  return (
    <section className="page">
      <PageHeader
        title={t('channels.title')}
        subtitle={t('channels.subtitle')}
        actions={
          <button type="button" className="button primary" onClick={() => setOpen({ kind: 'form', channel: null })}>
            {t('channels.new')}
          </button>
        }
      />
      {data.status === 'loading' ? <Loading /> : null}
      {data.status === 'error' ? <ErrorBanner message={errorText(data.error, t)} onRetry={data.reload} /> : null}
      {data.status === 'ready' && data.data.channels.length === 0 ? (
        <EmptyState title={t('channels.empty.title')}>
          <p className="muted">{t('channels.empty.body')}</p>
          <button type="button" className="button primary" onClick={() => setOpen({ kind: 'form', channel: null })}>
            {t('channels.new')}
          </button>
        </EmptyState>
      ) : null}
      {data.status === 'ready' ? (
        <ul className="card-grid">
          {data.data.channels.map((channel) => {
            const flow = data.data.flows.find((f) => f.id === channel.flowId);
            return (
              <li key={channel.id} className="card channel-card" data-testid="channel-card">
                <div className="card-head">
                  <h2>{channel.name}</h2>
                  <ChannelStatusPill channel={channel} />
                </div>
                <dl className="facts">
                  <div>
                    <dt>{t('channels.displayPhone')}</dt>
                    <dd>{channel.displayPhone ?? '—'}</dd>
                  </div>
                  <div>
                    <dt>{t('channels.phoneNumberId')}</dt>
                    <dd>{channel.phoneNumberId}</dd>
                  </div>
                  <div>
                    <dt>{t('channels.flow')}</dt>
                    <dd>{flow?.name ?? t('channels.noFlow')}</dd>
                  </div>
                </dl>
                <CopyField label={t('channels.webhookUrl')} value={channel.webhookUrl} />
                <ChannelChecks channel={channel} onTested={data.reload} />
                <div className="row-actions">
                  <button
                    type="button"
                    className="button small"
                    onClick={() => setOpen({ kind: 'form', channel })}
                    aria-label={t('channels.editOf', { name: channel.name })}
                  >
                    {t('common.edit')}
                  </button>
                  <button
                    type="button"
                    className="button small danger-ghost"
                    onClick={() => setOpen({ kind: 'delete', channel })}
                    aria-label={t('channels.deleteOf', { name: channel.name })}
                  >
                    {t('common.delete')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {open.kind === 'form' && data.status === 'ready' ? (
        <ChannelForm
          channel={open.channel}
          flows={data.data.flows}
          onClose={close}
          onSaved={(saved) => {
            showToast(t('channels.saved', { name: saved.name }));
            close();
            data.reload();
          }}
        />
      ) : null}
      {open.kind === 'delete' ? (
        <ConfirmDialog
          title={t('channels.delete.title')}
          message={t('channels.delete.body', { name: open.channel.name })}
          confirmLabel={t('common.delete')}
          danger
          onClose={close}
          onConfirm={async () => {
            await api.deleteChannel(open.channel.id);
            data.reload();
          }}
        />
      ) : null}
    </section>
  );
}
