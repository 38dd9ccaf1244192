import { useEffect, useState } from 'react';
import { agendaApi, type AgendaView } from '../../api/agenda.ts';
import { useT } from '../../i18n/index.ts';
import { NumberField } from '../form/NumberField.tsx';
import { SelectField } from '../form/SelectField.tsx';
import { TemplateField } from '../form/TemplateField.tsx';
import { VariableField } from '../form/VariableField.tsx';
import type { InspectorProps } from '../inspector-props.ts';

type TextKey =
  | 'dayText'
  | 'slotText'
  | 'confirmText'
  | 'unavailableText'
  | 'takenText'
  | 'fullText'
  | 'manageText'
  | 'cancelledText';
const texts: readonly TextKey[] = [
  'dayText',
  'slotText',
  'confirmText',
  'unavailableText',
  'takenText',
  'fullText',
  'manageText',
  'cancelledText',
];

export function ScheduleInspector({ node, update }: InspectorProps<'schedule'>) {
  const t = useT();
  const { data } = node;
  const [agendas, setAgendas] = useState<AgendaView[] | null>(null);
  useEffect(() => {
    let live = true;
    agendaApi
      .list()
      .then((r) => live && setAgendas(r.agendas))
      .catch(() => live && setAgendas([]));
    return () => {
      live = false;
    };
  }, []);
  const options = [
    { value: '', label: t('agenda.node.pick') },
    ...(agendas ?? []).map((a) => ({ value: a.id, label: a.name })),
    // An agenda the list does not know (another install's id) stays visible rather than silently blank.
    ...(data.agendaId && agendas && !agendas.some((a) => a.id === data.agendaId)
      ? [{ value: data.agendaId, label: data.agendaId }]
      : []),
  ];
  return (
    <>
      <SelectField
        label={t('agenda.node.agenda')}
        hint={t('agenda.node.agendaHint')}
        value={data.agendaId}
        options={options}
        onChange={(agendaId) => update({ agendaId }, 'agendaId')}
      />
      {texts.map((key) => (
        <TemplateField
          key={key}
          label={t(`agenda.field.${key}`)}
          value={data[key]}
          multiline
          maxLength={1024}
          onChange={(value) => update({ [key]: value }, key)}
        />
      ))}
      <VariableField
        label={t('editor.field.variable')}
        value={data.variable}
        onChange={(variable) => update({ variable }, 'variable')}
      />
      <NumberField
        label={t('agenda.field.daysOffered')}
        value={data.daysOffered}
        min={1}
        max={9}
        onChange={(daysOffered) => daysOffered !== null && update({ daysOffered }, 'daysOffered')}
      />
      <NumberField
        label={t('editor.field.timeoutMinutes')}
        hint={t('editor.field.timeoutHint')}
        nullable
        value={data.timeoutMinutes}
        min={1}
        onChange={(timeoutMinutes) => update({ timeoutMinutes }, 'timeoutMinutes')}
      />
    </>
  );
}
