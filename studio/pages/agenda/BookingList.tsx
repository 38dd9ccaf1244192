import type { BookingView } from '../../api/agenda.ts';
import { useLocaleStore, useT } from '../../i18n/index.ts';
import { dayOf } from './week.ts';

interface Props {
  bookings: BookingView[];
  /** ISO dates of the business time zone, in order. */
  days: string[];
  timeZone: string;
  onCancel(booking: BookingView): void;
}

/** The period's days in order, each with its bookings by time (in the business zone); days without any say so. */
export function BookingList({ bookings, days, timeZone, onCancel }: Props) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  // A date's noon in UTC names that calendar day whatever the zone; the times are the zone's.
  const dayTitle = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: '2-digit',
    month: '2-digit',
    timeZone: 'UTC',
  });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
  return (
    <div className="booking-days" data-time-zone={timeZone}>
      {days.map((day) => {
        const title = dayTitle.format(new Date(`${day}T12:00:00Z`));
        const mine = bookings.filter((b) => dayOf(b.startsAt, timeZone) === day);
        return (
          <section key={day} className="booking-day" aria-label={title}>
            <h3>{title}</h3>
            {mine.length === 0 ? <p className="muted small">{t('agenda.bookings.none')}</p> : null}
            <ul>
              {mine.map((b) => (
                <li key={b.id} className="booking-row" data-testid="booking">
                  <strong>{time.format(new Date(b.startsAt))}</strong>
                  <span className="booking-who">
                    {b.contactName || b.contactPhone} <span className="muted small">+{b.contactPhone}</span>
                  </span>
                  <span className="muted small">{b.agendaName}</span>
                  <button type="button" className="button small" onClick={() => onCancel(b)}>
                    {t('agenda.bookings.cancel')}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
