import { useRef, useState } from 'react';
import { campaignsApi } from '../api/campaigns.ts';
import { useStudioEvents } from '../api/events.ts';
import { useT } from '../i18n/index.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { errorText } from '../ui/error-text.ts';
import { EmptyState, ErrorBanner, Loading } from '../ui/states.tsx';
import { useResource } from '../ui/use-resource.ts';
import { CampaignDetail } from './campaigns/CampaignDetail.tsx';
import { CampaignForm } from './campaigns/CampaignForm.tsx';
import { CampaignList } from './campaigns/CampaignList.tsx';
import './campaigns/campaigns.css';

/** How often at most the page reads again while events pour in (a wave of statuses). */
const refreshMs = 1000;

/** Campanhas: the campaigns, a form to create one, and each one's results as they come in. */
export function CampaignsPage() {
  const t = useT();
  const [version, setVersion] = useState(0);
  const list = useResource(() => campaignsApi.list().then((r) => r.campaigns), [version]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Sends, statuses and replies move a campaign's results: read again, at most once a second.
  const refresh = () => {
    pending.current ??= setTimeout(() => {
      pending.current = null;
      setVersion((v) => v + 1);
    }, refreshMs);
  };
  useStudioEvents((e) => {
    if (e.type === 'campaign.progress' || e.type === 'message.status' || e.type === 'message.received') refresh();
  }, refresh);

  return (
    <section className="page campaigns-page">
      <PageHeader
        title={t('campaigns.title')}
        subtitle={t('campaigns.subtitle')}
        actions={
          <button type="button" className="button primary" onClick={() => setCreating(true)}>
            {t('campaigns.new')}
          </button>
        }
      />
      {list.status === 'loading' ? <Loading /> : null}
      {list.status === 'error' ? <ErrorBanner message={errorText(list.error, t)} onRetry={list.reload} /> : null}
      {list.status === 'ready' && list.data.length === 0 ? (
        <EmptyState title={t('campaigns.empty')}>
          <p className="muted">{t('campaigns.emptyHelp')}</p>
        </EmptyState>
      ) : null}
      {list.status === 'ready' && list.data.length > 0 ? (
        <CampaignList campaigns={list.data} onOpen={setOpenId} />
      ) : null}
      {creating ? (
        <CampaignForm
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setVersion((v) => v + 1);
            setOpenId(id);
          }}
        />
      ) : null}
      {openId ? (
        <CampaignDetail
          id={openId}
          version={version}
          onClose={() => setOpenId(null)}
          onChanged={() => setVersion((v) => v + 1)}
        />
      ) : null}
    </section>
  );
}
