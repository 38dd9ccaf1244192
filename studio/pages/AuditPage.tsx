import { useEffect, useState } from 'react';
import type { AuditEntry, AuditResponse } from '../../shared/api/audit.ts';
import { dashboardApi, type AuditFilter } from '../api/dashboard.ts';
import { useT } from '../i18n/index.ts';
import { errorText } from '../ui/error-text.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { EmptyState, ErrorBanner, Loading } from '../ui/states.tsx';
import './dashboard/dashboard.css';

const noFilter: AuditFilter = { actor: '', action: '', from: '', to: '' };

type Page =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | {
      status: 'ready';
      entries: AuditEntry[];
      nextCursor: string | null;
      options: Pick<AuditResponse, 'actors' | 'actions'>;
    };

/** Auditoria: who did what and when, filterable by person, action and period, and exportable as CSV. */
export function AuditPage() {
  const t = useT();
  const [filter, setFilter] = useState<AuditFilter>(noFilter);
  const [page, setPage] = useState<Page>({ status: 'loading' });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    setPage({ status: 'loading' });
    dashboardApi.audit(filter, null).then(
      (r) =>
        live &&
        setPage({
          status: 'ready',
          entries: r.entries,
          nextCursor: r.nextCursor,
          options: { actors: r.actors, actions: r.actions },
        }),
      (error: unknown) => live && setPage({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [filter, tick]);

  const more = async () => {
    if (page.status !== 'ready' || !page.nextCursor) return;
    try {
      const r = await dashboardApi.audit(filter, page.nextCursor);
      setPage({ ...page, entries: [...page.entries, ...r.entries], nextCursor: r.nextCursor });
    } catch (error) {
      setPage({ status: 'error', error });
    }
  };
  const options = page.status === 'ready' ? page.options : { actors: [], actions: [] };
  const set = (change: Partial<AuditFilter>) => setFilter({ ...filter, ...change });

  return (
    <section className="page audit-page">
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={
          <a className="button" href={dashboardApi.auditExportUrl(filter)} download>
            {t('audit.export')}
          </a>
        }
      />
      <div className="dash-filters">
        <label>
          <span>{t('audit.person')}</span>
          <select value={filter.actor} onChange={(e) => set({ actor: e.target.value })} data-testid="audit-person">
            <option value="">{t('audit.everyone')}</option>
            {options.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('audit.action')}</span>
          <select value={filter.action} onChange={(e) => set({ action: e.target.value })} data-testid="audit-action">
            <option value="">{t('audit.allActions')}</option>
            {options.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('audit.from')}</span>
          <input type="date" value={filter.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label>
          <span>{t('audit.to')}</span>
          <input type="date" value={filter.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        <button type="button" className="button" onClick={() => setFilter(noFilter)}>
          {t('audit.clear')}
        </button>
      </div>
      {page.status === 'loading' ? <Loading /> : null}
      {page.status === 'error' ? (
        <ErrorBanner message={errorText(page.error, t)} onRetry={() => setTick((n) => n + 1)} />
      ) : null}
      {page.status === 'ready' && page.entries.length === 0 ? <EmptyState title={t('audit.empty')} /> : null}
      {page.status === 'ready' && page.entries.length > 0 ? (
        <div className="audit-list">
          <table className="table audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td data-label={t('audit.when')}>{new Date(e.createdAt).toLocaleString()}</td>
                  <td data-label={t('audit.who')}>
                    {e.actorName ?? (e.actorKind === 'system' ? t('audit.system') : e.actorId)}
                  </td>
                  <td data-label={t('audit.what')}>
                    <code>{e.action}</code>
                  </td>
                  <td data-label={t('audit.target')}>
                    {e.targetType}
                    {e.targetId ? ` ${e.targetId.slice(0, 8)}` : ''}
                  </td>
                  <td data-label={t('audit.details')} className="audit-details">
                    {Object.keys(e.details).length ? JSON.stringify(e.details) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.nextCursor ? (
            <button type="button" className="button" onClick={more}>
              {t('audit.more')}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
