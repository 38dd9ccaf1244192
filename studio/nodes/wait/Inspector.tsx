import { useT } from '../../i18n/index.ts';
import { NumberField } from '../form/NumberField.tsx';
import { TemplateField } from '../form/TemplateField.tsx';
import { VariableField } from '../form/VariableField.tsx';
import type { InspectorProps } from '../inspector-props.ts';

export function WaitInspector({ node, update }: InspectorProps<'wait'>) {
  const t = useT();
  const { data } = node;
  return (
    <>
      <NumberField
        label={t('editor.field.durationMinutes')}
        hint={t('editor.field.durationHint')}
        nullable
        value={data.durationMinutes}
        min={1}
        max={43200}
        onChange={(durationMinutes) => update({ durationMinutes }, 'durationMinutes')}
      />
      <TemplateField
        label={t('editor.field.message')}
        value={data.message}
        multiline
        onChange={(message) => update({ message }, 'message')}
        maxLength={4096}
      />
      <VariableField
        label={t('editor.field.replyVariable')}
        value={data.variable ?? ''}
        onChange={(v) => update({ variable: v || undefined }, 'variable')}
      />
    </>
  );
}
