import { useMemo, useState } from 'react';
import type { NodeType } from '../../../shared/flow/nodes/index.ts';
import { useT } from '../../i18n/index.ts';
import { nodeColors } from '../../nodes/colors.ts';
import { Icon } from '../../nodes/icons.tsx';
import { useListKeys } from '../../ui/use-list-keys.ts';
import { paletteTypes } from '../panels/palette-groups.ts';

interface NodePickerProps {
  /** Where the edge was dropped, relative to the canvas box. */
  at: { x: number; y: number };
  onPick(type: NodeType): void;
  onClose(): void;
}

const connectable = paletteTypes.filter((t) => t !== 'start' && t !== 'note');

/** Opens where an edge was dropped on empty canvas: pick what comes next, it is created and connected. */
export function NodePicker({ at, onPick, onClose }: NodePickerProps) {
  const t = useT();
  const [filter, setFilter] = useState('');
  const types = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return connectable.filter((type) => !q || t(`editor.node.${type}`).toLowerCase().includes(q));
  }, [filter, t]);
  const { active, setActive, onKeyDown } = useListKeys(types, onPick, onClose);

  return (
    <div
      className="fx-popover fx-picker nodrag nopan"
      style={{ left: at.x, top: at.y }}
      role="dialog"
      aria-label={t('editor.picker.title')}
      onKeyDown={onKeyDown}
    >
      <p className="fx-popover__title">{t('editor.picker.title')}</p>
      <input
        className="fx-input"
        autoFocus
        aria-label={t('editor.picker.filter')}
        placeholder={t('editor.picker.filter')}
        value={filter}
        onChange={(e) => {
          setFilter(e.target.value);
          setActive(0);
        }}
        onBlur={(e) => {
          if (!e.currentTarget.parentElement?.contains(e.relatedTarget)) onClose();
        }}
      />
      <ul className="fx-picker__list" role="listbox" aria-label={t('editor.picker.title')}>
        {types.map((type, i) => (
          <li key={type} role="option" aria-selected={i === active}>
            <button
              type="button"
              className={`fx-picker__item${i === active ? ' is-active' : ''}`}
              onClick={() => onPick(type)}
              onMouseEnter={() => setActive(i)}
            >
              <span className="fx-palette__icon" style={{ color: nodeColors[type] }}>
                <Icon name={type} />
              </span>
              {t(`editor.node.${type}`)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
