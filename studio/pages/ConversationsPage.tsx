import { useCallback, useEffect, useRef, useState } from 'react';
import { conversationStatuses, type ConversationStatus } from '../../shared/api/conversations.ts';
import { api, type ConversationSummary } from '../api/client.ts';
import { useStudioEvents } from '../api/events.ts';
import { useT } from '../i18n/index.ts';
import { errorText } from '../ui/error-text.ts';
import { navigate } from '../ui/router.ts';
import { EmptyState, ErrorBanner, Loading } from '../ui/states.tsx';
import { ConversationList } from './conversations/ConversationList.tsx';
import { ConversationView } from './conversations/ConversationView.tsx';
import './conversations/conversations.css';

/** Events come in bursts (a message, its reply, its statuses): one refetch per burst. */
const refetchDelayMs = 250;

interface ListState {
  conversations: ConversationSummary[];
  nextCursor: string | null;
}

/**
 * Every conversation (`/conversations`) and one of them (`/conversations/:id`): side by side on
 * a desktop, one at a time on a phone. Live: server-sent events say which conversation changed.
 */
export function ConversationsPage({ selectedId }: { selectedId: string | null }) {
  const t = useT();
  const [status, setStatus] = useState<ConversationStatus | ''>('');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [list, setList] = useState<ListState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const seq = useRef(0);

  // Asks for as many conversations as are shown, so a refetch keeps the pages loaded so far.
  const shown = list?.conversations.length ?? 0;
  const load = useCallback(
    async (limit: number) => {
      const mine = (seq.current += 1);
      try {
        const page = await api.listConversations({
          status: status || undefined,
          q: q || undefined,
          limit: Math.min(200, Math.max(50, limit)),
        });
        if (mine === seq.current) {
          setList(page);
          setError(null);
        }
      } catch (err) {
        if (mine === seq.current) setError(err);
      }
    },
    [status, q],
  );
  const shownRef = useRef(shown);
  shownRef.current = shown;
  const refresh = useCallback(() => void load(shownRef.current), [load]);

  useEffect(() => {
    void load(0);
  }, [load]);
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const selectedRef = useRef(selectedId);
  selectedRef.current = selectedId;
  const touched = useRef(false);
  useStudioEvents(
    (event) => {
      if (event.type === 'campaign.progress') return;
      if (event.conversationId && event.conversationId === selectedRef.current) touched.current = true;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        refresh();
        if (touched.current) setVersion((n) => n + 1);
        touched.current = false;
      }, refetchDelayMs);
    },
    () => {
      refresh();
      setVersion((n) => n + 1);
    },
  );

  const loadMore = async () => {
    if (!list?.nextCursor) return;
    try {
      const page = await api.listConversations({
        status: status || undefined,
        q: q || undefined,
        cursor: list.nextCursor,
      });
      setList({ conversations: [...list.conversations, ...page.conversations], nextCursor: page.nextCursor });
    } catch (err) {
      setError(err);
    }
  };

  const filtered = status !== '' || q !== '';
  return (
    <section className={selectedId ? 'conv-page has-selection' : 'conv-page'}>
      <header className="conv-header">
        <div>
          <h1>{t('conv.title')}</h1>
          <p className="muted">{t('conv.subtitle')}</p>
        </div>
      </header>
      <div className="conv-layout">
        <div className="conv-list-column">
          <div className="conv-filters">
            <input
              type="search"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              placeholder={t('conv.search')}
              aria-label={t('conv.search')}
            />
            <select
              value={status}
              onChange={(e) => setStatus(e.target.value as ConversationStatus | '')}
              aria-label={t('conv.filter.status')}
            >
              <option value="">{t('conv.status.all')}</option>
              {conversationStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`conv.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          {error && !list ? <ErrorBanner message={errorText(error, t)} onRetry={refresh} /> : null}
          {!list && !error ? <Loading /> : null}
          {list && list.conversations.length === 0 ? (
            filtered ? (
              <p className="muted conv-note">{t('conv.emptyFilter')}</p>
            ) : (
              <EmptyState title={t('conv.empty.title')}>
                <p className="muted">{t('conv.empty.body')}</p>
              </EmptyState>
            )
          ) : null}
          {list && list.conversations.length > 0 ? (
            <ConversationList
              conversations={list.conversations}
              selectedId={selectedId}
              onSelect={(id) => navigate(`/conversations/${encodeURIComponent(id)}`, { replace: selectedId !== null })}
            />
          ) : null}
          {list?.nextCursor ? (
            <button type="button" className="button small conv-more" onClick={() => void loadMore()}>
              {t('conv.loadMore')}
            </button>
          ) : null}
        </div>
        {selectedId ? (
          <ConversationView key={selectedId} id={selectedId} version={version} onChanged={refresh} />
        ) : (
          <div className="conv-detail-empty conv-pick">
            <EmptyState title={t('conv.pick.title')}>
              <p className="muted">{t('conv.pick.body')}</p>
            </EmptyState>
          </div>
        )}
      </div>
    </section>
  );
}
