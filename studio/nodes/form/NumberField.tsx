import { useEffect, useState } from 'react';
import { Field } from './Field.tsx';

interface NumberFieldProps {
  label: string;
  value: number | null;
  onChange(value: number | null): void;
  /** When false, an empty box keeps the last number instead of meaning "none". */
  nullable?: boolean;
  min?: number;
  max?: number;
  step?: number;
  hint?: string;
}

/**
 * Keeps its own text while typing ("1," or "" mid-edit) and reports a number only when the
 * text is one; Brazilian decimal commas are accepted.
 */
export function NumberField({ label, value, onChange, nullable = false, min, max, step, hint }: NumberFieldProps) {
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => {
    setText((current) => (parse(current) === value ? current : value === null ? '' : String(value)));
  }, [value]);
  return (
    <Field label={label} {...(hint ? { hint } : {})}>
      {(id, hintId) => (
        <input
          id={id}
          className="fx-input fx-input--number"
          inputMode="decimal"
          value={text}
          aria-describedby={hintId}
          onChange={(e) => {
            setText(e.target.value);
            const n = parse(e.target.value);
            if (n === null && nullable) onChange(null);
            else if (n !== null && (min === undefined || n >= min) && (max === undefined || n <= max)) onChange(n);
          }}
          step={step}
        />
      )}
    </Field>
  );
}

function parse(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}
