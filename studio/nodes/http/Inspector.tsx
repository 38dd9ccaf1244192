import { httpMethods } from '../../../shared/flow/nodes/http.ts';
import { useT } from '../../i18n/index.ts';
import { ListEditor } from '../form/ListEditor.tsx';
import { NumberField } from '../form/NumberField.tsx';
import { SelectField } from '../form/SelectField.tsx';
import { TemplateField } from '../form/TemplateField.tsx';
import { TextField } from '../form/TextField.tsx';
import { VariableField } from '../form/VariableField.tsx';
import type { InspectorProps } from '../inspector-props.ts';

export function HttpInspector({ node, update }: InspectorProps<'http'>) {
  const t = useT();
  const { data } = node;
  return (
    <>
      <div className="fx-grid-method">
        <SelectField
          label={t('editor.field.method')}
          value={data.method}
          options={httpMethods.map((m) => ({ value: m, label: m }))}
          onChange={(method) => update({ method }, 'method')}
        />
        <TemplateField label={t('editor.field.url')} value={data.url} onChange={(url) => update({ url }, 'url')} />
      </div>
      <ListEditor
        label={t('editor.field.headers')}
        items={data.headers}
        keyOf={(_, i) => String(i)}
        onAdd={() => update({ headers: [...data.headers, { name: '', value: '' }] }, 'add')}
        onRemove={(i) => update({ headers: data.headers.filter((_, j) => j !== i) }, 'remove')}
        render={(h, i) => (
          <>
            <TextField
              label={t('editor.field.name')}
              mono
              value={h.name}
              onChange={(name) =>
                update({ headers: data.headers.map((x, j) => (j === i ? { ...x, name } : x)) }, `h:${i}:n`)
              }
            />
            <TemplateField
              label={t('editor.field.value')}
              value={h.value}
              onChange={(value) =>
                update({ headers: data.headers.map((x, j) => (j === i ? { ...x, value } : x)) }, `h:${i}:v`)
              }
            />
          </>
        )}
      />
      {data.method !== 'GET' && (
        <TemplateField
          label={t('editor.field.body')}
          multiline
          rows={5}
          value={data.body}
          onChange={(body) => update({ body }, 'body')}
        />
      )}
      <ListEditor
        label={t('editor.field.mappings')}
        items={data.mappings}
        keyOf={(_, i) => String(i)}
        onAdd={() => update({ mappings: [...data.mappings, { variable: '', path: '' }] }, 'add')}
        onRemove={(i) => update({ mappings: data.mappings.filter((_, j) => j !== i) }, 'remove')}
        render={(m, i) => (
          <>
            <TextField
              label={t('editor.field.path')}
              mono
              placeholder="data.items.0.name"
              value={m.path}
              onChange={(path) =>
                update({ mappings: data.mappings.map((x, j) => (j === i ? { ...x, path } : x)) }, `m:${i}:p`)
              }
            />
            <VariableField
              label={t('editor.field.variableName')}
              value={m.variable}
              onChange={(variable) =>
                update({ mappings: data.mappings.map((x, j) => (j === i ? { ...x, variable } : x)) }, `m:${i}:v`)
              }
            />
          </>
        )}
      />
      <details className="fx-advanced">
        <summary>{t('editor.inspector.advanced')}</summary>
        <NumberField
          label={t('editor.field.timeoutMs')}
          value={data.timeoutMs}
          min={100}
          max={30000}
          onChange={(timeoutMs) => timeoutMs !== null && update({ timeoutMs }, 'timeoutMs')}
        />
        <VariableField
          label={t('editor.field.statusVariable')}
          value={data.statusVariable ?? ''}
          onChange={(v) => update({ statusVariable: v || undefined }, 'statusVariable')}
        />
      </details>
    </>
  );
}
