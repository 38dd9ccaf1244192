import { useEffect, useId, useRef, useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { EmptyState, ErrorBanner, Loading } from '../../ui/states.tsx';
import { showToast } from '../../ui/toast.tsx';
import { ContextPanel } from './ContextPanel.tsx';
import { Conversation } from './Conversation.tsx';
import { HandoffActions } from './HandoffActions.tsx';
import { formatPhone } from './phone.ts';
import { ReplyBox } from './ReplyBox.tsx';
import { holderOf, replyBlock } from './reply-state.ts';
import { useInboxUnread } from './inbox-alerts.ts';
import { useLive } from './use-live.ts';

interface HandoffDetailProps {
  /** Remount (React `key`) to show another handoff. */
  id: string;
  userId: string;
  /** Admins may take a conversation someone else holds (the API reassigns it); agents may not. */
  canReassign: boolean;
  now: Date;
  /** The handoff changed (claimed): the list should catch up. */
  onChanged(): void;
  /** Resolved here: it leaves the inbox. */
  onResolved(): void;
}

export function HandoffDetail({ id, userId, canReassign, now, onChanged, onResolved }: HandoffDetailProps) {
  const t = useT();
  const titleId = useId();
  const contactId = useRef<string | null>(null);
  const detail = useLive(
    () => api.getHandoff(id),
    (e) => e.handoffId === id || (e.conversationId !== undefined && e.conversationId === contactId.current),
  );
  contactId.current = detail.data?.handoff.contact.id ?? null;
  useEffect(() => useInboxUnread.getState().markRead(id), [id, detail.data]);
  const [confirm, setConfirm] = useState<'none' | 'takeOver' | 'resolve'>('none');
  const [claiming, setClaiming] = useState(false);
  // Bumped after a claim: the reply box takes the focus once replying is possible.
  const [focusRequest, setFocusRequest] = useState(0);

  // Another agent claimed it, maybe while this one was open: an agent sees only the queue and
  // their own conversations, so what was shown is no longer theirs to read.
  if (
    detail.error instanceof ApiError &&
    (detail.error.code === 'claimed_by_other' || detail.error.code === 'other_team')
  ) {
    return (
      <div className="inbox-detail-empty">
        <EmptyState title={t('inbox.claimedByOther')} />
      </div>
    );
  }
  if (!detail.data) {
    if (detail.error instanceof ApiError && detail.error.status === 404) {
      return (
        <div className="inbox-detail-empty">
          <EmptyState title={errorText(detail.error, t)} />
        </div>
      );
    }
    if (detail.error)
      return (
        <div className="inbox-detail-empty">
          <ErrorBanner message={errorText(detail.error, t)} onRetry={() => void detail.refresh()} />
        </div>
      );
    return (
      <div className="inbox-detail-empty">
        <Loading />
      </div>
    );
  }

  const { handoff, messages, notes } = detail.data;
  const name = handoff.contact.name || formatPhone(handoff.contact.phone ?? '');
  const holder = holderOf(handoff, userId);

  const claim = async (then?: () => void) => {
    await api.claimHandoff(id);
    // Before the refresh: the server's event may already have shown the claim.
    then?.();
    await detail.refresh();
    onChanged();
  };
  const takeOver = async () => {
    await api.assignHandoff(id, userId);
    await detail.refresh();
    onChanged();
  };
  const claimNow = async () => {
    setClaiming(true);
    try {
      await claim(() => setFocusRequest((n) => n + 1));
    } catch (err) {
      showToast(errorText(err, t), 'error');
      await detail.refresh();
    } finally {
      setClaiming(false);
    }
  };

  return (
    <div className="inbox-detail">
      <article className="inbox-thread" aria-labelledby={titleId}>
        <header className="inbox-thread-header">
          <div className="inbox-thread-title">
            <h2 id={titleId}>{name}</h2>
            <span className="muted small">
              {handoff.contact.phone ? formatPhone(handoff.contact.phone) : t('inbox.noPhone')}
            </span>
            <span className={`pill holder-${holder}`} data-testid="holder">
              {t(`inbox.holder.${holder}`)}
            </span>
          </div>
          <div className="row-actions">
            {holder === 'queue' ? (
              <button type="button" className="button primary" disabled={claiming} onClick={claimNow}>
                {claiming ? t('common.working') : t('inbox.claim')}
              </button>
            ) : null}
            {holder === 'other' && canReassign ? (
              <button type="button" className="button" onClick={() => setConfirm('takeOver')}>
                {t('inbox.takeOver')}
              </button>
            ) : null}
            <HandoffActions
              handoff={handoff}
              holder={holder}
              supervises={canReassign}
              onChanged={() => {
                void detail.refresh();
                onChanged();
              }}
            />
            {holder !== 'closed' ? (
              <button type="button" className="button danger-ghost" onClick={() => setConfirm('resolve')}>
                {t('inbox.resolve')}
              </button>
            ) : null}
          </div>
        </header>
        {detail.error ? (
          <p className="inbox-stale" role="status">
            {t('inbox.stale')}
          </p>
        ) : null}
        <Conversation messages={messages} notes={notes} contactName={name} now={now} />
        <ReplyBox
          handoffId={id}
          teamId={handoff.teamId}
          // The flow's built-ins by the same names (`{{contact.name}}`), for canned replies.
          variables={{ ...handoff.variables, contact: handoff.contact }}
          contactName={handoff.contact.name}
          block={replyBlock(handoff, userId)}
          focusRequest={focusRequest}
          onChanged={() => void detail.refresh()}
        />
      </article>
      <ContextPanel handoff={handoff} />
      {confirm === 'takeOver' ? (
        <ConfirmDialog
          title={t('inbox.takeOver.title')}
          message={t('inbox.takeOver.body', { name })}
          confirmLabel={t('inbox.takeOver')}
          onClose={() => {
            setConfirm('none');
            // After the dialog gives the focus back (to a button the claim removed).
            setFocusRequest((n) => n + 1);
          }}
          onConfirm={takeOver}
        />
      ) : null}
      {confirm === 'resolve' ? (
        <ConfirmDialog
          title={t('inbox.resolve.title')}
          message={t('inbox.resolve.body', { name })}
          confirmLabel={t('inbox.resolve')}
          danger
          onClose={() => setConfirm('none')}
          onConfirm={async () => {
            await api.resolveHandoff(id);
            showToast(t('inbox.resolved', { name }));
            onResolved();
          }}
        />
      ) : null}
    </div>
  );
}
