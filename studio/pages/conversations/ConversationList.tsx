import type { ConversationSummary } from '../../api/client.ts';
import { useLocaleStore, useT } from '../../i18n/index.ts';
import { formatPhone } from '../inbox/phone.ts';

interface ConversationListProps {
  conversations: readonly ConversationSummary[];
  selectedId: string | null;
  onSelect(id: string): void;
}

/** Most recently active first: who, on which number, the last message, where it stands, unread. */
export function ConversationList({ conversations, selectedId, onSelect }: ConversationListProps) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <ul className="conv-options" aria-label={t('conv.list.label')}>
      {conversations.map((c) => {
        const name = c.contact.name || formatPhone(c.contact.phone ?? '');
        const preview = c.lastMessage.preview ?? t('conv.nonText', { type: c.lastMessage.type });
        return (
          <li key={c.id}>
            <button
              type="button"
              className={c.id === selectedId ? 'conv-option selected' : 'conv-option'}
              aria-current={c.id === selectedId ? 'true' : undefined}
              data-testid="conv-option"
              onClick={() => onSelect(c.id)}
            >
              <span className="conv-option-head">
                <strong className="conv-option-name">{name}</strong>
                <time className="conv-option-time" dateTime={c.lastActivityAt}>
                  {when.format(new Date(c.lastActivityAt))}
                </time>
              </span>
              <span className="conv-option-preview">
                {c.lastMessage.direction === 'out' ? '↪ ' : ''}
                {preview}
              </span>
              <span className="conv-option-foot">
                <span className="muted small">
                  {c.contact.phone ? formatPhone(c.contact.phone) : t('conv.noPhone')} · {c.channel.name}
                </span>
                <span className={`pill conv-status ${c.status}`}>{t(`conv.status.${c.status}`)}</span>
                {c.unread > 0 ? (
                  <span
                    className="conv-unread"
                    data-testid="conv-unread"
                    aria-label={t('conv.unread', { count: c.unread })}
                  >
                    {c.unread >= 99 ? '99+' : c.unread}
                  </span>
                ) : null}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
