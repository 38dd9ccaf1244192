import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useEditorApi } from '../../editor/state/EditorProvider.tsx';
import { variableSuggestions } from '../../editor/state/variables.ts';
import { useT } from '../../i18n/index.ts';
import { Icon } from '../icons.tsx';

interface TemplateFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  multiline?: boolean;
  rows?: number;
  hint?: string;
  placeholder?: string;
  /** WhatsApp's limit for this text; a counter shows how close the text is. */
  maxLength?: number;
}

type Completion = { start: number; query: string };

const opening = /\{\{\s*([\w.]*)$/;

/**
 * A text box for `{{variable}}` templates. Typing `{{` (or pressing the {x} button) opens a
 * list of the variables this flow knows; arrows move, Enter or Tab inserts, Escape closes.
 */
export function TemplateField({
  label,
  value,
  onChange,
  multiline,
  rows = 3,
  hint,
  placeholder,
  maxLength,
}: TemplateFieldProps) {
  const t = useT();
  const api = useEditorApi();
  const id = useId();
  const listId = `${id}-vars`;
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [completion, setCompletion] = useState<Completion | null>(null);
  const [active, setActive] = useState(0);

  // Read on demand rather than subscribing: a field should not re-render on every canvas change.
  const suggestions = useMemo(() => {
    if (!completion) return [];
    const q = completion.query.toLowerCase();
    return variableSuggestions(api.getState().flow)
      .filter((s) => s.name.toLowerCase().includes(q))
      .slice(0, 8);
  }, [completion, api]);
  const open = completion !== null && suggestions.length > 0;

  const detect = (text: string, caret: number | null) => {
    const m = opening.exec(text.slice(0, caret ?? text.length));
    setCompletion(m ? { start: m.index, query: m[1] ?? '' } : null);
    setActive(0);
  };

  const insert = (name: string) => {
    const el = ref.current;
    if (!el || !completion) return;
    const caret = el.selectionStart ?? value.length;
    const tail = value.slice(caret).replace(/^[\w.]*\s*\}\}/, '');
    const placeholderText = `{{${name}}}`;
    onChange(value.slice(0, completion.start) + placeholderText + tail);
    setCompletion(null);
    const at = completion.start + placeholderText.length;
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(at, at);
    });
  };

  const startCompletion = () => {
    const el = ref.current;
    if (!el) return;
    const caret = el.selectionStart ?? value.length;
    const next = `${value.slice(0, caret)}{{${value.slice(caret)}`;
    onChange(next);
    setCompletion({ start: caret, query: '' });
    setActive(0);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(caret + 2, caret + 2);
    });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!open) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + suggestions.length) % suggestions.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      const chosen = suggestions[active];
      if (chosen) insert(chosen.name);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setCompletion(null);
    }
  };

  const common = {
    id,
    ref,
    value,
    placeholder,
    className: 'fx-input fx-template',
    'aria-autocomplete': 'list' as const,
    'aria-controls': open ? listId : undefined,
    'aria-activedescendant': open ? `${listId}-${active}` : undefined,
    onKeyDown,
    onBlur: () => setCompletion(null),
    onChange: (e: { target: HTMLInputElement | HTMLTextAreaElement }) => {
      onChange(e.target.value);
      detect(e.target.value, e.target.selectionStart);
    },
  };

  const over = maxLength !== undefined && value.length > maxLength;
  return (
    <div className="fx-field">
      <div className="fx-field__top">
        <label className="fx-field__label" htmlFor={id}>
          {label}
        </label>
        <button
          type="button"
          className="fx-var-button"
          onMouseDown={(e) => e.preventDefault()}
          onClick={startCompletion}
          aria-label={`${t('editor.inspector.variables')}: ${label}`}
          title={t('editor.inspector.variables')}
        >
          <Icon name="variable" size={14} />
        </button>
      </div>
      <div className="fx-template__wrap">
        {/* A single-line box is a combobox; a textarea keeps its textbox role (combobox is not allowed on it). */}
        {multiline ? <textarea rows={rows} {...common} /> : <input role="combobox" aria-expanded={open} {...common} />}
        {open && (
          <ul className="fx-completion" id={listId} role="listbox" aria-label={t('editor.inspector.variables')}>
            {suggestions.map((s, i) => (
              <li
                key={s.name}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'is-active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  insert(s.name);
                }}
              >
                <code>{s.name}</code>
                <span className="fx-completion__source">{t(`editor.variables.source.${s.source}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {(hint || maxLength !== undefined) && (
        <p className="fx-field__hint">
          {hint}
          {maxLength !== undefined && (
            <span className={`fx-counter${over ? ' is-over' : ''}`}>
              {t('editor.inspector.chars', { n: value.length, max: maxLength })}
            </span>
          )}
        </p>
      )}
    </div>
  );
}
