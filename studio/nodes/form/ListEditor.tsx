import type { ReactNode } from 'react';
import { useT } from '../../i18n/index.ts';
import { Icon } from '../icons.tsx';

interface ListEditorProps<T> {
  label: string;
  items: readonly T[];
  keyOf(item: T, index: number): string;
  render(item: T, index: number): ReactNode;
  onAdd(): void;
  onRemove(index: number): void;
  onMove?(from: number, to: number): void;
  addLabel?: string;
}

/** Rows of sub-fields with add, remove and (optionally) reorder buttons, all keyboard reachable. */
export function ListEditor<T>({ label, items, keyOf, render, onAdd, onRemove, onMove, addLabel }: ListEditorProps<T>) {
  const t = useT();
  return (
    <fieldset className="fx-list">
      <legend className="fx-field__label">{label}</legend>
      <ol className="fx-list__items">
        {items.map((item, i) => (
          <li key={keyOf(item, i)} className="fx-list__item">
            <div className="fx-list__fields">{render(item, i)}</div>
            <div className="fx-list__actions">
              {onMove && (
                <>
                  <button
                    type="button"
                    className="fx-icon-button"
                    aria-label={`${t('editor.inspector.moveUp')} ${i + 1}`}
                    disabled={i === 0}
                    onClick={() => onMove(i, i - 1)}
                  >
                    <Icon name="up" size={14} />
                  </button>
                  <button
                    type="button"
                    className="fx-icon-button"
                    aria-label={`${t('editor.inspector.moveDown')} ${i + 1}`}
                    disabled={i === items.length - 1}
                    onClick={() => onMove(i, i + 1)}
                  >
                    <Icon name="down" size={14} />
                  </button>
                </>
              )}
              <button
                type="button"
                className="fx-icon-button fx-icon-button--danger"
                aria-label={`${t('editor.inspector.remove')} ${i + 1}`}
                onClick={() => onRemove(i)}
              >
                <Icon name="trash" size={14} />
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" className="fx-button fx-button--ghost" onClick={onAdd}>
        <Icon name="plus" size={14} /> {addLabel ?? t('editor.inspector.add')}
      </button>
    </fieldset>
  );
}
