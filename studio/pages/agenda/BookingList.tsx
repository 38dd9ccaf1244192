import type { BookingView } from '../../api/agenda.ts';
import { useLocaleStore, useT } from '../../i18n/index.ts';
import { addDays, dayKey } from './week.ts';

interface Props {
  bookings: BookingView[];
  from: Date;
  days: number;
  onCancel(booking: BookingView): void;
}

/** The period's days in order, each with its bookings by time; days without any say so. */
export function BookingList({ bookings, from, days, onCancel }: Props) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const dayTitle = new Intl.DateTimeFormat(locale, { weekday: 'long', day: '2-digit', month: '2-digit' });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  return (
    <div className="booking-days">
      {Array.from({ length: days }, (_, i) => {
        const day = addDays(from, i);
        const mine = bookings.filter((b) => dayKey(new Date(b.startsAt)) === dayKey(day));
        return (
          <section key={dayKey(day)} className="booking-day" aria-label={dayTitle.format(day)}>
            <h3>{dayTitle.format(day)}</h3>
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
