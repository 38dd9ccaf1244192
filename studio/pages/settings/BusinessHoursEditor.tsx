import { weekdays, type BusinessHours, type OpenRange, type Weekday } from '../../../shared/api/settings.ts';
import { useT } from '../../i18n/index.ts';

interface Props {
  value: BusinessHours;
  onChange(value: BusinessHours): void;
}

/** Up to four open ranges per weekday; a day without any is closed. The server checks order and overlaps. */
export function BusinessHoursEditor({ value, onChange }: Props) {
  const t = useT();
  const setDay = (day: Weekday, ranges: OpenRange[]) => onChange({ ...value, [day]: ranges });
  return (
    <fieldset className="hours" data-testid="business-hours">
      <legend>
        <strong>{t('settings.hours.title')}</strong>
      </legend>
      {weekdays.map((day) => {
        const ranges = value[day];
        const dayName = t(`settings.day.${day}`);
        const last = ranges[ranges.length - 1];
        return (
          <div key={day} className="hours-day">
            <span>{dayName}</span>
            <div className="hours-ranges">
              {ranges.length === 0 ? <span className="muted small">{t('settings.hours.closed')}</span> : null}
              {ranges.map((range, i) => {
                const n = i + 1;
                const put = (patch: Partial<OpenRange>) =>
                  setDay(
                    day,
                    ranges.map((r, j) => (j === i ? { ...r, ...patch } : r)),
                  );
                return (
                  <div key={i} className="hours-range">
                    <input
                      type="time"
                      required
                      value={range.start}
                      aria-label={t('settings.hours.from', { day: dayName, n })}
                      onChange={(e) => put({ start: e.target.value })}
                    />
                    <span aria-hidden="true">–</span>
                    <input
                      type="time"
                      required
                      value={range.end}
                      aria-label={t('settings.hours.to', { day: dayName, n })}
                      onChange={(e) => put({ end: e.target.value })}
                    />
                    <button
                      type="button"
                      className="button small"
                      aria-label={t('settings.hours.remove', { day: dayName, n })}
                      onClick={() =>
                        setDay(
                          day,
                          ranges.filter((_, j) => j !== i),
                        )
                      }
                    >
                      ×
                    </button>
                  </div>
                );
              })}
              {ranges.length < 4 ? (
                <button
                  type="button"
                  className="button small"
                  aria-label={t('settings.hours.addOn', { day: dayName })}
                  // A new range starts where the last one ended, so it does not overlap.
                  onClick={() =>
                    setDay(day, [
                      ...ranges,
                      last ? { start: last.end, end: '23:59' } : { start: '08:00', end: '18:00' },
                    ])
                  }
                >
                  {t('settings.hours.add')}
                </button>
              ) : null}
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
