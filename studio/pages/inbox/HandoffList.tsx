import { useId, type KeyboardEvent } from 'react';
import type { Handoff } from '../../api/client.ts';
import { useLocaleStore, useT } from '../../i18n/index.ts';
import { EmptyState } from '../../ui/states.tsx';
import { ageOf } from './age.ts';
import { countByFilter, filterHandoffs, inboxFilters, type InboxFilter } from './handoff-filter.ts';
import { formatPhone } from './phone.ts';
import { holderOf } from './reply-state.ts';
import { slaState, twoDigits } from './sla.ts';
import { useInboxUnread } from './inbox-alerts.ts';

interface HandoffListProps {
  handoffs: readonly Handoff[];
  filter: InboxFilter;
  onFilter(filter: InboxFilter): void;
  selectedId: string | null;
  onSelect(id: string): void;
  userId: string;
  now: Date;
}

/**
 * The queue as a listbox: Tab reaches it once (on the selected conversation), arrows,
 * Home and End move through it and open what they land on, as a mail client's list does.
 */
export function HandoffList({ handoffs, filter, onFilter, selectedId, onSelect, userId, now }: HandoffListProps) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const listId = useId();
  const counts = countByFilter(handoffs);
  const visible = filterHandoffs(handoffs, filter);
  const selectedIndex = visible.findIndex((h) => h.id === selectedId);
  const tabStop = selectedIndex >= 0 ? selectedIndex : 0;
  const optionId = (id: string) => `${listId}-${id}`;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const unread = useInboxUnread((s) => s.unread);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const current = visible.findIndex((h) => optionId(h.id) === document.activeElement?.id);
    const from = current >= 0 ? current : tabStop;
    const moves: Record<string, number> = { ArrowDown: from + 1, ArrowUp: from - 1, Home: 0, End: visible.length - 1 };
    let target = moves[event.key];
    if (event.key === 'Enter' || event.key === ' ') target = from;
    if (target === undefined) return;
    event.preventDefault();
    const next = visible[Math.max(0, Math.min(visible.length - 1, target))];
    if (!next) return;
    document.getElementById(optionId(next.id))?.focus();
    if (next.id !== selectedId) onSelect(next.id);
  };

  return (
    <div className="inbox-list">
      <div className="inbox-filters" role="group" aria-label={t('inbox.filter.label')}>
        {inboxFilters.map((f) => (
          <button
            key={f}
            type="button"
            className={filter === f ? 'button small active' : 'button small ghost'}
            aria-pressed={filter === f}
            onClick={() => onFilter(f)}
          >
            {t(`inbox.filter.${f}`, { count: counts[f] })}
          </button>
        ))}
      </div>
      {handoffs.length === 0 ? (
        <EmptyState title={t('inbox.empty.title')}>
          <p className="muted">{t('inbox.empty.body')}</p>
        </EmptyState>
      ) : visible.length === 0 ? (
        <p className="muted inbox-list-note">{t('inbox.emptyFilter')}</p>
      ) : (
        <ul className="inbox-options" role="listbox" aria-label={t('inbox.list.label')} onKeyDown={onKeyDown}>
          {visible.map((h, index) => {
            const holder = holderOf(h, userId);
            const age = ageOf(h.createdAt, now);
            const selected = h.id === selectedId;
            const sla = slaState(h.slaDueAt, now);
            return (
              <li
                key={h.id}
                id={optionId(h.id)}
                role="option"
                aria-selected={selected}
                tabIndex={index === tabStop ? 0 : -1}
                className={selected ? 'inbox-option selected' : 'inbox-option'}
                data-testid="handoff-option"
                onClick={() => onSelect(h.id)}
              >
                <span className="inbox-option-head">
                  <strong className="inbox-option-name">
                    {unread.has(h.id) ? <span className="unread-dot" aria-label={t('inbox.unreadOne')} /> : null}
                    {h.contact.name || formatPhone(h.contact.phone ?? '')}
                  </strong>
                  <time
                    className="inbox-age"
                    dateTime={h.createdAt}
                    title={t('inbox.waitingSince', { when: when.format(new Date(h.createdAt)) })}
                  >
                    {age.unit === 'now' ? t('inbox.age.now') : t(`inbox.age.${age.unit}`, { n: age.n })}
                  </time>
                </span>
                <span className="muted small">
                  {h.contact.phone ? formatPhone(h.contact.phone) : t('inbox.noPhone')}
                </span>
                <span className="inbox-option-foot">
                  <span className="muted small">{t('inbox.team', { team: h.team })}</span>
                  {h.priority !== 'normal' ? (
                    <span className={`pill priority-${h.priority}`}>{t(`handoff.priority.${h.priority}`)}</span>
                  ) : null}
                  {sla ? (
                    <span className={sla.late ? 'pill sla-late' : 'pill sla'} data-testid="sla-timer">
                      {t(sla.late ? 'inbox.sla.late' : 'inbox.sla.left', {
                        time: `${sla.minutes}:${twoDigits(sla.seconds)}`,
                      })}
                    </span>
                  ) : null}
                  <span className={`pill holder-${holder}`}>{t(`inbox.holder.${holder}`)}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
