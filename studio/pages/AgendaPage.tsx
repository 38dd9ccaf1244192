import { useState } from 'react';
import { agendaApi, type AgendaView, type BookingView } from '../api/agenda.ts';
import { useSession } from '../api/session.ts';
import { useT } from '../i18n/index.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { errorText } from '../ui/error-text.ts';
import { ErrorBanner, Loading } from '../ui/states.tsx';
import { useResource } from '../ui/use-resource.ts';
import { AgendaForm } from './agenda/AgendaForm.tsx';
import { BookingList } from './agenda/BookingList.tsx';
import { addDaysISO, periodOf, rangeOf, todayIn, type View } from './agenda/week.ts';
import './agenda/agenda.css';

/** Agenda: the bookings the flows made (day or week), cancelling one, and the agendas (resources) themselves. */
export function AgendaPage() {
  const t = useT();
  const role = useSession((s) => s.session.user?.role);
  const builds = role === 'admin' || role === 'editor';
  const [view, setView] = useState<View>('week');
  // The business zone arrives with the bookings; until then the browser's guesses the first period.
  const [timeZone, setTimeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [anchor, setAnchor] = useState(() => todayIn(timeZone));
  const [editing, setEditing] = useState<AgendaView | 'new' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const days = periodOf(anchor, view);
  const { from, to } = rangeOf(days, timeZone);
  // Each answer carries the period and zone it was asked for: until the shown period's own answer
  // arrives, the page says it is loading rather than "no bookings" under the new period's days.
  const bookings = useResource(
    () =>
      agendaApi.bookings(from, to).then((r) => {
        if (r.timeZone !== timeZone) {
          // Today in the business zone may be another date than in the browser's.
          if (anchor === todayIn(timeZone)) setAnchor(todayIn(r.timeZone));
          setTimeZone(r.timeZone);
        }
        return { from: from.getTime(), view, zone: r.timeZone, list: r.bookings };
      }),
    [from.getTime(), view],
  );
  const shown =
    bookings.status === 'ready' &&
    bookings.data.from === from.getTime() &&
    bookings.data.view === view &&
    bookings.data.zone === timeZone
      ? bookings.data.list
      : null;
  const agendas = useResource(() => (builds ? agendaApi.list().then((r) => r.agendas) : Promise.resolve([])), [builds]);

  const cancel = async (b: BookingView) => {
    if (!window.confirm(t('agenda.bookings.confirmCancel'))) return;
    try {
      await agendaApi.cancel(b.id);
      bookings.reload();
    } catch (e) {
      setFailure(errorText(e, t));
    }
  };
  const remove = async (a: AgendaView) => {
    if (!window.confirm(t('agenda.resources.confirmDelete', { name: a.name }))) return;
    try {
      await agendaApi.remove(a.id);
      agendas.reload();
      bookings.reload();
    } catch (e) {
      setFailure(errorText(e, t));
    }
  };
  const step = view === 'day' ? 1 : 7;

  return (
    <section className="page agenda-page">
      <PageHeader
        title={t('agenda.title')}
        subtitle={t('agenda.subtitle')}
        actions={
          builds ? (
            <button type="button" className="button primary" onClick={() => setEditing('new')}>
              {t('agenda.resources.new')}
            </button>
          ) : null
        }
      />
      {failure ? <ErrorBanner message={failure} /> : null}
      <div className="agenda-toolbar" role="toolbar" aria-label={t('agenda.bookings.period')}>
        <div className="agenda-views">
          {(['day', 'week'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className={`button${view === v ? ' primary' : ''}`}
              aria-pressed={view === v}
              onClick={() => setView(v)}
            >
              {t(`agenda.view.${v}`)}
            </button>
          ))}
        </div>
        <div className="agenda-nav">
          <button type="button" className="button" onClick={() => setAnchor(addDaysISO(anchor, -step))}>
            {t('agenda.nav.previous')}
          </button>
          <button type="button" className="button" onClick={() => setAnchor(todayIn(timeZone))}>
            {t('agenda.nav.today')}
          </button>
          <button type="button" className="button" onClick={() => setAnchor(addDaysISO(anchor, step))}>
            {t('agenda.nav.next')}
          </button>
        </div>
      </div>
      {bookings.status !== 'error' && !shown ? <Loading /> : null}
      {bookings.status === 'error' ? (
        <ErrorBanner message={errorText(bookings.error, t)} onRetry={bookings.reload} />
      ) : null}
      {shown ? <BookingList bookings={shown} days={days} timeZone={timeZone} onCancel={(b) => void cancel(b)} /> : null}

      {builds ? (
        <section className="agenda-resources" aria-label={t('agenda.resources.title')}>
          <h2>{t('agenda.resources.title')}</h2>
          {agendas.status === 'ready' && agendas.data.length === 0 ? (
            <p className="muted">{t('agenda.resources.empty')}</p>
          ) : null}
          <ul>
            {(agendas.status === 'ready' ? agendas.data : []).map((a) => (
              <li key={a.id} className="card agenda-resource" data-testid="agenda-resource">
                <strong>{a.name}</strong>
                <span className="muted small">
                  {t('agenda.resources.summary', { minutes: a.slotMinutes, seats: a.capacity, days: a.horizonDays })}
                </span>
                <div className="agenda-actions">
                  <button type="button" className="button small" onClick={() => setEditing(a)}>
                    {t('agenda.resources.edit')}
                  </button>
                  <a className="button small" href={a.calendarPath}>
                    {t('agenda.resources.calendar')}
                  </a>
                  <button type="button" className="button small" onClick={() => void remove(a)}>
                    {t('agenda.resources.delete')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {editing ? (
        <AgendaForm
          agenda={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            agendas.reload();
          }}
        />
      ) : null}
    </section>
  );
}
