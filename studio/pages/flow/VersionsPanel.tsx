import { useEffect, useRef, useState } from 'react';
import { api, type FlowVersion } from '../../api/client.ts';
import { useLocaleStore, useT } from '../../i18n/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { Link } from '../../ui/router.ts';
import { ErrorBanner, Loading } from '../../ui/states.tsx';
import { showToast } from '../../ui/toast.tsx';
import { usePanelFocus } from '../../ui/use-panel-focus.ts';
import { useResource } from '../../ui/use-resource.ts';

interface VersionsPanelProps {
  flowId: string;
  /** Changes when a version is published elsewhere on the page, to reload the list. */
  refreshKey: number;
  onClose(): void;
  /** Opens a version read-only (after the draft is saved, so the comparison is with what is on screen). */
  onView(version: number): void;
  /** A version was made current again. */
  onRepublished?(version: number): void;
}

/** Published versions, newest first; any of them can become current again. */
export function VersionsPanel({ flowId, refreshKey, onClose, onView, onRepublished }: VersionsPanelProps) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const versions = useResource(
    () => api.listVersions(flowId).then((r) => [...r.versions].sort((a, b) => b.version - a.version)),
    [flowId, refreshKey],
  );
  const [confirm, setConfirm] = useState<FlowVersion | null>(null);
  const title = usePanelFocus<HTMLHeadingElement>();
  // The button that opened a rollback goes away with the reload: keep the focus in the panel.
  const refocus = useRef(false);
  useEffect(() => {
    if (versions.data === null || !refocus.current) return;
    refocus.current = false;
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) title.current?.focus();
  }, [versions.data, title]);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <aside className="side-panel versions" aria-label={t('versions.title')} data-testid="versions-panel">
      <header className="side-panel-header">
        <h2 ref={title} tabIndex={-1}>
          {t('versions.title')}
        </h2>
        <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="side-panel-body">
        {versions.status === 'loading' ? <Loading /> : null}
        {versions.status === 'error' ? (
          <ErrorBanner message={errorText(versions.error, t)} onRetry={versions.reload} />
        ) : null}
        {versions.status === 'ready' && versions.data.length === 0 ? (
          <div className="empty-state small">
            <p>{t('versions.empty')}</p>
          </div>
        ) : null}
        {versions.status === 'ready' && versions.data.length > 0 ? (
          <ol className="version-list">
            {versions.data.map((v) => (
              <li
                key={v.id}
                className={v.current ? 'version current' : 'version'}
                data-testid="version-row"
                data-version={v.version}
              >
                <div className="version-head">
                  <strong>{t('versions.number', { version: v.version })}</strong>
                  {v.current ? (
                    <span className="pill success" data-testid="version-current">
                      {t('versions.current')}
                    </span>
                  ) : null}
                </div>
                <p className="small muted">
                  {dateFormat.format(new Date(v.createdAt))}
                  {v.author ? ` · ${v.author.name || v.author.email}` : ''}
                </p>
                {v.note ? <p className="version-note">{v.note}</p> : null}
                <p className="small muted">{t('versions.counts', { nodes: v.nodeCount, edges: v.edgeCount })}</p>
                <div className="row-actions">
                  <Link
                    to={`/flows/${encodeURIComponent(flowId)}/versions/${v.version}`}
                    className="button small"
                    aria-label={t('versions.viewOf', { version: v.version })}
                    onClick={(event) => {
                      event.preventDefault();
                      onView(v.version);
                    }}
                  >
                    {t('versions.view')}
                  </Link>
                  {v.current ? null : (
                    <button
                      type="button"
                      className="button small"
                      onClick={() => setConfirm(v)}
                      aria-label={t('versions.republishOf', { version: v.version })}
                    >
                      {t('versions.republish')}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ol>
        ) : null}
      </div>
      {confirm ? (
        <ConfirmDialog
          title={t('versions.confirmTitle', { version: confirm.version })}
          message={t('versions.confirmBody', { version: confirm.version })}
          confirmLabel={t('versions.republish')}
          onClose={() => setConfirm(null)}
          onConfirm={async () => {
            await api.republishVersion(flowId, confirm.version);
            showToast(t('versions.republished', { version: confirm.version }));
            onRepublished?.(confirm.version);
            refocus.current = true;
            versions.reload();
          }}
        />
      ) : null}
    </aside>
  );
}
