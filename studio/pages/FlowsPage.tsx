import { useMemo, useState } from 'react';
import { api, type FlowSummary, type TemplateSummary } from '../api/client.ts';
import { useLocaleStore, useT } from '../i18n/index.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { errorText } from '../ui/error-text.ts';
import { Link } from '../ui/router.ts';
import { EmptyState, ErrorBanner, Loading } from '../ui/states.tsx';
import { showToast } from '../ui/toast.tsx';
import { useResource } from '../ui/use-resource.ts';
import { CreateFlowDialog } from './flows/CreateFlowDialog.tsx';
import { downloadJson, slugify } from './flows/download.ts';
import { ImportFlowDialog } from './flows/ImportFlowDialog.tsx';
import { TemplateGallery } from './flows/TemplateGallery.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

type Open =
  | { kind: 'none' }
  | { kind: 'create'; template: TemplateSummary | null }
  | { kind: 'import' }
  | { kind: 'delete'; flow: FlowSummary };

function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function FlowsPage() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const flows = useResource(() => api.listFlows().then((r) => r.flows), []);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const close = () => setOpen({ kind: 'none' });

  const visible = useMemo(() => {
    if (flows.status !== 'ready') return [];
    const q = normalize(query.trim());
    return flows.data.filter((f) => !q || normalize(f.name).includes(q) || normalize(f.description).includes(q));
  }, [flows, query]);

  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });

  const exportFlow = async (flow: FlowSummary) => {
    try {
      downloadJson(`${slugify(flow.name)}.flow.json`, await api.exportFlow(flow.id));
    } catch (err) {
      showToast(errorText(err, t), 'error');
    }
  };

  const duplicate = async (flow: FlowSummary) => {
    try {
      const { flow: original } = await api.getFlow(flow.id);
      const name = t('flows.copyName', { name: original.name }).slice(0, 120);
      await api.createFlow({ name, flow: { ...original.draft, name } });
      showToast(t('flows.duplicated', { name }));
      flows.reload();
    } catch (err) {
      showToast(errorText(err, t), 'error');
    }
  };

  return (
    <section className="page">
      <PageHeader
        title={t('flows.title')}
        subtitle={t('flows.subtitle')}
        actions={
          <>
            <button type="button" className="button" onClick={() => setOpen({ kind: 'import' })}>
              {t('flows.import')}
            </button>
            <button
              type="button"
              className="button primary"
              onClick={() => setOpen({ kind: 'create', template: null })}
            >
              {t('flows.new')}
            </button>
          </>
        }
      />

      {flows.status === 'loading' ? <Loading /> : null}
      {flows.status === 'error' ? <ErrorBanner message={errorText(flows.error, t)} onRetry={flows.reload} /> : null}

      {flows.status === 'ready' && flows.data.length === 0 ? (
        <EmptyState title={t('flows.empty.title')}>
          <p className="muted">{t('flows.empty.body')}</p>
          <TemplateGallery onSelect={(template) => setOpen({ kind: 'create', template })} />
          <button type="button" className="button" onClick={() => setOpen({ kind: 'create', template: null })}>
            {t('flows.empty.blank')}
          </button>
        </EmptyState>
      ) : null}

      {flows.status === 'ready' && flows.data.length > 0 ? (
        <>
          <label className="search">
            <span className="visually-hidden">{t('flows.search')}</span>
            <input
              type="search"
              placeholder={t('flows.search')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </label>
          {visible.length === 0 ? <p className="muted">{t('flows.noMatch', { query })}</p> : null}
          <ul className="card-list" aria-label={t('flows.title')}>
            {visible.map((flow) => (
              <li key={flow.id} className="flow-row" data-testid="flow-row">
                <div className="flow-row-main">
                  <Link to={`/flows/${encodeURIComponent(flow.id)}`} className="flow-name">
                    {flow.name}
                  </Link>
                  {flow.description ? <p className="muted small clamp">{flow.description}</p> : null}
                  <p className="meta">
                    {flow.publishedVersion === null ? (
                      <span className="pill">{t('flows.draftOnly')}</span>
                    ) : (
                      <span className="pill success">{t('flows.published', { version: flow.publishedVersion })}</span>
                    )}
                    <span>{t('flows.nodeCount', { count: flow.nodeCount })}</span>
                    <span>{t('flows.updatedAt', { when: dateFormat.format(new Date(flow.updatedAt)) })}</span>
                  </p>
                </div>
                <div className="row-actions">
                  <button
                    type="button"
                    className="button small"
                    aria-label={t('flows.exportOf', { name: flow.name })}
                    onClick={() => exportFlow(flow)}
                  >
                    {t('flows.export')}
                  </button>
                  <button
                    type="button"
                    className="button small"
                    aria-label={t('flows.duplicateOf', { name: flow.name })}
                    onClick={() => duplicate(flow)}
                  >
                    {t('flows.duplicate')}
                  </button>
                  <button
                    type="button"
                    className="button small danger-ghost"
                    aria-label={t('flows.deleteOf', { name: flow.name })}
                    onClick={() => setOpen({ kind: 'delete', flow })}
                  >
                    {t('common.delete')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {open.kind === 'create' ? <CreateFlowDialog initialTemplate={open.template} onClose={close} /> : null}
      {open.kind === 'import' ? <ImportFlowDialog onClose={close} /> : null}
      {open.kind === 'delete' ? (
        <ConfirmDialog
          title={t('flows.delete.title')}
          message={t('flows.delete.body', { name: open.flow.name })}
          confirmLabel={t('common.delete')}
          danger
          onClose={close}
          onConfirm={async () => {
            await api.deleteFlow(open.flow.id);
            showToast(t('flows.deleted', { name: open.flow.name }));
            flows.reload();
          }}
        />
      ) : null}
    </section>
  );
}
