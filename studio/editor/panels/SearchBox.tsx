import { useMemo, useState } from 'react';
import type { FlowNode } from '../../../shared/flow/schema.ts';
import { useT } from '../../i18n/index.ts';
import { nodeColors } from '../../nodes/colors.ts';
import { Icon } from '../../nodes/icons.tsx';
import { useListKeys } from '../../ui/use-list-keys.ts';
import { usePanelFocus } from '../../ui/use-panel-focus.ts';
import { useEditor } from '../state/EditorProvider.tsx';
import { searchNodes } from '../state/search.ts';

interface SearchBoxProps {
  onFocusNode(id: string): void;
  onClose(): void;
}

/** Ctrl+F: type, see the matching nodes, arrows to choose, Enter to fly there. */
export function SearchBox({ onFocusNode, onClose }: SearchBoxProps) {
  const t = useT();
  const nodes = useEditor((s) => s.flow.nodes);
  const [query, setQuery] = useState('');
  const input = usePanelFocus<HTMLInputElement>();
  const hits = useMemo(() => searchNodes(nodes, query, (n: FlowNode) => t(`editor.node.${n.type}`)), [nodes, query, t]);
  const { active, setActive, onKeyDown } = useListKeys(hits, (hit) => onFocusNode(hit.id), onClose);

  return (
    <div className="fx-search" role="search" onKeyDown={onKeyDown}>
      <div className="fx-search__box">
        <Icon name="search" size={16} />
        <input
          ref={input}
          className="fx-search__input"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls="fx-search-results"
          aria-activedescendant={hits[active] ? `fx-search-${hits[active].id}` : undefined}
          aria-label={t('editor.search.label')}
          placeholder={t('editor.search.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
        />
        <button type="button" className="fx-icon-button" aria-label={t('editor.preview.close')} onClick={onClose}>
          <Icon name="close" size={14} />
        </button>
      </div>
      {query.trim() && (
        <>
          <p className="fx-search__count">
            {hits.length ? t('editor.search.count', { n: hits.length }) : t('editor.search.none')}
          </p>
          <ul
            className="fx-search__results"
            id="fx-search-results"
            role="listbox"
            aria-label={t('editor.search.label')}
          >
            {hits.map((hit, i) => (
              <li
                key={hit.id}
                id={`fx-search-${hit.id}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'is-active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  onFocusNode(hit.id);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className="fx-search__type" style={{ color: nodeColors[hit.type] }}>
                  <Icon name={hit.type} size={14} /> {t(`editor.node.${hit.type}`)}
                </span>
                <span className="fx-search__snippet">{hit.snippet}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
