import { useEditorApi } from '../../editor/state/EditorProvider.tsx';
import { addMenuOption, moveMenuOption, removeMenuOption, updateMenuOption } from '../../editor/edits/options.ts';
import { useT } from '../../i18n/index.ts';
import { ChipsField } from '../form/ChipsField.tsx';
import { ListEditor } from '../form/ListEditor.tsx';
import { NumberField } from '../form/NumberField.tsx';
import { TemplateField } from '../form/TemplateField.tsx';
import { TextField } from '../form/TextField.tsx';
import { UnderstandAiFields } from '../form/UnderstandAiFields.tsx';
import { VariableField } from '../form/VariableField.tsx';
import type { InspectorProps } from '../inspector-props.ts';

export function MenuInspector({ node, update }: InspectorProps<'menu'>) {
  const t = useT();
  const api = useEditorApi();
  const { id, data } = node;
  const edit = api.getState().edit;
  const asList = data.options.length > 3;
  return (
    <>
      <TemplateField
        label={t('editor.field.text')}
        value={data.text}
        multiline
        maxLength={1024}
        onChange={(text) => update({ text }, 'text')}
      />
      <ListEditor
        label={t('editor.field.options')}
        items={data.options}
        keyOf={(o) => o.id}
        addLabel={t('editor.field.newOption')}
        onAdd={() =>
          edit((f) =>
            addMenuOption(f, id, `${t('editor.field.newOption')} ${data.options.length + 1}`, api.getState().id),
          )
        }
        onRemove={(i) => {
          const o = data.options[i];
          if (o) edit((f) => removeMenuOption(f, id, o.id));
        }}
        onMove={(from, to) => edit((f) => moveMenuOption(f, id, from, to))}
        render={(o) => (
          <>
            <TemplateField
              label={t('editor.field.optionTitle')}
              value={o.title}
              maxLength={asList ? 24 : 20}
              onChange={(title) => edit((f) => updateMenuOption(f, id, o.id, { title }), `opt:${id}:${o.id}:title`)}
            />
            {asList && (
              <TemplateField
                label={t('editor.field.optionDescription')}
                value={o.description ?? ''}
                maxLength={72}
                onChange={(d) =>
                  edit((f) => updateMenuOption(f, id, o.id, { description: d || undefined }), `opt:${id}:${o.id}:d`)
                }
              />
            )}
            <ChipsField
              label={t('intent.synonyms')}
              hint={t('intent.synonymsHint')}
              value={o.synonyms}
              maxLength={60}
              onChange={(synonyms) => edit((f) => updateMenuOption(f, id, o.id, { synonyms }), `opt:${id}:${o.id}:syn`)}
            />
          </>
        )}
      />
      <UnderstandAiFields value={data.ai} onChange={(ai) => update({ ai }, 'ai')} />
      {asList && (
        <TextField
          label={t('editor.field.buttonLabel')}
          value={data.buttonLabel}
          onChange={(buttonLabel) => update({ buttonLabel }, 'buttonLabel')}
        />
      )}
      <details className="fx-advanced">
        <summary>{t('editor.inspector.advanced')}</summary>
        <TemplateField
          label={t('editor.field.header')}
          value={data.header ?? ''}
          onChange={(header) => update({ header: header || undefined }, 'header')}
          maxLength={60}
        />
        <TemplateField
          label={t('editor.field.footer')}
          value={data.footer ?? ''}
          onChange={(footer) => update({ footer: footer || undefined }, 'footer')}
          maxLength={60}
        />
        <VariableField
          label={t('editor.field.variable')}
          value={data.variable ?? ''}
          onChange={(v) => update({ variable: v || undefined }, 'variable')}
        />
        <NumberField
          label={t('editor.field.retries')}
          value={data.retries}
          min={0}
          max={10}
          onChange={(retries) => retries !== null && update({ retries }, 'retries')}
        />
        <TemplateField
          label={t('editor.field.retryMessage')}
          value={data.retryMessage}
          onChange={(retryMessage) => update({ retryMessage }, 'retryMessage')}
        />
        <NumberField
          label={t('editor.field.timeoutMinutes')}
          hint={t('editor.field.timeoutHint')}
          nullable
          value={data.timeoutMinutes}
          min={1}
          onChange={(timeoutMinutes) => update({ timeoutMinutes }, 'timeoutMinutes')}
        />
      </details>
    </>
  );
}
