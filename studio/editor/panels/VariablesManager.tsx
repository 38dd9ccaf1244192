import { useState, type FormEvent } from 'react';
import { variableTypes, type FlowVariable } from '../../../shared/flow/schema.ts';
import { useT } from '../../i18n/index.ts';
import { Icon } from '../../nodes/icons.tsx';
import {
  declareVariable,
  deleteVariable,
  isValidVariableName,
  renameVariable,
  updateVariable,
} from '../edits/variables.ts';
import { useEditor, useEditorApi } from '../state/EditorProvider.tsx';

/** Declare, rename (every use follows) and delete the flow's variables. */
export function VariablesManager() {
  const t = useT();
  const api = useEditorApi();
  const variables = useEditor((s) => s.flow.variables);
  // A big flow keeps dozens of variables, each row a few inputs: not needed for its first picture.
  const opened = useEditor((s) => s.opened);
  const [draft, setDraft] = useState('');
  const taken = variables.some((v) => v.name === draft);
  const valid = isValidVariableName(draft) && !taken;

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    api.getState().edit((f) => declareVariable(f, { name: draft, type: 'string', initial: null }));
    setDraft('');
  };

  return (
    <section className="fx-variables" aria-labelledby="fx-variables-title">
      <h3 className="fx-section-title" id="fx-variables-title">
        {t('editor.variables.title')}
      </h3>
      <p className="fx-field__hint">{t('editor.variables.hint')}</p>
      {variables.length === 0 && <p className="fx-muted">{t('editor.variables.empty')}</p>}
      <ul className="fx-variables__list" aria-busy={!opened}>
        {opened && variables.map((v) => <VariableRow key={v.name} variable={v} />)}
      </ul>
      <form className="fx-variables__add" onSubmit={add}>
        <input
          className={`fx-input fx-input--mono${draft && !valid ? ' is-invalid' : ''}`}
          aria-label={t('editor.variables.new')}
          placeholder={t('editor.variables.new')}
          value={draft}
          aria-invalid={Boolean(draft) && !valid}
          onChange={(e) => setDraft(e.target.value.replace(/\s/g, '_'))}
        />
        <button type="submit" className="fx-button" disabled={!valid}>
          <Icon name="plus" size={14} /> {t('editor.variables.add')}
        </button>
      </form>
      {draft && !valid && <p className="fx-field__hint is-error">{t('editor.variables.invalid')}</p>}
    </section>
  );
}

function VariableRow({ variable }: { variable: FlowVariable }) {
  const t = useT();
  const api = useEditorApi();
  const [name, setName] = useState(variable.name);
  const edit = api.getState().edit;
  // Renaming rewrites every `{{name}}` in the flow, so it happens once, on Enter or leaving the box.
  const commit = () => {
    if (name === variable.name) return;
    if (isValidVariableName(name)) edit((f) => renameVariable(f, variable.name, name));
    if (api.getState().flow.variables.every((v) => v.name !== name)) setName(variable.name);
  };
  return (
    <li className="fx-variables__row">
      <input
        className="fx-input fx-input--mono"
        aria-label={t('editor.variables.rename', { name: variable.name })}
        value={name}
        onChange={(e) => setName(e.target.value.replace(/\s/g, '_'))}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
      <select
        className="fx-input fx-select"
        aria-label={`${t('editor.variables.type')} ${variable.name}`}
        value={variable.type}
        onChange={(e) =>
          edit((f) => updateVariable(f, variable.name, { type: e.target.value as FlowVariable['type'] }))
        }
      >
        {variableTypes.map((type) => (
          <option key={type} value={type}>
            {t(`editor.variables.type.${type}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="fx-icon-button fx-icon-button--danger"
        aria-label={t('editor.variables.delete', { name: variable.name })}
        onClick={() => edit((f) => deleteVariable(f, variable.name))}
      >
        <Icon name="trash" size={14} />
      </button>
    </li>
  );
}
