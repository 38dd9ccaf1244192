import { useLayoutEffect, useRef } from 'react';
import type { ConversationMessage } from '../../api/client.ts';
import { useLocaleStore, useT } from '../../i18n/index.ts';
import { deliveryOf, failureText, ticks } from './delivery.ts';
import { MessageBubble } from './MessageBubble.tsx';

/** The conversation as the contact saw it: their messages on the left, the business's on the right. */
export function History({ messages, contactName }: { messages: readonly ConversationMessage[]; contactName: string }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const ref = useRef<HTMLDivElement>(null);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const last = messages[messages.length - 1]?.id;

  // New messages arrive live: keep the latest in view.
  useLayoutEffect(() => {
    const log = ref.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [last]);

  return (
    <div
      ref={ref}
      className="conv-history"
      role="log"
      tabIndex={0}
      aria-label={t('conv.history', { name: contactName })}
    >
      {messages.length === 0 ? <p className="muted">{t('conv.noMessages')}</p> : null}
      {messages.map((m) => {
        const delivery = deliveryOf(m);
        const reason = delivery === 'failed' ? failureText(m.error) : null;
        return (
          <div
            key={m.id}
            className={`conv-msg ${m.direction}`}
            data-testid="conv-message"
            data-direction={m.direction}
            data-status={m.status}
          >
            {m.direction === 'out' ? <span className="conv-author">{t(`conv.author.${m.author}`)}</span> : null}
            <MessageBubble message={m} />
            <span className="conv-meta">
              <time dateTime={m.createdAt}>{when.format(new Date(m.createdAt))}</time>
              {delivery ? (
                <span
                  className={`conv-ticks ${delivery}`}
                  data-testid="conv-delivery"
                  title={t(`conv.delivery.${delivery}`)}
                >
                  {ticks[delivery]} {t(`conv.delivery.${delivery}`)}
                </span>
              ) : null}
            </span>
            {reason ? (
              <span className="conv-failure" data-testid="conv-failure">
                {t('conv.failedReason', { reason })}
              </span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
