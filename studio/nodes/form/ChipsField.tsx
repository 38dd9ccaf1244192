import { useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { Field } from './Field.tsx';

/** Splits "simulação, parcelas" into trimmed, distinct, non-empty words. */
export function splitChips(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Short words as chips: typed and added with a comma or Enter (a pasted "a, b, c" adds three),
 * each removed with its ×.
 */
export function ChipsField({
  label,
  hint,
  value,
  maxLength,
  onChange,
}: {
  label: string;
  hint?: string;
  value: readonly string[];
  maxLength?: number;
  onChange(value: string[]): void;
}) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const add = (text: string) => {
    const fresh = splitChips(text).filter((w) => !value.some((v) => v.toLowerCase() === w.toLowerCase()));
    if (fresh.length > 0) onChange([...value, ...new Set(fresh)]);
    setDraft('');
  };
  return (
    <Field label={label} {...(hint ? { hint } : {})}>
      {(id, hintId) => (
        <div className="fx-chips">
          {value.length > 0 && (
            <ul className="fx-tags" aria-label={label}>
              {value.map((word) => (
                <li key={word} className="fx-tag">
                  {word}{' '}
                  <button
                    type="button"
                    className="fx-tag__remove"
                    aria-label={t('intent.chips.remove', { word })}
                    onClick={() => onChange(value.filter((w) => w !== word))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <input
            id={id}
            className="fx-input"
            value={draft}
            maxLength={maxLength === undefined ? undefined : maxLength * 4}
            aria-describedby={hintId}
            onChange={(e) => {
              const text = e.target.value;
              if (text.includes(',')) add(text);
              else setDraft(text);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add(draft);
              }
            }}
            onBlur={() => draft.trim() && add(draft)}
          />
        </div>
      )}
    </Field>
  );
}
