import { useMemo, useState } from 'react';
import { diffFlows } from '../../shared/flow/diff.ts';
import { api } from '../api/client.ts';
import { FlowEditor } from '../editor/FlowEditor.tsx';
import type { DiffMark } from '../editor/state/types.ts';
import { useT } from '../i18n/index.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { errorText } from '../ui/error-text.ts';
import { Link, navigate } from '../ui/router.ts';
import { ErrorBanner, Loading } from '../ui/states.tsx';
import { showToast } from '../ui/toast.tsx';
import { useResource } from '../ui/use-resource.ts';
import { DiffList } from './flow-version/DiffList.tsx';

const ignore = () => undefined;

/**
 * One published version on the canvas, read-only, compared with the draft: blocks the draft
 * changed or removed are marked on the canvas and all differences listed. "Restaurar no
 * rascunho" copies it into the draft (the draft's revision guards against a save in between).
 */
export function FlowVersionPage({ flowId, version }: { flowId: string; version: number }) {
  const t = useT();
  const loaded = useResource(
    () =>
      Promise.all([api.getFlow(flowId), api.getVersion(flowId, version)]).then(([f, v]) => ({ flow: f.flow, ...v })),
    [flowId, version],
  );
  const [confirming, setConfirming] = useState(false);
  const diff = useMemo(
    () => (loaded.data ? diffFlows(loaded.data.graph, loaded.data.flow.draft) : null),
    [loaded.data],
  );
  const marks = useMemo(() => {
    if (!diff) return null;
    const out: Record<string, DiffMark> = {};
    for (const id of diff.changed) out[id] = 'changed';
    for (const id of diff.removed) out[id] = 'removed';
    return out;
  }, [diff]);

  const back = `/flows/${encodeURIComponent(flowId)}`;
  if (loaded.status === 'loading') return <Loading label={t('versions.page.loading')} />;
  if (loaded.status === 'error' || !diff) {
    return (
      <section className="page">
        <ErrorBanner message={loaded.error ? errorText(loaded.error, t) : ''} onRetry={loaded.reload} />
        <Link to={back} className="button">
          {t('versions.page.back')}
        </Link>
      </section>
    );
  }
  const { flow, graph } = loaded.data;
  return (
    <section className="flow-page version-page">
      <header className="version-bar">
        <Link to={back} className="button small">
          ← {t('versions.page.back')}
        </Link>
        <h1>{t('versions.page.title', { version, name: flow.name })}</h1>
        {loaded.data.version.current ? <span className="pill success">{t('versions.current')}</span> : null}
        <button type="button" className="button small primary" onClick={() => setConfirming(true)}>
          {t('versions.restore')}
        </button>
      </header>
      <p className="phone-note" role="note">
        {t('versions.page.readOnly')}
      </p>
      <div className="flow-body">
        <div className="flow-canvas-area">
          <FlowEditor initial={graph} onChange={ignore} readOnly marks={marks} />
        </div>
        <aside className="version-diff" aria-label={t('versions.diff.title')}>
          <DiffList diff={diff} version={graph} draft={flow.draft} />
        </aside>
      </div>
      {confirming ? (
        <ConfirmDialog
          title={t('versions.restoreTitle', { version })}
          message={t('versions.restoreBody', { version })}
          confirmLabel={t('versions.restore')}
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await api.restoreVersion(flowId, version, flow.revision);
            showToast(t('versions.restored', { version }));
            navigate(back);
          }}
        />
      ) : null}
    </section>
  );
}
