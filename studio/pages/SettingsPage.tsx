import { api } from '../api/client.ts';
import { useT } from '../i18n/index.ts';
import { errorText } from '../ui/error-text.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ErrorBanner, Loading } from '../ui/states.tsx';
import { useResource } from '../ui/use-resource.ts';
import { AiProvidersSection } from './settings/AiProvidersSection.tsx';
import { GeneralSection } from './settings/GeneralSection.tsx';
import { PixSection } from './settings/PixSection.tsx';
import { ChatwootSection } from './settings/ChatwootSection.tsx';
import { EventWebhooksSection } from './settings/EventWebhooksSection.tsx';
import { OptOutSection } from './settings/OptOutSection.tsx';
import './settings/settings.css';

/** Configurações (admins): AI providers, then time zone, business hours, retention and language, then opt-out words. */
export function SettingsPage() {
  const t = useT();
  const settings = useResource(() => api.getSettings().then((r) => r.settings), []);
  return (
    <section className="page settings-page">
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      {settings.status === 'loading' ? <Loading /> : null}
      {settings.status === 'error' ? (
        <ErrorBanner message={errorText(settings.error, t)} onRetry={settings.reload} />
      ) : null}
      {settings.status === 'ready' ? (
        <>
          <AiProvidersSection settings={settings.data} onChanged={settings.reload} />
          <GeneralSection settings={settings.data} onSaved={settings.reload} />
          <OptOutSection optOut={settings.data.optOut} onSaved={settings.reload} />
          <PixSection settings={settings.data} onSaved={settings.reload} />
          <EventWebhooksSection />
          <ChatwootSection />
        </>
      ) : null}
    </section>
  );
}
