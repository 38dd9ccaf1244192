import { Field } from './Field.tsx';

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  placeholder?: string;
  mono?: boolean;
}

export function TextField({ label, value, onChange, hint, placeholder, mono }: TextFieldProps) {
  return (
    <Field label={label} {...(hint ? { hint } : {})}>
      {(id, hintId) => (
        <input
          id={id}
          className={`fx-input${mono ? ' fx-input--mono' : ''}`}
          value={value}
          placeholder={placeholder}
          aria-describedby={hintId}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
