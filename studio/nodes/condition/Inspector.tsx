import { conditionOperators } from '../../../shared/flow/nodes/condition.ts';
import { useEditorApi } from '../../editor/state/EditorProvider.tsx';
import {
  addConditionRule,
  moveConditionRule,
  removeConditionRule,
  updateConditionRule,
} from '../../editor/edits/options.ts';
import { useT } from '../../i18n/index.ts';
import { ListEditor } from '../form/ListEditor.tsx';
import { SelectField } from '../form/SelectField.tsx';
import { TemplateField } from '../form/TemplateField.tsx';
import { VariableField } from '../form/VariableField.tsx';
import type { InspectorProps } from '../inspector-props.ts';

export function ConditionInspector({ node }: InspectorProps<'condition'>) {
  const t = useT();
  const api = useEditorApi();
  const { id, data } = node;
  const edit = api.getState().edit;
  return (
    <ListEditor
      label={t('editor.field.rules')}
      items={data.rules}
      keyOf={(r) => r.id}
      onAdd={() => edit((f) => addConditionRule(f, id, api.getState().id))}
      onRemove={(i) => {
        const r = data.rules[i];
        if (r) edit((f) => removeConditionRule(f, id, r.id));
      }}
      onMove={(from, to) => edit((f) => moveConditionRule(f, id, from, to))}
      render={(r) => (
        <>
          <VariableField
            label={t('editor.field.variableName')}
            value={r.variable}
            onChange={(variable) => edit((f) => updateConditionRule(f, id, r.id, { variable }), `rule:${id}:${r.id}:v`)}
          />
          <SelectField
            label={t('editor.field.operator')}
            value={r.operator}
            options={conditionOperators.map((o) => ({ value: o, label: t(`editor.choice.op.${o}`) }))}
            onChange={(operator) => edit((f) => updateConditionRule(f, id, r.id, { operator }))}
          />
          {r.operator !== 'empty' && r.operator !== 'not_empty' && (
            <TemplateField
              label={t('editor.field.value')}
              value={r.value}
              onChange={(value) => edit((f) => updateConditionRule(f, id, r.id, { value }), `rule:${id}:${r.id}:x`)}
            />
          )}
        </>
      )}
    />
  );
}
