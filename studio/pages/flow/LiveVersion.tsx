import { useEffect, useMemo, useState } from 'react';
import { changedBlockCount, diffFlows } from '../../../shared/flow/diff.ts';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import { useResource } from '../../ui/use-resource.ts';
import type { DraftFeed } from './draft-feed.ts';

/** Edits come in bursts (typing): compare once they pause. */
const settleMs = 400;

/** Which version conversations run, and whether the draft on screen differs from it. */
export function LiveVersion({ flowId, live, feed }: { flowId: string; live: number | null; feed: DraftFeed }) {
  const t = useT();
  const published = useResource(
    () => (live === null ? Promise.resolve(null) : api.getVersion(flowId, live).then((r) => r.graph)),
    [flowId, live],
  );
  const [draft, setDraft] = useState(feed.get);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = feed.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(() => setDraft(feed.get()), settleMs);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [feed]);
  const diff = useMemo(() => (published.data ? diffFlows(published.data, draft) : null), [published.data, draft]);

  if (live === null)
    return (
      <span className="live-version muted" data-testid="live-version">
        {t('live.none')}
      </span>
    );
  const count = diff ? changedBlockCount(diff) : 0;
  const differs = diff !== null && (count > 0 || diff.flowChanged);
  return (
    <span
      className={differs ? 'live-version differs' : 'live-version'}
      data-testid="live-version"
      title={differs ? t('live.differsTitle', { count }) : undefined}
    >
      <span className="live-dot" aria-hidden="true" />
      {t('live.version', { version: live })}
      {diff ? <span className="small"> · {differs ? t('live.differs', { count }) : t('live.same')}</span> : null}
    </span>
  );
}
