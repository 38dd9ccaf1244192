import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MessageTemplateView, SyncTemplatesResult } from '../../shared/api/message-templates.ts';
import { messageTemplatesApi } from '../api/message-templates.ts';
import { useT } from '../i18n/index.ts';
import { errorText } from '../ui/error-text.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { EmptyState, ErrorBanner, Loading } from '../ui/states.tsx';
import { showToast } from '../ui/toast.tsx';
import { TemplateForm } from './templates/TemplateForm.tsx';
import { TemplatePreview } from './templates/TemplatePreview.tsx';
import './templates/templates.css';

type State =
  { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; templates: MessageTemplateView[] };

/** Modelos: Meta's approved (and pending, paused...) templates of each number, synced on demand. */
export function TemplatesPage() {
  const t = useT();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [syncing, setSyncing] = useState(false);
  const [result, setResult] = useState<SyncTemplatesResult | null>(null);
  const [syncError, setSyncError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', templates: (await messageTemplatesApi.list()).templates });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const sync = async () => {
    setSyncing(true);
    setSyncError(null);
    try {
      setResult(await messageTemplatesApi.sync());
      await load();
    } catch (error) {
      setSyncError(error);
    } finally {
      setSyncing(false);
    }
  };

  const byChannel = useMemo(() => {
    const groups = new Map<string, { name: string; templates: MessageTemplateView[] }>();
    if (state.status !== 'ready') return [];
    for (const tpl of state.templates) {
      const group = groups.get(tpl.channelId) ?? { name: tpl.channelName, templates: [] };
      group.templates.push(tpl);
      groups.set(tpl.channelId, group);
    }
    return [...groups.entries()];
  }, [state]);

  const failures = result?.channels.filter((c) => c.error) ?? [];
  return (
    <section className="page templates-page">
      <PageHeader
        title={t('templates.title')}
        subtitle={t('templates.subtitle')}
        actions={
          <>
            <button type="button" className="button" onClick={() => setCreating(true)}>
              {t('tplCreate.open')}
            </button>
            <button type="button" className="primary" onClick={() => void sync()} disabled={syncing}>
              {syncing ? t('templates.syncing') : t('templates.sync')}
            </button>
          </>
        }
      />
      {creating ? (
        <TemplateForm
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            showToast(t('tplCreate.created', { name: created.name }));
            void load();
          }}
        />
      ) : null}
      {syncError ? <ErrorBanner message={errorText(syncError, t)} /> : null}
      {result && failures.length === 0 ? (
        <p className="muted" data-testid="templates-sync-result" role="status">
          {t('templates.synced', { count: result.channels.reduce((n, c) => n + (c.synced ?? 0), 0) })}
        </p>
      ) : null}
      {failures.map((f) => (
        <ErrorBanner key={f.channelId} message={t('templates.syncFailed', { error: f.error ?? '' })} />
      ))}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorBanner message={errorText(state.error, t)} onRetry={() => void load()} />}
      {state.status === 'ready' && state.templates.length === 0 && (
        <EmptyState title={t('templates.empty')}>{t('templates.emptyHint')}</EmptyState>
      )}
      {byChannel.map(([channelId, group]) => (
        <section key={channelId} className="tpl-channel" data-testid="templates-channel">
          <h2>{group.name}</h2>
          <ul className="tpl-list">
            {group.templates.map((tpl) => (
              <li key={tpl.id} className="tpl-card" data-testid="template-card">
                <header className="tpl-card-head">
                  <strong className="tpl-name">{tpl.name}</strong>
                  <span className="muted">{tpl.language}</span>
                </header>
                <p className="tpl-tags">
                  <span className={`tpl-status tpl-status--${tpl.status.toLowerCase()}`} data-testid="template-status">
                    {statusLabel(tpl.status, t)}
                  </span>
                  <span className="tpl-tag">{categoryLabel(tpl.category, t)}</span>
                  {tpl.quality ? (
                    <span
                      className={`tpl-quality tpl-quality--${tpl.quality.toLowerCase()}`}
                      data-testid="template-quality"
                    >
                      {t('templates.quality', { quality: qualityLabel(tpl.quality, t) })}
                    </span>
                  ) : null}
                </p>
                {tpl.rejectedReason && tpl.status === 'REJECTED' ? (
                  <p className="form-error small">{t('templates.rejected', { reason: tpl.rejectedReason })}</p>
                ) : null}
                <TemplatePreview template={tpl} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

type T = ReturnType<typeof useT>;

const statusKeys = {
  APPROVED: 'templates.status.approved',
  PENDING: 'templates.status.pending',
  REJECTED: 'templates.status.rejected',
  PAUSED: 'templates.status.paused',
  DISABLED: 'templates.status.disabled',
} as const;
function statusLabel(status: string, t: T): string {
  return status in statusKeys ? t(statusKeys[status as keyof typeof statusKeys]) : status;
}

const categoryKeys = {
  UTILITY: 'templates.category.utility',
  MARKETING: 'templates.category.marketing',
  AUTHENTICATION: 'templates.category.authentication',
} as const;
function categoryLabel(category: string, t: T): string {
  return category in categoryKeys ? t(categoryKeys[category as keyof typeof categoryKeys]) : category;
}

const qualityKeys = {
  GREEN: 'templates.quality.green',
  YELLOW: 'templates.quality.yellow',
  RED: 'templates.quality.red',
  UNKNOWN: 'templates.quality.unknown',
} as const;
function qualityLabel(quality: string, t: T): string {
  return quality in qualityKeys ? t(qualityKeys[quality as keyof typeof qualityKeys]) : quality;
}
