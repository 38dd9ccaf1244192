import { useEffect, useId, useState } from 'react';
import { api, ApiError, type ConversationDetail } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { useT } from '../../i18n/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { Link } from '../../ui/router.ts';
import { EmptyState, ErrorBanner, Loading } from '../../ui/states.tsx';
import { showToast } from '../../ui/toast.tsx';
import { formatPhone } from '../inbox/phone.ts';
import { ReplyBox } from '../inbox/ReplyBox.tsx';
import '../inbox/inbox.css';
import { History } from './History.tsx';
import { SessionPanel } from './SessionPanel.tsx';
import { AiRunsPanel } from './AiRunsPanel.tsx';

interface ConversationViewProps {
  /** Remount (React `key`) for another conversation. */
  id: string;
  /** Bumped by the page when an event names this conversation: load it again. */
  version: number;
  /** Read, taken over or reset here: the list should catch up. */
  onChanged(): void;
}

export function ConversationView({ id, version, onChanged }: ConversationViewProps) {
  const t = useT();
  const titleId = useId();
  const [detail, setDetail] = useState<ConversationDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const [confirm, setConfirm] = useState<'none' | 'takeOver' | 'reset'>('none');
  // Bumped right after a takeover: the reply box takes the focus.
  const [focusRequest, setFocusRequest] = useState(0);
  const userId = useSession((s) => s.session.user?.id ?? null);

  useEffect(() => {
    let live = true;
    api.getConversation(id).then(
      async (data) => {
        if (!live) return;
        setDetail(data);
        setError(null);
        // Opened means read: the unread badge goes away here and in the list.
        if (data.conversation.unread > 0) {
          await api.markConversationRead(id).catch(() => undefined);
          onChanged();
        }
      },
      (err: unknown) => {
        if (live) setError(err);
      },
    );
    return () => {
      live = false;
    };
    // onChanged is the page's, a new function each render: it must not reload the conversation.
  }, [id, version, tick]);

  const reload = () => setTick((n) => n + 1);
  if (!detail) {
    if (error instanceof ApiError && error.code === 'claimed_by_other')
      return (
        <div className="conv-detail-empty">
          <EmptyState title={t('conv.heldByOther')} />
        </div>
      );
    if (error)
      return (
        <div className="conv-detail-empty">
          <ErrorBanner message={errorText(error, t)} onRetry={reload} />
        </div>
      );
    return (
      <div className="conv-detail-empty">
        <Loading />
      </div>
    );
  }

  const { conversation, messages, session } = detail;
  const name = conversation.contact.name || formatPhone(conversation.contact.phone ?? '');
  const canTakeOver = conversation.handoff === null || conversation.handoff.status === 'open';
  // Whoever holds the conversation answers it right here (the inbox's reply box and API).
  const mine =
    conversation.handoff?.status === 'claimed' && userId !== null && conversation.handoff.assignedUserId === userId
      ? conversation.handoff.id
      : null;
  return (
    <div className="conv-detail">
      <article className="conv-thread" aria-labelledby={titleId}>
        <header className="conv-thread-header">
          <Link to="/conversations" className="button small ghost conv-back">
            ← {t('conv.back')}
          </Link>
          <div className="conv-thread-title">
            <h2 id={titleId}>{name}</h2>
            <span className="muted small">
              {conversation.contact.phone ? formatPhone(conversation.contact.phone) : t('conv.noPhone')} ·{' '}
              {conversation.channel.name}
            </span>
            <span className={`pill conv-status ${conversation.status}`} data-testid="conv-status">
              {t(`conv.status.${conversation.status}`)}
            </span>
          </div>
          <div className="row-actions">
            {canTakeOver ? (
              <button type="button" className="button primary" onClick={() => setConfirm('takeOver')}>
                {t('conv.takeOver')}
              </button>
            ) : null}
            {conversation.handoff?.status === 'claimed' ? (
              <Link to={`/inbox/${encodeURIComponent(conversation.handoff.id)}`} className="button">
                {t('conv.openInbox')}
              </Link>
            ) : null}
            {conversation.status !== 'ended' ? (
              <button type="button" className="button danger-ghost" onClick={() => setConfirm('reset')}>
                {t('conv.reset')}
              </button>
            ) : null}
          </div>
        </header>
        {error ? <ErrorBanner message={errorText(error, t)} onRetry={reload} /> : null}
        <History messages={messages} contactName={name} />
        {mine ? (
          <ReplyBox
            handoffId={mine}
            contactName={conversation.contact.name}
            block={conversation.windowOpen ? null : 'windowClosed'}
            focusRequest={focusRequest}
            onChanged={() => {
              reload();
              onChanged();
            }}
          />
        ) : null}
      </article>
      <SessionPanel session={session}>
        <AiRunsPanel conversationId={id} version={version} />
      </SessionPanel>
      {confirm === 'takeOver' ? (
        <ConfirmDialog
          title={t('conv.takeOver.title')}
          message={t('conv.takeOver.body', { name })}
          confirmLabel={t('conv.takeOver')}
          onClose={() => setConfirm('none')}
          onConfirm={async () => {
            await api.takeOverConversation(id);
            // The reply box appears below the history (and the inbox has the conversation too).
            showToast(t('conv.takenOver'));
            setFocusRequest((n) => n + 1);
            reload();
            onChanged();
          }}
        />
      ) : null}
      {confirm === 'reset' ? (
        <ConfirmDialog
          title={t('conv.reset.title')}
          message={t('conv.reset.body', { name })}
          confirmLabel={t('conv.reset')}
          danger
          onClose={() => setConfirm('none')}
          onConfirm={async () => {
            await api.resetConversation(id);
            showToast(t('conv.resetDone'));
            reload();
            onChanged();
          }}
        />
      ) : null}
    </div>
  );
}
