import { useId } from 'react';
import { useEditor } from '../../editor/state/EditorProvider.tsx';

interface VariableFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
}

/** A variable name box that suggests the flow's declared variables (native datalist, keyboard friendly). */
export function VariableField({ label, value, onChange, hint }: VariableFieldProps) {
  const id = useId();
  const variables = useEditor((s) => s.flow.variables);
  const invalid = value !== '' && !/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/.test(value);
  return (
    <div className="fx-field">
      <label className="fx-field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className={`fx-input fx-input--mono${invalid ? ' is-invalid' : ''}`}
        list={`${id}-list`}
        value={value}
        aria-invalid={invalid}
        spellCheck={false}
        autoCapitalize="off"
        onChange={(e) => onChange(e.target.value.replace(/\s/g, '_'))}
      />
      <datalist id={`${id}-list`}>
        {variables.map((v) => (
          <option key={v.name} value={v.name} />
        ))}
      </datalist>
      {hint && <p className="fx-field__hint">{hint}</p>}
    </div>
  );
}
