import { useT } from '../../i18n/index.ts';
import { ListEditor } from '../form/ListEditor.tsx';
import { TemplateField } from '../form/TemplateField.tsx';
import { VariableField } from '../form/VariableField.tsx';
import type { InspectorProps } from '../inspector-props.ts';

export function SetInspector({ node, update }: InspectorProps<'set'>) {
  const t = useT();
  const list = node.data.assignments;
  const put = (i: number, patch: Partial<(typeof list)[number]>, field: string) =>
    update({ assignments: list.map((a, j) => (j === i ? { ...a, ...patch } : a)) }, `${field}:${i}`);
  return (
    <ListEditor
      label={t('editor.field.assignments')}
      items={list}
      keyOf={(_, i) => String(i)}
      onAdd={() => update({ assignments: [...list, { variable: '', value: '' }] }, 'add')}
      onRemove={(i) => update({ assignments: list.filter((_, j) => j !== i) }, 'remove')}
      render={(a, i) => (
        <>
          <VariableField
            label={t('editor.field.variableName')}
            value={a.variable}
            onChange={(variable) => put(i, { variable }, 'var')}
          />
          <TemplateField
            label={t('editor.field.value')}
            value={a.value}
            onChange={(value) => put(i, { value }, 'value')}
          />
        </>
      )}
    />
  );
}
