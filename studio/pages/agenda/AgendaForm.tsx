import { useState } from 'react';
import { agendaWeekdays, type AgendaWeekday } from '../../../shared/agenda/agenda.ts';
import { agendaApi, type AgendaView } from '../../api/agenda.ts';
import { useT } from '../../i18n/index.ts';
import { errorText } from '../../ui/error-text.ts';

interface Props {
  agenda: AgendaView | null;
  onClose(): void;
  onSaved(): void;
}

const list = (text: string) =>
  text
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Creates or edits an agenda: hours as "09:00, 10:30, 14:00-18:00" per weekday. */
export function AgendaForm({ agenda, onClose, onSaved }: Props) {
  const t = useT();
  const [name, setName] = useState(agenda?.name ?? '');
  const [hours, setHours] = useState<Record<AgendaWeekday, string>>(
    () =>
      Object.fromEntries(agendaWeekdays.map((d) => [d, (agenda?.hours[d] ?? []).join(', ')])) as Record<
        AgendaWeekday,
        string
      >,
  );
  const [slotMinutes, setSlotMinutes] = useState(agenda?.slotMinutes ?? 60);
  const [capacity, setCapacity] = useState(agenda?.capacity ?? 1);
  const [closedDates, setClosedDates] = useState((agenda?.closedDates ?? []).join(', '));
  const [minNoticeMinutes, setMinNotice] = useState(agenda?.minNoticeMinutes ?? 120);
  const [horizonDays, setHorizon] = useState(agenda?.horizonDays ?? 30);
  const [template, setTemplate] = useState({
    name: agenda?.reminderTemplate?.name ?? '',
    language: agenda?.reminderTemplate?.language ?? 'pt_BR',
    parameters: (agenda?.reminderTemplate?.parameters ?? []).join('\n'),
  });
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    const body = {
      name,
      hours: Object.fromEntries(agendaWeekdays.map((d) => [d, list(hours[d])])),
      slotMinutes,
      capacity,
      closedDates: list(closedDates),
      minNoticeMinutes,
      horizonDays,
      reminderTemplate: template.name.trim()
        ? {
            name: template.name.trim(),
            language: template.language.trim() || 'pt_BR',
            parameters: template.parameters.split('\n').filter((p) => p.trim() !== ''),
          }
        : null,
    };
    try {
      if (agenda) await agendaApi.update(agenda.id, body);
      else await agendaApi.create(body);
      onSaved();
    } catch (e) {
      setError(errorText(e, t));
    }
  };

  return (
    <div className="agenda-form card" role="dialog" aria-label={t('agenda.form.title')} data-testid="agenda-form">
      <h2>{agenda ? t('agenda.form.edit') : t('agenda.form.title')}</h2>
      <label className="field">
        <span>{t('agenda.form.name')}</span>
        <input className="fx-input" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <p className="muted small">{t('agenda.form.hoursHint')}</p>
      {agendaWeekdays.map((d) => (
        <label key={d} className="field agenda-day">
          <span>{t(`agenda.weekday.${d}`)}</span>
          <input className="fx-input" value={hours[d]} onChange={(e) => setHours({ ...hours, [d]: e.target.value })} />
        </label>
      ))}
      <div className="agenda-numbers">
        <label className="field">
          <span>{t('agenda.form.slotMinutes')}</span>
          <input
            className="fx-input"
            type="number"
            min={5}
            value={slotMinutes}
            onChange={(e) => setSlotMinutes(Number(e.target.value))}
          />
        </label>
        <label className="field">
          <span>{t('agenda.form.capacity')}</span>
          <input
            className="fx-input"
            type="number"
            min={1}
            value={capacity}
            onChange={(e) => setCapacity(Number(e.target.value))}
          />
        </label>
        <label className="field">
          <span>{t('agenda.form.minNotice')}</span>
          <input
            className="fx-input"
            type="number"
            min={0}
            value={minNoticeMinutes}
            onChange={(e) => setMinNotice(Number(e.target.value))}
          />
        </label>
        <label className="field">
          <span>{t('agenda.form.horizon')}</span>
          <input
            className="fx-input"
            type="number"
            min={1}
            value={horizonDays}
            onChange={(e) => setHorizon(Number(e.target.value))}
          />
        </label>
      </div>
      <label className="field">
        <span>{t('agenda.form.closedDates')}</span>
        <input
          className="fx-input"
          placeholder="2026-12-25, 2027-01-01"
          value={closedDates}
          onChange={(e) => setClosedDates(e.target.value)}
        />
      </label>
      <fieldset className="field agenda-reminder">
        <legend>{t('agenda.reminder.template')}</legend>
        <p className="muted small">{t('agenda.reminder.templateHint')}</p>
        <div className="agenda-numbers">
          <label className="field">
            <span>{t('agenda.reminder.template')}</span>
            <input
              className="fx-input"
              placeholder="lembrete_visita"
              value={template.name}
              onChange={(e) => setTemplate({ ...template, name: e.target.value })}
            />
          </label>
          <label className="field">
            <span>{t('agenda.reminder.language')}</span>
            <input
              className="fx-input"
              value={template.language}
              onChange={(e) => setTemplate({ ...template, language: e.target.value })}
            />
          </label>
        </div>
        <label className="field">
          <span>{t('agenda.reminder.parameters')}</span>
          <textarea
            className="fx-input"
            rows={3}
            placeholder={'{{nome}}\n{{data}} às {{hora}}'}
            value={template.parameters}
            onChange={(e) => setTemplate({ ...template, parameters: e.target.value })}
          />
        </label>
      </fieldset>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <div className="agenda-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('agenda.form.cancel')}
        </button>
        <button type="button" className="button primary" onClick={() => void save()}>
          {t('agenda.form.save')}
        </button>
      </div>
    </div>
  );
}
