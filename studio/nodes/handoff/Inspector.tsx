import { useT } from '../../i18n/index.ts';
import { handoffPriorities } from '../../../shared/flow/nodes/handoff.ts';
import { SelectField } from '../form/SelectField.tsx';
import { TemplateField } from '../form/TemplateField.tsx';
import { TextField } from '../form/TextField.tsx';
import type { InspectorProps } from '../inspector-props.ts';

export function HandoffInspector({ node, update }: InspectorProps<'handoff'>) {
  const t = useT();
  const { data } = node;
  return (
    <>
      <TextField label={t('editor.field.team')} value={data.team} onChange={(team) => update({ team }, 'team')} />
      <SelectField
        label={t('handoff.priority')}
        value={data.priority}
        options={handoffPriorities.map((p) => ({ value: p, label: t(`handoff.priority.${p}`) }))}
        onChange={(priority) => update({ priority }, 'priority')}
      />
      <TemplateField
        label={t('editor.field.message')}
        value={data.message}
        multiline
        onChange={(message) => update({ message }, 'message')}
        maxLength={4096}
      />
      <TemplateField
        label={t('editor.field.agentNote')}
        value={data.note}
        multiline
        onChange={(note) => update({ note }, 'note')}
      />
    </>
  );
}
