import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { whatsappLimits } from '../../../shared/whatsapp-limits.ts';
import { api, ApiError } from '../../api/client.ts';
import { inboxMediaApi } from '../../api/inbox-media.ts';
import { useT } from '../../i18n/index.ts';
import { errorText } from '../../ui/error-text.ts';
import { CannedReplies, fillReply, useCannedReplies } from './CannedReplies.tsx';
import { slashMatches } from './slash.ts';
import { AttachmentPreview, attachmentProblem, sendableTypes } from './AttachmentPreview.tsx';
import type { ReplyBlock } from './reply-state.ts';
import { TemplateReply } from './TemplateReply.tsx';

interface ReplyBoxProps {
  handoffId: string;
  /** For the team's canned replies and their `{{variables}}`. */
  teamId?: string | null;
  variables?: Record<string, unknown>;
  /** For a template's greeting once the 24-hour window closed. */
  contactName?: string;
  /** Why replying is not possible now; the box is disabled and says so. */
  block: ReplyBlock | null;
  /** Bumped to move the focus here as soon as replying is possible (right after a claim). */
  focusRequest: number;
  /** Called after a send or a refusal, so the transcript and the handoff's state catch up. */
  onChanged(): void;
}

const maxLength = whatsappLimits.text;

export function ReplyBox({
  handoffId,
  teamId = null,
  variables = {},
  contactName = '',
  block,
  focusRequest,
  onChanged,
}: ReplyBoxProps) {
  const t = useT();
  const inputId = useId();
  const noteId = useId();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
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
    if (disabled || busy || (!text.trim() && !file)) return;
    setBusy(true);
    setError(null);
    try {
      if (file) {
        const { media } = await inboxMediaApi.upload(file);
        await api.replyToHandoff(handoffId, { mediaId: media.id, ...(text.trim() ? { caption: text } : {}) });
        setFile(null);
      } else await api.replyToHandoff(handoffId, { text });
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

  const pickFile = (picked: File | undefined) => {
    if (fileRef.current) fileRef.current.value = '';
    if (!picked) return;
    const problem = attachmentProblem(picked);
    setError(problem ? t(problem.key, problem.params) : null);
    setFile(problem ? null : picked);
    inputRef.current?.focus();
  };

  if (block === 'windowClosed')
    return (
      <div className="inbox-reply" data-testid="reply-box">
        <p id={noteId} className="inbox-reply-note">
          {t('inbox.media.windowClosed')}
        </p>
        <TemplateReply handoffId={handoffId} variables={variables} contactName={contactName} onChanged={onChanged} />
      </div>
    );

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
      {file ? <AttachmentPreview file={file} onRemove={() => setFile(null)} /> : null}
      <div className="inbox-reply-row">
        <input
          ref={fileRef}
          type="file"
          // Not rendered: the 📎 button opens it (a clipped input still widened a phone's page).
          hidden
          accept={sendableTypes}
          data-testid="attach-input"
          onChange={(event) => pickFile(event.target.files?.[0])}
        />
        <button
          type="button"
          className="button inbox-attach"
          disabled={disabled || busy}
          aria-label={t('inbox.media.attach')}
          title={t('inbox.media.attach')}
          onClick={() => fileRef.current?.click()}
        >
          📎
        </button>
        <label className="visually-hidden" htmlFor={inputId}>
          {t('inbox.reply.label')}
        </label>
        <textarea
          ref={inputRef}
          id={inputId}
          rows={2}
          maxLength={file ? whatsappLimits.caption : maxLength}
          value={text}
          disabled={disabled}
          placeholder={t(file ? 'inbox.media.captionPlaceholder' : 'inbox.reply.placeholder')}
          aria-describedby={noteId}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="button primary" disabled={disabled || busy || (!text.trim() && !file)}>
          {busy ? t(file ? 'inbox.media.uploading' : 'common.working') : t('inbox.reply.send')}
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
