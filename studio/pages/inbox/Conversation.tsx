import { useLayoutEffect, useMemo, useRef } from 'react';
import type { InboxMessage } from '../../api/client.ts';
import type { HandoffNoteView } from '../../api/teams.ts';
import { useLocaleStore, useT } from '../../i18n/index.ts';
import { dayLabelKind, deliveryOf, groupConversation, withNotes, type TranscriptEntry } from './conversation.ts';
import { InboxMedia } from './InboxMedia.tsx';

/** Closer than this to the bottom counts as "reading the latest": new messages scroll into view. */
const stickyPx = 80;

const noNotes: readonly HandoffNoteView[] = [];

/**
 * The transcript, the business on the right (bot and agents) and the contact on the left; the
 * team's internal notes in between, marked as such (never sent).
 */
export function Conversation({
  messages,
  notes = noNotes,
  contactName,
  now,
}: {
  messages: readonly InboxMessage[];
  notes?: readonly HandoffNoteView[];
  contactName: string;
  now: Date;
}) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const days = useMemo(() => groupConversation<TranscriptEntry>(withNotes(messages, notes)), [messages, notes]);
  const count = messages.length + notes.length;
  const ref = useRef<HTMLDivElement>(null);
  const seen = useRef<{ count: number; atBottom: boolean }>({ count: 0, atBottom: true });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });

  // Follows the conversation as it grows, unless the agent scrolled up to read older messages.
  useLayoutEffect(() => {
    const log = ref.current;
    if (!log || count === seen.current.count) return;
    if (seen.current.count === 0 || seen.current.atBottom) log.scrollTop = log.scrollHeight;
    seen.current = { count, atBottom: true };
  }, [count]);

  const onScroll = () => {
    const log = ref.current;
    if (log) seen.current.atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < stickyPx;
  };

  const dayLabel = (day: string) => {
    const kind = dayLabelKind(day, now);
    if (kind === 'today') return t('inbox.today');
    if (kind === 'yesterday') return t('inbox.yesterday');
    return date.format(new Date(`${day}T00:00:00Z`));
  };
  const authorLabel = (author: TranscriptEntry['author']) =>
    author === 'contact'
      ? contactName
      : author === 'bot'
        ? t('inbox.author.bot')
        : author === 'note'
          ? t('teamWork.internal')
          : t('inbox.author.agent');

  return (
    // Focusable so the transcript scrolls from the keyboard; a log, so new messages are announced.
    <div
      ref={ref}
      className="inbox-chat"
      role="log"
      tabIndex={0}
      aria-label={t('inbox.conversation', { name: contactName })}
      onScroll={onScroll}
    >
      {messages.length === 0 ? <p className="muted inbox-list-note">{t('inbox.noMessages')}</p> : null}
      {days.map((day) => (
        <section key={day.day} className="inbox-day">
          <h3 className="inbox-day-label">{dayLabel(day.day)}</h3>
          {day.runs.map((run) => (
            <div key={run.messages[0]?.id} className={`inbox-run ${run.author}`}>
              <span className="inbox-author">{authorLabel(run.author)}</span>
              {run.messages.map((m) => {
                if (m.author === 'note')
                  return (
                    <div key={m.id} className="inbox-bubble note" data-testid="inbox-note" data-kind={m.note.kind}>
                      <p className="inbox-text">
                        {m.note.kind === 'note' ? null : <strong>{t(`teamWork.kind.${m.note.kind}`)} </strong>}
                        {m.note.text}
                      </p>
                      <span className="inbox-meta">
                        {m.note.author ? <span>{m.note.author.name}</span> : null}
                        <time dateTime={m.createdAt}>{time.format(new Date(m.createdAt))}</time>
                      </span>
                    </div>
                  );
                const delivery = deliveryOf(m);
                return (
                  <div
                    key={m.id}
                    className={`inbox-bubble ${m.author}`}
                    data-testid="inbox-message"
                    data-author={m.author}
                  >
                    {m.media ? <InboxMedia media={m.media} /> : null}
                    {m.text ? (
                      <p className="inbox-text">{m.text}</p>
                    ) : m.media ? null : (
                      <p className="inbox-text muted">{t('inbox.nonText', { type: m.type })}</p>
                    )}
                    <span className="inbox-meta">
                      <time dateTime={m.createdAt}>{time.format(new Date(m.createdAt))}</time>
                      {delivery ? (
                        <span className={`inbox-delivery ${delivery}`}>{t(`inbox.delivery.${delivery}`)}</span>
                      ) : null}
                    </span>
                  </div>
                );
              })}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
