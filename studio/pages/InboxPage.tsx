import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { useSession } from '../api/session.ts';
import { useLocaleStore, useT } from '../i18n/index.ts';
import { errorText } from '../ui/error-text.ts';
import { Link, navigate } from '../ui/router.ts';
import { EmptyState, ErrorBanner, Loading } from '../ui/states.tsx';
import type { InboxFilter } from './inbox/handoff-filter.ts';
import { HandoffDetail } from './inbox/HandoffDetail.tsx';
import { HandoffList } from './inbox/HandoffList.tsx';
import { useNow } from './inbox/use-now.ts';
import { changesHandoffs, useLive } from './inbox/use-live.ts';
import { NotificationsButton } from './inbox/NotificationsButton.tsx';
import { PresenceControl } from './inbox/PresenceControl.tsx';
import { SupervisorPanel } from './inbox/SupervisorPanel.tsx';
import './inbox/inbox.css';

/**
 * The agent inbox: the queue of conversations flows handed to people (`/inbox`) and the one
 * being answered (`/inbox/:id`). Both follow the server's events, so new contacts and messages show up on their own.
 */
export function InboxPage({ selectedId }: { selectedId: string | null }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const userId = useSession((s) => s.session.user?.id ?? '');
  const role = useSession((s) => s.session.user?.role);
  const seesAll = role === 'admin' || role === 'supervisor';
  const list = useLive(() => api.listHandoffs().then((r) => r.handoffs), changesHandoffs);
  const [filter, setFilter] = useState<InboxFilter>('all');
  const now = useNow();
  const pageRef = useRef<HTMLElement>(null);
  const [resolvedId, setResolvedId] = useState<string | null>(null);

  // After a resolve, the conversation and the button that had the focus are gone: the focus
  // continues in the queue once the list no longer shows the resolved one.
  const handoffs = list.data;
  useEffect(() => {
    if (resolvedId === null || selectedId !== null || !handoffs || handoffs.some((h) => h.id === resolvedId)) return;
    setResolvedId(null);
    const page = pageRef.current;
    (
      page?.querySelector<HTMLElement>('[role="option"][tabindex="0"]') ?? page?.querySelector<HTMLElement>('h1')
    )?.focus();
  }, [resolvedId, selectedId, handoffs]);

  const updated = list.updatedAt
    ? t('inbox.updatedAt', { time: new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(list.updatedAt) })
    : null;

  return (
    // On a phone the queue and the conversation take turns (inbox.css), with a way back to the queue.
    <section ref={pageRef} className={selectedId ? 'inbox-page has-selection' : 'inbox-page'}>
      <header className="inbox-header">
        {selectedId ? (
          <Link to="/inbox" className="button small inbox-back">
            ← {t('inbox.backToList')}
          </Link>
        ) : null}
        <div className="inbox-heading">
          <h1 tabIndex={-1}>{t('inbox.title')}</h1>
          <p className="muted">{t('inbox.subtitle')}</p>
        </div>
        <div className="inbox-poll" data-testid="poll-status">
          {list.error && list.data ? <span className="inbox-stale">{t('inbox.stale')}</span> : null}
          {!list.error && updated ? (
            <span className="muted small">
              <span className="inbox-live" aria-hidden="true" />
              {updated}
            </span>
          ) : null}
          <button type="button" className="button small" onClick={() => void list.refresh()}>
            {t('inbox.refresh')}
          </button>
          <NotificationsButton />
          <PresenceControl />
        </div>
      </header>
      {seesAll && !selectedId ? <SupervisorPanel now={now} /> : null}
      <div className="inbox-layout">
        <div className="inbox-list-column">
          {list.data ? (
            <HandoffList
              handoffs={list.data}
              filter={filter}
              onFilter={setFilter}
              selectedId={selectedId}
              onSelect={(id) => navigate(`/inbox/${encodeURIComponent(id)}`, { replace: selectedId !== null })}
              userId={userId}
              now={now}
            />
          ) : list.error ? (
            <ErrorBanner message={errorText(list.error, t)} onRetry={() => void list.refresh()} />
          ) : (
            <Loading />
          )}
        </div>
        {selectedId ? (
          <HandoffDetail
            key={selectedId}
            id={selectedId}
            userId={userId}
            canReassign={seesAll}
            now={now}
            onChanged={() => void list.refresh()}
            onResolved={() => {
              setResolvedId(selectedId);
              navigate('/inbox');
              void list.refresh();
            }}
          />
        ) : (
          <div className="inbox-detail-empty">
            <EmptyState title={t('inbox.pick.title')}>
              <p className="muted">{t('inbox.pick.body')}</p>
            </EmptyState>
          </div>
        )}
      </div>
    </section>
  );
}
