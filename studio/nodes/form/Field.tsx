import { useId, type ReactNode } from 'react';

/** A label above its control, with an optional hint; `children` gets the id to put on the control. */
export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: (id: string, hintId?: string) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="fx-field">
      <label className="fx-field__label" htmlFor={id}>
        {label}
      </label>
      {children(id, hintId)}
      {hint && (
        <p className="fx-field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
