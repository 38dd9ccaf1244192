import { Field } from './Field.tsx';

interface SelectFieldProps<V extends string> {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange(value: V): void;
  hint?: string;
}

export function SelectField<V extends string>({ label, value, options, onChange, hint }: SelectFieldProps<V>) {
  return (
    <Field label={label} {...(hint ? { hint } : {})}>
      {(id, hintId) => (
        <select
          id={id}
          className="fx-input fx-select"
          value={value}
          aria-describedby={hintId}
          onChange={(e) => onChange(e.target.value as V)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
