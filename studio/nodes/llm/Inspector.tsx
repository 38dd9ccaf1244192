import { useT } from '../../i18n/index.ts';
import { CheckField } from '../form/CheckField.tsx';
import { ListEditor } from '../form/ListEditor.tsx';
import { NumberField } from '../form/NumberField.tsx';
import { TemplateField } from '../form/TemplateField.tsx';
import { TextField } from '../form/TextField.tsx';
import { VariableField } from '../form/VariableField.tsx';
import type { InspectorProps } from '../inspector-props.ts';
import { ProviderPicker } from '../ProviderPicker.tsx';

export function LlmInspector({ node, update }: InspectorProps<'llm'>) {
  const t = useT();
  const { data } = node;
  const num = (
    key: 'historyMessages' | 'temperature' | 'escalateThreshold' | 'maxTurns',
    min: number,
    max: number,
    step?: number,
  ) => (
    <NumberField
      label={t(`editor.field.${key}`)}
      value={data[key]}
      min={min}
      max={max}
      step={step}
      onChange={(v) => v !== null && update({ [key]: v }, key)}
    />
  );
  return (
    <>
      <TemplateField
        label={t('editor.field.systemPrompt')}
        value={data.systemPrompt}
        multiline
        rows={8}
        onChange={(systemPrompt) => update({ systemPrompt }, 'systemPrompt')}
      />
      <ProviderPicker
        provider={data.provider}
        model={data.model}
        onProvider={(provider) => update({ provider }, 'provider')}
        onModel={(model) => update({ model }, 'model')}
      />
      <ListEditor
        label={t('editor.field.llmVariables')}
        items={data.variables}
        keyOf={(_, i) => String(i)}
        onAdd={() => update({ variables: [...data.variables, { name: '', description: '' }] }, 'add')}
        onRemove={(i) => update({ variables: data.variables.filter((_, j) => j !== i) }, 'remove')}
        render={(v, i) => (
          <>
            <VariableField
              label={t('editor.field.name')}
              value={v.name}
              onChange={(name) =>
                update({ variables: data.variables.map((x, j) => (j === i ? { ...x, name } : x)) }, `v:${i}:n`)
              }
            />
            <TextField
              label={t('editor.field.description')}
              value={v.description}
              onChange={(description) =>
                update({ variables: data.variables.map((x, j) => (j === i ? { ...x, description } : x)) }, `v:${i}:d`)
              }
            />
          </>
        )}
      />
      <div className="fx-grid-2">
        {num('temperature', 0, 2, 0.1)}
        {num('escalateThreshold', 0, 1, 0.05)}
        {num('historyMessages', 0, 50)}
        {num('maxTurns', 0, 500)}
      </div>
      <VariableField
        label={t('editor.field.scoreVariable')}
        value={data.scoreVariable}
        onChange={(scoreVariable) => update({ scoreVariable }, 'scoreVariable')}
      />
      <NumberField
        label={t('editor.field.timeoutMs')}
        value={data.timeoutMs}
        min={1000}
        max={120000}
        onChange={(timeoutMs) => timeoutMs !== null && update({ timeoutMs }, 'timeoutMs')}
      />
      <CheckField
        label={t('intent.allowImages')}
        checked={data.allowImages}
        onChange={(allowImages) => update({ allowImages }, 'allowImages')}
      />
      <CheckField
        label={t('intent.allowAudio')}
        checked={data.allowAudio}
        onChange={(allowAudio) => update({ allowAudio }, 'allowAudio')}
      />
    </>
  );
}
