import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import { errorText } from '../../ui/error-text.ts';
import { CannedReplies, fillReply, useCannedReplies } from './CannedReplies.tsx';
import { slashMatches } from './slash.ts';
import type { ReplyBlock } from './reply-state.ts';

interface ReplyBoxProps {
  handoffId: string;
  /** For the team's canned replies and their `{{variables}}`. */
  teamId?: string | null;
  variables?: Record<string, unknown>;
  /** Why replying is not possible now; the box is disabled and says so. */
  block: ReplyBlock | null;
  /** Bumped to move the focus here as soon as replying is possible (right after a claim). */
  focusRequest: number;
  /** Called after a send or a refusal, so the transcript and the handoff's state catch up. */
  onChanged(): void;
}

/** WhatsApp's limit for a text message. */
const maxLength = 4096;

export function ReplyBox({ handoffId, teamId = null, variables = {}, block, focusRequest, onChanged }: ReplyBoxProps) {
  const t = useT();
  const inputId = useId();
  const noteId = useId();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const disabled = block !== null;
  const replies = useCannedReplies(teamId);
  // "/" then part of a title: the matching canned replies, the first taken with Enter.
  const matches = slashMatches(text, replies);
  const pick = (picked: string) => {
    setText(picked);
    inputRef.current?.focus();
  };

  useEffect(() => {
    if (focusRequest > 0 && !disabled) inputRef.current?.focus();
  }, [focusRequest, disabled]);

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    if (disabled || busy || !text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await api.replyToHandoff(handoffId, { text });
      setText('');
      onChanged();
    } catch (err) {
      setError(errorText(err, t));
      // A 409 means the handoff changed under us (resolved, window closed): show the new state.
      if (err instanceof ApiError && err.status === 409) onChanged();
    } finally {
      setBusy(false);
      inputRef.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Not while an input method is composing a word: Enter then picks the word.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    const first = matches?.[0];
    if (first) pick(fillReply(first, variables));
    else void send();
  };

  return (
    <form className={disabled ? 'inbox-reply blocked' : 'inbox-reply'} onSubmit={send} data-testid="reply-box">
      {block ? (
        <p id={noteId} className="inbox-reply-note">
          {t(`inbox.reply.${block}`)}
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <CannedReplies replies={replies} variables={variables} disabled={disabled} onPick={pick} />
      {matches?.length ? (
        <ul className="inbox-slash" aria-label={t('inbox.canned.label')} data-testid="slash-replies">
          {matches.map((r) => (
            <li key={r.id}>
              <button type="button" className="button small" onClick={() => pick(fillReply(r, variables))}>
                {r.title}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="inbox-reply-row">
        <label className="visually-hidden" htmlFor={inputId}>
          {t('inbox.reply.label')}
        </label>
        <textarea
          ref={inputRef}
          id={inputId}
          rows={2}
          maxLength={maxLength}
          value={text}
          disabled={disabled}
          placeholder={t('inbox.reply.placeholder')}
          aria-describedby={noteId}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="button primary" disabled={disabled || busy || !text.trim()}>
          {busy ? t('common.working') : t('inbox.reply.send')}
        </button>
      </div>
      {block ? null : (
        <p id={noteId} className="muted small">
          {t('inbox.reply.help')}
          {replies.length ? ` ${t('teamWork.slashHelp')}` : null}
        </p>
      )}
    </form>
  );
}
