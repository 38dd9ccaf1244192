import type { DragEvent } from 'react';
import type { NodeType } from '../../../shared/flow/nodes/index.ts';
import { useT } from '../../i18n/index.ts';
import { nodeColors } from '../../nodes/colors.ts';
import { Icon } from '../../nodes/icons.tsx';
import { useEditor } from '../state/EditorProvider.tsx';
import { paletteGroups, paletteMime } from './palette-groups.ts';

/** Every node type: drag onto the canvas, or click (or Enter) to add it in the middle of the view. */
export function Palette({ onAdd }: { onAdd(type: NodeType): void }) {
  const t = useT();
  const hasStart = useEditor((s) => s.flow.nodes.some((n) => n.type === 'start'));
  const readOnly = useEditor((s) => s.readOnly);

  const onDragStart = (e: DragEvent, type: NodeType) => {
    e.dataTransfer.setData(paletteMime, type);
    e.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <nav className="fx-palette" aria-label={t('editor.palette.title')}>
      <p className="fx-palette__hint">{t('editor.palette.hint')}</p>
      {paletteGroups.map((group) => (
        <section key={group.title} className="fx-palette__group">
          <h3 className="fx-palette__title">{t(group.title)}</h3>
          {group.types.map((type) => {
            const disabled = readOnly || (type === 'start' && hasStart);
            const label = t(`editor.node.${type}`);
            return (
              <button
                key={type}
                type="button"
                className="fx-palette__item"
                data-testid={`palette-${type}`}
                draggable={!disabled}
                disabled={disabled}
                aria-label={t('editor.palette.add', { type: label })}
                title={type === 'start' && hasStart ? t('editor.palette.startExists') : t(`editor.hint.${type}`)}
                onDragStart={(e) => onDragStart(e, type)}
                onClick={() => onAdd(type)}
                style={{ '--node-color': nodeColors[type] } as React.CSSProperties}
              >
                <span className="fx-palette__icon">
                  <Icon name={type} />
                </span>
                <span className="fx-palette__text">
                  <span className="fx-palette__label">{label}</span>
                  <span className="fx-palette__desc">{t(`editor.hint.${type}`)}</span>
                </span>
              </button>
            );
          })}
        </section>
      ))}
    </nav>
  );
}
