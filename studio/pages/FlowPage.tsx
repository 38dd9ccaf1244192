import { useCallback, useState } from 'react';
import type { FlowDocument } from '../../shared/flow/schema.ts';
import { api, ApiError, type FlowDetail, type Problem } from '../api/client.ts';
import { FlowEditor } from '../editor/FlowEditor.tsx';
import { loadPanels } from '../editor/opening/use-panels.ts';
import { useT } from '../i18n/index.ts';
import { SimulatorPanel } from '../simulator/SimulatorPanel.tsx';
import { errorText } from '../ui/error-text.ts';
import { Link, navigate } from '../ui/router.ts';
import { ErrorBanner, Loading } from '../ui/states.tsx';
import { showToast } from '../ui/toast.tsx';
import { useResource } from '../ui/use-resource.ts';
import { phoneQuery, useMediaQuery } from '../ui/use-media-query.ts';
import { AnalyticsControls } from './flow/AnalyticsControls.tsx';
import { useAnalyticsOverlay } from './flow/analytics-overlay.ts';
import { ConflictDialog } from './flow/ConflictDialog.tsx';
import { createDraftFeed } from './flow/draft-feed.ts';
import { LiveVersion } from './flow/LiveVersion.tsx';
import { downloadJson, slugify } from './flows/download.ts';
import { PublishDialog } from './flow/PublishDialog.tsx';
import { SaveStatus } from './flow/SaveStatus.tsx';
import { useDraftSaver } from './flow/use-draft-saver.ts';
import { VersionsPanel } from './flow/VersionsPanel.tsx';

export function FlowPage({ flowId }: { flowId: string }) {
  const t = useT();
  const flow = useResource(() => {
    // The editor's panels load while the flow is on its way; a failure shows when the editor
    // asks for them again.
    loadPanels().catch(() => undefined);
    return api.getFlow(flowId).then((r) => r.flow);
  }, [flowId]);
  if (flow.status === 'loading') return <Loading label={t('flow.loading')} />;
  if (flow.status === 'error') {
    return (
      <section className="page">
        <ErrorBanner message={errorText(flow.error, t)} onRetry={flow.reload} />
        <Link to="/flows" className="button">
          {t('flow.back')}
        </Link>
      </section>
    );
  }
  return <LoadedFlow initial={flow.data} />;
}

type Panel = 'none' | 'simulator' | 'versions';

function LoadedFlow({ initial }: { initial: FlowDetail }) {
  const t = useT();
  const { saver, state } = useDraftSaver(initial);
  // Real conversations per block, drawn on the canvas once the flow has been published; not
  // even asked for while the overlay is hidden.
  const [overlay, setOverlay] = useAnalyticsOverlay();
  const analytics = useResource(
    () =>
      initial.publishedVersion && overlay.visible
        ? api.flowAnalytics(initial.id, overlay.days).then((r) => r.nodes)
        : Promise.resolve({}),
    [initial.id, overlay.visible, overlay.days],
  );
  // Lets the editor warn about blocks this installation cannot run (no products, no AI); without it, no such warnings.
  const environment = useResource(() => api.flowEnvironment(initial.id).then((r) => r.environment), [initial.id]);
  const [name, setName] = useState(initial.draft.name);
  // The simulator offers the draft's variables as campaign test values.
  const [variables, setVariables] = useState(initial.draft.variables);
  // Remounting the editor with a new key is how a reload from the server reaches the canvas.
  const [editor, setEditor] = useState({ key: 0, draft: initial.draft });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [panel, setPanel] = useState<Panel>('none');
  const [highlight, setHighlight] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [versionsKey, setVersionsKey] = useState(0);
  // Dragging blocks with a finger on a phone-sized canvas goes wrong more often than right: there it is for looking and testing.
  const phone = useMediaQuery(phoneQuery);
  const [live, setLive] = useState(initial.publishedVersion);
  const [draftFeed] = useState(() => createDraftFeed(initial.draft));

  const onChange = useCallback(
    (draft: FlowDocument) => {
      setName(draft.name);
      setVariables((current) =>
        JSON.stringify(current) === JSON.stringify(draft.variables) ? current : draft.variables,
      );
      saver.change(draft);
      draftFeed.set(draft);
    },
    [saver, draftFeed],
  );
  const flush = useCallback(() => saver.flush(), [saver]);
  const togglePanel = (next: Panel) => setPanel((current) => (current === next ? 'none' : next));

  const reload = async () => {
    const { flow } = await api.getFlow(initial.id);
    saver.reset(flow.revision, flow.draft);
    draftFeed.set(flow.draft);
    setName(flow.draft.name);
    setVariables(flow.draft.variables);
    setEditor((e) => ({ key: e.key + 1, draft: flow.draft }));
  };
  const overwrite = async () => {
    const conflict = state.error instanceof ApiError ? state.error.details : null;
    const known =
      typeof conflict === 'object' &&
      conflict !== null &&
      'revision' in conflict &&
      typeof conflict.revision === 'number'
        ? conflict.revision
        : (await api.getFlow(initial.id)).flow.revision;
    await saver.overwrite(known);
  };
  const exportFlow = async () => {
    try {
      if (!(await saver.flush())) throw new Error('unsaved');
      downloadJson(`${slugify(name)}.flow.json`, await api.exportFlow(initial.id));
    } catch (err) {
      showToast(err instanceof ApiError ? errorText(err, t) : t('flow.export.unsaved'), 'error');
    }
  };

  const errors = problems.filter((p) => p.severity === 'error').length;
  const blockedReason = errors > 0 ? t('flow.publish.blocked', { count: errors }) : null;

  // The editor's toolbar already shows the flow's name; the page adds its actions at its end.
  const actions = (
    <div className="flow-actions">
      <LiveVersion flowId={initial.id} live={live} feed={draftFeed} />
      <SaveStatus status={state.status} onRetry={() => void saver.flush()} />
      {initial.publishedVersion ? <AnalyticsControls overlay={overlay} onChange={setOverlay} /> : null}
      <button
        type="button"
        className={panel === 'simulator' ? 'button small active' : 'button small'}
        aria-pressed={panel === 'simulator'}
        onClick={() => togglePanel('simulator')}
        data-testid="open-simulator"
      >
        ▶ {t('flow.simulate')}
      </button>
      <button
        type="button"
        className={panel === 'versions' ? 'button small active' : 'button small'}
        aria-pressed={panel === 'versions'}
        onClick={() => togglePanel('versions')}
        data-testid="open-versions"
      >
        {t('flow.versions')}
      </button>
      <button type="button" className="button small" onClick={exportFlow}>
        {t('flows.export')}
      </button>
      <span className="tooltip-anchor">
        <button
          type="button"
          className="button small primary"
          data-testid="publish-button"
          aria-disabled={blockedReason !== null}
          aria-describedby={blockedReason ? 'publish-blocked' : undefined}
          title={blockedReason ?? undefined}
          onClick={() => blockedReason === null && setPublishing(true)}
        >
          {t('flow.publish')}
        </button>
        {blockedReason ? (
          <span id="publish-blocked" role="tooltip" className="tooltip">
            {blockedReason}
          </span>
        ) : null}
      </span>
    </div>
  );

  return (
    <section className="flow-page">
      {phone ? (
        <p className="phone-note" role="note" data-testid="phone-note">
          {t('editor.phoneNote')}
        </p>
      ) : null}
      <div className="flow-body">
        <div className="flow-canvas-area">
          <FlowEditor
            key={editor.key}
            initial={editor.draft}
            onChange={onChange}
            onProblems={setProblems}
            highlightNodeId={panel === 'simulator' ? highlight : null}
            readOnly={phone}
            analytics={
              overlay.visible && analytics.status === 'ready' && Object.keys(analytics.data).length
                ? analytics.data
                : null
            }
            toolbarEnd={actions}
            environment={environment.status === 'ready' ? environment.data : null}
          />
        </div>
        {panel === 'simulator' ? (
          <SimulatorPanel
            flowId={initial.id}
            variables={variables}
            beforeRun={flush}
            onNodeChange={setHighlight}
            onClose={() => setPanel('none')}
          />
        ) : null}
        {panel === 'versions' ? (
          <VersionsPanel
            flowId={initial.id}
            refreshKey={versionsKey}
            onClose={() => setPanel('none')}
            onRepublished={setLive}
            onView={async (version) => {
              // The comparison there is with the saved draft: save what is on screen first.
              await saver.flush();
              navigate(`/flows/${encodeURIComponent(initial.id)}/versions/${version}`);
            }}
          />
        ) : null}
      </div>
      {publishing ? (
        <PublishDialog
          flowId={initial.id}
          beforePublish={flush}
          onClose={() => setPublishing(false)}
          onPublished={(version) => {
            showToast(t('flow.publish.done', { version: version.version }));
            setVersionsKey((k) => k + 1);
            setLive(version.version);
          }}
        />
      ) : null}
      {state.status === 'conflict' ? <ConflictDialog onReload={reload} onOverwrite={overwrite} /> : null}
    </section>
  );
}
